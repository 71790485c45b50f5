"""Staff keep the holiday calendar: leads edit it, analysts and working-group members read it."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "lead": ["view_holiday", "add_holiday", "change_holiday", "delete_holiday"],
    "analyst": ["view_holiday"],
    "working-group member": ["view_holiday"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="proposals", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*Permission.objects.filter(codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("proposals", "0008_trigram_title")]

    operations = [migrations.RunPython(grant, revoke)]
