"""The desk's points pages: split by hand, join, add, edit with articles, remove, and answer each point."""
import pytest
from django.test import Client

from proposals.core import services
from proposals.core.attachments import DOCX
from proposals.core.models import Article, Category, Proposal, ProposalArticle, ProposalEvent
from proposals.core.workflow import Action, NotAcceptedReason, State
from tests.factories import make_proposal, make_user, put_in_state
from tests.splitting_files import docx_package
from tests.test_splitting import attach

pytestmark = pytest.mark.django_db

LIST = "/admin/proposals/proposal/"
PACKAGE = ("Партия ұсынады:\n\nБірпалаталы Парламент құру.\n\nМәслихаттардың өкілеттігін кеңейту.\n\n"
           "Цифрлық Парламент енгізу.")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def points_url(proposal, suffix=""):
    return f"{LIST}{proposal.pk}/points/{suffix}"


def texts(proposal):
    return list(proposal.points.order_by("number").values_list("text", flat=True))


def split(proposal, analyst, items):
    services.point_split(point=proposal.points.get(), actor=analyst, texts=items)
    return proposal


def test_the_desk_shows_one_point_and_offers_the_split(analyst):
    proposal = make_proposal()
    page = client_for(analyst).get(f"{LIST}{proposal.pk}/change/").content.decode()
    assert 'id="points-panel-heading"' in page and points_url(proposal) in page


def test_an_analyst_splits_the_submission_by_paragraphs(analyst):
    proposal = make_proposal(text=PACKAGE)
    answer = client_for(analyst).post(points_url(proposal), {"split-items": PACKAGE.replace("\n", "\r\n"),
                                                             "_split": "1"})
    assert answer.status_code == 302 and answer["Location"].endswith(points_url(proposal))
    assert texts(proposal) == PACKAGE.split("\n\n")
    page = client_for(analyst).get(f"{LIST}{proposal.pk}/change/").content.decode()
    assert "Мәслихаттардың өкілеттігін кеңейту." in page


def test_a_refused_split_keeps_the_typed_text_and_says_why(analyst):
    proposal = make_proposal()
    page = client_for(analyst).post(points_url(proposal), {"split-items": "Жалғыз тармақ", "_split": "1"})
    assert page.status_code == 200 and page.context["refusal"]
    assert "Жалғыз тармақ" in page.content.decode() and proposal.points.count() == 1


def test_checked_points_are_joined(analyst):
    proposal = split(make_proposal(), analyst, ["бір", "екі", "үш"])
    answer = client_for(analyst).post(points_url(proposal), {"join": ["2", "3"], "_join": "1"})
    assert answer.status_code == 302 and texts(proposal) == ["бір", "екі\n\nүш"]


def test_a_point_is_added_at_the_end(analyst):
    proposal = split(make_proposal(), analyst, ["бір", "екі"])
    client_for(analyst).post(points_url(proposal), {"add-text": "үш", "_add": "1"})
    assert texts(proposal) == ["бір", "екі", "үш"]


def test_a_point_is_saved_with_its_summaries_topic_and_articles_in_one_go(analyst):
    proposal = split(make_proposal(articles=""), analyst, ["бір", "екі"])
    topic = Category.objects.order_by("pk").last()
    article = Article.objects.get(number="50")
    data = {
        "point-text": "екі (түзетілген)", "point-category": topic.pk, "point-summary_kk": "Қысқаша",
        "point-summary_ru": "Кратко", "point-summary_en": "",
        "links-TOTAL_FORMS": "3", "links-INITIAL_FORMS": "0", "links-MIN_NUM_FORMS": "0", "links-MAX_NUM_FORMS": "30",
        "links-0-article": article.pk, "links-0-change": "amend", "links-1-article": "", "links-1-change": "",
        "links-2-article": "", "links-2-change": "", "_save": "1",
    }
    answer = client_for(analyst).post(points_url(proposal, "2/"), data)
    assert answer.status_code == 302
    point = proposal.points.get(number=2)
    assert (point.text, point.category, point.summary_ru) == ("екі (түзетілген)", topic, "Кратко")
    links = ProposalArticle.objects.values_list("point", "article__number", "change")
    assert list(links) == [(point.pk, "50", "amend")]
    actions = list(ProposalEvent.objects.filter(proposal=proposal).values_list("action", flat=True))
    assert actions.count(Action.EDIT_POINTS) == 1 and actions.count(Action.EDIT) == 1


