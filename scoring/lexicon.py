"""Phrase lexicons: TSV files shipped in ``scoring/data/lexicons``, loaded once per process.

Each lexicon line is ``kind<TAB>pattern<TAB>note``: the kind of phrase (e.g. ``named_feeling``), a regular
expression matched against the normalised reply (lower case, straight quotes, British spelling), and a note saying
why the phrase means what it does. Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from .alternatives import Branch, Needle, alternatives
from .needles import NeedleFinder, needles

SENTENCE_START = r"(?:^|(?<=[.!?] )|(?<=[.!?]  )|(?<=\n)|(?<=[.!?]\n)|(?<=[-\u2013] ))"


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


@dataclass(frozen=True, slots=True)
class Alternative:
    """One alternative of a phrase's pattern (see :mod:`scoring.alternatives`), numbered within its lexicon.

    ``anchor`` is its needle when it has only one, with at most how far into a match the needle starts.
    """

    number: int
    source: str
    needles: frozenset[str] | None
    anchor: tuple[str, int] | None = None
    bounded: frozenset[Needle] = frozenset()  # the needles, each with the word boundaries sure around it

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compiled(self.source)

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        """``self.pattern.search(text, position)``, trying only the places its needle allows.

        A match contains the needle no further than ``offset`` characters from its start, so it can only start
        that far before an occurrence of the needle, or closer: each such start is tried in order.
        """
        if self.anchor is None:
            return self.pattern.search(text, position)
        needle, offset = self.anchor
        found = text.find(needle, position)
        if offset > _TRY_EACH_START_UP_TO:
            return None if found < 0 else self.pattern.search(text, max(position, found - offset))
        match_at = self.pattern.match
        tried = position
        while found >= 0:
            for start in range(max(tried, found - offset), found + 1):
                match = match_at(text, start)
                if match is not None:
                    return match
            tried = found + 1
            found = text.find(needle, tried)
        return None


_TRY_EACH_START_UP_TO = 6  # beyond this, one search from the earliest possible start is quicker


@dataclass(frozen=True, slots=True)
class Phrase:
    kind: str
    pattern: re.Pattern[str]
    note: str
    needles: frozenset[str] | None = None
    alternatives: tuple[Alternative, ...] = ()

    def search(self, text: str) -> re.Match[str] | None:
        if self.needles is not None and not any(map(text.__contains__, self.needles)):
            return None
        return self.pattern.search(text)

    def spans(self, text: str, live: Sequence[Alternative]) -> Iterator[tuple[int, int]]:
        """The spans ``self.pattern.finditer(text)`` gives, searching only the ``live`` alternatives (in order):
        those whose needles occur in the text.

        The needles rule out the other alternatives everywhere in the text, so the pattern matches where and as the
        first of the live alternatives matches: at each step, the earliest start, and at equal starts the
        alternative the engine tries first.
        """
        if len(live) == len(self.alternatives) or len(live) > MERGE_AT_MOST:
            yield from (match.span() for match in self.pattern.finditer(text))
        elif live:
            yield from _merged_spans(live, text)

    def first(self, text: str, live: Sequence[Alternative]) -> re.Match[str] | None:
        """The match ``self.pattern.search(text)`` gives, searching only the ``live`` ones, as :meth:`spans` does."""
        if len(live) == len(self.alternatives) or len(live) > MERGE_AT_MOST:
            return self.pattern.search(text)
        best: re.Match[str] | None = None
        for alternative in live:
            match = alternative.search(text)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best


MERGE_AT_MOST = 8  # beyond this many live alternatives, one search of the whole pattern is quicker


def _merged_spans(alternatives: Sequence[Alternative], text: str) -> Iterator[tuple[int, int]]:
    """The non-overlapping matches of ``first|second|...`` from the matches of each, none of which may be empty."""
    position = 0
    upcoming: list[re.Match[str] | None] = [alternative.search(text) for alternative in alternatives]
    while True:
        best: re.Match[str] | None = None
        for index, match in enumerate(upcoming):
            if match is not None and match.start() < position:
                match = upcoming[index] = alternatives[index].search(text, position)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        if best is None:
            return
        yield best.span()
        position = best.end()


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and line."""


def _rows(name: str) -> Iterator[tuple[int, list[str]]]:
    text = resources.files("scoring").joinpath("data", "lexicons", name).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        yield number, line.split("\t")


