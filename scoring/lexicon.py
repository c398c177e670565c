"""Phrase lexicons: TSV files shipped in ``scoring/data/lexicons``, loaded once per process.

Each lexicon line is ``kind<TAB>pattern<TAB>note``: the kind of phrase (e.g. ``named_feeling``), a regular
expression matched against the normalised reply (lower case, straight quotes, British spelling), and a note saying
why the phrase means what it does. Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from .needles import needles

SENTENCE_START = r"(?:^|(?<=[.!?] )|(?<=[.!?]  )|(?<=\n)|(?<=[.!?]\n)|(?<=[-\u2013] ))"


@dataclass(frozen=True, slots=True)
class Phrase:
    kind: str
    pattern: re.Pattern[str]
    note: str
    needles: frozenset[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        if self.needles is not None and not any(map(text.__contains__, self.needles)):
            return None
        return self.pattern.search(text)


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
    """Kind → phrases of the lexicon file ``<name>.tsv``."""
    grouped: dict[str, list[Phrase]] = {}
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
        grouped.setdefault(kind, []).append(Phrase(kind, compiled, note, needles(pattern)))
    return MappingProxyType({kind: tuple(phrases) for kind, phrases in grouped.items()})


LEXICONS = ("apology", "empathy", "escalation", "hear", "legal", "offers", "ownership", "professional")


@dataclass(frozen=True, slots=True)
class _NeedleIndex:
    by_trigram: dict[str, tuple[str, ...]]
    short: tuple[str, ...]
    kinds_for: dict[str, frozenset[tuple[str, str]]]
    always: frozenset[tuple[str, str]]


@cache
def _needle_index() -> _NeedleIndex:
    by_trigram: dict[str, set[str]] = {}
    short: set[str] = set()
    kinds_for: dict[str, set[tuple[str, str]]] = {}
    always: set[tuple[str, str]] = set()
    for name in LEXICONS:
        for kind, phrases in lexicon(name).items():
            for phrase in phrases:
                if phrase.needles is None:
                    always.add((name, kind))
                    continue
                for needle in phrase.needles:
                    kinds_for.setdefault(needle, set()).add((name, kind))
                    if len(needle) >= 3:
                        by_trigram.setdefault(needle[:3], set()).add(needle)
                    else:
                        short.add(needle)
    return _NeedleIndex(
        {key: tuple(sorted(value)) for key, value in by_trigram.items()},
        tuple(sorted(short)),
        {key: frozenset(value) for key, value in kinds_for.items()},
        frozenset(always),
    )


def present_needles(text: str) -> frozenset[str]:
    """Which of every lexicon's needles occur in ``text``, found through their first three characters so only
    plausible needles are searched for; computed once per reply."""
    index = _needle_index()
    trigrams = {text[i : i + 3] for i in range(len(text) - 2)}
    found = [needle for key in trigrams & index.by_trigram.keys() for needle in index.by_trigram[key] if needle in text]
    found.extend(needle for needle in index.short if needle in text)
    return frozenset(found)


def kinds_present(needles_found: frozenset[str]) -> frozenset[tuple[str, str]]:
    """The (lexicon, kind) pairs that may match: some phrase's needle is present, or a phrase has no needle."""
    index = _needle_index()
    kinds: set[tuple[str, str]] = set(index.always)
    for needle in needles_found:
        kinds |= index.kinds_for.get(needle, frozenset())
    return frozenset(kinds)


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
