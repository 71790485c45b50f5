"""The product as its users meet it: citizens, a party, analysts, a lead, the public, refusals."""
import csv
import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from proposals.core import access, services
from proposals.core.models import AnswerTemplate, Category, Party, Proposal, SubmitterKind
from proposals.core.workflow import Action, State
from tests.factories import make_proposal, make_user, put_in_state
from tests.submission import PDF_BYTES as PDF
from tests.submission import PNG_BYTES as PNG
from tests.submission import docx_bytes

pytestmark = pytest.mark.django_db(transaction=True)

KAZAKH_WORD = "мәслихаттардың"


def files(tmp_path, **named):
    paths = []
    for name, content in named.items():
        path = tmp_path / name.replace("_", ".", 1)
        path.write_bytes(content)
        paths.append(str(path))
    return paths


def login(page, base, username):
    user = make_user({"analyst": "analyst", "lead": "lead", "wg": "working-group member"}[username],
                     username=f"{username}-e2e")
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "test-password-123")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()
    return user


def admin_change(page, base, proposal):
    page.goto(f"{base}/admin/proposals/proposal/{proposal.pk}/change/")


def click_action(page, action):
    """Press a workflow button: on the desk it submits the page's form; else a direct POST form or a link."""
    desk = page.locator(f"button[name=_act][value={action}]")
    button = page.locator(f"form[action$='/act/{action}/'] button")
    if desk.count():
        desk.click()
    elif button.count():
        button.click()
    else:
        page.click(f"a[href$='/act/{action}/']")
    page.wait_for_load_state()


def test_citizen_on_a_phone_corrects_two_mistakes_and_follows_the_link(live_server, open_context, shot, tmp_path,
                                                                        mailoutbox, settings):
    # The email's link starts with the configured site address, here the test server's.
    settings.PARLREFORM_SITE_URL = live_server.url
    _context, page = open_context(390, 844, "kk-KZ")
    page.goto(f"{live_server.url}/kk/submit/")
    shot(page, "empty-form")
    page.fill("#id_citizen_name", "Әсел Нұрланқызы")
    page.select_option("#id_region", label="Шымкент қаласы")
    page.fill("#id_title", "Мәслихаттардың өкілеттігін кеңейту")
    page.fill("#id_text", "Мәслихаттардың бюджеттік өкілеттігін кеңейтуді және есептерін жариялауды ұсынамын.")
    page.set_input_files("#id_attachments", files(tmp_path, fake_pdf=b"MZ\x90\x00" + b"\x00" * 300))
    page.check("#id_consent")
    page.click(".proposal-form button[type=submit]")
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Бұл өрісті толтыру міндетті")
    expect(summary).to_contain_text("fake.pdf")
    expect(page.locator("#files-dropped")).to_be_visible()
    shot(page, "two-mistakes")

    page.fill("#id_email", "asel@example.org")
    page.set_input_files("#id_attachments", files(tmp_path, real_pdf=PDF))
    page.click(".proposal-form button[type=submit]")
    code = page.locator("#tracking-code").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}", code)
    expect(page.locator("h1")).to_contain_text("тіркелді")
    shot(page, "receipt")

    proposal = Proposal.objects.get(tracking_code=code)
    assert proposal.attachments.count() == 1 and proposal.email == "asel@example.org"
    [message] = mailoutbox
    assert code in message.body
    link = re.search(r"https?://\S+/track/link/\S+/", message.body).group(0)
    _other, fresh = open_context(390, 844, "kk-KZ")
    fresh.goto(link)
    expect(fresh.locator(".eyebrow")).to_contain_text(code)
    expect(fresh.locator(".badge")).to_have_text("Тіркелді")
    shot(fresh, "status-from-email-link")


