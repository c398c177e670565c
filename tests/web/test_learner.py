"""A learner's journey in a browser: the briefing, a whole conversation handled well and sent with Enter, the
debrief, their progress. The replies are the strong playthrough's, so this is the journey the README pictures show;
hostile HTML in replies has its own journey in ``test_escaping.py``."""

from __future__ import annotations

import re

import yaml
from playwright.sync_api import Page, expect

from .conftest import ROOT, check_page, keep_for_readme, shoot, sign_in

PLAYTHROUGHS = ROOT / "tests" / "playthroughs"


def playthrough(name: str) -> tuple[str, tuple[str, ...]]:
    """The scenario and the replies, in order, of a playthrough file such as ``parcel-not-delivered/strong``."""
    data = yaml.safe_load((PLAYTHROUGHS / f"{name}.yaml").read_text(encoding="utf-8"))
    return str(data["scenario"]), tuple(str(turn["reply"]) for turn in data["turns"])


def strong_replies() -> tuple[str, ...]:
    """The adviser who hears Mr Okafor out, verifies him, then reships or refunds and refers the repeat failure."""
    return playthrough("parcel-not-delivered/strong")[1]


def start(page: Page, scenario: str, mode: str = "practice") -> None:
    if page.locator(".account form").count() == 0:
        sign_in(page, "lena")
    page.goto(f"/scenarios/{scenario}")
    page.get_by_role("radio", name=re.compile("Practice" if mode == "practice" else "Assessed")).check()
    page.get_by_role("button", name="Start the conversation").click()
    expect(page).to_have_url(re.compile(r"/conversations/[0-9a-f]{32}$"))


def reply_with_enter(page: Page, text: str) -> None:
    count = page.locator("#messages .message.customer").count()
    box = page.get_by_label("Your reply")
    box.fill(text)
    box.press("Enter")
    expect(page.locator("#messages .message.customer")).to_have_count(count + 1)


def play(page: Page, name: str) -> None:
    """Lena plays a playthrough file's replies in its scenario, start to finish."""
    scenario, replies = playthrough(name)
    start(page, scenario)
    for text in replies:
        reply_with_enter(page, text)
    expect(page.get_by_role("link", name="Read your debrief")).to_be_visible()


def test_learner_handles_a_complaint_well_and_reads_the_debrief(page: Page) -> None:
    replies = strong_replies()
    start(page, "parcel-not-delivered")
    expect(page.get_by_role("log")).to_contain_text("Daniel Okafor")
    expect(page.locator("meter#anger")).to_be_visible()
    expect(page.locator("#stages [aria-current=step]")).to_have_text("Hear")
    check_page(page)
    url = page.url

    box = page.get_by_label("Your reply")
    box.fill("First line")
    box.press("Shift+Enter")
    box.press_sequentially("second line")
    expect(box).to_have_value("First line\nsecond line")

    for number, text in enumerate(replies, start=1):
        if number == 2:  # the picture: heard, empathised with and apologised to, Lena types the identity check
            box.fill(text)
            expect(page.locator("#stages li.done")).to_have_count(3)
            shoot(page, "conversation")
            keep_for_readme(page, "conversation", top=page.locator(".page-head h1"))
        reply_with_enter(page, text)
        assert page.url == url  # no reload: the script sent it
        expect(page.locator("#messages .message.agent").last).to_contain_text(text)
        if number < len(replies):
            expect(page.get_by_role("link", name="Read your debrief")).to_have_count(0)
    expect(page.locator("#messages .message.ending")).to_have_text("Conversation ended: Resolved")
    check_page(page)  # the log scrolls now, so it must take the keyboard
    shoot(page, "conversation-ended")

    page.get_by_role("link", name="Read your debrief").click()
    expect(page.get_by_role("heading", name="Criterion by criterion")).to_be_visible()
    expect(page.locator(".band")).to_have_text("Distinction")
    expect(page.locator(".result")).to_contain_text("outcome: Resolved · 3 replies")
    expect(page.locator("mark.earned").first).to_be_visible()
    expect(page.locator(".criterion.is-breach")).to_have_count(0)
    check_page(page)
    shoot(page, "debrief")
    keep_for_readme(page, "debrief")

    page.get_by_role("link", name="My progress").first.click()
    expect(page.get_by_role("img", name="Grades over time")).to_be_visible()
    check_page(page)
    shoot(page, "history")


def test_assessed_mode_shows_no_hints(page: Page) -> None:
    start(page, "online-dress-cancellation", mode="assessed")
    assert page.locator("meter").count() == 0
    assert page.locator("#stages").count() == 0
    reply_with_enter(page, "I'm sorry about that. What happened with the dress?")
    assert page.locator("meter").count() == 0
    check_page(page)
    shoot(page, "conversation-assessed")
