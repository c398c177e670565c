"""Playing a conversation: start one, and take a learner's reply as one transaction.

A reply is taken in two steps so the race between two submissions is explicit: :func:`plan_reply` reads the
conversation (its saved state and row version) and works out the turn without writing; :func:`record_reply` stores
the learner's line, the customer's line and the new state together, but only if the row version is still the one
read (``UPDATE … WHERE id = ? AND row_version = ?``). If another reply got there first, nothing is written and
:class:`ConflictError` says so. :func:`submit_reply` does both.
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass
from typing import Any, Final, cast

from sqlalchemy import update
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app.conversation import Turn, begin, take_turn
from app.db import MODES, Conversation, ConversationTurn, ScenarioVersion, one_writer, utcnow
from scenarios import CompiledScenario, ConversationOverError, ConversationState, StateError, state_from_json
from scenarios import state_to_json as state_json

from .access import load_conversation
from .actors import Actor
from .catalogue import DEFAULT_CACHE, ScenarioCache, find_version
from .errors import (
    BusyError,
    ConflictError,
    ConversationFinishedError,
    InvalidInputError,
    PermissionDeniedError,
    StoredDataError,
)
from .shapes import assessment_json

MAX_SEED: Final = 2**53 - 1
DEFAULT_MAX_REPLY_CHARS: Final = 2000


@dataclass(frozen=True, slots=True)
class Mood:
    anger: int
    patience: int


@dataclass(frozen=True, slots=True)
class Message:
    """One line of a conversation as people read it."""

    speaker: str
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class ConversationView:
    """A conversation as its learner sees it: in assessed mode, stage and mood are hidden until it ends."""

    id: str
    scenario_id: str
    scenario_version: int
    title: str
    mode: str
    seed: int
    turn: int
    stage: str | None
    mood: Mood | None
    outcome: str | None
    messages: tuple[Message, ...]


@dataclass(frozen=True, slots=True)
class ReplyResult:
    """What one reply brought: the customer's answer, and (unless withheld) the stage, mood and assessment."""

    conversation_id: str
    turn: int
    customer: Message
    stage: str | None
    mood: Mood | None
    outcome: str | None
    assessment: dict[str, Any] | None
    rubric_version: str | None


@dataclass(frozen=True, slots=True)
class PlannedReply:
    """A reply worked out against the state read at ``row_version``, not yet stored."""

    conversation_id: str
    row_version: int
    position: int
    mode: str
    learner_name: str
    turn: Turn


def hints_hidden(actor: Actor, conversation: Conversation) -> bool:
    """In assessed mode the learner plays without hints until the conversation ends; reviewers always see them."""
    return conversation.mode == "assessed" and conversation.outcome is None and actor.id == conversation.learner_id


def state_summary(
    state: ConversationState, *, reaction: str | None = None, speaker: str | None = None
) -> dict[str, Any]:
    """The state after a customer line, as stored beside it for people: stage, mood, escalations, outcome."""
    return {
        "stage": state.stage,
        "anger": state.anger,
        "patience": state.patience,
        "escalations": list(state.escalations),
        "outcome": state.outcome,
        "reaction": reaction,
        "speaker": speaker,
    }


def start_conversation(
    session: Session,
    actor: Actor,
    scenario_id: str,
    *,
    seed: int | None = None,
    mode: str = "practice",
    version: int | None = None,
    cache: ScenarioCache = DEFAULT_CACHE,
) -> ConversationView:
    """Open a conversation on the newest published version (or a given one) and store the customer's opening."""
    if mode not in MODES:
        raise InvalidInputError(f"mode must be one of {', '.join(MODES)}, not '{mode}'", code="invalid_mode")
    if seed is None:
        seed = secrets.randbelow(2**31)
    if isinstance(seed, bool) or not 0 <= seed <= MAX_SEED:
        raise InvalidInputError(f"the seed must be a whole number from 0 to {MAX_SEED}", code="invalid_seed")
    row = find_version(session, actor, scenario_id, version)
    scenario = cache.compiled(row)
    state, opening = begin(scenario, seed)
    now = utcnow()
    conversation = Conversation(
        id=uuid.uuid4().hex,
        learner_id=actor.id,
        scenario_version_id=row.id,
        seed=seed,
        mode=mode,
        state_json=state_json(state),
        turn_count=0,
        stage=state.stage,
        anger=state.anger,
        patience=state.patience,
        outcome=None,
        started_at=now,
        updated_at=now,
        row_version=1,
    )
    name = scenario.spec.customer.name
    session.add(conversation)
    session.add(
        ConversationTurn(
            conversation_id=conversation.id,
            position=0,
            speaker="customer",
            speaker_name=name,
            text=opening,
            created_at=now,
            state=state_summary(state, speaker=name),
            engine_state=state_json(state),
        )
    )
    with one_writer(session):
        _commit(session)
    return view_of(actor, conversation, row, (Message("customer", name, opening),))


