"""PostgreSQL only: a trigram index for the console's search by submitter name (icontains), instead of a scan."""
from django.db import migrations

from proposals.core.infra.db_operations import create_index_online


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("proposals", "0012_scale_indexes")]

    operations = [
        # The expression Django writes for submitter_name__icontains, so the planner can use the index.
        create_index_online("proposal_name_trgm", "proposals_proposal USING gin (UPPER(submitter_name::text) gin_trgm_ops)"),
    ]