def test_an_article_named_by_another_point_is_refused_and_nothing_is_saved(analyst):
    proposal = split(make_proposal(articles="50"), analyst, ["бір", "екі"])
    article = Article.objects.get(number="50")
    data = {
        "point-text": "екі (түзетілген)", "point-category": "", "point-summary_kk": "", "point-summary_ru": "",
        "point-summary_en": "", "links-TOTAL_FORMS": "1", "links-INITIAL_FORMS": "0", "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "30", "links-0-article": article.pk, "links-0-change": "repeal", "_save": "1",
    }
    page = client_for(analyst).post(points_url(proposal, "2/"), data)
    assert page.status_code == 200 and "1" in str(page.context["refusal"])
    assert texts(proposal) == ["бір", "екі"]
    assert list(ProposalArticle.objects.values_list("point__number", "change")) == [(1, "concerns")]


def test_a_point_is_removed_with_a_note(analyst):
    proposal = split(make_proposal(), analyst, ["бір", "екі", "үш"])
    client_for(analyst).post(points_url(proposal, "2/"), {"drop-note": "Қайталау", "_drop": "1"})
    assert texts(proposal) == ["бір", "үш"]


def test_the_lead_answers_the_points_and_the_page_names_the_decision_they_give(analyst, lead):
    proposal = put_in_state(split(make_proposal(), analyst, ["бір", "екі"]), State.WITH_WORKING_GROUP)
    data = {"answers-TOTAL_FORMS": "2", "answers-INITIAL_FORMS": "2", "answers-MIN_NUM_FORMS": "0",
            "answers-MAX_NUM_FORMS": "1000"}
    for index, (outcome, reason) in enumerate([(State.ACCEPTED, ""), (State.NOT_ACCEPTED, "not_feasible")]):
        data.update({f"answers-{index}-outcome": outcome, f"answers-{index}-reason": reason,
                     f"answers-{index}-response_kk": "Жауап", f"answers-{index}-response_ru": "Ответ",
                     f"answers-{index}-response_en": ""})
    answer = client_for(lead).post(points_url(proposal, "answers/"), data)
    assert answer.status_code == 302
    assert list(proposal.points.values_list("outcome", "outcome_reason")) == [
        (State.ACCEPTED, ""), (State.NOT_ACCEPTED, NotAcceptedReason.NOT_FEASIBLE)
    ]
    page = client_for(lead).get(points_url(proposal))
    assert page.context["decision"] == State.PARTIALLY_ACCEPTED


def test_a_refused_answer_keeps_what_was_typed(analyst, lead):
    proposal = put_in_state(split(make_proposal(), analyst, ["бір", "екі"]), State.WITH_WORKING_GROUP)
    data = {"answers-TOTAL_FORMS": "2", "answers-INITIAL_FORMS": "2", "answers-MIN_NUM_FORMS": "0",
            "answers-MAX_NUM_FORMS": "1000", "answers-0-outcome": State.ACCEPTED, "answers-0-response_kk": "Жауап",
            "answers-0-response_ru": "", "answers-1-outcome": ""}
    page = client_for(lead).post(points_url(proposal, "answers/"), data)
    assert page.status_code == 200 and page.context["refusal"]
    assert "Жауап" in page.content.decode()
    assert set(proposal.points.values_list("outcome", flat=True)) == {""}


def test_only_those_who_may_see_the_points_page_and_only_deciders_answer(analyst, wg_member):
    proposal = put_in_state(split(make_proposal(), analyst, ["бір", "екі"]), State.WITH_WORKING_GROUP)
    assert client_for(wg_member).get(points_url(proposal)).status_code == 200
    assert client_for(wg_member).post(points_url(proposal), {"add-text": "x", "_add": "1"}).status_code == 404
    assert client_for(analyst).get(points_url(proposal, "answers/")).status_code == 404
    assert Client().get(points_url(proposal)).status_code == 302
    assert proposal.points.count() == 2


def test_the_points_page_reads_a_constant_number_of_queries(analyst, django_assert_max_num_queries):
    proposal = split(make_proposal(articles="49, 50"), analyst, [f"тармақ {n}" for n in range(1, 101)])
    client = client_for(make_user("lead"))
    client.get(points_url(proposal))
    with django_assert_max_num_queries(12):
        assert client.get(points_url(proposal)).status_code == 200


