"""PostgreSQL full-text search: an immutable unaccent wrapper, a stored generated tsvector, and its GIN index."""
from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION parlreform_unaccent(text) RETURNS text
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT;
ALTER TABLE proposals_proposal ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', parlreform_unaccent(coalesce(title, ''))), 'A')
    || setweight(to_tsvector('simple', parlreform_unaccent(
        coalesce(summary_kk, '') || ' ' || coalesce(summary_ru, '') || ' ' || coalesce(summary_en, ''))), 'B')
    || setweight(to_tsvector('simple', parlreform_unaccent(coalesce(text, ''))), 'C')
) STORED;
CREATE INDEX proposal_search_gin ON proposals_proposal USING gin (search_vector);
"""
BACKWARD = """
DROP INDEX IF EXISTS proposal_search_gin;
ALTER TABLE proposals_proposal DROP COLUMN IF EXISTS search_vector;
DROP FUNCTION IF EXISTS parlreform_unaccent(text);
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("proposals", "0004_submission_token")]

    operations = [migrations.RunPython(forward, backward)]
