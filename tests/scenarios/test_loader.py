"""Broken scenario files: each gets an error naming its line and field and saying what is wrong."""

from __future__ import annotations

import time

import pytest

from scenarios import MAX_BYTES, ScenarioFileError, compile_scenario, validate_text

from .minimal import MINIMAL


def errors_of(text: str) -> list[tuple[int | None, str, str]]:
    return [(i.line, i.path, i.message) for i in validate_text(text, "broken.yaml") if i.severity == "error"]


def line_of(text: str, fragment: str, nth: int = 1) -> int:
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            count += 1
            if count == nth:
                return number
    raise AssertionError(f"{fragment!r} not in text")


def test_minimal_is_valid() -> None:
    assert errors_of(MINIMAL) == []
    compiled = compile_scenario(MINIMAL)
    assert compiled.id == "kettle-fault"
    assert compiled.stage_order == ("hear", "own")


# (name, old text, new text, line marker in the broken text, field path, words the message must contain)
BROKEN = [
    ("typo in a key", "title: Faulty kettle", "titel: Faulty kettle", "titel:", "titel", "not a field"),
    ("missing field", "summary: A kettle stopped working after a week.\n", "", None, "summary", "required"),
    (
        "yes where words were meant",
        "role: Sales assistant",
        "role: yes",
        "role: yes",
        "briefing.role",
        "quotes",
    ),
    ("number where a list was meant", "topics: [faulty goods]", "topics: 5", "topics: 5", "topics", "list"),
    ("unknown channel", "channel: in-store", "channel: fax", "channel: fax", "channel", "in-store"),
    (
        "next names no stage",
        "next: own",
        "next: owne",
        "next: owne",
        "conversation.stages[0].next",
        "not a stage",
    ),
    (
        "start names no stage",
        "turn_limit: 8",
        "turn_limit: 8\n  start: listen",
        "start: listen",
        "conversation.start",
        "not a stage",
    ),
    (
        "placeholder names no fact",
        "It was {price}.",
        "It was {cost}.",
        "It was {cost}",
        "customer.facts.price.say[0]",
        "{cost}",
    ),
    (
        "reaction lines missing",
        '        pushback: ["Let me finish.", "You\'re rushing me."]\n',
        "",
        "lines:#2",
        "conversation.stages[1].lines",
        "'pushback'",
    ),
    (
        "dead end",
        "reachable_from: [own]",
        "reachable_from: [hear]",
        "- id: own",
        "conversation.stages[1]",
        "dead end",
    ),
    ("stage id twice", "- id: own", "- id: hear", "- id: hear#2", "conversation.stages[1].id", "twice"),
    (
        "two triggers at once",
        "trigger: {anger_at_least: 80}",
        "trigger: {anger_at_least: 80, after_turn: 3}",
        "trigger:",
        "conversation.escalations[0].trigger",
        "exactly one",
    ),
    ("not YAML", "title: Faulty kettle", "title: [Faulty kettle", "summary:", "", "started on line 4"),
    ("anger out of range", "anger: 40", "anger: 140", "temperament", "customer.temperament.anger", "100"),
    (
        "required outcome missing",
        '    customer_left:\n      says: ["Forget it.", "I\'m going elsewhere."]\n',
        "",
        "outcomes:",
        "conversation.outcomes",
        "customer_left",
    ),
    ("negative money limit", "refund: 50", "refund: -50", "limits:", "briefing.authority.limits.refund", "0"),
    (
        "unknown offer kind",
        "voucher: 5}",
        "vouchr: 5}",
        "limits:",
        "briefing.authority.limits.vouchr",
        "refund",
    ),
    ("bad date", "faulty: true\n", "faulty: true\n  today: 2026-13-45\n", "today:", "", "month"),
    (
        "verification lines needed",
        "  faulty: true\n",
        "  faulty: true\n  identity_check_required: true\n",
        "reactions:",
        "conversation.reactions",
        "verification",
    ),
    (
        "python object tag",
        "title: Faulty kettle",
        "title: !!python/object/apply:os.system ['echo hi']",
        "title:",
        "",
        "not allowed",
    ),
    (
        "outcome from unknown stage",
        "reachable_from: [own]",
        "reachable_from: [own, closing]",
        "reachable_from",
        "conversation.outcomes.resolved.reachable_from[1]",
        "not a stage",
    ),
    (
        "resolved without a condition",
        "      when: offer_accepted\n      reachable_from",
        "      reachable_from",
        "resolved:",
        "conversation.outcomes.resolved.when",
        "when",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "marker", "path", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_file_is_located(name: str, old: str, new: str, marker: str | None, path: str, words: str) -> None:
    assert old in MINIMAL, name
    text = MINIMAL.replace(old, new, 1)
    errors = errors_of(text)
    assert errors, f"{name}: no error reported"
    matching = [e for e in errors if e[1] == path and words.lower() in e[2].lower()]
    assert matching, f"{name}: expected an error at {path!r} mentioning {words!r}, got {errors}"
    line, _, _ = matching[0]
    if marker is not None:
        fragment, _, nth = marker.partition("#")
        assert line == line_of(text, fragment, int(nth or 1)), f"{name}: wrong line {line} in {errors}"
    else:
        assert line is not None


def test_at_least_fifteen_broken_files() -> None:
    assert len(BROKEN) >= 15


def test_compile_refuses_errors_with_all_issues() -> None:
    text = MINIMAL.replace("next: own", "next: nowhere").replace("It was {price}.", "It was {cost}.")
    with pytest.raises(ScenarioFileError) as caught:
        compile_scenario(text, file="two.yaml")
    messages = str(caught.value)
    assert "nowhere" in messages
    assert "{cost}" in messages
    assert "two.yaml:" in messages


def test_warnings_do_not_block() -> None:
    text = MINIMAL.replace('unknown_question: ["I\'ve no idea.", "No clue, sorry."]', 'unknown_question: ["x", "x"]')
    issues = validate_text(text)
    assert [i.severity for i in issues] == ["warning"]
    assert "identical" in issues[0].message
    compile_scenario(text)


def test_compiled_cache_by_content() -> None:
    first = compile_scenario(MINIMAL)
    again = compile_scenario(MINIMAL.encode("utf-8"))
    assert first is again
    changed = compile_scenario(MINIMAL.replace("Faulty kettle", "Broken kettle"))
    assert changed is not first
    assert changed.content_hash != first.content_hash


def _timed(text: str | bytes) -> tuple[float, list[str]]:
    began = time.perf_counter()
    try:
        compile_scenario(text, file="evil.yaml")
    except ScenarioFileError as exc:
        return time.perf_counter() - began, [i.message for i in exc.issues]
    raise AssertionError("a malicious file was accepted")


def test_billion_laughs_refused() -> None:
    bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        bomb.append(f"a{level}: &a{level} [{refs}]")
    _, messages = _timed("\n".join(bomb))
    assert any("aliases" in m for m in messages)


def test_huge_file_refused_without_parsing() -> None:
    huge = b"title: " + b"x" * (50 * 1024 * 1024)
    _, messages = _timed(huge)
    assert any("256 KB" in m for m in messages)
    assert len(huge) > MAX_BYTES


def test_python_tag_refused() -> None:
    _, messages = _timed("!!python/object/apply:os.system ['touch /tmp/frontline-pwned']")
    assert any("not allowed" in m for m in messages)


def test_binary_file_refused() -> None:
    _, messages = _timed(b"\xff\xfe\x00bad")
    assert any("UTF-8" in m for m in messages)
