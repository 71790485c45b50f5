"""The register's filters (django-filter): plain GET parameters, so every view of the register is a shareable link."""
import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import articles, search
from proposals.core.infra.pagination import EARLIEST_YEAR, LATEST_YEAR
from proposals.core.models import Category, Language, Party, Region, SubmitterKind
from proposals.core.workflow import DECIDED_STATES, State

PUBLIC_STATES = [
    State.IN_REVIEW, State.WITH_WORKING_GROUP, State.ACCEPTED, State.PARTIALLY_ACCEPTED, State.NOT_ACCEPTED,
    State.OUT_OF_SCOPE,
]
SORTS = [
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("decided", _("Recently decided")),
]


def public_state_condition(state):
    """What "state" means in public: a decision counts only once released; until then it is with the Working Group."""
    if state in DECIDED_STATES:
        return Q(state=state, decision_released_at__isnull=False)
    if state == State.WITH_WORKING_GROUP:
        return Q(state=state) | Q(state__in=DECIDED_STATES, decision_released_at__isnull=True)
    return Q(state=state)


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    """A reference-data filter addressed by slug, labelled in the interface language."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("empty_label", _("All"))
        super().__init__(*args, **kwargs)


class RegisterFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search", max_length=200)
    category = NamedChoiceFilter(label=_("Topic"), queryset=Category.objects.all())
    kind = django_filters.ChoiceFilter(
        label=_("Submitted by"), field_name="submitter_kind", choices=SubmitterKind.choices, empty_label=_("All")
    )
    party = NamedChoiceFilter(label=_("Political party"), queryset=Party.objects.all())
    region = NamedChoiceFilter(label=_("Region"), queryset=Region.objects.all())
    state = django_filters.ChoiceFilter(
        label=_("Status"), method="filter_state", empty_label=_("All"),
        choices=[(state.value, state.label) for state in PUBLIC_STATES],
    )
    language = django_filters.ChoiceFilter(label=_("Language of the original"), choices=Language.choices,
                                           empty_label=_("All"))
    received_from = django_filters.DateFilter(
        label=_("Received from"), method="filter_received_from", widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = django_filters.DateFilter(
        label=_("Received until"), method="filter_received_to", widget=forms.DateInput(attrs={"type": "date"})
    )
    article = django_filters.CharFilter(
        label=_("Article of the Constitution"), method="filter_article", max_length=10,
        help_text=_("For example: 50-1"),
    )
    sort = django_filters.ChoiceFilter(label=_("Order"), choices=SORTS, method="keep", empty_label=None)

    def filter_search(self, queryset, name, value):
        return search.search(queryset, value)

    def filter_state(self, queryset, name, value):
        return queryset.filter(public_state_condition(value))

    def filter_received_from(self, queryset, name, value):
        if value.year < EARLIEST_YEAR:
            return queryset
        if value.year > LATEST_YEAR:
            return queryset.none()
        return queryset.filter(received_at__gte=start_of_day(value))

    def filter_received_to(self, queryset, name, value):
        if value.year > LATEST_YEAR:
            return queryset
        if value.year < EARLIEST_YEAR:
            return queryset.none()
        return queryset.filter(received_at__lt=start_of_day(value + datetime.timedelta(days=1)))

    def filter_article(self, queryset, name, value):
        # "50-1" as typed, or "50.1", "ст. 50": one article number; anything else matches nothing.
        return articles.citing(queryset, value, listed=True)

    def keep(self, queryset, name, value):
        # Ordering is the paginator's job (it needs the keys for its cursors).
        return queryset


def start_of_day(date):
    """The first moment of ``date`` in the site's time zone (a range on the indexed column, not a cast)."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))
