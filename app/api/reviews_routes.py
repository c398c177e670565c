"""Reports, re-scoring and assessors' reviews of one conversation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from app import services
from app.services import REVIEWERS, Actor, ReviewView

from .conversations_routes import Anyone, ConversationId
from .deps import Cache, DbSession, requires
from .responses import errors
from .schemas import ReportOut, RescoreOut, ReviewIn, ReviewOut, SignOffIn, SignOffOut, VerdictChangeOut

router = APIRouter(prefix="/api/v1/conversations", tags=["reviews"])
Reviewer = Annotated[Actor, requires(*REVIEWERS)]


def review_out(view: ReviewView) -> ReviewOut:
    return ReviewOut(
        id=view.id,
        turn=view.turn,
        criterion=view.criterion,
        verdict=view.verdict,
        automatic_verdict=view.automatic_verdict,
        reason=view.reason,
        reviewer=view.reviewer,
        created_at=view.created_at,
    )


@router.get("/{conversation_id}/report", summary="The transcript report", responses=errors(404, 409))
def report(conversation_id: ConversationId, session: DbSession, actor: Anyone) -> ReportOut:
    """Per-criterion results with evidence, HEAT coverage and order, outcome and grade band; beside it, the same
    with assessors' overrides applied. An assessed conversation's learner sees it when the conversation ends."""
    found = services.conversation_report(session, actor, conversation_id)
    return ReportOut(
        conversation_id=found.conversation_id,
        automatic=found.automatic,
        reviewed=found.reviewed,
        overrides=found.overrides,
    )


@router.post("/{conversation_id}/rescore", summary="Re-score under the current rubric", responses=errors(404, 409))
def rescore(conversation_id: ConversationId, session: DbSession, cache: Cache, actor: Anyone) -> RescoreOut:
    """Judge every stored reply again, in the context it was given, and list the verdicts that changed. Nothing
    stored is changed."""
    found = services.rescore(session, actor, conversation_id, cache=cache)
    return RescoreOut(
        conversation_id=found.conversation_id,
        stored=found.stored,
        current=found.current,
        band_changed=found.band_changed,
        changes=[
            VerdictChangeOut(turn=c.turn, criterion=c.criterion, stored=c.stored, current=c.current)
            for c in found.changes
        ],
    )


@router.get("/{conversation_id}/reviews", summary="Assessors' overrides", responses=errors(404))
def list_reviews(conversation_id: ConversationId, session: DbSession, actor: Anyone) -> list[ReviewOut]:
    return [review_out(view) for view in services.list_reviews(session, actor, conversation_id)]


@router.post("/{conversation_id}/reviews", status_code=201, summary="Override one verdict", responses=errors(404, 409))
def add_review(conversation_id: ConversationId, body: ReviewIn, session: DbSession, actor: Reviewer) -> ReviewOut:
    """Record an assessor's verdict on one criterion of one reply, with the reason; the automatic verdict stays."""
    view = services.add_review(
        session,
        actor,
        conversation_id,
        turn=body.turn,
        criterion=body.criterion,
        verdict=body.verdict,
        reason=body.reason,
    )
    return review_out(view)


@router.post("/{conversation_id}/signoff", status_code=201, summary="Sign the review off", responses=errors(404, 409))
def sign_off(conversation_id: ConversationId, body: SignOffIn, session: DbSession, actor: Reviewer) -> SignOffOut:
    """Close the review of a finished conversation, fixing its band with the overrides applied."""
    view = services.sign_off(session, actor, conversation_id, note=body.note)
    return SignOffOut(
        conversation_id=view.conversation_id,
        reviewer=view.reviewer,
        band=view.band,
        note=view.note,
        created_at=view.created_at,
    )
