"""Cohorts: groups that link assessors to the learners whose work they review."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Cohort, CohortMember, User
from app.services.errors import NotFoundError

from .audit import Named, record
from .errors import AccountInputError
from .users import find_user, normalise_name


@dataclass(frozen=True, slots=True)
class CohortSummary:
    name: str
    assessors: tuple[str, ...]
    learners: tuple[str, ...]


def _cohort(session: Session, name: str, *, create: bool) -> Cohort:
    cleaned = normalise_name(name)
    cohort = session.scalars(select(Cohort).where(Cohort.name == cleaned)).first()
    if cohort is None:
        if not create:
            raise NotFoundError(f"no cohort named '{cleaned}'")
        cohort = Cohort(name=cleaned)
        session.add(cohort)
        session.flush()
    return cohort


def add_members(session: Session, cohort_name: str, names: list[str], *, actor: Named | None = None) -> CohortSummary:
    """Put assessors and learners into a cohort (created if new); members already in it stay. Commits."""
    users = [find_user(session, name) for name in names]
    for user in users:
        if user.role not in ("assessor", "learner"):
            raise AccountInputError(f"'{user.name}' is a {user.role}; cohorts hold assessors and learners")
    cohort = _cohort(session, cohort_name, create=True)
    present = set(session.scalars(select(CohortMember.user_id).where(CohortMember.cohort_id == cohort.id)))
    for user in users:
        if user.id not in present:
            session.add(CohortMember(cohort_id=cohort.id, user_id=user.id))
            present.add(user.id)
    record(session, "cohort_changed", actor=actor, target_kind="cohort", target=cohort.name, detail={"added": names})
    session.commit()
    return describe(session, cohort.name)


def remove_members(
    session: Session, cohort_name: str, names: list[str], *, actor: Named | None = None
) -> CohortSummary:
    """Take people out of a cohort. Commits."""
    cohort = _cohort(session, cohort_name, create=False)
    ids = [find_user(session, name).id for name in names]
    for member in session.scalars(
        select(CohortMember).where(CohortMember.cohort_id == cohort.id, CohortMember.user_id.in_(ids))
    ):
        session.delete(member)
    record(session, "cohort_changed", actor=actor, target_kind="cohort", target=cohort.name, detail={"removed": names})
    session.commit()
    return describe(session, cohort.name)


def describe(session: Session, cohort_name: str) -> CohortSummary:
    cohort = _cohort(session, cohort_name, create=False)
    members = session.execute(
        select(User.name, User.role)
        .join(CohortMember, CohortMember.user_id == User.id)
        .where(CohortMember.cohort_id == cohort.id)
        .order_by(User.name)
    ).all()
    return CohortSummary(
        name=cohort.name,
        assessors=tuple(name for name, role in members if role == "assessor"),
        learners=tuple(name for name, role in members if role == "learner"),
    )


def list_cohorts(session: Session) -> list[CohortSummary]:
    return [describe(session, name) for name in session.scalars(select(Cohort.name).order_by(Cohort.name))]


__all__ = ["CohortSummary", "add_members", "describe", "list_cohorts", "remove_members"]
