"""The console's articles: the Constitution's sections and articles, a proposal's article links, queue filters."""
from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet, ModelChoiceIteratorValue
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from proposals.core import articles, services
from proposals.core.models import Article, ProposalArticle, Section


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["number", "name_kk", "name_ru", "name_en"]
    search_fields = ["name_kk", "name_ru", "name_en"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    """Staff load texts here one by one (or many with manage.py load_constitution) and add an article that a
    proposal would create; nobody deletes one (proposals link to it: mark it not in force instead)."""

    list_display = ["number", "section", "in_force", "edition", "has_text"]
    list_filter = ["section", "in_force"]
    search_fields = ["number"]
    list_select_related = ["section"]
    ordering = ["main", "sub"]
    fields = ["number", "section", "in_force", "edition", "text_kk", "text_ru", "text_en"]

    @admin.display(description=_("text loaded"), boolean=True)
    def has_text(self, article):
        return bool(article.text_kk or article.text_ru or article.text_en)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.base_fields["number"].validators.append(validate_number)
        return form


def validate_number(value):
    from proposals.core.articles import NUMBER_FORMAT

    if not NUMBER_FORMAT.match(value or ""):
        raise forms.ValidationError(_("Write the number as the Constitution does: 50 or 44-1."), code="invalid_number")


class LinkFormSet(BaseInlineFormSet):
    """Saves the whole set of links through services.proposal_articles_set (its check, its one event).

    Every row's article list is read once and shared: Django's inline forms would each read the articles again
    (a query per linked article), so the page's queries would grow with the links.
    """

    request = None
    _article_choices = None

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields.get("article")
        if field is None:
            return
        if self._article_choices is None:
            self._article_choices = article_choices(field)
        # The admin wraps the select (add and change links); the select inside renders the options.
        getattr(field.widget, "widget", field.widget).choices = self._article_choices

    def save(self, commit=True):
        links = []
        for form in self.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            data = form.cleaned_data
            if data.get("article") is not None:
                links.append((data["article"], data["change"]))
        if self.has_changed():
            services.proposal_articles_set(proposal=self.instance, actor=self.request.user, links=links)
        # Nothing for the admin's own log to list one by one: the service's event is the record.
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
        self.save_m2m = lambda: None
        return []


def article_choices(field):
    """The select's options from one plain query (the field's own iterator counts the rows first and reads them
    through a server-side cursor on PostgreSQL: three round trips for a hundred rows)."""
    choices = [("", field.empty_label)] if field.empty_label is not None else []
    choices.extend((ModelChoiceIteratorValue(article.pk, article), field.label_from_instance(article))
                   for article in field.queryset)
    return choices


class ArticleLinkInline(admin.TabularInline):
    """Articles the proposal concerns and what it would do to each; saved through the service, as one edit."""

    model = ProposalArticle
    formset = LinkFormSet
    fields = ["article", "change"]
    extra = 1
    verbose_name = _("article of the Constitution")
    verbose_name_plural = _("articles of the Constitution (links)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            kwargs["queryset"] = Article.objects.select_related("section").order_by("main", "sub")
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            # Number and section, as the public picker shows them.
            field.label_from_instance = lambda article: f"{article.number} · {article.section}"
            # A table's cells have no <label>: each select is named for screen readers (axe: select-name).
            field.widget.attrs["aria-label"] = capfirst(db_field.verbose_name)
            return field
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        field = super().formfield_for_choice_field(db_field, request, **kwargs)
        field.widget.attrs["aria-label"] = capfirst(db_field.verbose_name)
        return field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.request = request
        return formset

    def _may_edit(self, request, obj):
        return obj is not None and "articles" in services.editable_fields(obj, request.user)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("proposals.view_proposal")

    def has_add_permission(self, request, obj=None):
        return self._may_edit(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_edit(request, obj)


class ArticleFilter(admin.SimpleListFilter):
    """Proposals linked to one article, typed as the Constitution numbers it (?article=50-1)."""

    title = _("article")
    parameter_name = "article"
    template = "console/includes/article_filter.html"

    def lookups(self, request, model_admin):
        # A typed number, not a list of every article: the template shows a small form.
        return [("", "")]

    def choices(self, changelist):
        # The form keeps the list's other filters and search as hidden fields.
        kept = [
            (name, value)
            for name, values in changelist.get_filters_params().items() if name != self.parameter_name
            for value in (values if isinstance(values, list) else [values])
        ]
        if changelist.query:
            kept.append(("q", changelist.query))
        yield {
            "selected": bool(self.value()), "display": self.value() or "", "kept": kept,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
        }

    def queryset(self, request, queryset):
        value = self.value()
        return articles.citing(queryset, value) if value else queryset


class SectionFilter(admin.SimpleListFilter):
    """Proposals linked to any article of one section."""

    title = _("section of the Constitution")
    parameter_name = "section"

    def lookups(self, request, model_admin):
        return [(str(section.number), str(section)) for section in Section.objects.all()]

    def queryset(self, request, queryset):
        value = self.value()
        if not value or not value.isdigit():
            return queryset
        return articles.citing_section(queryset, int(value))
