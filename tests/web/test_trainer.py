"""A trainer's journey in a browser: copy a scenario, break it, fix it from the validation messages (choosing a
message moves the caret to its line), save the draft, see its diagram, test-play it and publish it."""

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
    broken = copy.replace("advance_when: heard", "advance_when: heared", 1)
    editor.fill(broken)
    problem = page.locator("#problems .problem.error").first
    expect(problem).to_contain_text("advance_when")
    expect(page.locator("#problems-summary")).to_contain_text("1 error")
    check_page(page)
    shoot(page, "trainer-editor")
    keep_for_readme(page, "trainer-editor")

    line = int(problem.locator("button.jump").get_attribute("data-line") or "0")
    problem.locator("button.jump").click()
    caret = editor.evaluate("box => box.selectionStart")
    assert broken[:caret].count("\n") + 1 == line
    assert "heared" in broken.splitlines()[line - 1]

    editor.fill(copy)
    expect(page.locator("#problems-summary")).to_have_text(re.compile("No problems found|0 errors"))
    page.get_by_role("button", name="Save as draft").click()
    expect(page).to_have_url(re.compile(r"/author/parcel-not-delivered/2$"))
    expect(page.locator(".pill").first).to_have_text("draft")
    expect(page.get_by_role("img", name=re.compile("^Stages of"))).to_be_visible()
    check_page(page)
    shoot(page, "trainer-diagram")
    keep_for_readme(page, "trainer-diagram")

    page.get_by_role("button", name="Test-play this version").click()
    expect(page.get_by_role("log")).to_contain_text("Daniel Okafor")
    page.go_back()
    page.get_by_role("button", name="Publish version 2").click()
    expect(page.get_by_role("status")).to_contain_text("Version 2 is published")
    page.goto("/")
    expect(page.get_by_role("link", name=re.compile('"Missing" parcel'))).to_be_visible()


def test_validate_button_works_without_javascript(browser_no_js: Page) -> None:
    page = browser_no_js
    sign_in(page, "tom")
    page.goto("/author/edit?from=online-dress-cancellation")
    editor = page.get_by_label("Scenario YAML")
    editor.fill(editor.input_value().replace("difficulty: foundation", "difficulty: <b>easy</b>", 1))
    page.get_by_role("button", name="Validate").click()
    expect(page.locator("#problems .problem.error").first).to_contain_text("difficulty")
    assert page.locator("#problems b").count() == 0
