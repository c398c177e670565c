"""A trainer's journey in a browser: copy a scenario, slip up twice while editing it, fix it from the validation
messages (choosing a message moves the caret to its line), save the draft, see its diagram, test-play it and publish
it. The validate button without JavaScript, and hostile HTML in the editor, are in ``test_escaping.py``."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .conftest import check_page, keep_for_readme, shoot, sign_in


def test_trainer_fixes_a_broken_scenario_and_publishes_it(page: Page) -> None:
    sign_in(page, "tom")
    page.get_by_role("link", name="Author").click()
    expect(page.get_by_role("heading", name="Author scenarios")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name=re.compile("Edit a copy of .Delivered. parcel")).click()

    editor = page.get_by_label("Scenario YAML")
    original = editor.input_value()
    copy = original.replace("version: 1", "version: 2", 1).replace('title: \'"Delivered"', 'title: \'"Missing"', 1)
    # A misspelt placeholder in the customer's answer to verification (an error), and a manager demanded at an anger
    # the customer starts above (a warning)
    broken = copy.replace("Order {order_number}, if", "Order {order_no}, if", 1)
    broken = broken.replace("trigger: {anger_at_least: 88}", "trigger: {anger_at_least: 65}", 1)
    assert broken.count("{order_no}") == 1
    assert broken.count("anger_at_least: 65") == 1
    editor.fill(broken)
    expect(page.locator("#problems-summary")).to_have_text("1 error, 1 warning")
    problem = page.locator("#problems .problem.error")
    expect(problem).to_contain_text("the placeholder {order_no} names no fact of the customer")
    expect(page.locator("#problems .problem.warning")).to_contain_text("starts at anger 70")
    check_page(page)

    line = int(problem.locator("button.jump").get_attribute("data-line") or "0")
    problem.locator("button.jump").click()
    caret = editor.evaluate("box => box.selectionStart")
    assert broken[:caret].count("\n") + 1 == line
    assert "{order_no}" in broken.splitlines()[line - 1]
    shoot(page, "trainer-editor")
    keep_for_readme(page, "trainer-editor", top=page.get_by_role("heading", name="Scenario editor"))

    editor.fill(copy)
    expect(page.locator("#problems-summary")).to_have_text(re.compile("No problems found|0 errors"))
    page.get_by_role("button", name="Save as draft").click()
    expect(page).to_have_url(re.compile(r"/author/parcel-not-delivered/2$"))
    expect(page.locator(".pill").first).to_have_text("draft")
    expect(page.get_by_role("img", name=re.compile("^Stages of"))).to_be_visible()
    check_page(page)
    shoot(page, "trainer-diagram")
    keep_for_readme(page, "trainer-diagram", top=page.get_by_role("heading", name="State diagram"))

    page.get_by_role("button", name="Test-play this version").click()
    expect(page.get_by_role("log")).to_contain_text("Daniel Okafor")
    page.go_back()
    page.get_by_role("button", name="Publish version 2").click()
    expect(page.get_by_role("status")).to_contain_text("Version 2 is published")
    page.goto("/")
    expect(page.get_by_role("link", name=re.compile('"Missing" parcel'))).to_be_visible()
