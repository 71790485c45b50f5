"""The Constitution's articles: numbers as typed, links with a change type, the migration, pages, counts, console."""
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from proposals.core import articles, constitution, services
from proposals.core.models import Article, ArticleChange, Point, Proposal, ProposalArticle, ProposalEvent, Section
from proposals.core.workflow import Action, NotAcceptedReason, State
from proposals.site.forms import SubmissionForm
from tests.factories import bulk_public, make_proposal, make_user, public_proposal
from tests.submission import form_data

pytestmark = pytest.mark.django_db


def numbers(proposal):
    return [(link.article.number, link.change) for link in proposal.article_links.select_related("article")]


# Numbers as people type them

@pytest.mark.parametrize("typed, expected", [
    ("49, 50-1", ["49", "50-1"]),
    ("ст. 49", ["49"]),
    ("49,50-1", ["49", "50-1"]),
    ("49 и 50", ["49", "50"]),
    ("50.1", ["50-1"]),
    ("49, 49 ,  49", ["49"]),
    ("  49 ;50 – 1 ", ["49", "50-1"]),
    ("49 және 50-баптар", ["49", "50"]),
    ("articles 49 and 50", ["49", "50"]),
])
def test_messy_article_numbers_are_read_as_the_constitution_writes_them(typed, expected):
    assert articles.parse(typed) == (expected, [])


def test_words_that_are_not_numbers_are_left_over():
    assert articles.parse("49, преамбула") == (["49"], ["преамбула"])


def test_the_structure_has_nine_sections_and_articles_1_to_98():
    assert list(Section.objects.values_list("number", flat=True)) == list(range(1, 10))
    shipped = Article.objects.exclude(number="50-1")
    assert shipped.count() == 98
    ranges = {1: (1, 9), 2: (10, 39), 3: (40, 48), 4: (49, 63), 5: (64, 70), 6: (71, 74), 7: (75, 84),
              8: (85, 89), 9: (90, 98)}
    for number, (first, last) in ranges.items():
        assert sorted(shipped.filter(section__number=number).values_list("main", flat=True)) == list(
            range(first, last + 1))
    with translation.override("ru"):
        assert Section.objects.get(number=4).name == "Парламент"
    with translation.override("kk"):
        assert Section.objects.get(number=2).name == "Адам және азамат"


# The public form

@pytest.mark.parametrize("language, unknown_message", [
    ("kk", "99"), ("ru", "99"), ("en", "99"),
])
def test_an_unknown_article_number_is_named_in_the_form_language(language, unknown_message):
    with translation.override(language):
        form = SubmissionForm(form_data(articles="49, 99"))
        assert not form.is_valid()
        message = form.errors["articles"][0]
    assert unknown_message in message
    expected = {"kk": "Конституция", "ru": "Конституции", "en": "Constitution"}[language]
    assert expected in message


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_a_hyphenated_article_is_accepted_when_it_exists_and_named_when_it_does_not(language):
    with translation.override(language):
        form = SubmissionForm(form_data(articles="ст. 49, 50.1"))
        assert form.is_valid(), form.errors
        assert form.cleaned_data["articles"] == "49, 50-1"
        form = SubmissionForm(form_data(articles="44-1"))
        assert not form.is_valid()
        assert "44-1" in form.errors["articles"][0]
        assert form.errors.as_data()["articles"][0].code == "unknown_articles"


def test_words_instead_of_numbers_are_refused_with_the_word():
    form = SubmissionForm(form_data(articles="преамбула"))
    assert not form.is_valid()
    assert "преамбула" in form.errors["articles"][0]


def test_submitting_links_each_article_as_concerned(client):
    assert client.post("/kk/submit/", form_data(articles="50-1, 49")).status_code == 302
    proposal = Proposal.objects.get()
    assert numbers(proposal) == [("49", "concerns"), ("50-1", "concerns")]
    assert proposal.articles == ""


def test_no_specific_article_is_allowed():
    proposal = make_proposal(articles="")
    assert numbers(proposal) == [] and proposal.articles == ""


# The migration of free text

