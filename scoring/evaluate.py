"""Measuring the scorer against labelled replies (the JSON Lines format of product.md).

For ``hear``, ``empathise``, ``apologise``, ``own`` and ``escalation`` a label of 1 means met; for ``authority``,
``legal`` and ``professional`` 1 means breach. Each line is scored with its scenario (or none) and the customer's
line; the counts give precision, recall and F1 per criterion.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from scenarios import CompiledScenario, UnknownScenarioError

from .assess import assess
from .context import Context
from .model import BREACH_CRITERIA, CRITERIA, Assessment


class LabelledFileError(ValueError):
    """A labelled file has a line that cannot be used; the message names the line."""


@dataclass(frozen=True, slots=True)
class LabelledReply:
    line: int
    id: str
    scenario: str | None
    customer: str
    response: str
    labels: dict[str, int]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Disagreement:
    reply: LabelledReply
    criterion: str
    label: int
    predicted: int
    assessment: Assessment


@dataclass
class Evaluation:
    counts: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in CRITERIA})
    disagreements: list[Disagreement] = field(default_factory=list)
    replies: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "replies": self.replies,
            "criteria": {name: counts.as_dict() for name, counts in self.counts.items() if counts.n},
        }


def parse_labelled(lines: Iterable[str]) -> list[LabelledReply]:
    """Read the labelled-reply format, raising :class:`LabelledFileError` naming the first bad line."""
    replies: list[LabelledReply] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise LabelledFileError(f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(item, dict):
            raise LabelledFileError(f"line {number}: expected a JSON object")
        response = item.get("response")
        if not isinstance(response, str) or not response.strip():
            raise LabelledFileError(f"line {number}: 'response' must be the reply's text")
        labels = item.get("labels")
        if not isinstance(labels, dict) or not labels:
            raise LabelledFileError(f"line {number}: 'labels' must map criterion ids to 0 or 1")
        for name, value in labels.items():
            if name not in CRITERIA:
                raise LabelledFileError(
                    f"line {number}: unknown criterion '{name}'; known criteria: {', '.join(CRITERIA)}"
                )
            if value not in (0, 1) or isinstance(value, bool):
                raise LabelledFileError(f"line {number}: the label for '{name}' must be 0 or 1, got {value!r}")
        scenario = item.get("scenario")
        if scenario is not None and not isinstance(scenario, str):
            raise LabelledFileError(f"line {number}: 'scenario' must be a scenario id")
        customer = item.get("customer", "")
        if not isinstance(customer, str):
            raise LabelledFileError(f"line {number}: 'customer' must be text")
        replies.append(
            LabelledReply(number, str(item.get("id", f"line-{number}")), scenario, customer, response, dict(labels))
        )
    return replies


def predicted_positive(criterion: str, assessment: Assessment) -> int:
    verdict = assessment.verdict(criterion)
    return int(verdict == ("breach" if criterion in BREACH_CRITERIA else "met"))


Split = Literal["all", "dev", "held-out"]
_NUMBER = re.compile(r"\d+")


def select(replies: Iterable[LabelledReply], split: Split) -> list[LabelledReply]:
    """One split of labelled replies: ``held-out`` holds those whose id number is a multiple of 5, ``dev`` the rest."""
    if split == "all":
        return list(replies)
    chosen = []
    for reply in replies:
        number = _NUMBER.search(reply.id)
        held = number is not None and int(number.group()) % 5 == 0
        if held == (split == "held-out"):
            chosen.append(reply)
    return chosen


def evaluate(replies: Iterable[LabelledReply], find_scenario: Callable[[str], CompiledScenario]) -> Evaluation:
    """Score every reply and count agreement with its labels."""
    result = Evaluation()
    for reply in replies:
        scenario = None
        if reply.scenario is not None:
            try:
                scenario = find_scenario(reply.scenario)
            except UnknownScenarioError as exc:
                raise LabelledFileError(f"line {reply.line}: {exc}") from None
        assessment = assess(reply.response, Context(scenario=scenario, customer_line=reply.customer))
        result.replies += 1
        for criterion, label in reply.labels.items():
            guess = predicted_positive(criterion, assessment)
            counts = result.counts[criterion]
            if label and guess:
                counts.tp += 1
            elif guess:
                counts.fp += 1
            elif label:
                counts.fn += 1
            else:
                counts.tn += 1
            if guess != label:
                result.disagreements.append(Disagreement(reply, criterion, label, guess, assessment))
    return result
