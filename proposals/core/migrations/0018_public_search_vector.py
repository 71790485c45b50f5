"""PostgreSQL only: public search reads a vector of what the public sees, through its own index of published rows."""
from django.db import migrations

from proposals.core.infra.db_operations import create_index_online, drop_index_online

# The title, the published summaries and, once the decision is released, the Working Group's response: never the
# original text, the rationale or contact details (those stay in search_vector, which only staff search reads).
ADD_COLUMN = """
ALTER TABLE proposals_proposal ADD COLUMN IF NOT EXISTS public_search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', parlreform_unaccent(coalesce(title, ''))), 'A')
    || setweight(to_tsvector('simple', parlreform_unaccent(
        coalesce(summary_kk, '') || ' ' || coalesce(summary_ru, '') || ' ' || coalesce(summary_en, ''))), 'B')
    || CASE WHEN decision_released_at IS NULL THEN ''::tsvector ELSE setweight(to_tsvector('simple', parlreform_unaccent(
        coalesce(response_kk, '') || ' ' || coalesce(response_ru, '') || ' ' || coalesce(response_en, ''))), 'C') END
) STORED
"""
DROP_COLUMN = "ALTER TABLE proposals_proposal DROP COLUMN IF EXISTS public_search_vector"


def add_column(apps, schema_editor):
    # A stored column is computed for every row as it is added: the table is rewritten once, under its lock.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD_COLUMN, params=None)


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_COLUMN, params=None)


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("proposals", "0017_edit_event")]

    operations = [
        migrations.RunPython(add_column, drop_column),
        # The new index first: public search is never without one.
        create_index_online(
            "proposal_published_search_gin",
            "proposals_proposal USING gin (public_search_vector) WHERE published_at IS NOT NULL",
        ),
        # Nothing reads the full vector of published rows only any more (staff search reads proposal_search_gin).
        drop_index_online(
            "proposal_public_search_gin", "proposals_proposal USING gin (search_vector) WHERE published_at IS NOT NULL"
        ),
    ]
