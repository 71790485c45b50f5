"""The language switcher's links: this page, with its query, in each of the site's languages."""
from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: {code, name (in that language), url, current}.

    Plain links, not the set_language form: the language is the URL's prefix, so a page sets no cookie and reads no
    session (anyone may cache it). A path that names no page (a 404) links to each language's home.
    """
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current:
            with translation.override(code):
                url = reverse("home")
        links.append({
            "code": code, "name": translation.get_language_info(code)["name_local"], "url": url,
            "current": code == current,
        })
    return links
