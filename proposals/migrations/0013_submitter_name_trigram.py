"""PostgreSQL only: a trigram index for the console's search by submitter name (icontains), instead of a scan."""
from django.db import migrations

# The expression Django writes for name__icontains, so the planner can use the index.
FORWARD = (
    "CREATE INDEX IF NOT EXISTS proposal_name_trgm ON proposals_proposal "
    "USING gin (UPPER(submitter_name::text) gin_trgm_ops)"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS proposal_name_trgm")


class Migration(migrations.Migration):
    dependencies = [("proposals", "0012_scale_indexes")]

    operations = [migrations.RunPython(forward, backward)]
