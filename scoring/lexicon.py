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


@dataclass(frozen=True, slots=True)
class Phrase:
    kind: str
    pattern: re.Pattern[str]
    note: str


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
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise LexiconError(f"{name}.tsv:{number}: the pattern is not a valid expression: {exc}") from None
        grouped.setdefault(kind, []).append(Phrase(kind, compiled, note))
    return MappingProxyType({kind: tuple(phrases) for kind, phrases in grouped.items()})


@cache
def combined(name: str, kind: str) -> re.Pattern[str]:
    """All patterns of one kind as a single alternation, for speed; named groups are not kept."""
    phrases = lexicon(name).get(kind, ())
    if not phrases:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(f"(?:{phrase.pattern.pattern})" for phrase in phrases))


@cache
def spelling_map() -> MappingProxyType[str, str]:
    """Token → replacement: American spellings, common typos and text-speak."""
    mapping: dict[str, str] = {}
    for number, columns in _rows("spelling.tsv"):
        if len(columns) != 3:
            raise LexiconError(f"spelling.tsv:{number}: expected from, to and note separated by tabs")
        mapping[columns[0].strip()] = columns[1].strip()
    return MappingProxyType(mapping)


def kinds(name: str) -> tuple[str, ...]:
    return tuple(lexicon(name))
