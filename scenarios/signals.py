"""What the engine learns from one assessed reply.

The scorer fills these in; the engine reads them. Defined here so that ``scoring`` depends on ``scenarios`` and
never the reverse.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

Verdict = Literal["met", "missed", "breach", "n/a"]
Mood = Literal["calms", "inflames"]


@dataclass(frozen=True, slots=True)
class Offer:
    """An offer or promise found in a reply, e.g. ``£45 refund``; ``amount`` is in pounds when stated."""

    kind: str
    amount: float | None = None
    full: bool = False
    within_authority: bool = True
    referred: bool = False
    asked: bool = False
    text: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Signals:
    """Everything the engine needs from one assessed reply; all fields default to 'nothing happened'."""

    verdicts: Mapping[str, Verdict] = field(default_factory=lambda: MappingProxyType({}))
    offers: tuple[Offer, ...] = ()
    questions: int = 0
    facts_asked: tuple[str, ...] = ()
    referral_made: bool = False
    referral_proper: bool = False
    identity_check: bool = False
    adjustment_offered: bool = False
    account_talk: bool = False
    solution_offered: bool = False
    breaches: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def verdict(self, criterion: str) -> Verdict:
        return self.verdicts.get(criterion, "n/a")

    def met(self, criterion: str) -> bool:
        return self.verdicts.get(criterion) == "met"

    def breached(self, criterion: str) -> bool:
        return self.verdicts.get(criterion) == "breach"
