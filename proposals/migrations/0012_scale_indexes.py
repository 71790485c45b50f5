"""Indexes for a large table: newest-first lists for the console, and titles looked up as they are (campaigns)."""
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("proposals", "0011_anonymised_at")]

    operations = [
        migrations.AddIndex(
            model_name="proposal",
            index=models.Index(fields=["-received_at", "-id"], name="proposal_recent"),
        ),
        migrations.AddIndex(model_name="proposal", index=models.Index(fields=["title"], name="proposal_title")),
    ]
