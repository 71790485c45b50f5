"""The Constitution's structure (fixtures/constitution.json), then every proposal's free-text articles as links.

Numbers that match no article are printed and stay in the proposal's text field for staff to fix.
"""
from pathlib import Path

from django.contrib.auth.management import create_permissions
from django.db import migrations

STRUCTURE = Path(__file__).resolve().parents[3] / "fixtures" / "constitution.json"


# Analysts and leads keep the articles (a text, an article a proposal would add); everyone on staff reads them.
GRANTS = {
    "lead": ["view_article", "add_article", "change_article", "view_section", "change_section"],
    "analyst": ["view_article", "add_article", "change_article", "view_section"],
    "working-group member": ["view_article", "view_section"],
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


def forwards(apps, schema_editor):
    from proposals.core import articles

    Section, Article = apps.get_model("proposals", "Section"), apps.get_model("proposals", "Article")
    Proposal, ProposalArticle = apps.get_model("proposals", "Proposal"), apps.get_model("proposals", "ProposalArticle")
    articles.apply_structure(articles.read_file(STRUCTURE.name, STRUCTURE.read_bytes()), Section, Article)
    report = articles.convert_free_text(Proposal, Article, ProposalArticle)
    if report:
        print(f"\n  {len(report)} proposals name articles that match no article; kept for staff to fix:")
        for code, text, rest in report:
            print(f"    {code}: {text!r} -> kept {rest!r}")


def backwards(apps, schema_editor):
    from proposals.core import articles

    articles.links_to_free_text(apps.get_model("proposals", "Proposal"), apps.get_model("proposals", "ProposalArticle"))


class Migration(migrations.Migration):
    dependencies = [("proposals", "0024_constitution")]

    operations = [migrations.RunPython(forwards, backwards), migrations.RunPython(grant, revoke)]
