"""Scoring: how one learner reply, and one whole transcript, is graded and explained."""

from .assess import assess
from .context import Context
from .legal import Rule, rules
from .model import CRITERIA, Assessment, CriterionResult, Evidence, signals_as_dict
from .offers import extract_offers, parse_amount
from .report import CriterionSummary, TranscriptReport, transcript_report
from .rubric import BANDS, Rubric, rubric
from .text import Reply, classify_question, normalise

__all__ = [
    "BANDS",
    "CRITERIA",
    "Assessment",
    "Context",
    "CriterionResult",
    "CriterionSummary",
    "Evidence",
    "Reply",
    "Rubric",
    "Rule",
    "TranscriptReport",
    "assess",
    "classify_question",
    "extract_offers",
    "normalise",
    "parse_amount",
    "rubric",
    "rules",
    "signals_as_dict",
    "transcript_report",
]
