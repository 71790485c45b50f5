"""PostgreSQL only: search extensions, and a trigger that keeps the event log append-only."""
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

GUARD_SQL = """
CREATE OR REPLACE FUNCTION proposals_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'proposal events are append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER proposals_event_append_only
    BEFORE UPDATE OR DELETE ON proposals_proposalevent
    FOR EACH ROW EXECUTE FUNCTION proposals_event_append_only();
"""
UNGUARD_SQL = """
DROP TRIGGER IF EXISTS proposals_event_append_only ON proposals_proposalevent;
DROP FUNCTION IF EXISTS proposals_event_append_only();
"""


def guard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GUARD_SQL, params=None)


def unguard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNGUARD_SQL, params=None)


class Migration(migrations.Migration):
    dependencies = [("proposals", "0001_initial")]

    operations = [
        TrigramExtension(),
        UnaccentExtension(),
        migrations.RunPython(guard, unguard),
    ]
