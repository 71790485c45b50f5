"""Every proposal gets its point 1 (its topic, summaries and, where decided, its outcome); article links move to it."""
import importlib

import django.db.models.deletion
from django.db import migrations, models

listing = importlib.import_module("proposals.core.migrations.0028_article_listing")

DECIDED = "('accepted', 'partially_accepted', 'not_accepted')"

# Point 1 is the whole proposal: its text stays on the proposal (the point's is empty), the rest is copied.
FIRST_POINTS = f"""
    INSERT INTO proposals_point (
        proposal_id, number, text, category_id, summary_kk, summary_ru, summary_en, outcome, outcome_reason,
        response_kk, response_ru, response_en, created_at, updated_at
    )
    SELECT id, 1, '', category_id, summary_kk, summary_ru, summary_en,
        CASE WHEN state IN {DECIDED} THEN state ELSE '' END,
        CASE WHEN state = 'not_accepted' THEN decision_reason ELSE '' END,
        response_kk, response_ru, response_en, created_at, updated_at
    FROM proposals_proposal
"""
# PostgreSQL joins the million links to their points in one pass; SQLite looks each one up by the unique index.
LINKS_TO_POINTS = {
    "postgresql": """
        UPDATE proposals_proposalarticle link SET point_id = point.id FROM proposals_point point
        WHERE point.proposal_id = link.proposal_id AND point.number = 1
    """,
    "sqlite": """
        UPDATE proposals_proposalarticle SET point_id = (
            SELECT point.id FROM proposals_point point
            WHERE point.proposal_id = proposals_proposalarticle.proposal_id AND point.number = 1
        )
    """,
}


def _sqlite(statements):
    """Run ``statements`` on SQLite only: its table rebuilds (adding the point key) drop the links' triggers of
    migration 0028 and trip over the proposals' trigger, so they come off before and back on after."""
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


def first_points(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(FIRST_POINTS)
        cursor.execute(LINKS_TO_POINTS[schema_editor.connection.vendor])


class Migration(migrations.Migration):

    dependencies = [
        ('proposals', '0028_article_listing'),
    ]

    operations = [
        migrations.RunPython(_sqlite(listing.SQLITE_REVERSE), _sqlite(listing.SQLITE)),
        migrations.CreateModel(
            name='Point',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveSmallIntegerField(verbose_name='number')),
                ('text', models.TextField(blank=True, help_text='The excerpt of the submission; empty: the whole submission', verbose_name='text')),
                ('summary_kk', models.TextField(blank=True, verbose_name='public summary (Kazakh)')),
                ('summary_ru', models.TextField(blank=True, verbose_name='public summary (Russian)')),
                ('summary_en', models.TextField(blank=True, verbose_name='public summary (English)')),
                ('outcome', models.CharField(blank=True, choices=[('accepted', 'Accepted'), ('partially_accepted', 'Accepted in part'), ('not_accepted', 'Not accepted')], max_length=20, verbose_name='outcome')),
                ('outcome_reason', models.CharField(blank=True, choices=[('contradicts_principles', 'Contradicts the principles of the reform'), ('already_provided', 'Already provided for by the draft or current law'), ('insufficiently_justified', 'Insufficiently justified'), ('not_constitutional_level', 'A matter for ordinary law, not the Constitution'), ('not_feasible', 'Not feasible at this stage'), ('other', 'Other (see the response)')], max_length=30, verbose_name='reason not accepted')),
                ('response_kk', models.TextField(blank=True, verbose_name='Working Group response (Kazakh)')),
                ('response_ru', models.TextField(blank=True, verbose_name='Working Group response (Russian)')),
                ('response_en', models.TextField(blank=True, verbose_name='Working Group response (English)')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('category', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='points', to='proposals.category', verbose_name='topic')),
                ('proposal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='points', to='proposals.proposal')),
            ],
            options={
                'verbose_name': 'point',
                'verbose_name_plural': 'points',
                'ordering': ['proposal', 'number'],
            },
        ),
        migrations.AddField(
            model_name='proposalarticle',
            name='point',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='article_links', to='proposals.point', verbose_name='point'),
        ),
        migrations.AddConstraint(
            model_name='point',
            constraint=models.UniqueConstraint(fields=('proposal', 'number'), name='point_number_unique'),
        ),
        migrations.AddConstraint(
            model_name='point',
            constraint=models.CheckConstraint(condition=models.Q(('number__gte', 1)), name='point_number_positive'),
        ),
        migrations.AddConstraint(
            model_name='point',
            constraint=models.CheckConstraint(condition=models.Q(('outcome', ''), ('outcome__in', ['accepted', 'partially_accepted', 'not_accepted']), _connector='OR'), name='point_outcome_known'),
        ),
        migrations.AddConstraint(
            model_name='point',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('outcome', 'not_accepted'), ('outcome_reason__in', ['contradicts_principles', 'already_provided', 'insufficiently_justified', 'not_constitutional_level', 'not_feasible', 'other'])), models.Q(models.Q(('outcome', 'not_accepted'), _negated=True), ('outcome_reason', '')), _connector='OR'), name='point_reason_iff_not_accepted'),
        ),
        # Reversed, the table and the column go: nothing to undo here.
        migrations.RunPython(first_points, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name='proposalarticle',
            name='point',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='article_links', to='proposals.point', verbose_name='point'),
        ),
        migrations.RunPython(_sqlite(listing.SQLITE), _sqlite(listing.SQLITE_REVERSE)),
    ]
