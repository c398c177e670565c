"""The audit log: one row per sign-in, sign-out, review, override, sign-off, export, erasure and account change.

Rows are only ever added (a purge leaves them alone). People are named as text so the log still reads after the
person's account is erased.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import AuditEvent, utcnow


class Named(Protocol):
    """Whoever acted: the services' ``Actor`` or a ``User`` row."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


def record(
    session: Session,
    action: str,
    *,
    actor: Named | None,
    target_kind: str = "",
    target: str = "",
    address: str = "",
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Add an audit row to the session (the caller's transaction commits it with the change it records)."""
    event = AuditEvent(
        at=at or utcnow(),
        actor_id=actor.id if actor is not None else None,
        actor_name=actor.name if actor is not None else "",
        action=action,
        target_kind=target_kind,
        target=target[:120],
        address=address[:64],
        detail=detail or {},
    )
    session.add(event)
    return event


def events_about(session: Session, user_id: int, name: str) -> list[AuditEvent]:
    """Every audit row where this user acted, or that names them as its target."""
    return list(
        session.scalars(
            select(AuditEvent)
            .where(
                (AuditEvent.actor_id == user_id) | ((AuditEvent.target_kind == "user") & (AuditEvent.target == name))
            )
            .order_by(AuditEvent.at, AuditEvent.id)
        )
    )


__all__ = ["Named", "events_about", "record"]