def raw(text):
    """A proposal as it was before links: free text only."""
    proposal = make_proposal(articles="")
    Proposal.objects.filter(pk=proposal.pk).update(articles=text)
    return proposal


def test_migration_links_valid_free_text():
    proposal = raw("49, 50-1")
    report = articles.convert_free_text(Proposal, Article, ProposalArticle)
    proposal.refresh_from_db()
    assert numbers(proposal) == [("49", "concerns"), ("50-1", "concerns")]
    assert proposal.articles == "" and report == []


def test_migration_keeps_and_lists_what_matches_no_article():
    proposal = raw("49, 120, 44-1, преамбула")
    report = articles.convert_free_text(Proposal, Article, ProposalArticle)
    proposal.refresh_from_db()
    assert numbers(proposal) == [("49", "concerns")]
    assert proposal.articles == "120, 44-1, преамбула"
    assert report == [(proposal.tracking_code, "49, 120, 44-1, преамбула", "120, 44-1, преамбула")]


@pytest.mark.parametrize("text, linked", [
    ("ст. 49", ["49"]), ("49,50-1", ["49", "50-1"]), ("49 и 50", ["49", "50"]), ("50.1", ["50-1"]),
    ("49, 49, 50", ["49", "50"]), ("  49  ,  50  ", ["49", "50"]),
])
def test_migration_reads_messy_free_text(text, linked):
    proposal = raw(text)
    assert articles.convert_free_text(Proposal, Article, ProposalArticle, chunk=1) == []
    proposal.refresh_from_db()
    assert [number for number, _change in numbers(proposal)] == linked
    assert proposal.articles == ""


def test_migration_runs_again_without_duplicating_links():
    proposal = raw("49, 50")
    articles.convert_free_text(Proposal, Article, ProposalArticle)
    Proposal.objects.filter(pk=proposal.pk).update(articles="49")
    articles.convert_free_text(Proposal, Article, ProposalArticle)
    assert ProposalArticle.objects.filter(proposal=proposal).count() == 2


def test_links_write_back_to_free_text():
    proposal = raw("49, 120")
    articles.convert_free_text(Proposal, Article, ProposalArticle)
    articles.links_to_free_text(Proposal, ProposalArticle)
    proposal.refresh_from_db()
    assert proposal.articles == "49, 120"


# The service

def test_staff_set_links_with_change_types_and_one_event(analyst):
    proposal = make_proposal(articles="49")
    before = ProposalEvent.objects.filter(proposal=proposal, action=Action.EDIT).count()
    fifty, new = Article.objects.get(number="50"), Article.objects.get(number="50-1")
    services.proposal_articles_set(proposal=proposal, actor=analyst,
                                   links=[(fifty, ArticleChange.AMEND), (new, ArticleChange.ADD)])
    assert numbers(proposal) == [("50", "amend"), ("50-1", "add")]
    events = ProposalEvent.objects.filter(proposal=proposal, action=Action.EDIT)
    assert events.count() == before + 1
    assert "49 (concerns)" in events.last().note and "50-1 (add)" in events.last().note
    services.proposal_articles_set(proposal=proposal, actor=analyst,
                                   links=[(fifty, ArticleChange.AMEND), (new, ArticleChange.ADD)])
    assert events.count() == before + 1


def test_an_analyst_may_not_change_a_published_proposals_articles(analyst, lead):
    proposal = public_proposal(articles="49")
    with pytest.raises(services.WorkflowError) as refused:
        services.proposal_articles_set(proposal=proposal, actor=analyst, links=[])
    assert refused.value.code == "permission"
    assert numbers(proposal) == [("49", "concerns")]
    services.proposal_articles_set(proposal=proposal, actor=lead, links=[])
    assert numbers(proposal) == []


def test_an_unknown_change_is_refused(analyst):
    proposal = make_proposal()
    with pytest.raises(services.WorkflowError):
        services.proposal_articles_set(proposal=proposal, actor=analyst, links=[(Article.objects.first(), "delete")])


# Counts and pages

def register_count(client, query):
    return client.get(f"/api/proposals.json?{query}").json()["count"]


