"""Demo accounts for trying Frontline on one machine: one of each role, with passwords printed once.

Only for a server bound to a loopback address (the settings refuse demo mode anywhere else). A demo account that
exists already keeps its password; one without a password (such as the built-in local learner) is given one.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import User
from app.security import hash_password

from .audit import record
from .cohorts import add_members

DEMO_ACCOUNTS: Final = (
    ("learner", "learner", "Demo learner"),
    ("assessor", "assessor", "Demo assessor"),
    ("trainer", "trainer", "Demo trainer"),
    ("admin", "admin", "Demo admin"),
)
DEMO_COHORT: Final = "demo"


@dataclass(frozen=True, slots=True)
class DemoAccount:
    name: str
    role: str
    password: str


def ensure_demo_accounts(session: Session) -> list[DemoAccount]:
    """Create the demo accounts that are missing (and the demo cohort); returns those given a new password."""
    created: list[DemoAccount] = []
    for name, role, display_name in DEMO_ACCOUNTS:
        user = session.scalars(select(User).where(User.name == name)).first()
        if user is not None and user.password_hash is not None:
            continue
        password = secrets.token_urlsafe(9)
        if user is None:
            user = User(name=name, role=role, display_name=display_name)
            session.add(user)
        user.password_hash = hash_password(password)
        session.flush()
        record(session, "user_added", actor=None, target_kind="user", target=name, detail={"role": role, "demo": True})
        created.append(DemoAccount(name=name, role=user.role, password=password))
    session.commit()
    roles = {
        user.name: user.role for user in session.scalars(select(User).where(User.name.in_(["learner", "assessor"])))
    }
    if roles == {"learner": "learner", "assessor": "assessor"}:
        add_members(session, DEMO_COHORT, ["assessor", "learner"])
    return created


def sign_in_text(accounts: list[DemoAccount], url: str) -> str:
    """What ``frontline serve`` prints: where to go and the new passwords."""
    if not accounts:
        return (
            f"Demo accounts (learner, assessor, trainer, admin) already exist; sign in at {url}/signin.\n"
            "Forgot a password? frontline users password NAME"
        )
    lines = [f"Demo mode: sign in at {url}/signin with one of these accounts (passwords are shown only now):"]
    lines += [f"  {account.name:<10} {account.password}   ({account.role})" for account in accounts]
    return "\n".join(lines)


__all__ = ["DEMO_ACCOUNTS", "DEMO_COHORT", "DemoAccount", "ensure_demo_accounts", "sign_in_text"]
