"""Who is acting: a small, immutable picture of the signed-in user that every use case takes.

Use cases never look at HTTP; the routes resolve the caller once (``app.api.deps.current_user``) and pass an
:class:`Actor`. The built-in local learner lets ``make run`` be used at once on one machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import User

Role = Literal["learner", "assessor", "trainer", "admin"]
LOCAL_LEARNER: Final = "learner"
STAFF_ROLES: Final[frozenset[str]] = frozenset({"assessor", "trainer", "admin"})


@dataclass(frozen=True, slots=True)
class Actor:
    """The caller: a user's id, sign-in name, role and the name shown to others."""

    id: int
    name: str
    role: str
    display_name: str

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(id=user.id, name=user.name, role=user.role, display_name=user.display_name)


def ensure_user(session: Session, name: str, role: Role, display_name: str) -> User:
    """The user with this name, created (with this role) if missing. Does not commit."""
    found = session.scalars(select(User).where(User.name == name)).first()
    if found is not None:
        return found
    user = User(name=name, role=role, display_name=display_name)
    try:
        with session.begin_nested():
            session.add(user)
    except IntegrityError:  # another process created it meanwhile
        found = session.scalars(select(User).where(User.name == name)).one()
        return found
    return user


def local_learner(session: Session) -> Actor:
    """The built-in learner account that an unsigned caller acts as on a development machine."""
    user = session.scalars(select(User).where(User.name == LOCAL_LEARNER)).first()
    if user is None:
        user = ensure_user(session, LOCAL_LEARNER, "learner", "Local learner")
        session.commit()
    return Actor.of(user)


__all__ = ["LOCAL_LEARNER", "STAFF_ROLES", "Actor", "Role", "ensure_user", "local_learner"]
