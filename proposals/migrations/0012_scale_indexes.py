"""Indexes for a large table: newest-first lists for the console, and nearest titles (GiST trigram) on PostgreSQL."""
from django.db import migrations, models


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # GiST answers "the nearest titles" as an index scan that stops early; GIN can only list every match.
        # Long titles have many trigrams: a wide signature keeps the index able to tell them apart.
        schema_editor.execute("DROP INDEX IF EXISTS proposal_title_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS proposal_title_trgm_gist ON proposals_proposal "
            "USING gist (title gist_trgm_ops(siglen=256))"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS proposal_title_trgm_gist")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS proposal_title_trgm ON proposals_proposal USING gin (title gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("proposals", "0011_anonymised_at")]

    operations = [
        migrations.AddIndex(
            model_name="proposal",
            index=models.Index(fields=["-received_at", "-id"], name="proposal_recent"),
        ),
        migrations.RunPython(forward, backward),
    ]
