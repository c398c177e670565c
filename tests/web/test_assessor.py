"""An assessor's journey in a browser: find a learner's transcript, replay it turn by turn, re-score it, sign it off,
print the report and export CSV and JSON. The learner handled the complaint well (the strong playthrough), so this
is the journey the README pictures show; overrides and imports with hostile HTML are in ``test_escaping.py``."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from .conftest import check_page, keep_for_readme, shoot, sign_in
from .test_learner import play, strong_replies


def test_assessor_replays_a_strong_conversation_signs_it_off_and_exports(page: Page) -> None:
    sign_in(page, "lena")
    for name in ("sale-straighteners-no-receipt/law", "parcel-not-delivered/law", "parcel-not-delivered/strong"):
        play(page, name)  # a Pass, a Merit, then the Distinction the assessor replays
    sign_in(page, "ada")
    page.get_by_role("link", name="Assess").click()
    expect(page.get_by_role("heading", name="Transcripts")).to_be_visible()
    page.get_by_label("Learner").select_option("Lena Learner")
    page.get_by_role("button", name="Show").click()
    newest = page.locator("tbody tr").first
    expect(newest).to_contain_text("Lena Learner")
    expect(newest).to_contain_text("Resolved")
    expect(newest.locator(".band-chip")).to_have_text("Distinction")
    check_page(page)
    shoot(page, "assessor-transcripts")
    keep_for_readme(page, "assessor-transcripts")

    newest.get_by_role("link").click()
    expect(page.get_by_role("img", name="Stage and mood, turn by turn")).to_be_visible()
    expect(page.locator(".band-chip")).to_have_text(["Distinction", "Distinction"])
    page.get_by_role("link", name="Turn 1", exact=True).click()
    expect(page.get_by_role("heading", name="Verdicts on reply 1")).to_be_visible()
    current = page.locator(".message.current").first
    expect(current).to_contain_text("especially as it's the second time")
    expect(current.locator("mark.earned").first).to_be_visible()
    page.get_by_role("link", name="Next turn").click()
    page.get_by_role("link", name="Next turn").click()
    expect(page.get_by_role("heading", name="Verdicts on reply 3")).to_be_visible()
    expect(page.locator("#verdict-escalation .verdict").first).to_have_text("met")
    expect(page.get_by_role("link", name="Next turn")).to_have_count(0)
    check_page(page)
    shoot(page, "assessor-replay")
    keep_for_readme(page, "assessor-replay", top=page.locator(".crumbs"))

    page.get_by_role("link", name="Re-score with the current rubric").click()
    expect(page.get_by_role("heading", name="Re-scored with the current rubric")).to_be_visible()
    check_page(page)
    shoot(page, "assessor-rescore")
    page.go_back()

    page.get_by_label("Note for the learner (optional)").fill("Heard him out before verifying. Well done.")
    page.get_by_role("button", name="Sign off this review").click()
    expect(page.locator(".eyebrow")).to_contain_text("signed off by Ada Assessor")
    assert page.locator("details.override").count() == 0

    page.get_by_role("link", name="Printable report").click()
    expect(page.get_by_text("Frontline assessment report")).to_be_visible()
    check_page(page)
    page.emulate_media(media="print")
    shoot(page, "assessor-report-print")
    page.emulate_media(media="screen")

    page.goto("/assess")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export JSON").click()
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert strong_replies()[0] in json.dumps(exported, ensure_ascii=False)
    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    assert download.value.path().read_text(encoding="utf-8").startswith("id,")
