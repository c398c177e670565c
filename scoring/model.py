"""The shape of an assessment: a verdict per criterion with evidence and feedback, plus the engine's signals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scenarios import Offer, Signals, Verdict

CRITERIA: tuple[str, ...] = (
    "hear",
    "empathise",
    "apologise",
    "own",
    "authority",
    "legal",
    "escalation",
    "professional",
)
BREACH_CRITERIA = frozenset({"authority", "legal", "professional"})


@dataclass(frozen=True, slots=True)
class Evidence:
    """Characters ``start:end`` of the learner's reply, the words there, and the rule that fired on them."""

    start: int
    end: int
    text: str
    rule: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "rule": self.rule}


@dataclass(frozen=True, slots=True)
class CriterionResult:
    criterion: str
    verdict: Verdict
    evidence: tuple[Evidence, ...] = ()
    feedback: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "evidence": [item.as_dict() for item in self.evidence],
            "feedback": self.feedback,
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    """One reply graded: results per criterion, the signals for the engine, the rubric version used."""

    results: dict[str, CriterionResult]
    signals: Signals
    rubric_version: str
    findings: tuple[Evidence, ...] = field(default=())

    def verdict(self, criterion: str) -> Verdict:
        result = self.results.get(criterion)
        return result.verdict if result else "n/a"

    def as_dict(self) -> dict[str, Any]:
        return {
            "criteria": {name: result.as_dict() for name, result in self.results.items()},
            "signals": signals_as_dict(self.signals),
            "rubric_version": self.rubric_version,
        }


def offer_as_dict(offer: Offer) -> dict[str, Any]:
    return {
        "kind": offer.kind,
        "amount": offer.amount,
        "full": offer.full,
        "within_authority": offer.within_authority,
        "referred": offer.referred,
        "asked": offer.asked,
        "text": offer.text,
        "start": offer.start,
        "end": offer.end,
    }


def signals_as_dict(signals: Signals) -> dict[str, Any]:
    return {
        "offers": [offer_as_dict(offer) for offer in signals.offers],
        "questions": signals.questions,
        "facts_asked": list(signals.facts_asked),
        "referral_made": signals.referral_made,
        "referral_proper": signals.referral_proper,
        "identity_check": signals.identity_check,
        "adjustment_offered": signals.adjustment_offered,
        "account_talk": signals.account_talk,
        "solution_offered": signals.solution_offered,
        "breaches": list(signals.breaches),
        "tags": list(signals.tags),
    }
