"""Searching a phrase through its alternatives finds exactly what its whole pattern finds.

The scorer splits each lexicon pattern into the alternatives the regular expression engine tries in turn, files each
under its needles, and searches a reply only for the alternatives whose needles it holds. These tests hold that
shortcut to the slow way: every phrase, over every labelled reply and customer line, matches in the same places.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from scoring.alternatives import Branch, alternatives
from scoring.lexicon import LEXICONS, Alternative, lexicon, live, present_needles
from scoring.needles import NeedleFinder
from scoring.text import normalise

DATA = Path(__file__).resolve().parents[1] / "data"
EXTRA = [
    "",
    "sorry",
    "Sorry!!! so sorry, SO sorry. sorry? sorry",
    "i'm sure it's such a struggle 🙄 eye roll",
    "we can only offer a credit note, not a refund. refunds take 6 weeks.",
    "unsorry sorryish. policy-wise, the policy is the policy.\nnew line: you'll need the manufacturer",
    "£45.00 refund of £1,200 - fifty quid - 50p; 100% guaranteed... calm down!",
]


def corpus() -> list[str]:
    texts = list(EXTRA)
    for path in sorted(DATA.glob("labelled-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                texts += [item["response"], item.get("customer", "")]
    return sorted({normalise(text)[0] for text in texts})


TEXTS = corpus()
PHRASES = [
    pytest.param(name, kind, index, id=f"{name}:{kind}:{index}")
    for name in LEXICONS
    for kind, phrases in lexicon(name).items()
    for index in range(len(phrases))
]


@cache
def live_by_phrase(name: str, text: str) -> dict[int, list[Alternative]]:
    return {id(phrase): found for phrases in live(name, present_needles(text)).values() for phrase, found in phrases}


@pytest.mark.parametrize(("name", "kind", "index"), PHRASES)
def test_a_phrase_matches_through_its_live_alternatives_where_its_pattern_does(
    name: str, kind: str, index: int
) -> None:
    phrase = lexicon(name)[kind][index]
    for text in TEXTS[::2]:
        alive = live_by_phrase(name, text).get(id(phrase), [])
        expected = [match.span() for match in phrase.pattern.finditer(text) if match.end() > match.start()]
        found = [span for span in phrase.spans(text, alive) if span[1] > span[0]] if alive else []
        assert found == expected, text
        first = phrase.first(text, alive) if alive else None
        whole = phrase.pattern.search(text)
        assert (first.span() if first else None) == (whole.span() if whole else None), text


@pytest.mark.parametrize(("name", "kind", "index"), PHRASES)
def test_every_alternative_matches_only_where_the_whole_pattern_can(name: str, kind: str, index: int) -> None:
    phrase = lexicon(name)[kind][index]
    assert phrase.alternatives, "a phrase has at least itself as an alternative"
    for alternative in phrase.alternatives:
        for text in TEXTS[::40]:
            match = alternative.search(text)
            assert match is None or phrase.pattern.match(text, match.start()) is not None, (alternative.source, text)


# -- splitting ------------------------------------------------------------------------------------------------------


def sources(pattern: str) -> list[str]:
    return [branch.source for branch in alternatives(pattern)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        pytest.param("sorry|apologies", ["sorry", "apologies"], id="top level"),
        pytest.param(
            r"\b(?:sorry|apologies) (?:for|about)\b",
            [r"\bsorry for\b", r"\bsorry about\b", r"\bapologies for\b", r"\bapologies about\b"],
            id="groups spread in order",
        ),
        pytest.param(
            r"\boh,? (?:great|lovely)\b", [r"\boh,? (?:great|lovely)\b"], id="not after a part that matches two ways"
        ),
        pytest.param(r"\b(?:a|b)+c", [r"\b(?:a|b)+c"], id="not a repeated group"),
        pytest.param(r"(a|b)c", [r"(a|b)c"], id="not a capturing group"),
        pytest.param(r"(?:x|)y|z", ["xy", "y", "z"], id="an empty alternative spreads to nothing"),
        pytest.param(r"(?:x|)|z", [r"(?:x|)|z"], id="a pattern that can match nothing stays whole"),
        pytest.param(r"(?i)sorry|x", [r"(?i)sorry|x"], id="flags stay whole"),
        pytest.param(r"(a)\1|x", [r"(a)\1|x"], id="back-references stay whole"),
        pytest.param(
            r"(?:^|(?<=[.!?] ))(?:sorry|apologies)",
            [r"(?:^|(?<=[.!?] ))sorry", r"(?:^|(?<=[.!?] ))apologies"],
            id="after a choice of sentence starts",
        ),
    ],
)
def test_alternatives_in_the_order_they_are_tried(pattern: str, expected: list[str]) -> None:
    assert sources(pattern) == expected
    texts = ["sorry for that", "apologies about it. sorry about that", "xy y z oh great oh, lovely", "ac bc abc", ""]
    for text in texts:
        whole = [m.span() for m in re.finditer(pattern, text) if m.end() > m.start()]
        joined = [m.span() for m in re.finditer("|".join(expected), text) if m.end() > m.start()]
        assert joined == whole


@pytest.mark.parametrize(
    ("pattern", "needles", "offset"),
    [
        pytest.param(r"\bsorry for\b", {("sorry for", True, True)}, 0, id="a bounded run"),
        pytest.param(r"\bcompensat\w*", {("compensat", True, False)}, 0, id="a word's start"),
        pytest.param(r"\b(?:a |the )?policy", {("policy", True, False)}, 4, id="after an optional word"),
        pytest.param(r"\bi'?m sure\b", {("m sure", False, True)}, 2, id="after an optional apostrophe"),
        pytest.param(
            r"\b(?:x|y)? (?:manager|boss)", {("manager", True, False), ("boss", True, False)}, 2, id="a group"
        ),
        pytest.param(r"\w+ly", {("ly", False, False)}, None, id="after an unbounded repeat"),
        pytest.param(r"[a-z]+", None, None, id="no literal"),
    ],
)
def test_needles_with_their_boundaries_and_offset(
    pattern: str, needles: set[tuple[str, bool, bool]] | None, offset: int | None
) -> None:
    (branch,) = [b for b in alternatives(pattern) if b.source.startswith(pattern[:6])][:1]
    assert branch == Branch(pattern, None if needles is None else frozenset(needles), offset)


# -- finding needles ------------------------------------------------------------------------------------------------


def test_the_needle_finder_finds_every_needle_whose_boundaries_hold() -> None:
    needles = {
        ("sorry", True, True),
        ("sorry for", True, False),
        ("m sure", False, True),
        ("roll", False, False),
        ("🙄", False, False),
        ("refund", True, False),
    }
    finder = NeedleFinder(needles)
    assert finder.present("i'm sure i'm so sorry for the refunds 🙄 eye-roll") == {
        "sorry",
        "sorry for",
        "m sure",
        "roll",
        "🙄",
        "refund",
    }
    assert finder.present("unsorry, prefund") == set()  # no word boundary where the patterns need one
    assert finder.present("") == set()
