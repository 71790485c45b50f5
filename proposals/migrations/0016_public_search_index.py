"""PostgreSQL only: a full-text index of published proposals, so a public search reads only what it may show."""
from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS proposal_public_search_gin ON proposals_proposal "
            "USING gin (search_vector) WHERE published_at IS NOT NULL"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS proposal_public_search_gin")


class Migration(migrations.Migration):
    dependencies = [("proposals", "0015_statistics_index")]

    operations = [migrations.RunPython(forward, backward)]