def view_of(
    actor: Actor, conversation: Conversation, row: ScenarioVersion, messages: tuple[Message, ...]
) -> ConversationView:
    hidden = hints_hidden(actor, conversation)
    return ConversationView(
        id=conversation.id,
        scenario_id=row.scenario_id,
        scenario_version=row.version,
        title=row.title,
        mode=conversation.mode,
        seed=conversation.seed,
        turn=conversation.turn_count,
        stage=None if hidden else conversation.stage,
        mood=None if hidden else Mood(conversation.anger, conversation.patience),
        outcome=conversation.outcome,
        messages=messages,
    )


def check_reply_text(text: str, max_chars: int) -> None:
    if not text.strip():
        raise InvalidInputError("the reply is empty; type what you would say to the customer", code="reply_empty")
    if "\x00" in text:
        raise InvalidInputError("the reply contains a NUL character, which cannot be stored", code="unstorable_text")
    if len(text) > max_chars:
        raise InvalidInputError(
            f"the reply is {len(text):,} characters; a reply may be at most {max_chars:,}",
            code="reply_too_long",
            details=[{"field": "text", "length": len(text), "limit": max_chars}],
        )


def restore(conversation: Conversation, scenario: CompiledScenario) -> ConversationState:
    try:
        return state_from_json(conversation.state_json, scenario)
    except StateError as exc:
        raise StoredDataError(f"conversation '{conversation.id}' cannot be continued: {exc}") from None


def played_hash(saved_state: str) -> str | None:
    """The content hash of the scenario a saved state was played on, or None if the state cannot be read."""
    try:
        found = json.loads(saved_state)["scenario"]["hash"]
    except (ValueError, KeyError, TypeError):
        return None
    return found if isinstance(found, str) else None


def plan_reply(
    session: Session,
    actor: Actor,
    conversation_id: str,
    text: str,
    *,
    max_chars: int = DEFAULT_MAX_REPLY_CHARS,
    expected_turn: int | None = None,
    cache: ScenarioCache = DEFAULT_CACHE,
) -> PlannedReply:
    """Read the conversation and work out the turn this reply makes, writing nothing."""
    check_reply_text(text, max_chars)
    conversation = load_conversation(session, actor, conversation_id)
    if conversation.learner_id != actor.id:
        raise PermissionDeniedError("only the learner playing this conversation may reply in it")
    if conversation.outcome is not None:
        raise ConversationFinishedError(
            f"this conversation ended ({conversation.outcome}) after turn {conversation.turn_count}; "
            "it takes no more replies: start a new one to try again"
        )
    if expected_turn is not None and expected_turn != conversation.turn_count + 1:
        raise ConflictError(
            f"this reply is for turn {expected_turn}, but the conversation is at turn {conversation.turn_count + 1}: "
            "an earlier submission was already taken; reload the conversation",
            code="turn_taken",
        )
    scenario = cache.compiled_played(session, conversation.scenario_version_id, played_hash(conversation.state_json))
    if scenario is None:
        raise StoredDataError(f"the scenario of conversation '{conversation.id}' is missing")
    try:
        turn = take_turn(scenario, restore(conversation, scenario), text)
    except ConversationOverError as exc:
        raise ConversationFinishedError(str(exc)) from None
    return PlannedReply(
        conversation_id=conversation.id,
        row_version=conversation.row_version,
        position=2 * conversation.turn_count + 1,
        mode=conversation.mode,
        learner_name=actor.display_name,  # the actor is the learner (checked above): no need to read the user again
        turn=turn,
    )


