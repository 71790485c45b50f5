"""Full-text search: PostgreSQL tsvector with unaccent (Kazakh and Russian mixed), a portable fallback elsewhere.

Hits are ordered by the caller (by date), not by rank: ranking a common word over a large table is slow.
"""
import re
import unicodedata

from django.db import connection
from django.db.models import BooleanField, CharField, Func, Q
from django.db.models.expressions import RawSQL

MAX_WORDS = 8
# Staff search (the console) looks at everything it has always looked at, the unpublished original text included.
SEARCHED_FIELDS = ("title", "text", "summary_kk", "summary_ru", "summary_en")
# Public search looks only at what the public sees: the public titles, the original title (the detail page shows it,
# labelled), the published summaries, and the Working Group's response once the decision is released. Never the
# text, the rationale or contact details.
PUBLIC_FIELDS = ("title_kk", "title_ru", "title_en", "title", "summary_kk", "summary_ru", "summary_en")
RELEASED_FIELDS = ("response_kk", "response_ru", "response_en")
# Each stored tsvector (migrations 0005 and 0020) indexes exactly the fields above.
STAFF_VECTOR, PUBLIC_VECTOR = "search_vector", "public_search_vector"


def words(query):
    """The words of a search query: letters and digits only (so nothing reaches SQL but plain words)."""
    return re.findall(r"[^\W_]+", str(query or ""))[:MAX_WORDS]


def fold(value):
    """Lower case without accents: "Ёлка" -> "елка", "Жарлық" -> "жарлық" (Kazakh letters stay themselves)."""
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    # Only strip marks from letters that decompose into a base letter plus an accent (ё, й, é), as unaccent does.
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


class Fold(Func):
    """SQL call of the fold() function registered on SQLite connections."""

    function = "parlreform_fold"
    output_field = CharField()


def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("parlreform_fold", 1, fold, deterministic=True)


def condition(terms, lookup, staff=False):
    """Every term in some searched field; ``lookup(field, term)`` is the Q of one field holding one term.

    The public fields only unless ``staff``; a response counts only once its decision is released.
    """
    def anywhere(fields, term):
        return Q(*[lookup(name, term) for name in fields], _connector=Q.OR)

    result = Q()
    for term in terms:
        if staff:
            result &= anywhere(SEARCHED_FIELDS, term)
        else:
            released = Q(decision_released_at__isnull=False) & anywhere(RELEASED_FIELDS, term)
            result &= anywhere(PUBLIC_FIELDS, term) | released
    return result


def search(queryset, query, staff=False):
    """``queryset`` narrowed to proposals holding every word (as a prefix) in what the public sees.

    ``staff``: in everything staff search has always read (title, text, summaries), for the console only.
    """
    terms = words(query)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"{term}:*" for term in terms)
        match = RawSQL(
            # Qualified: the self-join to duplicate_of brings a second vector of each kind into the query.
            f'"proposals_proposal"."{STAFF_VECTOR if staff else PUBLIC_VECTOR}" '
            "@@ to_tsquery('simple', parlreform_unaccent(%s))",
            [tsquery],
            output_field=BooleanField(),
        )
        return queryset.filter(match)
    fields = SEARCHED_FIELDS if staff else PUBLIC_FIELDS + RELEASED_FIELDS
    annotations = {f"_fold_{name}": Fold(name) for name in fields}
    folded = [fold(term) for term in terms]
    return queryset.alias(**annotations).filter(
        condition(folded, lambda name, term: Q(**{f"_fold_{name}__contains": term}), staff=staff)
    )
