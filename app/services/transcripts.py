"""Reading stored conversations: the caller's list, one transcript with the state after each turn, and replay.

Replay rebuilds a conversation from its scenario version, seed and the learner's stored replies, turn by turn, and
checks that it reproduces every stored customer line, stage, mood and assessment: the proof that a transcript is
what the learner really played.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.conversation import begin, take_turn
from app.db import Conversation, ConversationTurn, Review, ScenarioVersion, SignOff, User

from .access import load_conversation, visible
from .actors import Actor
from .catalogue import DEFAULT_CACHE, ScenarioCache
from .conversations import Mood, hints_hidden, state_summary
from .errors import ConflictError, InvalidInputError, StoredDataError

MAX_PAGE_SIZE: Final = 100


@dataclass(frozen=True, slots=True)
class ConversationSummary:
    id: str
    learner: str
    scenario_id: str
    scenario_version: int
    title: str
    mode: str
    turn: int
    stage: str | None
    outcome: str | None
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class Page:
    items: tuple[ConversationSummary, ...]
    page: int
    per_page: int
    total: int


@dataclass(frozen=True, slots=True)
class TranscriptLine:
    """One stored line; ``state`` after a customer line, ``assessment`` after a learner line (unless withheld)."""

    position: int
    speaker: str
    name: str
    text: str
    created_at: datetime
    assessment: dict[str, Any] | None
    rubric_version: str | None
    state: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Transcript:
    id: str
    learner_id: int
    learner: str
    scenario_id: str
    scenario_version: int
    content_hash: str
    title: str
    mode: str
    seed: int
    turn: int
    stage: str | None
    mood: Mood | None
    outcome: str | None
    started_at: datetime
    finished_at: datetime | None
    lines: tuple[TranscriptLine, ...]
    signed_off_by: str | None


@dataclass(frozen=True, slots=True)
class Difference:
    """Where a replay disagreed with storage: the line, what differed, and both values."""

    position: int
    field: str
    stored: Any
    replayed: Any


@dataclass(frozen=True, slots=True)
class ReplayCheck:
    conversation_id: str
    turns: int
    differences: tuple[Difference, ...]

    @property
    def reproduced(self) -> bool:
        return not self.differences


def list_conversations(
    session: Session,
    actor: Actor,
    *,
    page: int = 1,
    per_page: int = 20,
    scenario_id: str | None = None,
    mine: bool = False,
) -> Page:
    """The conversations the caller may see, newest first, a page at a time (``mine`` keeps only their own)."""
    if page < 1 or not 1 <= per_page <= MAX_PAGE_SIZE:
        raise InvalidInputError(f"page starts at 1 and per_page is from 1 to {MAX_PAGE_SIZE}", code="invalid_page")
    query = (
        select(Conversation, ScenarioVersion, User)
        .join(ScenarioVersion, Conversation.scenario_version_id == ScenarioVersion.id)
        .join(User, Conversation.learner_id == User.id)
    )
    query = visible(query, actor)
    if mine:
        query = query.where(Conversation.learner_id == actor.id)
    if scenario_id is not None:
        query = query.where(ScenarioVersion.scenario_id == scenario_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(
        query.order_by(Conversation.started_at.desc(), Conversation.id).offset((page - 1) * per_page).limit(per_page)
    ).all()
    items = tuple(
        ConversationSummary(
            id=conversation.id,
            learner=user.display_name,
            scenario_id=row.scenario_id,
            scenario_version=row.version,
            title=row.title,
            mode=conversation.mode,
            turn=conversation.turn_count,
            stage=None if hints_hidden(actor, conversation) else conversation.stage,
            outcome=conversation.outcome,
            started_at=conversation.started_at,
            updated_at=conversation.updated_at,
            finished_at=conversation.finished_at,
        )
        for conversation, row, user in rows
    )
    return Page(items=items, page=page, per_page=per_page, total=total)


def stored_lines(session: Session, conversation_id: str) -> list[ConversationTurn]:
    return list(
        session.scalars(
            select(ConversationTurn)
            .where(ConversationTurn.conversation_id == conversation_id)
            .order_by(ConversationTurn.position)
        )
    )


def scenario_of(session: Session, conversation: Conversation) -> ScenarioVersion:
    row = session.get(ScenarioVersion, conversation.scenario_version_id)
    if row is None:
        raise StoredDataError(f"the scenario of conversation '{conversation.id}' is missing")
    return row


def transcript(session: Session, actor: Actor, conversation_id: str) -> Transcript:
    """The whole conversation, line by line, with the state after each customer line and each reply's assessment.

    While an assessed conversation runs, its learner sees the lines only.
    """
    conversation = load_conversation(session, actor, conversation_id)
    row = scenario_of(session, conversation)
    learner = session.get(User, conversation.learner_id)
    hidden = hints_hidden(actor, conversation)
    lines = tuple(
        TranscriptLine(
            position=line.position,
            speaker=line.speaker,
            name=line.speaker_name,
            text=line.text,
            created_at=line.created_at,
            assessment=None if hidden or line.assessment is None else _public(line.assessment),
            rubric_version=None if hidden else line.rubric_version,
            state=None if hidden else line.state,
        )
        for line in stored_lines(session, conversation.id)
    )
    signoff = session.scalars(select(SignOff).where(SignOff.conversation_id == conversation.id)).first()
    signer = session.get(User, signoff.reviewer_id) if signoff else None
    return Transcript(
        id=conversation.id,
        learner_id=conversation.learner_id,
        learner=learner.display_name if learner else "",
        scenario_id=row.scenario_id,
        scenario_version=row.version,
        content_hash=row.content_hash,
        title=row.title,
        mode=conversation.mode,
        seed=conversation.seed,
        turn=conversation.turn_count,
        stage=None if hidden else conversation.stage,
        mood=None if hidden else Mood(conversation.anger, conversation.patience),
        outcome=conversation.outcome,
        started_at=conversation.started_at,
        finished_at=conversation.finished_at,
        lines=lines,
        signed_off_by=signer.display_name if signer else None,
    )


def _public(stored: dict[str, Any]) -> dict[str, Any]:
    return {"criteria": stored.get("criteria", {}), "signals": stored.get("signals", {})}


def replay(
    session: Session, actor: Actor, conversation_id: str, *, cache: ScenarioCache = DEFAULT_CACHE
) -> ReplayCheck:
    """Play the stored replies again on the stored scenario version and seed; list every line that differs."""
    conversation = load_conversation(session, actor, conversation_id)
    if hints_hidden(actor, conversation):
        raise ConflictError("this is an assessed conversation: it can be replayed when it ends", code="report_withheld")
    scenario = cache.compiled(scenario_of(session, conversation))
    lines = stored_lines(session, conversation.id)
    differences: list[Difference] = []

    def compare(position: int, field: str, stored: Any, replayed: Any) -> None:
        if stored != replayed:
            differences.append(Difference(position, field, stored, replayed))

    state, opening = begin(scenario, conversation.seed)
    if not lines:
        raise StoredDataError(f"conversation '{conversation.id}' has no stored lines")
    compare(0, "text", lines[0].text, opening)
    compare(0, "state", lines[0].state, state_summary(state, speaker=scenario.spec.customer.name))
    turns = 0
    for learner_line, customer_line in zip(lines[1::2], lines[2::2], strict=False):
        if state.ended:
            compare(learner_line.position, "text", learner_line.text, None)
            break
        turn = take_turn(scenario, state, learner_line.text)
        turns += 1
        compare(learner_line.position, "assessment", learner_line.assessment, turn.assessment.as_dict())
        step = turn.step
        compare(customer_line.position, "text", customer_line.text, step.text)
        compare(customer_line.position, "speaker", customer_line.speaker_name, step.speaker)
        compare(
            customer_line.position, "state", customer_line.state,
            state_summary(step.state, reaction=step.reaction, speaker=step.speaker),
        )  # fmt: skip
        state = step.state
    compare(len(lines), "outcome", conversation.outcome, state.outcome)
    compare(len(lines), "lines", len(lines), 1 + 2 * turns)
    return ReplayCheck(conversation.id, turns, tuple(differences))


def public_assessment(stored: dict[str, Any]) -> dict[str, Any]:
    """A stored assessment in the shape the API and ``frontline score --json`` use."""
    return _public(stored)


def review_rows(session: Session, conversation_id: str) -> list[Review]:
    return list(session.scalars(select(Review).where(Review.conversation_id == conversation_id).order_by(Review.id)))


__all__ = [
    "MAX_PAGE_SIZE",
    "ConversationSummary",
    "Difference",
    "Page",
    "ReplayCheck",
    "Transcript",
    "TranscriptLine",
    "list_conversations",
    "public_assessment",
    "replay",
    "review_rows",
    "scenario_of",
    "stored_lines",
    "transcript",
]