def record_reply(session: Session, actor: Actor, planned: PlannedReply) -> ReplyResult:
    """Store a planned reply, its answer and the new state in one transaction, if nobody replied first."""
    step, now = planned.turn.step, utcnow()
    state = step.state
    changed = cast(
        CursorResult[Any],
        session.execute(
            update(Conversation)
            .where(Conversation.id == planned.conversation_id, Conversation.row_version == planned.row_version)
            .values(
                row_version=planned.row_version + 1,
                state_json=state_json(state),
                turn_count=state.turn,
                stage=state.stage,
                anger=state.anger,
                patience=state.patience,
                outcome=state.outcome,
                updated_at=now,
                finished_at=now if state.outcome is not None else None,
            )
            .execution_options(synchronize_session=False)
        ),
    )
    if changed.rowcount != 1:
        session.rollback()
        raise _raced(planned)
    assessment = planned.turn.assessment
    session.add_all(
        [
            ConversationTurn(
                conversation_id=planned.conversation_id,
                position=planned.position,
                speaker="learner",
                speaker_name=planned.learner_name,
                text=planned.turn.text,
                created_at=now,
                assessment=assessment.as_dict(),
                rubric_version=assessment.rubric_version,
            ),
            ConversationTurn(
                conversation_id=planned.conversation_id,
                position=planned.position + 1,
                speaker="customer",
                speaker_name=step.speaker,
                text=step.text,
                created_at=now,
                state=state_summary(state, reaction=step.reaction, speaker=step.speaker),
                engine_state=state_json(state),
            ),
        ]
    )
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise _raced(planned) from None
    _commit(session)
    hidden = planned.mode == "assessed" and state.outcome is None
    return ReplyResult(
        conversation_id=planned.conversation_id,
        turn=state.turn,
        customer=Message("customer", step.speaker, step.text),
        stage=None if hidden else state.stage,
        mood=None if hidden else Mood(state.anger, state.patience),
        outcome=state.outcome,
        assessment=None if hidden else assessment_json(assessment),
        rubric_version=None if hidden else assessment.rubric_version,
    )


def _raced(planned: PlannedReply) -> ConflictError:
    return ConflictError(
        f"another reply to turn {planned.turn.step.state.turn} of this conversation was stored first; yours was "
        "not saved: reload the conversation to see where it stands",
        code="turn_taken",
    )


def _commit(session: Session) -> None:
    try:
        session.commit()
    except OperationalError as exc:
        session.rollback()
        if "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower():
            raise BusyError("the database is busy with other writers; nothing was saved: try again") from None
        raise


def submit_reply(
    session: Session,
    actor: Actor,
    conversation_id: str,
    text: str,
    *,
    max_chars: int = DEFAULT_MAX_REPLY_CHARS,
    expected_turn: int | None = None,
    cache: ScenarioCache = DEFAULT_CACHE,
) -> ReplyResult:
    """Take one learner reply: assess it, advance the customer, and store both lines and the new state at once."""
    planned = plan_reply(
        session, actor, conversation_id, text, max_chars=max_chars, expected_turn=expected_turn, cache=cache
    )
    session.rollback()  # end the read so the write starts fresh (SQLite: no stale read snapshot to upgrade)
    try:
        with one_writer(session):
            return record_reply(session, actor, planned)
    except OperationalError as exc:
        session.rollback()
        if "locked" in str(exc.orig).lower():
            raise BusyError("the database is busy with other writers; nothing was saved: try again") from None
        raise


__all__ = [
    "DEFAULT_MAX_REPLY_CHARS",
    "MAX_SEED",
    "ConversationView",
    "Message",
    "Mood",
    "PlannedReply",
    "ReplyResult",
    "check_reply_text",
    "hints_hidden",
    "plan_reply",
    "record_reply",
    "restore",
    "start_conversation",
    "state_summary",
    "submit_reply",
    "view_of",
]
