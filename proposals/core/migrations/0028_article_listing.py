"""Article links carry their proposal's received time while it is public (listed_at), kept by database triggers."""
from django.db import migrations, models
from django.db.models import OuterRef, Q, Subquery

# workflow.PUBLISHABLE_STATES when this was written; tests/test_articles.py checks the triggers against
# Proposal.objects.public() for every state, so a change to the public states needs a migration replacing these.
PUBLIC_STATES = ["in_review", "with_working_group", "out_of_scope", "accepted", "partially_accepted", "not_accepted"]
IN_PUBLIC_STATES = "({})".format(", ".join(f"'{state}'" for state in PUBLIC_STATES))


def listed(row):
    return f"CASE WHEN {row}.published_at IS NOT NULL AND {row}.state IN {IN_PUBLIC_STATES} THEN {row}.received_at END"


POSTGRESQL = [
    f"""
    CREATE FUNCTION proposals_link_listed() RETURNS trigger AS $$
    BEGIN
        SELECT {listed("p")} INTO NEW.listed_at FROM proposals_proposal p WHERE p.id = NEW.proposal_id;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER proposals_link_listed BEFORE INSERT OR UPDATE OF proposal_id ON proposals_proposalarticle
        FOR EACH ROW EXECUTE FUNCTION proposals_link_listed()
    """,
    f"""
    CREATE FUNCTION proposals_proposal_listed() RETURNS trigger AS $$
    BEGIN
        UPDATE proposals_proposalarticle SET listed_at = {listed("NEW")} WHERE proposal_id = NEW.id;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER proposals_proposal_listed AFTER UPDATE OF published_at, state, received_at ON proposals_proposal
        FOR EACH ROW WHEN (
            OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.state IS DISTINCT FROM NEW.state
            OR OLD.received_at IS DISTINCT FROM NEW.received_at
        ) EXECUTE FUNCTION proposals_proposal_listed()
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS proposals_proposal_listed ON proposals_proposal",
    "DROP FUNCTION IF EXISTS proposals_proposal_listed()",
    "DROP TRIGGER IF EXISTS proposals_link_listed ON proposals_proposalarticle",
    "DROP FUNCTION IF EXISTS proposals_link_listed()",
]
SQLITE = [
    f"""
    CREATE TRIGGER proposals_link_listed AFTER INSERT ON proposals_proposalarticle
    BEGIN
        UPDATE proposals_proposalarticle
        SET listed_at = (SELECT {listed("p")} FROM proposals_proposal p WHERE p.id = NEW.proposal_id)
        WHERE id = NEW.id;
    END
    """,
    f"""
    CREATE TRIGGER proposals_link_moved AFTER UPDATE OF proposal_id ON proposals_proposalarticle
    BEGIN
        UPDATE proposals_proposalarticle
        SET listed_at = (SELECT {listed("p")} FROM proposals_proposal p WHERE p.id = NEW.proposal_id)
        WHERE id = NEW.id;
    END
    """,
    f"""
    CREATE TRIGGER proposals_proposal_listed AFTER UPDATE OF published_at, state, received_at ON proposals_proposal
    WHEN OLD.published_at IS NOT NEW.published_at OR OLD.state IS NOT NEW.state
        OR OLD.received_at IS NOT NEW.received_at
    BEGIN
        UPDATE proposals_proposalarticle SET listed_at = {listed("NEW")} WHERE proposal_id = NEW.id;
    END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS proposals_proposal_listed",
    "DROP TRIGGER IF EXISTS proposals_link_moved",
    "DROP TRIGGER IF EXISTS proposals_link_listed",
]


def _run(schema_editor, statements):
    for statement in statements[schema_editor.connection.vendor]:
        schema_editor.execute(statement, params=None)


def create_triggers(apps, schema_editor):
    _run(schema_editor, {"postgresql": POSTGRESQL, "sqlite": SQLITE})


def drop_triggers(apps, schema_editor):
    _run(schema_editor, {"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE})


def fill(apps, schema_editor):
    """The links of the proposals public now get their proposal's received time (one UPDATE)."""
    proposal_model = apps.get_model("proposals", "Proposal")
    link_model = apps.get_model("proposals", "ProposalArticle")
    public = proposal_model.objects.filter(published_at__isnull=False, state__in=PUBLIC_STATES)
    received = proposal_model.objects.filter(pk=OuterRef("proposal_id")).values("received_at")[:1]
    link_model.objects.filter(proposal__in=public).update(listed_at=Subquery(received))


class Migration(migrations.Migration):
    dependencies = [("proposals", "0027_event_actions")]

    operations = [
        migrations.AddField(
            model_name="proposalarticle",
            name="listed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_triggers, drop_triggers),
        migrations.AddIndex(
            model_name="proposalarticle",
            index=models.Index(
                condition=Q(listed_at__isnull=False), fields=["article", "-listed_at", "-proposal"],
                name="article_listed_newest",
            ),
        ),
    ]
