"""The catalogue and briefing in a browser: filters as a plain GET form, the briefing's sections, no a11y faults."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import Console, check_page, keep_for_readme, shoot, sign_in


def test_catalogue_filters_without_javascript_and_reads_well(page: Page) -> None:
    sign_in(page, "lena")
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Practise with a customer")
    cards = page.locator(".scenario-card")
    assert cards.count() == 7
    check_page(page)
    shoot(page, "catalogue")
    keep_for_readme(page, "catalogue")

    page.get_by_label("Law", exact=True).select_option(label="UK GDPR and Data Protection Act 2018")
    page.get_by_label("Difficulty").select_option("advanced")
    page.get_by_role("button", name="Show scenarios").click()
    expect(page).to_have_url("/?sector=&law=uk-gdpr&difficulty=advanced")
    assert cards.count() == 2
    expect(page.get_by_role("status")).to_contain_text("2 scenarios match your filters")
    page.get_by_role("link", name="Clear filters").click()
    assert cards.count() == 7


def test_catalogue_fits_a_small_phone(browser_page_360: Page) -> None:
    page = browser_page_360
    sign_in(page, "lena")
    page.goto("/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    check_page(page)
    shoot(page, "catalogue-360")


def test_briefing_shows_role_policy_limits_and_customer(page: Page) -> None:
    sign_in(page, "lena")
    page.goto("/")
    page.get_by_role("link", name='"Delivered" parcel that never arrived, for the second time').click()
    expect(page.get_by_role("heading", name="Your authority")).to_be_visible()
    expect(page.get_by_role("heading", name="Your organisation's policy")).to_be_visible()
    expect(page.get_by_role("heading", name="The customer")).to_be_visible()
    expect(page.locator(".persona")).to_contain_text("Daniel Okafor")
    expect(page.get_by_role("table")).to_contain_text("£150")
    check_page(page)
    shoot(page, "briefing")
    keep_for_readme(page, "briefing")


def test_sign_in_and_error_pages_pass_the_accessibility_check(page: Page, console: Console) -> None:
    page.goto("/signin")
    check_page(page)
    sign_in(page, "lena")
    page.goto("/scenarios/no-such-scenario")
    expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
    check_page(page)
    console.errors.clear()  # the browser logs the 404 itself


def test_a_conversation_and_its_debrief_fit_a_small_phone(browser_page_360: Page) -> None:
    page = browser_page_360
    sign_in(page, "lena")
    page.goto("/scenarios/online-dress-cancellation")
    page.get_by_role("button", name="Start the conversation").click()
    box = page.get_by_label("Your reply")
    box.fill("I'm so sorry about the dress. What happened?")
    box.press("Enter")
    expect(page.locator("#messages .message.customer")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    check_page(page)
    shoot(page, "conversation-360")