def test_per_article_counts_equal_the_registers_counts(client):
    public_proposal(State.ACCEPTED, articles="49, 50")
    public_proposal(State.ACCEPTED, articles="50", submitter_kind="expert", organisation="ҚазҰУ")
    public_proposal(State.PARTIALLY_ACCEPTED, articles="50-1")
    public_proposal(State.NOT_ACCEPTED, articles="50")
    public_proposal(State.ACCEPTED, released=False, articles="50")
    public_proposal(articles="")
    counts = constitution.article_counts()
    for number in ("49", "50", "50-1", "51"):
        article = Article.objects.get(number=number)
        row = counts.get(article.pk, {"total": 0, "accepted": 0, "partially_accepted": 0, "citizen": 0, "expert": 0})
        assert row["total"] == register_count(client, f"article={number}"), number
        assert row["accepted"] == register_count(client, f"article={number}&state=accepted"), number
        assert row["partially_accepted"] == register_count(
            client, f"article={number}&state=partially_accepted"), number
        assert row["citizen"] == register_count(client, f"article={number}&kind=citizen"), number
        assert row["expert"] == register_count(client, f"article={number}&kind=expert"), number
    assert counts[Article.objects.get(number="50").pk]["total"] == 4


def test_a_non_public_proposal_never_counts_on_an_article_page(client):
    hidden = [make_proposal(articles="62")]
    hidden.append(public_proposal(articles="62"))
    Proposal.objects.filter(pk=hidden[-1].pk).update(published_at=None)
    spam = make_proposal(articles="62")
    Proposal.objects.filter(pk=spam.pk).update(state=State.SPAM)
    shown = public_proposal(articles="62", title="Көрінетін ұсыныс")
    page = client.get("/en/constitution/62/")
    assert page.status_code == 200
    assert page.context["count"]["value"] == 1
    assert [item.pk for item in page.context["page"].items] == [shown.pk]
    index = client.get("/en/constitution/")
    row = next(a for s in index.context["sections"] for a in s.article_list if a.number == "62")
    assert row.counts["total"] == 1
    data = client.get("/api/articles.json").json()
    assert next(item for item in data["results"] if item["number"] == "62")["proposals"] == 1


def test_the_article_page_shows_text_change_and_outcome(client):
    Article.objects.filter(number="50").update(text_ru="Парламент Республики Казахстан состоит из двух Палат.")
    proposal = public_proposal(State.ACCEPTED, articles="")
    services.proposal_articles_set(proposal=proposal, actor=make_user("lead"),
                                   links=[(Article.objects.get(number="50"), ArticleChange.AMEND)])
    body = client.get("/ru/constitution/50/").content.decode()
    assert "состоит из двух Палат" in body
    # The public title in the page's language, never the submitter's own title as the heading.
    assert "change--amend" in body and proposal.title_ru in body
    assert client.get("/en/constitution/50/").status_code == 200
    assert client.get("/en/constitution/999/").status_code == 404
    assert client.get("/en/constitution/%3Cscript%3E/").status_code == 404


def test_the_article_page_takes_the_registers_filters(client):
    a = public_proposal(articles="50", language="ru")
    public_proposal(articles="50", language="kk")
    page = client.get("/en/constitution/50/?language=ru")
    assert [item.pk for item in page.context["page"].items] == [a.pk]
    assert "article" not in page.context["filter"].form.fields


def link_all(proposals, number):
    article = Article.objects.get(number=number)
    points = dict(Point.objects.filter(proposal__in=proposals).values_list("proposal_id", "id"))
    ProposalArticle.objects.bulk_create(
        [ProposalArticle(proposal=p, point_id=points[p.pk], article=article, change=ArticleChange.AMEND)
         for p in proposals],
        batch_size=500,
    )


