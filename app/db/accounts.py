"""Storage rows for accounts and data protection: cohorts, API tokens, browser sessions, sign-in attempts, audit log.

Secrets are never stored: tokens and sessions are kept as SHA-256 digests. Rows that belong to a user go with the user
(``ON DELETE CASCADE``); the audit log names people as text, not as foreign keys, so it outlives an erasure and still
says who did what.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UtcDateTime, utcnow

AUDIT_ACTIONS: Final = (
    "sign_in",
    "sign_in_failed",
    "sign_out",
    "user_added",
    "user_changed",
    "token_issued",
    "cohort_changed",
    "review",
    "override",
    "sign_off",
    "export",
    "erasure",
    "purge",
)


class Cohort(Base):
    """A group of learners and the assessors who review their work."""

    __tablename__ = "cohorts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class CohortMember(Base):
    """One user in one cohort; the user's role says whether they learn or assess there."""

    __tablename__ = "cohort_members"
    __table_args__ = (UniqueConstraint("cohort_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ApiToken(Base):
    """A bearer token for API clients and scripts: found by its plain prefix, checked against its digest."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    prefix: Mapped[str] = mapped_column(String(16), unique=True)
    digest: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class BrowserSession(Base):
    """A signed-in browser. The cookie holds the secret; this row, keyed by its digest, is what sign-out deletes."""

    __tablename__ = "browser_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    address: Mapped[str] = mapped_column(String(64), default="")
    user_agent: Mapped[str] = mapped_column(String(200), default="")


class SignInAttempt(Base):
    """One try at signing in, kept briefly for throttling. By name, not user: unknown names are throttled too."""

    __tablename__ = "sign_in_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), index=True)
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    succeeded: Mapped[bool] = mapped_column(default=False)


class AuditEvent(Base):
    """Who did what to what, and when: sign-ins, reviews, overrides, exports and erasures. Never updated."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(Integer, default=None)
    actor_name: Mapped[str] = mapped_column(String(80), default="")
    action: Mapped[str] = mapped_column(String(40), index=True)
    target_kind: Mapped[str] = mapped_column(String(40), default="")
    target: Mapped[str] = mapped_column(String(120), default="")
    address: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


__all__ = [
    "AUDIT_ACTIONS",
    "ApiToken",
    "AuditEvent",
    "BrowserSession",
    "Cohort",
    "CohortMember",
    "SignInAttempt",
]
