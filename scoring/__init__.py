"""Scoring: how one learner reply, and one whole transcript, is graded and explained."""

from .assess import assess
from .context import Context
from .legal import Rule, rules
from .model import CRITERIA, Assessment, CriterionResult, Evidence, signals_as_dict
from .offers import extract_offers, parse_amount
from .rubric import BANDS, Rubric, rubric
from .text import Reply, classify_question, normalise

__all__ = [
    "BANDS",
    "CRITERIA",
    "Assessment",
    "Context",
    "CriterionResult",
    "Evidence",
    "Reply",
    "Rubric",
    "Rule",
    "assess",
    "classify_question",
    "extract_offers",
    "normalise",
    "parse_amount",
    "rubric",
    "rules",
    "signals_as_dict",
]
