"""A person's own data, all of it, as JSON: what a learner downloads from ``GET /api/v1/me/export``.

Like erasure, it walks the foreign keys in ``Base.metadata``, so every row that refers to the person (and every row
that belongs to those, such as the turns of their conversations) is included, whichever table it is in. Secrets and
their digests are left out: they identify nothing about the person and would only help someone who stole the file.
"""

from __future__ import annotations

import base64
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

from sqlalchemy import ColumnElement, Table, select
from sqlalchemy.orm import Session

from app.db import Base, SignInAttempt, User, utcnow

from .audit import events_about, record

EXPORT_FORMAT: Final = "frontline-personal-data/1"
# Columns never exported: secrets, or one-way digests of secrets.
WITHHELD_COLUMNS: Final = frozenset({"users.password_hash", "api_tokens.digest", "browser_sessions.id"})


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _rows(session: Session, table: Table, condition: ColumnElement[bool]) -> list[dict[str, Any]]:
    columns = [column for column in table.columns if f"{table.name}.{column.name}" not in WITHHELD_COLUMNS]
    result = session.execute(select(*columns).where(condition).order_by(*table.primary_key.columns))
    return [{key: _plain(value) for key, value in row._mapping.items()} for row in result]


def collect(
    session: Session, table: Table, condition: ColumnElement[bool], found: dict[str, list[dict[str, Any]]]
) -> None:
    """Add the rows of ``table`` matching ``condition`` to ``found``, then the rows that belong to them."""
    rows = _rows(session, table, condition)
    if not rows:
        return
    found.setdefault(table.name, []).extend(rows)
    for child in Base.metadata.sorted_tables:
        for foreign_key in child.foreign_keys:
            if foreign_key.column.table is not table or child is table:
                continue
            referenced = select(foreign_key.column).where(condition)
            if foreign_key.parent.nullable:
                # A mention, not a belonging: the row is listed, its own children are someone else's.
                mentioned = _rows(session, child, foreign_key.parent.in_(referenced))
                if mentioned:
                    found.setdefault(child.name, []).extend(mentioned)
                continue
            collect(session, child, foreign_key.parent.in_(referenced), found)


def export_user(session: Session, user: User, *, address: str = "") -> dict[str, Any]:
    """Everything held about ``user``, and an audit row saying it was exported. Commits."""
    users: Table = User.__table__  # type: ignore[assignment]
    found: dict[str, list[dict[str, Any]]] = {}
    collect(session, users, users.c.id == user.id, found)
    attempts: Table = SignInAttempt.__table__  # type: ignore[assignment]
    found[attempts.name] = _rows(session, attempts, attempts.c.name == user.name)
    found["audit_events"] = [
        {
            "at": event.at.isoformat(),
            "actor": event.actor_name,
            "action": event.action,
            "target_kind": event.target_kind,
            "target": event.target,
            "address": event.address,
            "detail": event.detail,
        }
        for event in events_about(session, user.id, user.name)
    ]
    exported_at = utcnow()
    record(session, "export", actor=user, target_kind="user", target=user.name, address=address, at=exported_at)
    session.commit()
    return {
        "format": EXPORT_FORMAT,
        "exported_at": exported_at.isoformat(),
        "user": found.pop(users.name)[0],
        "tables": {name: found[name] for name in sorted(found)},
        "withheld": sorted(WITHHELD_COLUMNS),
    }


__all__ = ["EXPORT_FORMAT", "WITHHELD_COLUMNS", "collect", "export_user"]
