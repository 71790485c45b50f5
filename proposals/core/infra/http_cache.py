"""HTTP caching of public answers: their validator, Cache-Control, and the shared page cache keyed by the data versions.

Public pages and open data answer anonymous GETs the same for everyone, so a proxy may keep them (``public`` with a
short ``max-age`` for browsers and a longer ``s-maxage`` for shared caches) and the app keeps each rendered answer in
its ``pages`` cache (Django's ``cache_page``). Both are keyed by the public data version and the reference data version:
a publication, a released decision or an unpublication bumps the public version, so the next request after its commit
reads a new key (and a new ETag) and is rendered again.
"""
import hashlib
from functools import wraps
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.middleware import locale
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_response_headers
from django.views.decorators.cache import cache_page
from django.views.decorators.http import condition

from proposals.core.infra import reference_version, versioned_cache
from proposals.core.selectors import VERSION_KEY as PUBLIC_VERSION_KEY

SAFE_METHODS = ("GET", "HEAD")
# The cache alias of rendered pages (settings.CACHES): bounded apart from the figures and counts.
PAGES = "pages"
# And each process's own copy of the pages it served, under the same versioned keys: a hit then costs the one read of
# the data versions instead of three reads of the shared cache.
LOCAL_PAGES = "pages-local"


def data_versions(request):
    """(public version, reference version) in force for ``request``: one cache read, remembered on the request."""
    if not hasattr(request, "_data_versions"):
        request._data_versions = tuple(
            versioned_cache.current_many([PUBLIC_VERSION_KEY, reference_version.VERSION_KEY])
        )
    return request._data_versions


def key_prefix(request, language):
    """The page cache's key prefix for ``request`` in ``language``; Django's cache_page adds the full URL."""
    public, reference = data_versions(request)
    return f"page:{public}:{reference}:{language}"


def etag(request, language, address=None):
    """The strong validator of a public answer: the data versions, the language and ``address`` (default: the full
    path with its query), hashed."""
    raw = f"{key_prefix(request, language)}|{address if address is not None else request.get_full_path()}"
    return f'"{hashlib.sha256(raw.encode()).hexdigest()[:32]}"'


def signed_in(request):
    """Whether ``request`` carries the session of a signed-in user (only staff sign in).

    Read from a session store of its own, not ``request.session``: touching that makes every answer vary on
    cookies. Costs one read, and only for requests that carry a session cookie.
    """
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    return SESSION_KEY in import_module(settings.SESSION_ENGINE).SessionStore(session_key)


def personal(request):
    """Whether rendering this request touched the session or the CSRF token: its answer is then for this browser
    only (it may set a cookie or show a token), never for a shared cache."""
    session = getattr(request, "session", None)
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE")) or (session is not None and session.accessed)


def mark_public(response):
    """Cache-Control for an answer anyone may keep: browsers for PARLREFORM_PUBLIC_MAX_AGE, shared caches (proxies,
    CDNs, this app's page cache) for PARLREFORM_PUBLIC_S_MAXAGE; Expires for HTTP/1.0 caches."""
    patch_response_headers(response, settings.PARLREFORM_PUBLIC_MAX_AGE)
    patch_cache_control(
        response, public=True, max_age=settings.PARLREFORM_PUBLIC_MAX_AGE, s_maxage=settings.PARLREFORM_PUBLIC_S_MAXAGE
    )


def _rendered(view):
    """``view`` with its answer rendered here and marked: public, or never cached if rendering turned out personal.

    Rendered before the page cache sees it, so that what the template touched (a CSRF token, the session) is known
    before anything is stored.
    """
    @wraps(view)
    def inner(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response.render()
        if personal(request):
            add_never_cache_headers(response)
        elif response.status_code == 200:
            mark_public(response)
        return response

    return inner


def _kept_locally(view):
    """``view`` (the shared page cache) with what it answers offered to the process's own cache around it.

    Both are Django's cache_page, one inside the other, and they share Django's per-request flag
    ``_cache_update_cache``: the shared cache lowers it when it serves a stored page, which would stop the outer one
    from keeping that page. Raising it again leaves every other check of Django's to the outer cache (a 200, not
    streamed, not private, no cookie set).
    """
    @wraps(view)
    def inner(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        request._cache_update_cache = True
        return response

    return inner


def public(view=None, *, language=None, address=None):
    """Decorate a view of public data: ETag and 304s, Cache-Control public, and the shared page cache.

    ``language(request)`` names the answer's language (default: the active one, from the URL prefix);
    ``address(request)`` what else names it (default: the full path with its query). Only anonymous GETs and HEADs
    are cached (unless PARLREFORM_PAGE_CACHE is off); a signed-in member of staff bypasses the page cache and gets
    an answer nobody else keeps; other methods pass straight through. Only 200 answers are stored (Django's cache
    middleware stores nothing else).
    """
    def decorate(view):
        rendered = _rendered(view)

        @wraps(view)
        def inner(request, *args, **kwargs):
            if request.method not in SAFE_METHODS:
                return view(request, *args, **kwargs)
            if signed_in(request):
                response = view(request, *args, **kwargs)
                add_never_cache_headers(response)
                return response
            answer_language = language(request) if language else translation.get_language()
            validator = etag(request, answer_language, address(request) if address else None)
            if settings.PARLREFORM_PAGE_CACHE:
                prefix = key_prefix(request, answer_language)
                shared = cache_page(settings.PARLREFORM_PUBLIC_S_MAXAGE, cache=PAGES, key_prefix=prefix)(rendered)
                answer = cache_page(settings.PARLREFORM_PUBLIC_S_MAXAGE, cache=LOCAL_PAGES, key_prefix=prefix)(
                    _kept_locally(shared)
                )
            else:
                answer = rendered
            response = condition(etag_func=lambda *args, **kwargs: validator)(answer)(request, *args, **kwargs)
            if response.status_code == 304 and not personal(request):
                mark_public(response)
            # The language is the address's (the API's lang parameter), not the browser's: see LocaleMiddleware.
            response.language_in_address = language is not None
            return response

        return inner

    return decorate(view) if view is not None else decorate


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware, without ``Vary: Accept-Language`` on answers whose address names their language.

    Django adds it to every answer outside the language-prefixed patterns, since it may have read the browser's
    language; a public() view given ``language`` (the API's lang parameter) never does, and the header would only
    split every proxy's copy of it by each browser's Accept-Language. Pages under a prefix never get it from Django.
    """

    def process_response(self, request, response):
        if getattr(response, "language_in_address", False):
            return response
        return super().process_response(request, response)
