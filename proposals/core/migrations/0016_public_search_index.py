"""PostgreSQL only: a full-text index of published proposals, so a public search reads only what it may show."""
from django.db import migrations

from proposals.core.infra.db_operations import create_index_online


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("proposals", "0015_statistics_index")]

    operations = [
        create_index_online(
            "proposal_public_search_gin", "proposals_proposal USING gin (search_vector) WHERE published_at IS NOT NULL"
        ),
    ]
