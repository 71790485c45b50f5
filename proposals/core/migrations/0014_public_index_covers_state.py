"""The register's partial index also holds the state, so counting the register reads the index only."""
from django.db import migrations, models

from proposals.core.infra.db_operations import AddIndexOnline, RemoveIndexOnline


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("proposals", "0013_submitter_name_trigram")]

    operations = [
        # The new index first, under a new name: the register is never without one.
        AddIndexOnline(
            model_name="proposal",
            index=models.Index(
                condition=models.Q(published_at__isnull=False), fields=["-received_at", "-id"], include=("state",),
                name="proposal_public_newest",
            ),
        ),
        RemoveIndexOnline(model_name="proposal", name="proposal_public_recent"),
    ]
