"""The transcript report: how a whole conversation went, criterion by criterion, with the grade band.

Coverage criteria (hear, empathise, apologise, own) count as met once met in any turn; breach criteria (authority,
legal, professional) count against the learner if breached in any turn; escalation counts where a referral was
needed. Critical breaches (legal, authority) cap the band at the rubric's ``critical_breach_cap``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .legal import is_critical, rules
from .model import BREACH_CRITERIA, CRITERIA, Assessment, Evidence
from .rubric import BANDS, Band, rubric

HEAT = ("hear", "empathise", "apologise", "own")


@dataclass(frozen=True, slots=True)
class CriterionSummary:
    criterion: str
    name: str
    verdict: str
    turns_met: tuple[int, ...]
    turns_breached: tuple[int, ...]
    evidence: tuple[tuple[int, Evidence], ...]
    feedback: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "name": self.name,
            "verdict": self.verdict,
            "turns_met": list(self.turns_met),
            "turns_breached": list(self.turns_breached),
            "evidence": [{"turn": turn, **item.as_dict()} for turn, item in self.evidence],
            "feedback": self.feedback,
        }


@dataclass(frozen=True, slots=True)
class TranscriptReport:
    criteria: tuple[CriterionSummary, ...]
    heat_first_turn: dict[str, int | None]
    heat_in_order: bool
    critical_breaches: tuple[str, ...]
    score: float
    band: Band
    capped: bool
    outcome: str | None
    turns: int
    rubric_version: str
    rules_broken: tuple[dict[str, str], ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "criteria": {summary.criterion: summary.as_dict() for summary in self.criteria},
            "heat": {"first_turn": self.heat_first_turn, "in_order": self.heat_in_order},
            "critical_breaches": list(self.critical_breaches),
            "rules_broken": list(self.rules_broken),
            "score": round(self.score, 4),
            "band": self.band,
            "capped": self.capped,
            "outcome": self.outcome,
            "turns": self.turns,
            "rubric_version": self.rubric_version,
        }


def _summary(name: str, assessments: Sequence[Assessment]) -> CriterionSummary:
    book = rubric()
    met = tuple(turn for turn, a in enumerate(assessments, start=1) if a.verdict(name) == "met")
    breached = tuple(turn for turn, a in enumerate(assessments, start=1) if a.verdict(name) == "breach")
    missed = tuple(turn for turn, a in enumerate(assessments, start=1) if a.verdict(name) == "missed")
    if name in BREACH_CRITERIA:
        verdict = "breach" if breached else ("met" if met or name != "authority" else "n/a")
    elif name == "escalation":
        verdict = "met" if met else ("missed" if missed else "n/a")
    else:
        verdict = "met" if met else "missed"
    wanted = breached if verdict == "breach" else met if verdict == "met" else missed
    proof = tuple((turn, item) for turn in wanted for item in assessments[turn - 1].results[name].evidence)
    return CriterionSummary(name, book.criteria[name].name, verdict, met, breached, proof, book.feedback(name, verdict))


def transcript_report(assessments: Sequence[Assessment], outcome: str | None = None) -> TranscriptReport:
    """Aggregate the assessments of a learner's replies, in order, into one report."""
    book = rubric()
    summaries = tuple(_summary(name, assessments) for name in CRITERIA)
    by_name = {summary.criterion: summary for summary in summaries}
    first = {name: (by_name[name].turns_met[0] if by_name[name].turns_met else None) for name in HEAT}
    reached = [turn for turn in first.values() if turn is not None]
    in_order = reached == sorted(reached)
    earned = 0.0
    available = 0.0
    for summary in summaries:
        weight = book.criteria[summary.criterion].weight
        if summary.verdict == "n/a":
            continue
        available += weight
        if summary.verdict == "met":
            earned += weight
    if outcome == "customer_left":
        available += 1  # the customer walking out costs a mark on top of what the criteria show
    score = earned / available if available else 0.0
    broken: dict[str, dict[str, str]] = {}
    for assessment in assessments:
        for rule_id in assessment.signals.breaches:
            rule = rules().get(rule_id)
            if rule is not None:
                broken.setdefault(
                    rule_id, {"id": rule_id, "title": rule.title, "law": rule.law, "severity": rule.severity}
                )
    critical = tuple(
        rule_id
        for rule_id in dict.fromkeys(r for a in assessments for r in a.signals.breaches)
        if is_critical(rule_id) or rule_id == "R28"
    )
    band = book.band_for(score) if assessments else "Refer"
    capped = False
    cap = book.critical_breach_cap
    if critical and BANDS.index(band) > BANDS.index(cap):
        band, capped = cap, True
    return TranscriptReport(
        criteria=summaries,
        heat_first_turn=first,
        heat_in_order=in_order,
        critical_breaches=critical,
        score=score,
        band=band,
        capped=capped,
        outcome=outcome,
        turns=len(assessments),
        rubric_version=book.version,
        rules_broken=tuple(broken.values()),
    )
