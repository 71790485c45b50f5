"""Indexes for a large table: newest-first lists for the console, and titles looked up as they are (campaigns)."""
from django.db import migrations, models

from proposals.core.infra.db_operations import AddIndexOnline


class Migration(migrations.Migration):
    # Built without blocking writes on PostgreSQL (CONCURRENTLY cannot run in a transaction).
    atomic = False
    dependencies = [("proposals", "0011_anonymised_at")]

    operations = [
        AddIndexOnline(model_name="proposal", index=models.Index(fields=["-received_at", "-id"], name="proposal_recent")),
        AddIndexOnline(model_name="proposal", index=models.Index(fields=["title"], name="proposal_title")),
    ]
