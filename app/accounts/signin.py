"""Signing in and out: the throttle, the password check, and browser sessions that sign-out really ends.

A session row is keyed by the digest of the secret in the cookie; signing out deletes the row, so a copy of the cookie
made before sign-out no longer signs anyone in. Every attempt is recorded for the throttle and the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.db import BrowserSession, SignInAttempt, User
from app.security import Attempt, ThrottleRules, decide, issue_session_token, token_digest, verify_password

from .audit import record
from .errors import SignInFailedError, SignInThrottledError

MAX_NAME_CHARS = 80


@dataclass(frozen=True)
class SignedIn:
    """A new browser session: ``session_token`` goes into the signed cookie, ``user`` is who signed in."""

    user: User
    session_token: str
    expires_at: datetime


def _recent_attempts(session: Session, name: str, now: datetime, rules: ThrottleRules) -> list[Attempt]:
    rows = session.scalars(
        select(SignInAttempt).where(SignInAttempt.name == name, SignInAttempt.at > now - rules.lookback)
    )
    return [Attempt(at=row.at, address=row.address, succeeded=row.succeeded) for row in rows]


def sign_in(
    session: Session,
    name: str,
    password: str,
    *,
    address: str,
    user_agent: str,
    now: datetime,
    rules: ThrottleRules,
    lifetime: timedelta,
) -> SignedIn:
    """Check a name and password and open a browser session. Commits.

    Raises :class:`SignInThrottledError` (before the password is looked at) when this name has failed too often,
    and :class:`SignInFailedError` for a wrong name or password alike.
    """
    cleaned = name.strip().lower()[:MAX_NAME_CHARS]
    decision = decide(_recent_attempts(session, cleaned, now, rules), address, now, rules)
    if not decision.allowed:
        raise SignInThrottledError(decision.retry_after, locked=decision.locked)
    user = session.scalars(select(User).where(User.name == cleaned)).first()
    check = verify_password(user.password_hash if user else None, password)
    session.add(SignInAttempt(name=cleaned, address=address[:64], at=now, succeeded=check.ok))
    if user is None or not check.ok:
        if user is not None:  # unknown names stay out of the audit log: people type passwords there by mistake
            record(session, "sign_in_failed", actor=user, target_kind="user", target=cleaned, address=address, at=now)
        session.commit()
        raise SignInFailedError("That name and password do not match an account.")
    if check.new_hash is not None:
        user.password_hash = check.new_hash
    issued = issue_session_token()
    expires_at = now + lifetime
    session.add(
        BrowserSession(
            id=issued.digest,
            user_id=user.id,
            created_at=now,
            expires_at=expires_at,
            address=address[:64],
            user_agent=user_agent[:200],
        )
    )
    record(session, "sign_in", actor=user, target_kind="user", target=user.name, address=address, at=now)
    session.commit()
    return SignedIn(user=user, session_token=issued.token, expires_at=expires_at)


def user_for_session(session: Session, session_token: str, now: datetime) -> User | None:
    """The account of a live browser session, or None once it has been signed out or has expired."""
    row = session.get(BrowserSession, token_digest(session_token))
    if row is None or row.expires_at <= now:
        return None
    return session.get(User, row.user_id)


def sign_out(session: Session, session_token: str, *, address: str = "", now: datetime) -> None:
    """End a browser session for good. Commits."""
    row = session.get(BrowserSession, token_digest(session_token))
    if row is None:
        return
    user = session.get(User, row.user_id)
    session.delete(row)
    record(
        session, "sign_out", actor=user, target_kind="user", target=user.name if user else "", address=address, at=now
    )
    session.commit()


def sign_out_everywhere(session: Session, user_id: int) -> int:
    """End every browser session of an account (after a password change or a role change). Does not commit."""
    result = session.execute(delete(BrowserSession).where(BrowserSession.user_id == user_id))
    return int(getattr(result, "rowcount", 0) or 0)


__all__ = ["SignedIn", "sign_in", "sign_out", "sign_out_everywhere", "user_for_session"]
