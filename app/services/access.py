"""Who may see and do what with stored conversations: the one place the rules live.

Learners see their own conversations; assessors those of the learners in their cohorts; admins all of them (the
rule itself is ``app.security.access``). A conversation the caller may not see is "not found", never "forbidden", so
its existence is not revealed.
"""

from __future__ import annotations

from typing import Final, TypeVarTuple

from sqlalchemy import Select
from sqlalchemy.orm import Session

from app.db import Conversation
from app.security.access import can_view_conversation, visible_conversations

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
    return actor.role == "admin"


def can_view(session: Session, actor: Actor, conversation: Conversation) -> bool:
    return can_view_conversation(session, actor, conversation)


def visible(statement: Select[*Ts], actor: Actor) -> Select[*Ts]:
    """Narrow a query over conversations to those the actor may see."""
    return visible_conversations(statement, actor)


def load_conversation(session: Session, actor: Actor, conversation_id: str) -> Conversation:
    """The conversation if the actor may see it; :class:`NotFoundError` otherwise."""
    conversation = session.get(Conversation, conversation_id) if len(conversation_id) <= 32 else None
    if conversation is None or not can_view(session, actor, conversation):
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
