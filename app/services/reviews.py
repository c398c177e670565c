"""Assessors' reviews: overriding one verdict of one reply with a reason, and signing a conversation off.

An override is stored beside the automatic verdict (which it names), never in place of it; a later override of the
same verdict supersedes the earlier one in the reviewed report, and both stay in the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.accounts.audit import record as audit
from app.db import VERDICTS, Review, SignOff, User, utcnow
from scoring import CRITERIA, transcript_report

from .access import REVIEWERS, load_conversation, require_role
from .actors import Actor
from .errors import ConflictError, InvalidInputError, NotFoundError
from .reports import overridden, stored_assessments
from .transcripts import review_rows, stored_lines

MAX_REASON_CHARS: Final = 2000


@dataclass(frozen=True, slots=True)
class ReviewView:
    id: int
    turn: int
    position: int
    criterion: str
    verdict: str
    automatic_verdict: str
    reason: str
    reviewer: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SignOffView:
    conversation_id: str
    reviewer: str
    band: str
    note: str
    created_at: datetime


def _reviewer_name(session: Session, user_id: int) -> str:
    user = session.get(User, user_id)
    return user.display_name if user else ""


def _view(session: Session, review: Review) -> ReviewView:
    return ReviewView(
        id=review.id,
        turn=(review.position + 1) // 2,
        position=review.position,
        criterion=review.criterion,
        verdict=review.verdict,
        automatic_verdict=review.automatic_verdict,
        reason=review.reason,
        reviewer=_reviewer_name(session, review.reviewer_id),
        created_at=review.created_at,
    )


def list_reviews(session: Session, actor: Actor, conversation_id: str) -> list[ReviewView]:
    """Every override of the conversation, oldest first (its learner sees them too)."""
    conversation = load_conversation(session, actor, conversation_id)
    return [_view(session, review) for review in review_rows(session, conversation.id)]


def add_review(
    session: Session, actor: Actor, conversation_id: str, *, turn: int, criterion: str, verdict: str, reason: str
) -> ReviewView:
    """Override the automatic verdict of ``criterion`` on the learner's reply number ``turn`` (from 1)."""
    require_role(actor, REVIEWERS, "review conversations")
    conversation = load_conversation(session, actor, conversation_id)
    if criterion not in CRITERIA:
        raise InvalidInputError(
            f"no criterion '{criterion}'; criteria: {', '.join(CRITERIA)}", code="unknown_criterion"
        )
    if verdict not in VERDICTS:
        raise InvalidInputError(f"the verdict must be one of {', '.join(VERDICTS)}", code="invalid_verdict")
    if not reason.strip():
        raise InvalidInputError("say why the verdict is overridden: the reason is empty", code="reason_empty")
    if len(reason) > MAX_REASON_CHARS:
        raise InvalidInputError(f"the reason may be at most {MAX_REASON_CHARS:,} characters", code="reason_too_long")
    if session.scalars(select(SignOff).where(SignOff.conversation_id == conversation.id)).first():
        raise ConflictError("this conversation's review is signed off; it takes no more overrides", code="signed_off")
    position = 2 * turn - 1
    line = next((line for line in stored_lines(session, conversation.id) if line.position == position), None)
    if turn < 1 or line is None or line.assessment is None:
        raise NotFoundError(f"the conversation has no reply number {turn}; it has {conversation.turn_count}")
    review = Review(
        conversation_id=conversation.id,
        position=position,
        criterion=criterion,
        verdict=verdict,
        automatic_verdict=str(line.assessment["criteria"][criterion]["verdict"]),
        reason=reason.strip(),
        reviewer_id=actor.id,
        created_at=utcnow(),
    )
    session.add(review)
    audit(
        session,
        "override" if review.verdict != review.automatic_verdict else "review",
        actor=actor,
        target_kind="conversation",
        target=conversation.id,
        detail={"turn": turn, "criterion": criterion, "verdict": verdict, "automatic": review.automatic_verdict},
    )
    session.commit()
    return _view(session, review)


def sign_off(session: Session, actor: Actor, conversation_id: str, *, note: str = "") -> SignOffView:
    """Sign the review of a finished conversation off, fixing its band with the overrides applied. Once only."""
    require_role(actor, REVIEWERS, "sign reviews off")
    conversation = load_conversation(session, actor, conversation_id)
    if conversation.outcome is None:
        raise ConflictError("the conversation has not ended; sign it off when it has", code="not_finished")
    if session.scalars(select(SignOff).where(SignOff.conversation_id == conversation.id)).first():
        raise ConflictError("this conversation's review is already signed off", code="signed_off")
    latest = {((r.position + 1) // 2, r.criterion): r.verdict for r in review_rows(session, conversation.id)}
    assessments = overridden(stored_assessments(stored_lines(session, conversation.id)), latest)
    band = transcript_report(assessments, conversation.outcome).band
    record = SignOff(
        conversation_id=conversation.id, reviewer_id=actor.id, band=band, note=note.strip(), created_at=utcnow()
    )
    session.add(record)
    audit(session, "sign_off", actor=actor, target_kind="conversation", target=conversation.id, detail={"band": band})
    try:
        session.commit()
    except IntegrityError:  # signed off by someone else a moment ago
        session.rollback()
        raise ConflictError("this conversation's review is already signed off", code="signed_off") from None
    return SignOffView(conversation.id, _reviewer_name(session, actor.id), band, record.note, record.created_at)


__all__ = ["MAX_REASON_CHARS", "ReviewView", "SignOffView", "add_review", "list_reviews", "sign_off"]
