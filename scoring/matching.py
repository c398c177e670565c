"""Finding lexicon phrases in a reply, skipping quoted or reported speech and negated phrases when asked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import Evidence
from .text import Reply


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    kind: str
    note: str


def find(
    reply: Reply,
    name: str,
    kind: str,
    *,
    skip_negated: bool = True,
    skip_quoted: bool = True,
) -> Iterator[Hit]:
    """Every match of the lexicon's phrases of ``kind`` in the normalised reply."""
    text = reply.norm
    for phrase, alternatives in reply.live(name).get(kind, ()):
        for start, end in phrase.spans(text, alternatives):
            if end <= start:
                continue
            if skip_quoted and reply.is_quoted(start, end):
                continue
            if skip_negated and reply.is_negated(start) and not reply.is_denial(start, end):
                continue
            yield Hit(start, end, kind, phrase.note)


def first(reply: Reply, name: str, kind: str, **options: bool) -> Hit | None:
    return next(iter(sorted(find(reply, name, kind, **options), key=lambda hit: hit.start)), None)


def evidence(reply: Reply, hit: Hit, rule: str) -> Evidence:
    """Evidence in the learner's own characters for a hit on the normalised text."""
    start, end = reply.to_original(hit.start, hit.end)
    return Evidence(start, end, reply.original[start:end], rule)


def overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end