def test_party_staff_member_sends_a_long_proposal_with_three_files(live_server, open_context, shot, tmp_path):
    _context, page = open_context(1366, 900, "ru-RU")
    page.goto(f"{live_server.url}/ru/submit/")
    expect(page.locator("fieldset[data-kinds='party']")).to_be_hidden()
    page.check("input[name=submitter_kind][value=party]")
    expect(page.locator("fieldset[data-kinds='party']")).to_be_visible()
    expect(page.locator("fieldset[data-kinds='citizen']")).to_be_hidden()
    page.select_option("#id_party", label=Party.objects.get(slug="ak-zhol").name_ru)
    page.fill("#id_party_contact", "Ерлан Касымов")
    page.fill("#id_party_position", "Руководитель юридического отдела")
    page.fill("#id_email", "law@akzhol.example.org")
    page.fill("#id_title", "Открытые партийные списки и порог 5 процентов")
    long_text = ("Предлагаем закрепить в Конституции открытые партийные списки. " * 120).strip()
    page.fill("#id_text", long_text)
    page.set_input_files("#id_attachments", files(tmp_path, draft_pdf=PDF, chart_png=PNG, memo_docx=docx_bytes()))
    page.check("#id_consent")
    page.click(".proposal-form button[type=submit]")
    code = page.locator("#tracking-code").inner_text().strip()
    shot(page, "receipt")
    proposal = Proposal.objects.get(tracking_code=code)
    assert proposal.submitter_kind == SubmitterKind.PARTY and proposal.party.slug == "ak-zhol"
    assert proposal.text == long_text
    assert sorted(a.original_name for a in proposal.attachments.all()) == ["chart.png", "draft.pdf", "memo.docx"]


def test_analyst_triages_the_work_queue(live_server, open_context, shot):
    first = make_proposal(title="Мәслихаттардың өкілеттігін кеңейту", language="kk")
    second = make_proposal(title="Открытые партийные списки", language="ru", submitter_kind=SubmitterKind.PARTY,
                           party=Party.objects.get(slug="ak-zhol"))
    third = make_proposal(title="Мәслихат өкілеттігі туралы тағы бір ұсыныс")
    _context, page = open_context(1400, 900, "ru-RU")
    analyst = login(page, live_server.url, "analyst")
    page.goto(f"{live_server.url}/admin/proposals/proposal/")
    expect(page.locator("#result_list")).to_contain_text(first.tracking_code)
    expect(page.locator("#result_list")).to_contain_text(second.tracking_code)
    shot(page, "work-queue")

    admin_change(page, live_server.url, first)
    click_action(page, Action.ASSIGN)
    page.select_option("#id_assignee", label=analyst.username)
    page.click("input[type=submit].default")
    expect(page.locator(".messagelist")).to_be_visible()
    click_action(page, Action.START_SCREENING)
    page.fill("#id_notes-0-text", "Похоже на предложение маслихатов Шымкента.")
    page.fill("#id_summary_kk", "Автор мәслихаттардың бюджеттік өкілеттігін кеңейтуді ұсынады.")
    page.fill("#id_summary_ru", "Автор предлагает расширить бюджетные полномочия маслихатов.")
    shot(page, "proposal-page")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_be_visible()

    admin_change(page, live_server.url, third)
    click_action(page, Action.MARK_DUPLICATE)
    # Part of the code, as an analyst reads it off a letter: found, then chosen.
    page.fill("#duplicate-search-q", first.tracking_code[:7])
    page.click(".duplicate-search button")
    page.check(f"input[name=duplicate_of][value='{first.pk}']")
    shot(page, "mark-duplicate")
    page.click("input[type=submit].default")
    expect(page.locator(".messagelist")).to_be_visible()

    first.refresh_from_db()
    third.refresh_from_db()
    assert first.assignee == analyst and first.state == State.SCREENING
    assert first.notes.get().text.startswith("Похоже") and first.summary_kk.startswith("Автор")
    assert third.state == State.DUPLICATE and third.duplicate_of == first


