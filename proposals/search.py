"""Full-text search: PostgreSQL tsvector with unaccent (Kazakh and Russian mixed), a portable fallback elsewhere.

Hits are ordered by the caller (by date), not by rank: ranking a common word over a large table is slow.
"""
import re
import unicodedata

from django.db import connection
from django.db.models import BooleanField, CharField, Func, Q
from django.db.models.expressions import RawSQL

MAX_WORDS = 8
SEARCHED_FIELDS = ("title", "text", "summary_kk", "summary_ru", "summary_en")


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


def search(queryset, query):
    """``queryset`` narrowed to proposals whose title, text or summaries contain every word (as a prefix)."""
    terms = words(query)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"{term}:*" for term in terms)
        match = RawSQL(
            # Qualified: the self-join to duplicate_of brings a second search_vector into the query.
            '"proposals_proposal"."search_vector" @@ to_tsquery(\'simple\', parlreform_unaccent(%s))',
            [tsquery],
            output_field=BooleanField(),
        )
        return queryset.filter(match)
    condition = Q()
    annotations = {f"_fold_{name}": Fold(name) for name in SEARCHED_FIELDS}
    for term in terms:
        folded = fold(term)
        condition &= Q(*[Q(**{f"_fold_{name}__contains": folded}) for name in SEARCHED_FIELDS], _connector=Q.OR)
    return queryset.alias(**annotations).filter(condition)
