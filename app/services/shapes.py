"""The JSON forms shared by every front end: an assessment as ``frontline score --json`` prints it and the API
returns it, and the stored form read back into scoring's types.

Stored assessments are ``Assessment.as_dict()`` (criteria, signals and the rubric version); reading one back gives
an equal :class:`~scoring.Assessment`, so reports can be rebuilt from storage without scoring again.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, cast

from scenarios import Offer, Signals, Verdict
from scoring import Assessment, CriterionResult, Evidence, signals_as_dict

from .errors import StoredDataError


def assessment_json(assessment: Assessment) -> dict[str, Any]:
    """One scored reply: verdict, evidence and feedback per criterion, and the signals the engine read."""
    return {
        "criteria": {name: result.as_dict() for name, result in assessment.results.items()},
        "signals": signals_as_dict(assessment.signals),
    }


def _evidence(item: dict[str, Any]) -> Evidence:
    return Evidence(start=int(item["start"]), end=int(item["end"]), text=str(item["text"]), rule=str(item["rule"]))


def _offer(item: dict[str, Any]) -> Offer:
    return Offer(
        kind=str(item["kind"]),
        amount=None if item["amount"] is None else float(item["amount"]),
        full=bool(item["full"]),
        within_authority=bool(item["within_authority"]),
        referred=bool(item["referred"]),
        asked=bool(item["asked"]),
        text=str(item["text"]),
        start=int(item["start"]),
        end=int(item["end"]),
    )


def assessment_from_json(data: dict[str, Any]) -> Assessment:
    """The assessment stored as ``Assessment.as_dict()``; :class:`StoredDataError` if it is damaged."""
    try:
        results = {
            name: CriterionResult(
                criterion=name,
                verdict=cast(Verdict, result["verdict"]),
                evidence=tuple(_evidence(item) for item in result["evidence"]),
                feedback=str(result["feedback"]),
            )
            for name, result in data["criteria"].items()
        }
        raw = data["signals"]
        signals = Signals(
            verdicts=MappingProxyType({name: result.verdict for name, result in results.items()}),
            offers=tuple(_offer(item) for item in raw["offers"]),
            questions=int(raw["questions"]),
            facts_asked=tuple(raw["facts_asked"]),
            referral_made=bool(raw["referral_made"]),
            referral_proper=bool(raw["referral_proper"]),
            identity_check=bool(raw["identity_check"]),
            adjustment_offered=bool(raw["adjustment_offered"]),
            account_talk=bool(raw["account_talk"]),
            solution_offered=bool(raw["solution_offered"]),
            breaches=tuple(raw["breaches"]),
            tags=tuple(raw["tags"]),
        )
        return Assessment(results=results, signals=signals, rubric_version=str(data["rubric_version"]))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise StoredDataError(f"a stored assessment cannot be read: {type(exc).__name__}: {exc}") from None


__all__ = ["assessment_from_json", "assessment_json"]
