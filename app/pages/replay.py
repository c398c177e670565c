"""The assessor's replay: one turn at a time, with the stage and mood timeline, the automatic verdicts with their
evidence, and every override beside the verdict it replaced."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.services import ReviewView, Transcript
from scoring import CRITERIA, rubric

from .charts import Chart, Moment, timeline
from .debrief import RuleNote, rule_note
from .highlight import Kind, Segment, Span, segments
from .labels import words


@dataclass(frozen=True, slots=True)
class Verdict:
    """One criterion of the reply shown: the automatic verdict, and the assessor's if they changed it."""

    id: str
    name: str
    automatic: str
    reviewed: str | None
    feedback: str
    rules: tuple[RuleNote, ...]
    reviews: tuple[ReviewView, ...]


@dataclass(frozen=True, slots=True)
class Exchange:
    turn: int
    speaker: str
    name: str
    segments: tuple[Segment, ...]
    current: bool


@dataclass(frozen=True, slots=True)
class Replay:
    id: str
    title: str
    learner: str
    mode: str
    outcome: str | None
    turns: int
    turn: int
    exchanges: tuple[Exchange, ...]
    verdicts: tuple[Verdict, ...]
    stage: str
    anger: int
    patience: int
    chart: Chart
    signed_off_by: str | None
    reviews: tuple[ReviewView, ...]

    @property
    def previous(self) -> int | None:
        return self.turn - 1 if self.turn > 0 else None

    @property
    def next(self) -> int | None:
        return self.turn + 1 if self.turn < self.turns else None


def _marks(assessment: dict[str, Any] | None) -> list[Span]:
    spans: list[Span] = []
    for name, result in (assessment or {}).get("criteria", {}).items():
        kind: Kind = "earned" if result["verdict"] == "met" else "lost"
        spans.extend(Span(int(e["start"]), int(e["end"]), kind, words(name)) for e in result["evidence"])
    return spans


def replay(transcript: Transcript, reviews: list[ReviewView], turn: int) -> Replay:
    """The conversation as it stood after learner reply ``turn`` (0: the opening), for an assessor."""
    turn = max(0, min(turn, transcript.turn))
    moments: list[Moment] = []
    exchanges: list[Exchange] = []
    learner_turn = 0
    current_assessment: dict[str, Any] | None = None
    after: dict[str, Any] = {}
    for line in transcript.lines:
        if line.speaker == "learner":
            learner_turn += 1
            if learner_turn > turn:
                break
            if learner_turn == turn:
                current_assessment = line.assessment
            exchanges.append(
                Exchange(
                    learner_turn,
                    "learner",
                    line.name,
                    segments(line.text, _marks(line.assessment)),
                    learner_turn == turn,
                )
            )
        else:
            state = line.state or {}
            moments.append(
                Moment(
                    learner_turn, str(state.get("stage", "")), int(state.get("anger", 0)), int(state.get("patience", 0))
                )
            )
            if learner_turn <= turn:
                after = state
                exchanges.append(
                    Exchange(learner_turn, "customer", line.name, segments(line.text, ()), learner_turn == turn)
                )
    book = rubric()
    verdicts: list[Verdict] = []
    if current_assessment is not None:
        criteria = current_assessment.get("criteria", {})
        for name in CRITERIA:
            result = criteria.get(name)
            if result is None:
                continue
            mine = tuple(r for r in reviews if r.turn == turn and r.criterion == name)
            rule_ids = dict.fromkeys(e["rule"] for e in result["evidence"])
            verdicts.append(
                Verdict(
                    id=name,
                    name=book.criteria[name].name,
                    automatic=result["verdict"],
                    reviewed=mine[-1].verdict if mine else None,
                    feedback=result["feedback"],
                    rules=tuple(note for r in rule_ids if (note := rule_note(r)) is not None),
                    reviews=mine,
                )
            )
    return Replay(
        id=transcript.id,
        title=transcript.title,
        learner=transcript.learner,
        mode=transcript.mode,
        outcome=transcript.outcome,
        turns=transcript.turn,
        turn=turn,
        exchanges=tuple(exchanges),
        verdicts=tuple(verdicts),
        stage=str(after.get("stage", "")),
        anger=int(after.get("anger", 0)),
        patience=int(after.get("patience", 0)),
        chart=timeline(moments, current=turn),
        signed_off_by=transcript.signed_off_by,
        reviews=tuple(reviews),
    )


__all__ = ["Exchange", "Replay", "Verdict", "replay"]