def test_a_decision_the_points_do_not_give_keeps_the_typed_response_and_lists_the_points(analyst, lead):
    proposal = put_in_state(split(make_proposal(), analyst, ["бір", "екі"]), State.WITH_WORKING_GROUP)
    services.points_decide(proposal=proposal, actor=lead, outcomes={
        1: {"outcome": State.ACCEPTED, "response": {"kk": "Иә", "ru": "Да"}},
        2: {"outcome": State.NOT_ACCEPTED, "reason": "other", "response": {"kk": "Жоқ", "ru": "Нет"}},
    })
    url = f"{LIST}{proposal.pk}/act/accept/"
    page = client_for(lead).post(url, {"response_kk": "Толық қабылданды", "response_ru": "Принято полностью",
                                       "response_en": "", "note": ""})
    assert page.status_code == 200 and "Принято полностью" in page.content.decode()
    assert [point.number for point in page.context["points"]] == [1, 2]
    assert Proposal.objects.get(pk=proposal.pk).state == State.WITH_WORKING_GROUP


def test_the_page_of_an_only_point_offers_the_split_but_not_its_own_fields(analyst):
    proposal = make_proposal()
    page = client_for(analyst).get(points_url(proposal, "1/"))
    assert page.context["single"]
    content = page.content.decode()
    assert 'name="_split"' in content and 'name="_save"' not in content and 'name="_drop"' not in content


# Suggested points

NUMBERED = ("«Ақ жол» партиясы мынаны ұсынады:\n1. Бірпалаталы Парламент құру.\n2. Мәслихаттардың өкілеттігін "
            "кеңейту.\n3. Цифрлық Парламент енгізу.\n4. Депутаттардың есебін жариялау.\nҚұрметпен, партия кеңсесі.")


def suggestion_data(rows):
    """The suggestions form: rows of (keep, text, join)."""
    data = {"_split_suggested": "1"}
    for index, (keep, text, join) in enumerate(rows):
        data[f"suggestion-{index}-text"] = text
        if keep:
            data[f"suggestion-{index}-keep"] = "1"
        if join:
            data[f"suggestion-{index}-join"] = "1"
    return data


def test_the_points_page_suggests_the_numbered_items_of_the_text(analyst):
    proposal = make_proposal(text=NUMBERED)
    page = client_for(analyst).get(points_url(proposal))
    assert [(row["label"], row["text"], row["keep"]) for row in page.context["suggestions"]] == [
        ("1.", "Бірпалаталы Парламент құру.", True), ("2.", "Мәслихаттардың өкілеттігін кеңейту.", True),
        ("3.", "Цифрлық Парламент енгізу.", True), ("4.", "Депутаттардың есебін жариялау.", True),
    ]
    assert page.context["suggestions_source"] == "" and 'name="_split_suggested"' in page.content.decode()


def test_staff_drop_edit_and_join_suggestions_before_the_split(analyst):
    proposal = make_proposal(text=NUMBERED)
    answer = client_for(analyst).post(points_url(proposal), suggestion_data([
        (True, "Бірпалаталы Парламент құру (150 депутат).", False),
        (False, "Мәслихаттардың өкілеттігін кеңейту.", False),
        (True, "Цифрлық Парламент енгізу.", False),
        (True, "Депутаттардың есебін жариялау.", True),
    ]))
    assert answer.status_code == 302
    assert texts(proposal) == ["Бірпалаталы Парламент құру (150 депутат).",
                               "Цифрлық Парламент енгізу.\nДепутаттардың есебін жариялау."]
    assert ProposalEvent.objects.filter(proposal=proposal, action=Action.SPLIT_POINTS).count() == 1


def test_a_refused_suggested_split_shows_what_was_ticked_and_typed(analyst):
    proposal = make_proposal(text=NUMBERED)
    page = client_for(analyst).post(points_url(proposal), suggestion_data([
        (True, "Өзгертілген мәтін", False), (False, "", False), (False, "", False), (False, "", False),
    ]))
    assert page.status_code == 200 and page.context["refusal"]
    assert [(row["keep"], row["text"]) for row in page.context["suggestions"]][:2] == [
        (True, "Өзгертілген мәтін"), (False, "")
    ]
    assert proposal.points.count() == 1


