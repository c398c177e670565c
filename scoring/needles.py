"""Necessary literals of a regular expression: strings one of which every match must contain.

Checking ``any(needle in text for needle in needles)`` is far cheaper than running the expression, so phrases
whose needles are absent are skipped without a search. Used only as a prefilter: when no needle set can be proven
(a pattern made of classes or optional parts), the pattern is always run.
"""

from __future__ import annotations

import re._constants as sc  # type: ignore[import-not-found]
import re._parser as sp  # type: ignore[import-not-found]
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
