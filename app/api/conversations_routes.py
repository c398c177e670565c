"""``/api/v1/conversations``: start one, take a reply, list them, read a transcript and check it replays."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi import Path as PathParam

from app import services
from app.services import MAX_PAGE_SIZE, Actor, ConversationView, Mood, Transcript

from .deps import EVERYONE, AppSettings, Cache, DbSession, requires
from .responses import errors
from .schemas import (
    AssessmentOut,
    ConversationOut,
    ConversationSummaryOut,
    DifferenceOut,
    MessageOut,
    MoodOut,
    PageOut,
    ReplayOut,
    ReplyIn,
    ReplyOut,
    StartIn,
    StateOut,
    TranscriptLineOut,
    TranscriptOut,
)

router = APIRouter(prefix="/api/v1/conversations", tags=["conversations"])
ConversationId = Annotated[str, PathParam(min_length=1, max_length=64, description="The id given when it started")]
Anyone = Annotated[Actor, requires(*EVERYONE)]


def mood_out(mood: Mood | None) -> MoodOut | None:
    return None if mood is None else MoodOut(anger=mood.anger, patience=mood.patience)


def assessment_out(data: dict[str, Any] | None) -> AssessmentOut | None:
    return None if data is None else AssessmentOut.model_validate(data)


def conversation_out(view: ConversationView) -> ConversationOut:
    return ConversationOut(
        id=view.id,
        scenario=view.scenario_id,
        scenario_version=view.scenario_version,
        title=view.title,
        mode=view.mode,
        seed=view.seed,
        turn=view.turn,
        stage=view.stage,
        mood=mood_out(view.mood),
        outcome=view.outcome,
        messages=[MessageOut(speaker=m.speaker, name=m.name, text=m.text) for m in view.messages],
    )


def transcript_out(found: Transcript) -> TranscriptOut:
    return TranscriptOut(
        id=found.id,
        learner=found.learner,
        scenario=found.scenario_id,
        scenario_version=found.scenario_version,
        content_hash=found.content_hash,
        title=found.title,
        mode=found.mode,
        seed=found.seed,
        turn=found.turn,
        stage=found.stage,
        mood=mood_out(found.mood),
        outcome=found.outcome,
        started_at=found.started_at,
        finished_at=found.finished_at,
        signed_off_by=found.signed_off_by,
        lines=[
            TranscriptLineOut(
                position=line.position,
                turn=(line.position + 1) // 2,
                speaker=line.speaker,
                name=line.name,
                text=line.text,
                created_at=line.created_at,
                assessment=assessment_out(line.assessment),
                rubric_version=line.rubric_version,
                state=None if line.state is None else StateOut.model_validate(line.state),
            )
            for line in found.lines
        ],
    )


@router.post("", status_code=201, summary="Start a conversation", responses=errors(404))
def start(body: StartIn, session: DbSession, cache: Cache, actor: Anyone) -> ConversationOut:
    """Open a conversation on a scenario; the answer holds the customer's opening line."""
    view = services.start_conversation(
        session, actor, body.scenario, seed=body.seed, mode=body.mode, version=body.version, cache=cache
    )
    return conversation_out(view)


@router.get("", summary="Conversations the caller may see", responses=errors())
def list_conversations(
    session: DbSession,
    actor: Anyone,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
    scenario: Annotated[str | None, Query(max_length=100)] = None,
    mine: Annotated[bool, Query(description="Only the caller's own")] = False,
) -> PageOut:
    """Newest first, a page at a time: a learner's own; every conversation for reviewers."""
    found = services.list_conversations(session, actor, page=page, per_page=per_page, scenario_id=scenario, mine=mine)
    return PageOut(
        items=[
            ConversationSummaryOut(
                id=item.id,
                learner=item.learner,
                scenario=item.scenario_id,
                scenario_version=item.scenario_version,
                title=item.title,
                mode=item.mode,
                turn=item.turn,
                stage=item.stage,
                outcome=item.outcome,
                started_at=item.started_at,
                updated_at=item.updated_at,
                finished_at=item.finished_at,
            )
            for item in found.items
        ],
        page=found.page,
        per_page=found.per_page,
        total=found.total,
    )


@router.get("/{conversation_id}", summary="The transcript", responses=errors(404))
def get_transcript(conversation_id: ConversationId, session: DbSession, actor: Anyone) -> TranscriptOut:
    """Every line with the state after each customer line and each reply's assessment (withheld while an
    assessed conversation runs)."""
    return transcript_out(services.transcript(session, actor, conversation_id))


@router.post("/{conversation_id}/turns", summary="Take the learner's reply", responses=errors(404, 409))
def take_reply(
    conversation_id: ConversationId,
    body: ReplyIn,
    session: DbSession,
    cache: Cache,
    settings: AppSettings,
    actor: Anyone,
) -> ReplyOut:
    """Assess the reply, move the customer on, and store both lines and the new state in one transaction. A reply
    racing another for the same turn, or sent to a finished conversation, is 409 and nothing is stored."""
    result = services.submit_reply(
        session,
        actor,
        conversation_id,
        body.text,
        max_chars=settings.max_reply_chars,
        expected_turn=body.turn,
        cache=cache,
    )
    return ReplyOut(
        turn=result.turn,
        customer=MessageOut(speaker="customer", name=result.customer.name, text=result.customer.text),
        stage=result.stage,
        mood=mood_out(result.mood),
        outcome=result.outcome,
        assessment=assessment_out(result.assessment),
        rubric_version=result.rubric_version,
    )


@router.get("/{conversation_id}/replay", summary="Check the transcript replays exactly", responses=errors(404))
def replay(conversation_id: ConversationId, session: DbSession, cache: Cache, actor: Anyone) -> ReplayOut:
    """Play the stored replies again on the stored scenario version and seed, and list any line that differs."""
    check = services.replay(session, actor, conversation_id, cache=cache)
    return ReplayOut(
        conversation_id=check.conversation_id,
        turns=check.turns,
        reproduced=check.reproduced,
        differences=[
            DifferenceOut(position=d.position, field=d.field, stored=d.stored, replayed=d.replayed)
            for d in check.differences
        ],
    )
