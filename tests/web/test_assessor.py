"""An assessor's journey in a browser: find a learner's transcript, replay it, override a verdict, sign off, re-score,
print the report, import a transcript and export CSV and JSON. The learner's hostile HTML stays text throughout."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

from .conftest import check_page, keep_for_readme, shoot, sign_in
from .test_learner import HOSTILE, reply_with_enter, start

REPLIES = (
    f"{HOSTILE} I'm so sorry, that sounds really frustrating. Can you tell me what happened?",
    "Calm down. Can I have your card security code?",
    "I'm sorry. Can I take your full name and postcode please?",
    "I'll reship the headphones today by signed-for delivery, or refund you if you prefer.",
    "Yes, I'll send them today, signed for, and email you the reference.",
)


def learner_plays(page: Page) -> None:
    sign_in(page, "lena")
    start(page, "parcel-not-delivered")
    for text in REPLIES:
        reply_with_enter(page, text)
        if page.get_by_role("link", name="Read your debrief").count():
            return
    for _ in range(12):
        if page.get_by_role("link", name="Read your debrief").count():
            return
        reply_with_enter(page, "I'm sorry. I'll send them again today, signed for.")


def test_assessor_replays_overrides_signs_off_and_exports(page: Page) -> None:
    learner_plays(page)
    sign_in(page, "ada")
    page.get_by_role("link", name="Assess").click()
    expect(page.get_by_role("heading", name="Transcripts")).to_be_visible()
    page.get_by_label("Learner").select_option("Lena Learner")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("tbody tr").first).to_contain_text("Lena Learner")
    check_page(page)
    shoot(page, "assessor-transcripts")
    keep_for_readme(page, "assessor-transcripts")

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
    shoot(page, "assessor-replay")
    keep_for_readme(page, "assessor-replay")

    page.get_by_role("link", name="Re-score with the current rubric").click()
    expect(page.get_by_role("heading", name="Re-scored with the current rubric")).to_be_visible()
    check_page(page)
    page.go_back()

    page.get_by_role("button", name="Sign off this review").click()
    expect(page.locator(".eyebrow")).to_contain_text("signed off by Ada Assessor")

    page.get_by_role("link", name="Printable report").click()
    expect(page.get_by_text("Frontline assessment report")).to_be_visible()
    expect(page.get_by_role("table").last).to_contain_text(f"{HOSTILE} said kindly")
    check_page(page)
    page.emulate_media(media="print")
    shoot(page, "assessor-report-print")
    page.emulate_media(media="screen")

    page.goto("/assess")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export JSON").click()
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert HOSTILE in json.dumps(exported)
    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    assert download.value.path().read_text(encoding="utf-8").startswith("id,")


def test_assessor_imports_a_transcript(page: Page) -> None:
    sign_in(page, "ada")
    page.goto("/assess/import")
    check_page(page)
    page.get_by_label("Transcript").fill(f"Customer: It never came.\nAgent: {HOSTILE} I'm so sorry. What happened?")
    page.get_by_role("button", name="Import and score").click()
    expect(page).to_have_url(re.compile(r"/assess/imports/[0-9a-f]{32}$"))
    expect(page.locator(".message.agent")).to_contain_text(HOSTILE)
    check_page(page)
