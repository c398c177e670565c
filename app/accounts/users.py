"""Accounts: adding people with a role, setting passwords, listing them, and API tokens for scripts.

Names are sign-in names: lower case letters, digits and ``. _ - @``, 2 to 80 characters (``jo.smith``, an e-mail
address). They are stored lower-cased, so ``Jo`` and ``jo`` are one account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import ROLES, ApiToken, Cohort, CohortMember, User, utcnow
from app.security import WeakPasswordError, api_token_prefix, digests_match, hash_password, issue_api_token

from .audit import Named, record
from .errors import AccountExistsError, AccountInputError, UnknownUserError
from .signin import sign_out_everywhere

NAME_PATTERN: Final = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,79}$")
TOKEN_USE_RESOLUTION: Final = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class UserSummary:
    """What an admin sees of an account (never its password hash)."""

    name: str
    role: str
    display_name: str
    has_password: bool
    created_at: datetime
    cohorts: tuple[str, ...]


def normalise_name(name: str) -> str:
    """The stored form of a sign-in name, or :class:`AccountInputError` saying what is wrong with it."""
    cleaned = name.strip().lower()
    if not NAME_PATTERN.match(cleaned):
        raise AccountInputError(
            f"'{name}' cannot be a sign-in name: use 2 to 80 letters, digits or . _ - @, "
            "starting with a letter or digit"
        )
    return cleaned


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountInputError(f"'{role}' is not a role; roles are {', '.join(ROLES)}")
    return role


def _hash(password: str) -> str:
    try:
        return hash_password(password)
    except WeakPasswordError as exc:
        raise AccountInputError(str(exc)) from None


def find_user(session: Session, name: str) -> User:
    """The account with this sign-in name, or :class:`UnknownUserError`."""
    user = session.scalars(select(User).where(User.name == name.strip().lower())).first()
    if user is None:
        raise UnknownUserError(f"no account named '{name}'")
    return user


def add_user(
    session: Session,
    name: str,
    role: str,
    *,
    password: str | None = None,
    display_name: str | None = None,
    actor: Named | None = None,
) -> User:
    """Create an account; without a password it cannot sign in until one is set. Commits."""
    cleaned = normalise_name(name)
    _check_role(role)
    if session.scalars(select(User.id).where(User.name == cleaned)).first() is not None:
        raise AccountExistsError(f"there is already an account named '{cleaned}'")
    shown = (display_name or cleaned).strip()[:120] or cleaned
    user = User(name=cleaned, role=role, display_name=shown, password_hash=_hash(password) if password else None)
    session.add(user)
    session.flush()
    record(session, "user_added", actor=actor, target_kind="user", target=cleaned, detail={"role": role})
    session.commit()
    return user


def set_password(session: Session, name: str, password: str, *, actor: Named | None = None) -> None:
    """Give an account a new password; its browser sessions end. Commits."""
    user = find_user(session, name)
    user.password_hash = _hash(password)
    sign_out_everywhere(session, user.id)
    record(session, "user_changed", actor=actor, target_kind="user", target=user.name, detail={"password": "set"})
    session.commit()


def set_role(session: Session, name: str, role: str, *, actor: Named | None = None) -> None:
    """Change an account's role; its browser sessions end. Commits."""
    user = find_user(session, name)
    old, user.role = user.role, _check_role(role)
    sign_out_everywhere(session, user.id)
    record(session, "user_changed", actor=actor, target_kind="user", target=user.name, detail={"role": [old, role]})
    session.commit()


def list_users(session: Session) -> list[UserSummary]:
    """Every account in name order, with its cohorts."""
    cohorts: dict[int, list[str]] = {}
    for user_id, cohort in session.execute(
        select(CohortMember.user_id, Cohort.name)
        .join(Cohort, Cohort.id == CohortMember.cohort_id)
        .order_by(Cohort.name)
    ):
        cohorts.setdefault(user_id, []).append(cohort)
    return [
        UserSummary(
            name=user.name,
            role=user.role,
            display_name=user.display_name,
            has_password=user.password_hash is not None,
            created_at=user.created_at,
            cohorts=tuple(cohorts.get(user.id, ())),
        )
        for user in session.scalars(select(User).order_by(User.name))
    ]


def issue_token(session: Session, name: str, *, label: str = "", actor: Named | None = None) -> str:
    """A new API token for the account; only its digest is kept, so it is shown this once. Commits."""
    user = find_user(session, name)
    issued = issue_api_token()
    session.add(ApiToken(user_id=user.id, prefix=issued.prefix, digest=issued.digest, label=label[:80]))
    record(session, "token_issued", actor=actor, target_kind="user", target=user.name, detail={"prefix": issued.prefix})
    session.commit()
    return issued.token


def user_for_token(session: Session, token: str, now: datetime | None = None) -> User | None:
    """The account a bearer token belongs to, or None for an unknown, malformed or revoked token."""
    prefix = api_token_prefix(token)
    if prefix is None:
        return None
    row = session.scalars(select(ApiToken).where(ApiToken.prefix == prefix)).first()
    if row is None or not digests_match(token, row.digest):
        return None
    now = now or utcnow()
    if row.last_used_at is None or now - row.last_used_at > TOKEN_USE_RESOLUTION:
        row.last_used_at = now  # written at most every few minutes, so API calls are not all writes
        session.commit()
    return session.get(User, row.user_id)


def revoke_tokens(session: Session, name: str, *, actor: Named | None = None) -> int:
    """Delete every API token of the account; returns how many there were. Commits."""
    user = find_user(session, name)
    rows = session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)).all()
    for row in rows:
        session.delete(row)
    record(
        session, "user_changed", actor=actor, target_kind="user", target=user.name, detail={"tokens_revoked": len(rows)}
    )
    session.commit()
    return len(rows)


__all__ = [
    "NAME_PATTERN",
    "UserSummary",
    "add_user",
    "find_user",
    "issue_token",
    "list_users",
    "normalise_name",
    "revoke_tokens",
    "set_password",
    "set_role",
    "user_for_token",
]