@pytest.mark.parametrize("size", [10, 1000])
def test_constitution_pages_run_a_constant_number_of_queries(client, size, django_assert_max_num_queries, settings):
    # The renders' own queries (and the one read of the data versions for the ETag): the page cache would answer
    # the repeated requests (tests/test_http_cache.py counts those).
    settings.PARLREFORM_PAGE_CACHE = False
    link_all(bulk_public(size), "50")
    link_all(bulk_public(size // 2, state=State.ACCEPTED, decision_released_at=None), "49")
    client.get("/en/constitution/")
    with django_assert_max_num_queries(6):
        assert client.get("/en/constitution/").status_code == 200
    from proposals.core import selectors
    selectors.versioned_cache.bump(selectors.VERSION_KEY)
    with django_assert_max_num_queries(10):
        assert client.get("/en/constitution/").status_code == 200
    client.get("/en/constitution/50/")
    with django_assert_max_num_queries(10):
        page = client.get("/en/constitution/50/")
    assert page.status_code == 200 and len(page.context["page"].items) == min(size, 20)
    if page.context["page"].next_cursor:
        with django_assert_max_num_queries(10):
            assert client.get(f"/en/constitution/50/?cursor={page.context['page'].next_cursor}").status_code == 200


# Links listed while their proposal is public (ProposalArticle.listed_at, kept by the database's triggers)

def listed(proposal):
    return set(ProposalArticle.objects.filter(proposal=proposal).values_list("listed_at", flat=True))


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("published", [True, False])
def test_a_link_is_listed_exactly_while_its_proposal_is_public(state, published):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    from proposals.core.workflow import PUBLISHABLE_STATES

    proposal = make_proposal(articles="49, 50")
    assert listed(proposal) == {None}
    # What the database's own checks require of the state: an original for a duplicate, a coded reason.
    extra = {"duplicate_of": make_proposal()} if state == State.DUPLICATE else {}
    if state == State.NOT_ACCEPTED:
        extra["decision_reason"] = NotAcceptedReason.ALREADY_PROVIDED
    try:
        with transaction.atomic():
            Proposal.objects.filter(pk=proposal.pk).update(
                state=state, published_at=timezone.now() if published else None, **extra)
    except IntegrityError:
        # Published in a state that never is: the database refuses it.
        assert published and state not in PUBLISHABLE_STATES
        return
    proposal.refresh_from_db()
    public = Proposal.objects.public().filter(pk=proposal.pk).exists()
    assert listed(proposal) == ({proposal.received_at} if public else {None})
    # A link added now (staff link another article) is listed as its proposal is.
    services.proposal_articles_set(
        proposal=proposal, actor=make_user("lead"),
        links=[(Article.objects.get(number=n), ArticleChange.CONCERNS) for n in ("49", "50", "51")],
    )
    assert listed(proposal) == ({proposal.received_at} if public else {None})
    assert ProposalArticle.objects.filter(proposal=proposal).count() == 3


def test_publishing_withdrawing_and_a_new_received_time_follow_the_links():
    import datetime

    proposal = public_proposal(articles="50")
    assert listed(proposal) == {proposal.received_at}
    earlier = proposal.received_at - datetime.timedelta(days=3)
    Proposal.objects.filter(pk=proposal.pk).update(received_at=earlier)
    assert listed(proposal) == {earlier}
    Proposal.objects.filter(pk=proposal.pk).update(published_at=None)
    assert listed(proposal) == {None}
    other = public_proposal(articles="50")
    services.proposal_act(proposal=other, action=Action.UNPUBLISH, actor=make_user("lead"), note="Ошибка")
    assert listed(other) == {None}


def test_an_articles_pages_follow_the_registers_order_both_ways(client):
    import datetime

    from django.utils import timezone

    proposals = bulk_public(45)
    link_all(proposals, "50")
    # Two proposals received at the same second: the key's second part (the id) orders them.
    Proposal.objects.filter(pk__in=[proposals[3].pk, proposals[4].pk]).update(received_at=proposals[3].received_at)
    link_all(bulk_public(5, published_at=None), "50")
    Proposal.objects.filter(pk=proposals[0].pk).update(received_at=timezone.now() - datetime.timedelta(days=30))
    expected = list(Proposal.objects.public().filter(article_links__article__number="50")
                    .order_by("-received_at", "-id").values_list("pk", flat=True))
    assert len(expected) == 45
    for base in ("/en/constitution/50/", "/en/proposals/?article=50"):
        for sort, order in (("newest", expected), ("oldest", expected[::-1])):
            seen, url = [], f"{base}{'&' if '?' in base else '?'}sort={sort}"
            for _ in range(5):
                page = client.get(url).context["page"]
                seen += [item.pk for item in page.items]
                if not page.next_cursor:
                    break
                url = f"{base}{'&' if '?' in base else '?'}sort={sort}&cursor={page.next_cursor}"
            assert seen == order, (base, sort)
            # And back: the previous link of the last page gives the page before it.
            back = client.get(f"{base}{'&' if '?' in base else '?'}sort={sort}&cursor={page.previous_cursor}")
            assert [item.pk for item in back.context["page"].items] == order[20:40], (base, sort)


def test_the_register_filters_by_linked_article(client):
    a = public_proposal(articles="50-1")
    public_proposal(articles="50")
    assert [item.pk for item in client.get("/en/proposals/?article=50.1").context["page"].items] == [a.pk]
    assert client.get("/en/proposals/?article=abc").context["page"].items == []


def test_statistics_count_articles_from_links(client):
    public_proposal(articles="50, 49")
    public_proposal(articles="50")
    make_proposal(articles="50")
    stats = client.get("/en/stats/").context["stats"]
    assert stats["articles"][:2] == [("50", 2), ("49", 1)]


def test_open_data_gives_each_proposals_links_and_changes(client):
    public_proposal(articles="49, 50-1")
    record = client.get("/api/proposals.json").json()["results"][0]
    assert record["articles"] == ["49", "50-1"]
    assert record["article_changes"] == [{"article": "49", "change": "concerns"},
                                         {"article": "50-1", "change": "concerns"}]
    csv_text = b"".join(client.get("/api/articles.csv").streaming_content).decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith('"number","url","section"')
    assert len(csv_text.splitlines()) == Article.objects.count() + 1


# Loading texts

def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_load_constitution_from_json_is_idempotent(tmp_path, capsys):
    path = write(tmp_path, "texts.json", json.dumps({"edition": "2022", "articles": [
        {"number": "50", "text_ru": "Парламент ...", "text_kk": "Парламент ..."},
        {"number": "44-1", "section": 3, "in_force": False, "text_en": "A new article."},
    ]}, ensure_ascii=False))
    call_command("load_constitution", path)
    assert "1 created, 1 updated" in capsys.readouterr().out
    article = Article.objects.get(number="44-1")
    assert (article.section.number, article.in_force, article.edition, article.main, article.sub) == (3, False,
                                                                                                       "2022", 44, 1)
    assert list(Article.objects.filter(main__in=[44, 45]).values_list("number", flat=True)) == ["44", "44-1", "45"]
    call_command("load_constitution", path)
    assert "0 created, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_load_constitution_from_csv(tmp_path):
    path = write(tmp_path, "texts.csv", "number;text_kk;in_force\n62;Парламент заңдар қабылдайды.;yes\n")
    call_command("load_constitution", path)
    assert Article.objects.get(number="62").text_kk == "Парламент заңдар қабылдайды."


@pytest.mark.parametrize("name, content, problem", [
    ("bad.json", '{"articles": [{"number": "5a"}]}', "not an article number"),
    ("bad.json", '{"articles": [{"number": "99"}]}', "needs its section"),
    ("bad.json", '{"articles": [{"number": "99", "section": 12}]}', "no section 12"),
    ("bad.json", '{"articles": [{"number": "49"}, {"number": "49"}]}', "appears twice"),
    ("bad.json", "[1, 2", "not valid JSON"),
    ("bad.csv", "number,colour\n49,red\n", "unknown: colour"),
    ("bad.csv", "number,in_force\n49,perhaps\n", "in_force"),
    ("bad.txt", "49", ".json or .csv"),
])
def test_load_constitution_refuses_a_bad_file_and_writes_nothing(tmp_path, name, content, problem):
    before = list(Article.objects.values_list("number", "text_kk"))
    with pytest.raises(CommandError) as refused:
        call_command("load_constitution", write(tmp_path, name, content))
    assert problem in str(refused.value)
    assert list(Article.objects.values_list("number", "text_kk")) == before


def test_load_constitution_refuses_a_file_too_big(tmp_path, monkeypatch):
    monkeypatch.setattr(articles, "MAX_FILE_BYTES", 10)
    with pytest.raises(CommandError, match="larger than"):
        call_command("load_constitution", write(tmp_path, "big.json", '{"articles": []}     '))


# The console

def test_staff_filter_the_queue_by_article_and_section(client, analyst):
    on_fifty = make_proposal(articles="50")
    on_court = make_proposal(articles="75")
    client.force_login(analyst)
    page = client.get("/admin/proposals/proposal/?article=50")
    assert [p.pk for p in page.context["cl"].result_list] == [on_fifty.pk]
    page = client.get("/admin/proposals/proposal/?section=7")
    assert [p.pk for p in page.context["cl"].result_list] == [on_court.pk]


def test_the_desk_shows_linked_articles_with_their_text(client, analyst):
    Article.objects.filter(number="50").update(text_kk="Парламент екі палатадан тұрады.")
    proposal = make_proposal(articles="50")
    Proposal.objects.filter(pk=proposal.pk).update(articles="120")
    client.force_login(analyst)
    body = client.get(f"/admin/proposals/proposal/{proposal.pk}/change/").content.decode()
    assert "<details>" in body and "Парламент екі палатадан тұрады." in body
    assert "120" in body


def test_the_desk_inline_saves_links_through_the_service(client, analyst):
    proposal = make_proposal(articles="49")
    client.force_login(analyst)
    form = client.get(f"/admin/proposals/proposal/{proposal.pk}/change/").context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else (v.pk if hasattr(v, "pk") else v)) for k, v in data.items()}
    link = ProposalArticle.objects.get(proposal=proposal)
    data.update({
        "notes-TOTAL_FORMS": "1", "notes-INITIAL_FORMS": "0", "notes-0-text": "",
        "attachments-TOTAL_FORMS": "0", "attachments-INITIAL_FORMS": "0",
        "events-TOTAL_FORMS": "0", "events-INITIAL_FORMS": "0",
        "article_links-TOTAL_FORMS": "2", "article_links-INITIAL_FORMS": "1",
        "article_links-0-id": str(link.pk), "article_links-0-proposal": str(proposal.pk),
        "article_links-0-article": str(link.article_id), "article_links-0-change": "repeal",
        "article_links-1-proposal": str(proposal.pk),
        "article_links-1-article": str(Article.objects.get(number="50-1").pk), "article_links-1-change": "add",
    })
    response = client.post(f"/admin/proposals/proposal/{proposal.pk}/change/", data)
    assert response.status_code == 302
    assert numbers(proposal) == [("49", "repeal"), ("50-1", "add")]
    event = ProposalEvent.objects.filter(proposal=proposal, action=Action.EDIT).last()
    assert event.actor == analyst and "49 (repeal), 50-1 (add)" in event.note


