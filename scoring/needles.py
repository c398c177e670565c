"""Necessary literals of a regular expression: strings one of which every match must contain.

Checking ``any(needle in text for needle in needles)`` is far cheaper than running the expression, so phrases
whose needles are absent are skipped without a search. Used only as a prefilter: when no needle set can be proven
(a pattern made of classes or optional parts), the pattern is always run.
"""

from __future__ import annotations

import itertools
import re
import re._constants as sc  # type: ignore[import-not-found]
import re._parser as sp  # type: ignore[import-not-found]
from collections.abc import Iterable
from typing import Any

Needles = frozenset[str] | None


def _best(options: list[frozenset[str]]) -> Needles:
    if not options:
        return None
    return max(options, key=lambda needles: (min(len(n) for n in needles), -len(needles)))


def _sequence(items: Any) -> Needles:
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in list(items):
        if op is sc.LITERAL:
            run.append(chr(value))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        found = _item(op, value)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset(["".join(run)]))
    return _best([option for option in options if all(option)])


def _item(op: Any, value: Any) -> Needles:
    if op is sc.SUBPATTERN:
        return _sequence(value[-1])
    if op is sc.BRANCH:
        union: set[str] = set()
        for alternative in value[1]:
            found = _sequence(alternative)
            if found is None:
                return None
            union |= found
        return frozenset(union)
    if op in (sc.MAX_REPEAT, sc.MIN_REPEAT, getattr(sc, "POSSESSIVE_REPEAT", None)):
        low, _high, inner = value
        return _sequence(inner) if low >= 1 else None
    return None


def needles(pattern: str) -> Needles:
    """Strings one of which any match of ``pattern`` must contain, or None if none can be proven."""
    try:
        parsed = sp.parse(pattern)
    except Exception:  # a pattern the private parser cannot read is simply never prefiltered
        return None
    found = _sequence(parsed)
    if found is None or not found or any(len(n) < 2 for n in found) or len(found) > 60:
        return None
    return found


_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"(\w+)( (?=\w))?")  # a word, and a single space when another word follows it
PREFIX = 4  # letters of a word's start used to file a needle that holds no whole word


class NeedleFinder:
    """Which of many strings (needles) occur in a text, found through the words they hold.

    Each needle is filed under two whole words it holds side by side, or one whole word, with a word boundary
    before and after (so the text holds them too), or else under the first letters of a word that starts after a
    boundary; the few needles with none of these are always checked. A text's words then name the needles worth
    checking with ``in``.

    A needle comes with whether a boundary is sure before it and after it (the pattern has ``\\b`` there, say).
    """

    def __init__(self, needles: Iterable[tuple[str, bool, bool]]) -> None:
        by_pair: dict[str, set[str]] = {}
        by_word: dict[str, set[str]] = {}
        by_start: dict[str, set[str]] = {}
        always: set[str] = set()
        for needle, left, right in needles:
            words = [(word.start(), word.end()) for word in _WORD.finditer(needle)]
            whole = [(start, end) for start, end in words if (start > 0 or left) and (end < len(needle) or right)]
            pairs = [
                needle[first[0] : second[1]]
                for first, second in itertools.pairwise(whole)
                if needle[first[1] : second[0]] == " "
            ]
            started = [needle[start:end][:PREFIX] for start, end in words if start > 0 or left]
            if pairs:
                by_pair.setdefault(max(pairs, key=len), set()).add(needle)
            elif whole and max(end - start for start, end in whole) >= len(max(started, key=len)):
                start, end = max(whole, key=lambda span: span[1] - span[0])
                by_word.setdefault(needle[start:end], set()).add(needle)
            elif started and len(max(started, key=len)) == PREFIX:
                by_start.setdefault(max(started, key=len), set()).add(needle)
            else:
                always.add(needle)
        self._pairs = {pair: frozenset(found) for pair, found in by_pair.items()}
        self._pair_keys = frozenset(by_pair)
        self._words = {word: frozenset(found) for word, found in by_word.items()}
        self._word_keys = frozenset(by_word)
        self._starts = {start: frozenset(found) for start, found in by_start.items()}
        self._start_keys = frozenset(by_start)
        self._always = frozenset(always)

    def present(self, text: str) -> frozenset[str]:
        tokens = _TOKEN.findall(text)
        words = {word for word, _ in tokens}
        pairs = {f"{word} {tokens[index + 1][0]}" for index, (word, space) in enumerate(tokens) if space}
        candidates = set(self._always)
        for pair in pairs & self._pair_keys:
            candidates |= self._pairs[pair]
        for word in words & self._word_keys:
            candidates |= self._words[word]
        for start in {word[:PREFIX] for word in words} & self._start_keys:
            candidates |= self._starts[start]
        return frozenset(needle for needle in candidates if needle in text)
