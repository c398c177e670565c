"""The learner's words with the evidence marked: a reply cut into plain and marked segments for templates.

Segments are plain text; the template wraps marked ones in ``<mark>`` and escapes every segment, so a reply that
contains HTML shows as the characters typed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Kind = Literal["earned", "lost"]


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of a reply that earned or lost a mark, and why (criterion and rule)."""

    start: int
    end: int
    kind: Kind
    why: str


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kind: Kind | None = None
    why: str = ""


def segments(text: str, spans: Iterable[Span]) -> tuple[Segment, ...]:
    """``text`` cut at every span boundary; where spans overlap, a lost mark shows over an earned one."""
    usable = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable)})
    out: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        covering = [s for s in usable if s.start <= start and end <= s.end]
        lost = [s for s in covering if s.kind == "lost"]
        chosen = lost or covering
        kind: Kind | None = chosen[0].kind if chosen else None
        why = "; ".join(dict.fromkeys(s.why for s in chosen))
        piece = Segment(text[start:end], kind, why)
        if out and out[-1].kind == piece.kind and out[-1].why == piece.why:
            out[-1] = Segment(out[-1].text + piece.text, kind, why)
        else:
            out.append(piece)
    return tuple(out) if out else (Segment(text),)


__all__ = ["Kind", "Segment", "Span", "segments"]