def test_lead_forwards_records_releases_and_publishes(live_server, open_context, shot):
    call_command("loaddata", "answer_templates", verbosity=0)
    template = AnswerTemplate.objects.filter(outcome=State.PARTIALLY_ACCEPTED).order_by("position").first()
    proposal = make_proposal(title="Мәслихаттардың өкілеттігін кеңейту")
    setup_lead = make_user("lead")
    for action in (Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW):
        services.proposal_transition(proposal=proposal, action=action, actor=setup_lead)
    Proposal.objects.filter(pk=proposal.pk).update(
        title_kk="Мәслихаттардың бюджеттік өкілеттігі", title_ru="Бюджетные полномочия маслихатов",
        summary_kk="Қысқаша мазмұны.", summary_ru="Краткое изложение.",
    )
    services.opinion_write(
        proposal=proposal, author=make_user("analyst"), recommendation="accept_in_part",
        reasoning="Бюджеттік өкілеттік заңмен реттеледі; қағидатты Конституцияда бекітуге болады.",
        articles="86", consistency="needs_amendment", consistency_comment="86-бапқа толықтыру қажет.",
    )
    _context, page = open_context(1280, 900, "ru-RU")
    login(page, live_server.url, "lead")
    admin_change(page, live_server.url, proposal)
    click_action(page, Action.FORWARD)
    expect(page.locator(".messagelist")).to_be_visible()
    click_action(page, Action.ACCEPT_PARTIALLY)
    # The lead reads the analyst's opinion on the decision page, then answers from a template.
    expect(page.locator(".opinion-panel")).to_contain_text("86-бапқа толықтыру қажет.")
    page.select_option("#id_answer_template", value=str(template.pk))
    expect(page.locator("#id_response_ru")).to_have_value(template.text_ru)
    expect(page.locator("#id_response_kk")).to_have_value(template.text_kk)
    page.fill("#id_note", "Учтено в проекте статьи 86.")
    shot(page, "decision-page-ru")
    page.click("input[type=submit].default")
    expect(page.locator(".messagelist")).to_be_visible()
    click_action(page, Action.RELEASE_DECISION)
    expect(page.locator(".messagelist")).to_be_visible()
    click_action(page, Action.PUBLISH)
    expect(page.locator(".messagelist")).to_be_visible()
    shot(page, "published")
    proposal.refresh_from_db()
    assert proposal.state == State.PARTIALLY_ACCEPTED and proposal.response_ru == template.text_ru
    assert proposal.decision_released_at and proposal.published_at
    assert proposal.events.get(action=Action.ACCEPT_PARTIALLY).note == "Учтено в проекте статьи 86."
    _public_context, public = open_context(1280, 900, "ru-RU")
    public.goto(f"{live_server.url}/ru/proposals/{proposal.tracking_code}/")
    expect(public.locator("h1")).to_contain_text("Бюджетные полномочия маслихатов")
    expect(public.locator(".response")).to_contain_text(template.text_ru)
    shot(public, "public-page-with-the-response")