@cache
def lexicon(name: str) -> MappingProxyType[str, tuple[Phrase, ...]]:
    """Kind → phrases of the lexicon file ``<name>.tsv``.

    Each phrase's alternatives are numbered kind by kind, so the alternatives of one kind are one run of numbers.
    """
    grouped: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for number, columns in _rows(f"{name}.tsv"):
        if len(columns) != 3:
            raise LexiconError(f"{name}.tsv:{number}: expected kind, pattern and note separated by tabs")
        kind, pattern, note = (column.strip() for column in columns)
        if pattern.startswith("^"):  # "^" means the start of any sentence, not only of the reply
            pattern = SENTENCE_START + pattern[1:]
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise LexiconError(f"{name}.tsv:{number}: the pattern is not a valid expression: {exc}") from None
        grouped.setdefault(kind, []).append((compiled, note))
    numbered = 0
    phrases: dict[str, tuple[Phrase, ...]] = {}
    for kind, rows in grouped.items():
        kept: list[Phrase] = []
        for compiled, note in rows:
            split = alternatives(compiled.pattern)
            numbers = range(numbered, numbered + len(split))
            numbered += len(split)
            parts = tuple(
                Alternative(n, branch.source, _strings(branch), _anchor(branch), branch.needles or frozenset())
                for n, branch in zip(numbers, split, strict=True)
            )
            kept.append(Phrase(kind, compiled, note, needles(compiled.pattern), parts))
        phrases[kind] = tuple(kept)
    return MappingProxyType(phrases)


def _strings(branch: Branch) -> frozenset[str] | None:
    return None if branch.needles is None else frozenset(needle for needle, _, _ in branch.needles)


def _anchor(branch: Branch) -> tuple[str, int] | None:
    if branch.needles is None or len(branch.needles) != 1 or branch.offset is None:
        return None
    return next(iter(branch.needles))[0], branch.offset


LEXICONS = ("apology", "empathy", "escalation", "hear", "legal", "offers", "ownership", "professional")


Live = dict[str, list[tuple[Phrase, list[Alternative]]]]
"""Kind → the phrases of that kind with some alternative worth searching in a text, in lexicon order, each with
those alternatives."""


@dataclass(frozen=True, slots=True)
class _LexiconIndex:
    by_needle: dict[str, tuple[int, ...]]
    needles: frozenset[str]
    bounded: frozenset[tuple[str, bool, bool]]  # each needle with the boundaries sure around it
    always: tuple[int, ...]  # alternatives with no needle, searched in every text
    owners: tuple[tuple[Phrase, Alternative], ...]  # by alternative number


@cache
def _index(name: str) -> _LexiconIndex:
    by_needle: dict[str, list[int]] = {}
    bounded: set[tuple[str, bool, bool]] = set()
    always: list[int] = []
    owners: list[tuple[Phrase, Alternative]] = []
    for phrases in lexicon(name).values():
        for phrase in phrases:
            for alternative in phrase.alternatives:
                owners.append((phrase, alternative))
                if alternative.needles is None:
                    always.append(alternative.number)
                for needle in alternative.needles or ():
                    by_needle.setdefault(needle, []).append(alternative.number)
                bounded |= alternative.bounded
    return _LexiconIndex(
        {needle: tuple(numbers) for needle, numbers in by_needle.items()},
        frozenset(by_needle),
        frozenset(bounded),
        tuple(always),
        tuple(owners),
    )


@cache
def _needle_finder() -> NeedleFinder:
    return NeedleFinder(needle for name in LEXICONS for needle in _index(name).bounded)


def present_needles(text: str) -> frozenset[str]:
    """Which of every lexicon's needles occur in ``text``; computed once per reply."""
    return _needle_finder().present(text)


def live(name: str, present: frozenset[str]) -> Live:
    """The lexicon's alternatives that may match a text holding the ``present`` needles, by kind and phrase."""
    index = _index(name)
    numbers = set(index.always)
    for needle in present & index.needles:
        numbers.update(index.by_needle[needle])
    found: Live = {}
    last: Phrase | None = None
    for number in sorted(numbers):
        phrase, alternative = index.owners[number]
        if phrase is not last:
            found.setdefault(phrase.kind, []).append((phrase, []))
            last = phrase
        found[phrase.kind][-1][1].append(alternative)
    return found


def search_any(name: str, kind: str, text: str) -> re.Match[str] | None:
    """The first phrase of ``kind`` found in ``text`` (in lexicon order), skipping phrases whose needles are absent."""
    for phrase in lexicon(name).get(kind, ()):
        found = phrase.search(text)
        if found is not None:
            return found
    return None


@cache
def spelling_map() -> MappingProxyType[str, str]:
    """Token → replacement: American spellings, common typos and text-speak."""
    mapping: dict[str, str] = {}
    for number, columns in _rows("spelling.tsv"):
        if len(columns) != 3:
            raise LexiconError(f"spelling.tsv:{number}: expected from, to and note separated by tabs")
        mapping[columns[0].strip()] = columns[1].strip()
    return MappingProxyType(mapping)


@cache
def stopwords() -> frozenset[str]:
    """Words that never count as echoing the customer's details."""
    text = resources.files("scoring").joinpath("data", "lexicons", "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


def kinds(name: str) -> tuple[str, ...]:
    return tuple(lexicon(name))
