"""A covering partial index of published proposals with every column the statistics page groups by."""
from django.db import migrations, models

from proposals.core.infra.db_operations import AddIndexOnline


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("proposals", "0014_public_index_covers_state")]

    operations = [
        AddIndexOnline(
            model_name="proposal",
            index=models.Index(
                condition=models.Q(published_at__isnull=False), fields=["received_at"],
                include=("state", "decision_released_at", "category", "submitter_kind", "party", "region", "articles"),
                name="proposal_public_facts",
            ),
        ),
    ]
