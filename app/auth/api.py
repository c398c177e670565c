"""``/api/v1/me`` and the admin routes for accounts: your own data, and users, tokens, cohorts and the audit log.

Who may call each route is stated on it: ``CurrentUser`` (anyone signed in) for ``/me``; ``requires("admin")``
for managing other people's accounts.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from sqlalchemy import select

from app import accounts
from app.api import CurrentUser, DbSession, requires
from app.api.responses import errors
from app.db import AuditEvent
from app.security import client_address
from app.services import Actor

from .schemas import (
    AuditEventOut,
    CohortChange,
    CohortOut,
    ErasureOut,
    MeOut,
    NewToken,
    NewUser,
    TokenOut,
    UserChange,
    UserOut,
)

router = APIRouter(prefix="/api/v1", tags=["accounts"])
UserName = Annotated[str, PathParam(min_length=2, max_length=80, examples=["jo.smith"])]
Admin = Annotated[Actor, requires("admin")]


def _user_out(summary: accounts.UserSummary) -> UserOut:
    return UserOut(
        name=summary.name,
        role=summary.role,
        display_name=summary.display_name,
        has_password=summary.has_password,
        created_at=summary.created_at,
        cohorts=list(summary.cohorts),
    )


def _cohort_out(summary: accounts.CohortSummary) -> CohortOut:
    return CohortOut(name=summary.name, assessors=list(summary.assessors), learners=list(summary.learners))


@router.get("/me", summary="Who you are signed in as", responses=errors())
def me(actor: CurrentUser) -> MeOut:
    return MeOut(name=actor.name, role=actor.role, display_name=actor.display_name)


@router.get("/me/export", summary="Everything held about you, as JSON", responses=errors())
def export_me(request: Request, session: DbSession, actor: CurrentUser) -> JSONResponse:
    """Your account, conversations with every turn, reviews, cohorts, tokens (not their secrets), sign-ins and the
    audit entries about you. The download is itself recorded in the audit log."""
    user = accounts.find_user(session, actor.name)
    body: dict[str, Any] = accounts.export_user(session, user, address=client_address(request))
    headers = {"Content-Disposition": f'attachment; filename="frontline-{user.name}.json"'}
    return JSONResponse(body, headers=headers)


@router.post("/me/tokens", status_code=201, summary="A new API token for yourself", responses=errors())
def new_own_token(session: DbSession, actor: CurrentUser, body: NewToken) -> TokenOut:
    return TokenOut(token=accounts.issue_token(session, actor.name, label=body.label, actor=actor))


@router.get("/users", summary="Every account", responses=errors())
def list_users(session: DbSession, actor: Admin) -> list[UserOut]:
    return [_user_out(summary) for summary in accounts.list_users(session)]


@router.post("/users", status_code=201, summary="Add an account", responses=errors(409))
def add_user(session: DbSession, actor: Admin, body: NewUser) -> UserOut:
    user = accounts.add_user(
        session, body.name, body.role, password=body.password, display_name=body.display_name, actor=actor
    )
    return next(_user_out(summary) for summary in accounts.list_users(session) if summary.name == user.name)


@router.patch("/users/{name}", summary="Change an account's role or password", responses=errors(404))
def change_user(session: DbSession, actor: Admin, name: UserName, body: UserChange) -> UserOut:
    user = accounts.find_user(session, name)
    if body.role is not None:
        accounts.set_role(session, user.name, body.role, actor=actor)
    if body.password is not None:
        accounts.set_password(session, user.name, body.password, actor=actor)
    return next(_user_out(summary) for summary in accounts.list_users(session) if summary.name == user.name)


@router.delete("/users/{name}", summary="Erase a learner and everything held about them", responses=errors(404, 409))
def erase_user(request: Request, session: DbSession, actor: Admin, name: UserName) -> ErasureOut:
    """Removes the learner's account, conversations, reviews of them, tokens, sessions and sign-in records; only
    the audit log keeps a line saying who erased whom, and when."""
    removed = accounts.erase_learner(session, name, actor=actor, address=client_address(request))
    return ErasureOut(erased=name.strip().lower(), rows=removed.rows)


@router.post("/users/{name}/tokens", status_code=201, summary="A new API token for an account", responses=errors(404))
def new_token(session: DbSession, actor: Admin, name: UserName, body: NewToken) -> TokenOut:
    return TokenOut(token=accounts.issue_token(session, name, label=body.label, actor=actor))


@router.get("/cohorts", summary="Every cohort with its assessors and learners", responses=errors())
def list_cohorts(session: DbSession, actor: Admin) -> list[CohortOut]:
    return [_cohort_out(summary) for summary in accounts.list_cohorts(session)]


@router.patch("/cohorts/{name}", summary="Add people to a cohort or take them out", responses=errors(404))
def change_cohort(session: DbSession, actor: Admin, name: UserName, body: CohortChange) -> CohortOut:
    summary = None
    if body.add:
        summary = accounts.add_members(session, name, body.add, actor=actor)
    if body.remove:
        summary = accounts.remove_members(session, name, body.remove, actor=actor)
    return _cohort_out(summary or accounts.describe(session, name))


@router.get("/audit", summary="The audit log, newest first", responses=errors())
def audit_log(
    session: DbSession,
    actor: Admin,
    action: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[AuditEventOut]:
    query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEvent.action == action)
    return [
        AuditEventOut(
            at=event.at,
            actor=event.actor_name,
            action=event.action,
            target_kind=event.target_kind,
            target=event.target,
            address=event.address,
            detail=event.detail,
        )
        for event in session.scalars(query)
    ]


__all__ = ["router"]