def test_an_attached_document_is_read_when_the_text_has_no_list(analyst, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    proposal = make_proposal(text="Ұсыныстарымыз қоса берілген құжатта.")
    attach(proposal, "Ұсыныстар.docx", docx_package([
        (None, "Партияның ұсыныстары."), (0, "Парламентті бір палаталы ету."), (0, "Сайлау жүйесін өзгерту."),
    ]), DOCX)
    page = client_for(analyst).get(points_url(proposal))
    assert page.context["suggestions_source"] == "Ұсыныстар.docx"
    assert [row["text"] for row in page.context["suggestions"]] == [
        "Парламентті бір палаталы ету.", "Сайлау жүйесін өзгерту."
    ]


def test_no_list_found_says_so_and_offers_the_split_by_hand(analyst):
    proposal = make_proposal(text="Бір ғана ұсыныс: Парламентті бір палаталы ету.")
    page = client_for(analyst).get(points_url(proposal))
    assert page.context["suggestions"] == [] and 'name="_split"' in page.content.decode()


def test_the_release_publishes_each_points_outcome_together_through_the_services(analyst, lead, settings):
    settings.PARLREFORM_PAGE_CACHE = False
    proposal = split(make_proposal(), analyst, ["бір", "екі"])
    for point in proposal.points.all():
        services.point_edit(point=point, actor=analyst, changes={
            "summary_kk": f"Тармақ {point.number}", "summary_ru": f"Пункт {point.number}",
            "summary_en": f"Point summary {point.number}"})
    services.proposal_edit(proposal=proposal, actor=analyst, changes={
        "title_kk": "Пакет", "title_ru": "Пакет", "title_en": "Package", "summary_kk": "Қысқаша",
        "summary_ru": "Кратко", "summary_en": "In short"})
    for action in (Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW, Action.FORWARD):
        services.proposal_transition(proposal=proposal, action=action, actor=lead)
    services.proposal_publish(proposal=proposal, actor=lead)
    services.points_decide(proposal=proposal, actor=lead, outcomes={
        1: {"outcome": State.ACCEPTED, "response": {"kk": "Иә", "ru": "Да", "en": "Taken into the draft"}},
        2: {"outcome": State.NOT_ACCEPTED, "reason": "not_feasible",
            "response": {"kk": "Жоқ", "ru": "Нет", "en": "Not at this stage"}},
    })
    services.proposal_decide(proposal=proposal, action=Action.ACCEPT_PARTIALLY, actor=lead, note="Решение",
                             response={"kk": "Ішінара", "ru": "Частично", "en": "In part"})
    url = f"/en/proposals/{proposal.tracking_code}/"
    before = Client().get(url).content.decode()
    assert "Point summary 2" in before and "Taken into the draft" not in before and "Not at this stage" not in before
    services.proposal_release_decision(proposal=proposal, actor=lead)
    after = Client().get(url).content.decode()
    assert "Taken into the draft" in after and "Not at this stage" in after


def test_an_edited_point_of_a_published_proposal_shows_on_the_next_request(analyst, lead, settings):
    settings.PARLREFORM_PAGE_CACHE = True
    proposal = split(make_proposal(), analyst, ["бір", "екі"])
    for point in proposal.points.all():
        services.point_edit(point=point, actor=analyst, changes={"summary_kk": "Тармақ", "summary_ru": "Пункт",
                                                                 "summary_en": f"First words {point.number}"})
    Proposal.objects.filter(pk=proposal.pk).update(title_kk="П", title_ru="П", summary_kk="Қ", summary_ru="К")
    proposal = put_in_state(proposal, State.IN_REVIEW)
    services.proposal_publish(proposal=proposal, actor=lead)
    url = f"/en/proposals/{proposal.tracking_code}/"
    assert "First words 2" in Client().get(url).content.decode()
    services.point_edit(point=proposal.points.get(number=2), actor=lead, changes={"summary_en": "Second words"})
    assert "Second words" in Client().get(url).content.decode()


def test_a_packages_list_of_points_is_remembered_until_the_public_data_changes(analyst, lead, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PARLREFORM_PAGE_CACHE = False
    proposal = split(make_proposal(), analyst, [f"тармақ {n}" for n in range(1, 11)])
    for point in proposal.points.all():
        services.point_edit(point=point, actor=analyst, changes={
            "summary_kk": "Тармақ", "summary_ru": "Пункт", "summary_en": f"Words of point {point.number}"})
    Proposal.objects.filter(pk=proposal.pk).update(title_kk="П", title_ru="П", summary_kk="Қ", summary_ru="К")
    services.proposal_publish(proposal=put_in_state(proposal, State.IN_REVIEW), actor=lead)
    url = f"/en/proposals/{proposal.tracking_code}/"
    counts = []
    for _attempt in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert "Words of point 10" in Client().get(url).content.decode()
        counts.append(sum("proposals_point" in query["sql"] for query in captured))
    assert counts[0] >= 1 and counts[1] == 0
    services.point_edit(point=proposal.points.get(number=10), actor=lead, changes={"summary_en": "Other words"})
    assert "Other words" in Client().get(url).content.decode()
