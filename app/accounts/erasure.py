"""Erasure and retention: removing a learner and everything that refers to them, and purging old conversations.

Both walk the foreign keys in ``Base.metadata`` rather than a list of tables, so a table added later is covered
without anyone remembering to add it here: a row that belongs to what is removed (a non-null reference) is removed
with it, children first; a row that merely mentions it (a nullable reference, such as a scenario's author) keeps its
place and forgets the reference. The audit log has no foreign keys and is left alone: it records the erasure itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Table, delete, select, update
from sqlalchemy.orm import Session

from app.db import Base, BrowserSession, Conversation, ImportedTranscript, SignInAttempt, User

from .audit import Named, record
from .errors import NotErasableError
from .users import find_user

ERASABLE_ROLES = ("learner",)
# Kept for investigating abuse, then dropped: long past any throttle window.
SIGN_IN_ATTEMPT_DAYS = 30


@dataclass
class Removed:
    """How many rows left each table."""

    rows: dict[str, int] = field(default_factory=dict)

    def add(self, table: str, count: int) -> None:
        if count:
            self.rows[table] = self.rows.get(table, 0) + count


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def remove_rows(session: Session, table: Table, condition: ColumnElement[bool], removed: Removed) -> None:
    """Delete the rows of ``table`` matching ``condition`` and, first, every row that depends on them."""
    for child in Base.metadata.sorted_tables:
        for foreign_key in child.foreign_keys:
            if foreign_key.column.table is not table or child is table:
                continue
            referenced = select(foreign_key.column).where(condition)
            if foreign_key.parent.nullable:
                session.execute(
                    update(child).where(foreign_key.parent.in_(referenced)).values({foreign_key.parent.name: None})
                )
                continue
            remove_rows(session, child, foreign_key.parent.in_(referenced), removed)
    removed.add(table.name, _rowcount(session.execute(delete(table).where(condition))))


def erase_learner(session: Session, name: str, *, actor: Named, address: str = "") -> Removed:
    """Remove a learner's account and everything held about them except the audit log. Commits."""
    user = find_user(session, name)
    if user.role not in ERASABLE_ROLES:
        raise NotErasableError(f"'{user.name}' is a {user.role}; only learners' accounts are erased")
    removed = Removed()
    users: Table = User.__table__  # type: ignore[assignment]
    removed.add(
        SignInAttempt.__tablename__,
        _rowcount(session.execute(delete(SignInAttempt).where(SignInAttempt.name == user.name))),
    )
    erased_name, erased_id = user.name, user.id
    session.expunge(user)
    remove_rows(session, users, users.c.id == erased_id, removed)
    record(
        session,
        "erasure",
        actor=actor,
        target_kind="user",
        target=erased_name,
        address=address,
        detail={"rows": removed.rows},
    )
    session.commit()
    return removed


def purge(session: Session, *, now: datetime, retention_days: int, actor: Named | None = None) -> Removed:
    """Remove conversations and imported transcripts older than the retention period, expired browser sessions and
    old sign-in attempts. Commits."""
    cutoff = now - timedelta(days=retention_days)
    removed = Removed()
    conversations: Table = Conversation.__table__  # type: ignore[assignment]
    remove_rows(session, conversations, conversations.c.updated_at < cutoff, removed)
    imported: Table = ImportedTranscript.__table__  # type: ignore[assignment]
    remove_rows(session, imported, imported.c.created_at < cutoff, removed)
    removed.add(
        BrowserSession.__tablename__,
        _rowcount(session.execute(delete(BrowserSession).where(BrowserSession.expires_at <= now))),
    )
    attempts_cutoff = now - timedelta(days=SIGN_IN_ATTEMPT_DAYS)
    removed.add(
        SignInAttempt.__tablename__,
        _rowcount(session.execute(delete(SignInAttempt).where(SignInAttempt.at < attempts_cutoff))),
    )
    record(
        session,
        "purge",
        actor=actor,
        target_kind="retention",
        target=f"{retention_days} days",
        at=now,
        detail={"rows": removed.rows, "before": cutoff.isoformat()},
    )
    session.commit()
    return removed


__all__ = ["ERASABLE_ROLES", "SIGN_IN_ATTEMPT_DAYS", "Removed", "erase_learner", "purge", "remove_rows"]
