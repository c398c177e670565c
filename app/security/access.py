"""Who may see whose conversations: the one object-level rule, used by every use case that loads or lists them.

- a learner (and a trainer, who plays scenarios as themself) sees their own conversations;
- an assessor sees their own and those of the learners in any cohort the assessor belongs to;
- an admin sees all of them (to answer access requests and erase on request).

Callers that may not see a conversation are told it is not found, so its existence is not revealed.
"""

from __future__ import annotations

from typing import Protocol, TypeVarTuple

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, and_, exists, literal, or_, select, true
from sqlalchemy.orm import Session, aliased

from app.db import CohortMember, Conversation, User

Ts = TypeVarTuple("Ts")


class Caller(Protocol):
    """Anything with a user id and a role: the services' ``Actor`` or a ``User`` row."""

    @property
    def id(self) -> int: ...

    @property
    def role(self) -> str: ...


def _assessed_by(assessor_id: int, learner_id: SQLColumnExpression[int]) -> ColumnElement[bool]:
    mine, theirs = aliased(CohortMember), aliased(CohortMember)
    learner = aliased(User)
    return exists(
        select(theirs.id)
        .join(mine, and_(mine.cohort_id == theirs.cohort_id, mine.user_id == assessor_id))
        .join(learner, learner.id == theirs.user_id)
        .where(theirs.user_id == learner_id, learner.role == "learner")
    )


def learner_filter(caller: Caller, learner_id: SQLColumnExpression[int]) -> ColumnElement[bool]:
    """A SQL condition: the work of the learner in column ``learner_id`` is visible to ``caller``."""
    if caller.role == "admin":
        return true()
    own = learner_id == caller.id
    if caller.role == "assessor":
        return or_(own, _assessed_by(caller.id, learner_id))
    return own


def visible_conversations(statement: Select[*Ts], caller: Caller) -> Select[*Ts]:
    """Narrow a query over conversations to those ``caller`` may see."""
    return statement.where(learner_filter(caller, Conversation.learner_id))


def can_view_learner(session: Session, caller: Caller, learner_id: int) -> bool:
    """Whether ``caller`` may see the work of the user ``learner_id``."""
    if caller.role == "admin" or caller.id == learner_id:
        return True
    if caller.role != "assessor":
        return False
    return bool(session.scalar(select(_assessed_by(caller.id, literal(learner_id)))))


def can_view_conversation(session: Session, caller: Caller, conversation: Conversation) -> bool:
    """Whether ``caller`` may see this conversation (its turns, report, reviews)."""
    return can_view_learner(session, caller, conversation.learner_id)


__all__ = ["Caller", "can_view_conversation", "can_view_learner", "learner_filter", "visible_conversations"]