def test_the_decision_page_in_kazakh_at_1280_without_javascript_templates(live_server, open_context, shot):
    """The "use the template" button fills the response on the server; the page fits 1280 px."""
    call_command("loaddata", "answer_templates", verbosity=0)
    template = AnswerTemplate.objects.get(outcome=State.NOT_ACCEPTED, reason="not_constitutional_level")
    proposal = make_proposal(title="Мәслихаттардың өкілеттігін кеңейту")
    put_in_state(proposal, State.WITH_WORKING_GROUP)
    services.opinion_write(
        proposal=proposal, author=make_user("analyst"), recommendation="do_not_accept",
        reason="not_constitutional_level", reasoning="Мәселе Бюджет кодексімен реттеледі.", articles="86",
        consistency="consistent",
    )
    _context, page = open_context(1280, 900, "kk-KZ")
    login(page, live_server.url, "lead")
    page.goto(f"{live_server.url}/admin/proposals/proposal/{proposal.pk}/act/reject/"
              "?_changelist_filters=state%3Dwith_working_group")
    page.select_option("#id_answer_template", value=str(template.pk))
    page.fill("#id_note", "Бюджет кодексі.")
    page.click("button[name=use_template]")
    expect(page.locator("#id_response_kk")).to_have_value(template.text_kk)
    expect(page.locator("#id_reason")).to_have_value("not_constitutional_level")
    expect(page.locator("#id_note")).to_have_value("Бюджет кодексі.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    shot(page, "decision-page-kk")
    page.click("input[type=submit].default")
    expect(page).to_have_url(re.compile(r"/change/\?_changelist_filters=state%3Dwith_working_group$"))
    proposal.refresh_from_db()
    assert proposal.state == State.NOT_ACCEPTED and proposal.response_kk == template.text_kk


def decided_public_proposal():
    lead = make_user("lead")
    category = Category.objects.get(slug="regions-council")
    proposal = make_proposal(title="Мәслихаттардың өкілеттігін кеңейту", category=category,
                             text=f"Барлық {KAZAKH_WORD} бюджеттік өкілеттігін кеңейту ұсынылады.",
                             email="private.asel@example.org", phone="+7 701 000 11 22")
    for action in (Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW, Action.FORWARD):
        services.proposal_transition(proposal=proposal, action=action, actor=lead)
    Proposal.objects.filter(pk=proposal.pk).update(
        title_kk="Мәслихаттардың өкілеттігі", title_ru="Полномочия маслихатов",
        summary_kk="Автор мәслихаттардың өкілеттігін кеңейтуді ұсынады.", summary_ru="Автор предлагает расширить.",
        response_kk="Ұсыныс ішінара ескерілді.", response_ru="Учтено частично.")
    services.proposal_transition(proposal=proposal, action=Action.ACCEPT_PARTIALLY, actor=lead, note="Ішінара")
    services.proposal_release_decision(proposal=proposal, actor=lead)
    services.proposal_publish(proposal=proposal, actor=lead)
    copy = make_proposal(title="Мәслихаттар туралы", email="copy@example.org")
    services.proposal_transition(proposal=copy, action=Action.MARK_DUPLICATE, actor=lead, duplicate_of=proposal)
    return proposal


def test_the_public_finds_reads_counts_and_downloads_it(live_server, open_context, shot):
    proposal = decided_public_proposal()
    _context, page = open_context(1280, 900, "kk-KZ")
    page.goto(f"{live_server.url}/kk/proposals/?q={KAZAKH_WORD.upper()}")
    expect(page.locator(".results")).to_contain_text("Мәслихаттардың өкілеттігі")
    page.goto(f"{live_server.url}/kk/proposals/")
    page.select_option("#id_category", value="regions-council")
    page.click(".filters button[type=submit]")
    expect(page.locator(".results h2")).to_contain_text("1")
    shot(page, "register-filtered")
    page.click(f"a[href$='/proposals/{proposal.tracking_code}/']")
    expect(page.locator("#summary-heading + p, .notice + p").first).to_contain_text("мәслихаттардың")
    expect(page.locator(".response")).to_contain_text("Ұсыныс ішінара ескерілді.")
    expect(page.locator(".timeline")).to_contain_text("Шешім")
    expect(page.locator(".also")).to_contain_text("1")
    shot(page, "detail")
    page.goto(f"{live_server.url}/kk/stats/")
    expect(page.locator("#funnel-heading + .funnel")).to_contain_text("1")
    shot(page, "statistics")
    data = page.request.get(f"{live_server.url}/api/proposals.json").json()
    assert [row["tracking_code"] for row in data["results"]] == [proposal.tracking_code]
    body = page.request.get(f"{live_server.url}/api/proposals.csv").text()
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert [row["tracking_code"] for row in rows] == [proposal.tracking_code]
    for text in (str(data), body):
        assert "private.asel@example.org" not in text and "000 11 22" not in text and "copy@example.org" not in text


def test_citizen_sees_the_decision_and_another_withdraws(live_server, open_context, shot):
    proposal = decided_public_proposal()
    _context, page = open_context(390, 844, "kk-KZ")
    page.goto(f"{live_server.url}/kk/track/link/{access.status_token(proposal)}/")
    expect(page.locator(".response")).to_contain_text("Ұсыныс ішінара ескерілді.")
    expect(page.locator(".badge")).to_have_text("Ішінара қолдау тапты")
    shot(page, "decision-on-status-page")

    other = make_proposal(email="dana@example.org")
    _second, page = open_context(390, 844, "ru-RU")
    page.goto(f"{live_server.url}/ru/track/")
    page.fill("#id_tracking_code", other.tracking_code.lower().replace("-", ""))
    page.fill("#id_email", "DANA@example.org")
    page.click(".track-form button[type=submit]")
    page.click(f"a[href$='/track/{other.tracking_code}/withdraw/']")
    shot(page, "withdraw-confirmation")
    page.click("button.button--danger")
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator(".badge")).to_have_text("Отозвано")
    assert Proposal.objects.get(pk=other.pk).state == State.WITHDRAWN


def test_refusals_for_working_group_members_and_the_public(live_server, open_context, shot):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from proposals.core import attachments

    proposal = make_proposal(attachments=attachments.check([SimpleUploadedFile("secret.pdf", PDF)]))
    put_in_state(proposal, State.IN_REVIEW)
    _context, page = open_context(1400, 900, "ru-RU")
    login(page, live_server.url, "wg")
    admin_change(page, live_server.url, proposal)
    expect(page.locator(".workflow-panel")).to_have_count(0)
    expect(page.locator("input[name=_save]")).to_have_count(0)
    shot(page, "working-group-member-read-only")

    _context, public = open_context(1280, 900, "kk-KZ")
    open_context.watcher.expect(r"/proposals/[0-9A-Z-]+/$")
    open_context.watcher.expect(r"/attachment/\d+/download/$")
    response = public.goto(f"{live_server.url}/kk/proposals/{proposal.tracking_code}/")
    assert response.status == 404
    expect(public.locator("h1")).to_be_visible()
    shot(public, "unpublished-404")
    download = public.request.get(f"{live_server.url}/admin/proposals/proposal/attachment/"
                                  f"{proposal.attachments.get().pk}/download/")
    assert download.status == 404
