"""What the conversation page shows: the customer, the lines so far and, in practice mode, stage and mood."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.services import ReplyResult, Transcript
from scenarios import CompiledScenario

from .labels import words


@dataclass(frozen=True, slots=True)
class Line:
    speaker: str
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class StageStep:
    id: str
    name: str
    goal: str
    status: str


@dataclass(frozen=True, slots=True)
class ConversationPage:
    id: str
    title: str
    scenario_id: str
    scenario_version: int
    mode: str
    customer: str
    situation: str
    channel: str
    lines: tuple[Line, ...]
    turn: int
    turn_limit: int
    hints: bool
    stage: str | None
    stages: tuple[StageStep, ...]
    anger: int | None
    patience: int | None
    outcome: str | None
    max_chars: int

    @property
    def ended(self) -> bool:
        return self.outcome is not None

    @property
    def stage_goal(self) -> str:
        return next((step.goal for step in self.stages if step.status == "current"), "")


def stage_steps(scenario: CompiledScenario, stage: str | None, outcome: str | None) -> tuple[StageStep, ...]:
    order = scenario.stage_order
    at = order.index(stage) if stage in order else -1
    finished = outcome in {"resolved", "escalated"}
    return tuple(
        StageStep(
            stage_id,
            words(stage_id),
            scenario.stages[stage_id].goal,
            "done" if finished or index < at else "current" if index == at else "todo",
        )
        for index, stage_id in enumerate(order)
    )


def conversation_page(transcript: Transcript, scenario: CompiledScenario, max_chars: int) -> ConversationPage:
    """The page for a conversation as its viewer may see it (no stage or mood while an assessed one runs)."""
    spec = scenario.spec
    hints = transcript.mode == "practice" and transcript.stage is not None
    return ConversationPage(
        id=transcript.id,
        title=transcript.title,
        scenario_id=transcript.scenario_id,
        scenario_version=transcript.scenario_version,
        mode=transcript.mode,
        customer=spec.customer.name,
        situation=spec.customer.situation,
        channel=spec.channel,
        lines=tuple(Line(line.speaker, line.name, line.text) for line in transcript.lines),
        turn=transcript.turn,
        turn_limit=spec.conversation.turn_limit,
        hints=hints,
        stage=transcript.stage,
        stages=stage_steps(scenario, transcript.stage, transcript.outcome) if hints else (),
        anger=transcript.mood.anger if hints and transcript.mood else None,
        patience=transcript.mood.patience if hints and transcript.mood else None,
        outcome=transcript.outcome,
        max_chars=max_chars,
    )


def reply_json(result: ReplyResult, scenario: CompiledScenario, debrief_url: str) -> dict[str, Any]:
    """What the page's script gets back for one reply: the customer's line and, in practice, stage and mood."""
    stages = stage_steps(scenario, result.stage, result.outcome) if result.stage is not None else ()
    return {
        "turn": result.turn,
        "customer": {"name": result.customer.name, "text": result.customer.text},
        "stage": result.stage,
        "stages": [{"id": step.id, "status": step.status, "goal": step.goal} for step in stages],
        "mood": None if result.mood is None else {"anger": result.mood.anger, "patience": result.mood.patience},
        "outcome": result.outcome,
        "outcome_label": words(result.outcome) if result.outcome else None,
        "debrief": debrief_url if result.outcome else None,
    }


__all__ = ["ConversationPage", "Line", "StageStep", "conversation_page", "reply_json", "stage_steps"]
