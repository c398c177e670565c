"""A learner's journey in a browser: briefing, a whole conversation sent with Enter, the debrief, their progress."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .conftest import check_page, keep_for_readme, shoot, sign_in

HOSTILE = "<script>alert(1)</script><b>x</b>"
REPLIES = (
    f"{HOSTILE} I'm so sorry, that sounds really frustrating. Can you tell me what happened?",
    "I'm really sorry this happened again. Before I look, can I take your full name and postcode please?",
    "I'll reship the headphones today by signed-for delivery, or refund you if you prefer.",
    "Yes, I'll send them today, signed for, and email you the reference.",
)


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


def test_learner_completes_a_conversation_and_reads_the_debrief(page: Page) -> None:
    start(page, "parcel-not-delivered")
    expect(page.get_by_role("log")).to_contain_text("Daniel Okafor")
    expect(page.locator("meter#anger")).to_be_visible()
    expect(page.locator("#stages [aria-current=step]")).to_have_text("Hear")
    check_page(page)
    url = page.url

    page.get_by_label("Your reply").fill("First line")
    page.get_by_label("Your reply").press("Shift+Enter")
    page.get_by_label("Your reply").press_sequentially("second line")
    expect(page.get_by_label("Your reply")).to_have_value("First line\nsecond line")

    for number, text in enumerate(REPLIES, start=1):
        reply_with_enter(page, text)
        assert page.url == url  # no reload: the script sent it
        if number == 2:
            shoot(page, "conversation")
            keep_for_readme(page, "conversation")
        if page.get_by_role("link", name="Read your debrief").count():
            break
    expect(page.locator("#messages .message.agent").first).to_contain_text(HOSTILE)
    assert page.locator("#messages b").count() == 0
    shoot(page, "conversation-ended")

    page.get_by_role("link", name="Read your debrief").click()
    expect(page.get_by_role("heading", name="Criterion by criterion")).to_be_visible()
    expect(page.locator(".band")).to_have_text(re.compile("Refer|Pass|Merit|Distinction"))
    expect(page.locator("mark.earned").first).to_be_visible()
    expect(page.get_by_text(HOSTILE).first).to_be_visible()
    assert page.locator("main b").count() == 0
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


def test_a_reply_posts_without_javascript(browser_no_js: Page) -> None:
    page = browser_no_js
    start(page, "sale-straighteners-no-receipt")
    page.get_by_label("Your reply").fill(f"{HOSTILE} I'm sorry they've stopped working. When did you buy them?")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#messages .message.agent")).to_have_count(1)
    expect(page.locator("#messages .message.agent")).to_contain_text(HOSTILE)
