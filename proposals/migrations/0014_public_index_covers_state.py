"""The register's partial index includes the state, so counting the register reads the index only."""
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('proposals', '0013_submitter_name_trigram'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='proposal',
            name='proposal_public_recent',
        ),
        migrations.AddIndex(
            model_name='proposal',
            index=models.Index(condition=models.Q(('published_at__isnull', False)), fields=['-received_at', '-id'], include=('state',), name='proposal_public_recent'),
        ),
    ]
