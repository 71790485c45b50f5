"""The three staff roles as groups with their permissions."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

READ = [
    "view_proposal", "view_category", "view_region", "view_party",
    "view_attachment", "view_proposalevent", "view_proposalnote",
]
ANALYST = READ + ["change_proposal", "triage_proposal", "add_proposalnote"]
LEAD = ANALYST + ["decide_proposal", "publish_proposal"]
ROLES = {"analyst": ANALYST, "lead": LEAD, "working-group member": READ}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="proposals", codename__in=codenames)
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions missing for role {name}: {sorted(missing)}")
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0002_postgres_extensions_and_audit_guard"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
