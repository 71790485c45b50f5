"""PostgreSQL only: a trigram index on titles, for likely duplicates."""
from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS proposal_title_trgm ON proposals_proposal USING gin (title gin_trgm_ops)"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS proposal_title_trgm")


class Migration(migrations.Migration):
    dependencies = [("proposals", "0007_holidays")]

    operations = [migrations.RunPython(forward, backward)]
