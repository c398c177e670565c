"""Reports on stored conversations: the debrief from the stored assessments (with assessors' overrides beside it),
and a re-score under the current rubric showing what changed.

A re-score judges each stored reply again in exactly the context it was given (the engine state saved before it),
so a change in the report is a change in the scorer, never a different conversation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from app.conversation import context_for
from app.db import Conversation, ConversationTurn
from scenarios import StateError, state_from_json
from scoring import Assessment, assess, transcript_report

from .access import load_conversation
from .actors import Actor
from .catalogue import DEFAULT_CACHE, ScenarioCache
from .conversations import hints_hidden
from .errors import ConflictError, StoredDataError
from .shapes import assessment_from_json
from .transcripts import review_rows, scenario_of, stored_lines


@dataclass(frozen=True, slots=True)
class ConversationReport:
    """The automatic report, and the report with assessors' overrides applied (the same when there are none)."""

    conversation_id: str
    automatic: dict[str, Any]
    reviewed: dict[str, Any]
    overrides: int


@dataclass(frozen=True, slots=True)
class VerdictChange:
    turn: int
    criterion: str
    stored: str
    current: str


@dataclass(frozen=True, slots=True)
class Rescore:
    conversation_id: str
    stored: dict[str, Any]
    current: dict[str, Any]
    changes: tuple[VerdictChange, ...]

    @property
    def band_changed(self) -> bool:
        return bool(self.stored["band"] != self.current["band"])


def stored_assessments(lines: list[ConversationTurn]) -> list[Assessment]:
    return [assessment_from_json(line.assessment) for line in lines if line.speaker == "learner" and line.assessment]


def overridden(assessments: list[Assessment], overrides: dict[tuple[int, str], str]) -> list[Assessment]:
    """The assessments with each overridden verdict replaced (turn numbers start at 1)."""
    result: list[Assessment] = []
    for turn, assessment in enumerate(assessments, start=1):
        changed = {
            name: replace(item, verdict=overrides[(turn, name)]) if (turn, name) in overrides else item  # type: ignore[arg-type]
            for name, item in assessment.results.items()
        }
        result.append(replace(assessment, results=changed))
    return result


def _refuse_while_hidden(actor: Actor, conversation: Conversation) -> None:
    if hints_hidden(actor, conversation):
        raise ConflictError(
            "this is an assessed conversation: its report is shown when it ends", code="report_withheld"
        )


def conversation_report(session: Session, actor: Actor, conversation_id: str) -> ConversationReport:
    """The transcript report from the stored assessments, and again with the newest override of each verdict."""
    conversation = load_conversation(session, actor, conversation_id)
    _refuse_while_hidden(actor, conversation)
    assessments = stored_assessments(stored_lines(session, conversation.id))
    latest: dict[tuple[int, str], str] = {}
    for review in review_rows(session, conversation.id):  # oldest first, so the newest override of each wins
        latest[((review.position + 1) // 2, review.criterion)] = review.verdict
    automatic = transcript_report(assessments, conversation.outcome).as_dict()
    reviewed = (
        transcript_report(overridden(assessments, latest), conversation.outcome).as_dict() if latest else automatic
    )
    return ConversationReport(conversation.id, automatic, reviewed, len(latest))


def rescore(session: Session, actor: Actor, conversation_id: str, *, cache: ScenarioCache = DEFAULT_CACHE) -> Rescore:
    """Score every stored reply again with the current rubric, in its original context, and list what changed."""
    conversation = load_conversation(session, actor, conversation_id)
    _refuse_while_hidden(actor, conversation)
    scenario = cache.compiled(scenario_of(session, conversation))
    lines = stored_lines(session, conversation.id)
    stored = stored_assessments(lines)
    current: list[Assessment] = []
    before = lines[0] if lines else None
    for line in lines[1:]:
        if line.speaker == "customer":
            before = line
            continue
        if before is None or before.engine_state is None:
            raise StoredDataError(f"the state before line {line.position} of '{conversation.id}' was not stored")
        try:
            state = state_from_json(before.engine_state, scenario)
        except StateError as exc:
            raise StoredDataError(f"the state before line {line.position} cannot be read: {exc}") from None
        current.append(assess(line.text, context_for(scenario, state)))
    changes = tuple(
        VerdictChange(turn, name, old.verdict(name), new.verdict(name))
        for turn, (old, new) in enumerate(zip(stored, current, strict=True), start=1)
        for name in new.results
        if old.verdict(name) != new.verdict(name)
    )
    return Rescore(
        conversation_id=conversation.id,
        stored=transcript_report(stored, conversation.outcome).as_dict(),
        current=transcript_report(current, conversation.outcome).as_dict(),
        changes=changes,
    )


__all__ = [
    "ConversationReport",
    "Rescore",
    "VerdictChange",
    "conversation_report",
    "overridden",
    "rescore",
    "stored_assessments",
]
