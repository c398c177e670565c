"""Who may see and do what with stored conversations: the one place the rules live.

Learners see their own conversations; assessors and admins see all of them (cohorts will narrow assessors to their
own learners). A conversation the caller may not see is "not found", never "forbidden", so its existence is not
revealed.
"""

from __future__ import annotations

from typing import Final, TypeVarTuple

from sqlalchemy import Select
from sqlalchemy.orm import Session

from app.db import Conversation

from .actors import Actor
from .errors import NotFoundError, PermissionDeniedError

REVIEWERS: Final = ("assessor", "admin")
AUTHORS: Final = ("trainer", "admin")
IMPORTERS: Final = ("assessor", "trainer", "admin")
Ts = TypeVarTuple("Ts")


def require_role(actor: Actor, roles: tuple[str, ...], doing: str) -> None:
    """:class:`PermissionDeniedError` unless the actor has one of ``roles``."""
    if actor.role not in roles:
        raise PermissionDeniedError(
            f"only {' or '.join(roles)} accounts may {doing}; you are signed in as a {actor.role}"
        )


def sees_all_conversations(actor: Actor) -> bool:
    return actor.role in REVIEWERS


def can_view(actor: Actor, conversation: Conversation) -> bool:
    return conversation.learner_id == actor.id or sees_all_conversations(actor)


def visible(statement: Select[*Ts], actor: Actor) -> Select[*Ts]:
    """Narrow a query over conversations to those the actor may see."""
    if sees_all_conversations(actor):
        return statement
    return statement.where(Conversation.learner_id == actor.id)


def load_conversation(session: Session, actor: Actor, conversation_id: str) -> Conversation:
    """The conversation if the actor may see it; :class:`NotFoundError` otherwise."""
    conversation = session.get(Conversation, conversation_id) if len(conversation_id) <= 32 else None
    if conversation is None or not can_view(actor, conversation):
        raise NotFoundError(f"no conversation with id '{conversation_id}'")
    return conversation


__all__ = [
    "AUTHORS",
    "IMPORTERS",
    "REVIEWERS",
    "can_view",
    "load_conversation",
    "require_role",
    "sees_all_conversations",
    "visible",
]
