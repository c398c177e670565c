"""Hostile HTML typed by a learner, an assessor or a trainer shows as text on every page, whether a script or the
server put it there: the conversation, the debrief, the replay, an override's reason, the printable report, the JSON
export, an imported transcript, a reply posted without JavaScript and the editor's problems.

These journeys save screenshots to ``tests/artifacts/screenshots`` only (named ``escaping-*``), never to
``docs/screenshots``: the README pictures come from the clean journeys in the other files.
"""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

from .conftest import check_page, shoot, sign_in
from .test_learner import reply_with_enter, start

HOSTILE = "<script>alert(1)</script><b>x</b>"
REPLIES = (
    f"{HOSTILE} I'm so sorry, that sounds really frustrating. Can you tell me what happened?",
    "Calm down. Can I have your card security code?",
    "I'm sorry. Can I take your full name and postcode please?",
    "I'll reship the headphones today by signed-for delivery, or refund you if you prefer.",
    "Yes, I'll send them today, signed for, and email you the reference.",
)


def learner_plays_to_the_end(page: Page) -> None:
    """Replies sent with Enter, so the script (not the server) adds them to the page; on until the conversation ends."""
    sign_in(page, "lena")
    start(page, "parcel-not-delivered")
    url = page.url
    for text in REPLIES:
        reply_with_enter(page, text)
        assert page.url == url  # no reload: the script sent it
        if page.get_by_role("link", name="Read your debrief").count():
            return
    for _ in range(12):
        if page.get_by_role("link", name="Read your debrief").count():
            return
        reply_with_enter(page, "I'm sorry. I'll send them again today, signed for.")


def test_hostile_html_stays_text_from_the_conversation_to_the_export(page: Page) -> None:
    learner_plays_to_the_end(page)
    expect(page.locator("#messages .message.agent").first).to_contain_text(HOSTILE)
    assert page.locator("#messages b").count() == 0
    shoot(page, "escaping-conversation")

    page.get_by_role("link", name="Read your debrief").click()
    expect(page.get_by_role("heading", name="Criterion by criterion")).to_be_visible()
    expect(page.get_by_text(HOSTILE).first).to_be_visible()
    assert page.locator("main b").count() == 0
    check_page(page)
    shoot(page, "escaping-debrief")

    sign_in(page, "ada")
    page.goto("/assess")
    page.get_by_label("Learner").select_option("Lena Learner")
    page.get_by_role("button", name="Show").click()
    page.locator("tbody tr").first.get_by_role("link").click()
    expect(page.get_by_role("img", name="Stage and mood, turn by turn")).to_be_visible()
    page.get_by_role("link", name="Turn 1", exact=True).click()
    expect(page.locator(".message.current").first).to_contain_text(HOSTILE)
    assert page.locator("main b").count() == 0
    page.get_by_role("link", name="Next turn").click()
    expect(page.get_by_role("heading", name="Verdicts on reply 2")).to_be_visible()
    check_page(page)

    professional = page.locator("#verdict-professional")
    expect(professional.locator(".verdict").first).to_have_text("breach")
    professional.locator("summary").click()
    professional.get_by_label("New verdict for Professional conduct").select_option("met")
    professional.get_by_label("Reason").fill(f"{HOSTILE} said kindly, the recording shows")
    professional.get_by_role("button", name="Save override").click()
    professional = page.locator("#verdict-professional")
    expect(professional.locator(".verdict")).to_have_text(["breach", "met"])
    expect(professional).to_contain_text(f"{HOSTILE} said kindly")
    assert page.locator("main b").count() == 0
    shoot(page, "escaping-assessor-replay")

    page.get_by_role("link", name="Printable report").click()
    expect(page.get_by_text("Frontline assessment report")).to_be_visible()
    expect(page.get_by_role("table").last).to_contain_text(f"{HOSTILE} said kindly")
    assert page.locator("main b").count() == 0
    check_page(page)
    shoot(page, "escaping-assessor-report")

    page.goto("/assess")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export JSON").click()
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert HOSTILE in json.dumps(exported)


def test_hostile_html_in_an_imported_transcript_stays_text(page: Page) -> None:
    sign_in(page, "ada")
    page.goto("/assess/import")
    check_page(page)
    page.get_by_label("Transcript").fill(f"Customer: It never came.\nAgent: {HOSTILE} I'm so sorry. What happened?")
    page.get_by_role("button", name="Import and score").click()
    expect(page).to_have_url(re.compile(r"/assess/imports/[0-9a-f]{32}$"))
    expect(page.locator(".message.agent")).to_contain_text(HOSTILE)
    assert page.locator("main b").count() == 0
    check_page(page)
    shoot(page, "escaping-import")


def test_a_reply_posted_without_javascript_stays_text(browser_no_js: Page) -> None:
    page = browser_no_js
    start(page, "sale-straighteners-no-receipt")
    page.get_by_label("Your reply").fill(f"{HOSTILE} I'm sorry they've stopped working. When did you buy them?")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#messages .message.agent")).to_have_count(1)
    expect(page.locator("#messages .message.agent")).to_contain_text(HOSTILE)
    assert page.locator("#messages b").count() == 0


def test_the_validate_button_works_without_javascript_and_its_problems_stay_text(browser_no_js: Page) -> None:
    page = browser_no_js
    sign_in(page, "tom")
    page.goto("/author/edit?from=online-dress-cancellation")
    editor = page.get_by_label("Scenario YAML")
    editor.fill(editor.input_value().replace("difficulty: foundation", "difficulty: <b>easy</b>", 1))
    page.get_by_role("button", name="Validate").click()
    expect(page.locator("#problems .problem.error").first).to_contain_text("difficulty")
    assert page.locator("#problems b").count() == 0