def test_the_staff_export_lists_links_and_what_is_left_to_check(client, analyst):
    import csv
    import io

    proposal = make_proposal(articles="49, 50-1")
    Proposal.objects.filter(pk=proposal.pk).update(articles="120")
    client.force_login(analyst)
    body = b"".join(client.get("/admin/proposals/proposal/export.csv?queue=all").streaming_content)
    (row,) = csv.DictReader(io.StringIO(body.decode("utf-8-sig")))
    assert (row["articles"], row["articles_to_check"]) == ("49: concerns, 50-1: concerns", "120")


def test_a_published_proposal_shows_its_articles_with_links_to_their_pages(client):
    proposal = public_proposal(articles="50-1")
    body = client.get(f"/ru/proposals/{proposal.tracking_code}/").content.decode()
    assert 'href="/ru/constitution/50-1/"' in body and "Касается" in body


def test_the_desk_runs_the_same_queries_whatever_the_number_of_links(client, analyst):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    few, many = make_proposal(articles=""), make_proposal(articles="49, 50, 51, 52, 53, 54, 55")
    client.force_login(analyst)
    # Opening a page checks it out to the analyst (a write renewed at most once a minute): done before counting.
    for proposal in (few, many):
        client.get(f"/admin/proposals/proposal/{proposal.pk}/change/")
    counts = []
    for proposal in (few, many):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/admin/proposals/proposal/{proposal.pk}/change/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
