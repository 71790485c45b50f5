"""The Constitution's public pages: its sections and articles with what was proposed on each, and one article."""
from django.http import Http404
from django.views.generic import TemplateView

from proposals.core import constitution
from proposals.site.views import page_links


class ConstitutionView(TemplateView):
    """/constitution/: every section and article with its published proposals, by submitter kind, and accepted."""

    template_name = "site/constitution.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "sections": constitution.constitution_index()}


class ArticleView(TemplateView):
    """/constitution/<number>/: the article's text, and the register's filters and pages restricted to it."""

    template_name = "site/constitution_article.html"

    def get_context_data(self, **kwargs):
        article = constitution.article(self.kwargs["number"])
        if article is None:
            raise Http404
        result = constitution.article_page(article, self.request.GET)
        # The address names the article: the form offers every other filter of the register.
        result["filter"].form.fields.pop("article", None)
        context = {**super().get_context_data(**kwargs), **result, "article": article}
        context["page_links"] = page_links(self.request, result["page"])
        return context
