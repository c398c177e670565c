"""What API routes depend on: the database session, the acting user, and the roles allowed to call a route.

``current_user`` is the one place the caller is decided: an API token (``Authorization: Bearer``) or the signed
session cookie of a browser (see ``app.accounts.authenticate``); nobody, or a bad token, is 401 (pages send the
browser to ``/signin`` instead).

Each route states who may call it with :func:`requires`, e.g. ``actor: Annotated[Actor, requires(*REVIEWERS)]``;
:func:`roles_of` reads that back from a route, so a test can walk the whole route list.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import Annotated, Any, Final

from fastapi import Depends, Request
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session
from starlette.routing import BaseRoute

from app.accounts import InvalidCredentialsError, authenticate
from app.db import ROLES, Database
from app.security import NotSignedIn, request_time, session_token
from app.services import DEFAULT_CACHE, Actor, PermissionDeniedError, ScenarioCache, prepare_database
from app.settings import Settings

EVERYONE: Final = ROLES
_OPEN_LOCK = threading.Lock()


def database(request: Request) -> Database:
    """The app's database, opened and made ready on first use if start-up has not done it already."""
    state = request.app.state
    found: Database | None = getattr(state, "database", None)
    if found is None:
        with _OPEN_LOCK:
            found = getattr(state, "database", None)
            if found is None:
                settings: Settings = state.settings
                found = Database.connect(settings.database_url)
                prepare_database(found)
                state.database = found
    return found


def db_session(request: Request) -> Iterator[Session]:
    """A session for one request, closed (and anything uncommitted rolled back) when the answer is sent."""
    with database(request).session() as session:
        yield session


def settings(request: Request) -> Settings:
    found: Settings = request.app.state.settings
    return found


def scenario_cache(request: Request) -> ScenarioCache:
    found: ScenarioCache = getattr(request.app.state, "scenario_cache", DEFAULT_CACHE)
    return found


DbSession = Annotated[Session, Depends(db_session)]
AppSettings = Annotated[Settings, Depends(settings)]
Cache = Annotated[ScenarioCache, Depends(scenario_cache)]


def current_user(request: Request, session: DbSession) -> Actor:
    """The signed-in caller; :class:`NotSignedIn` (401, or a redirect to sign in for pages) when there is none."""
    try:
        user = authenticate(
            session,
            authorization=request.headers.get("authorization"),
            session_token=session_token(request),
            now=request_time(request),
        )
    except InvalidCredentialsError as exc:
        raise NotSignedIn(exc.message) from None
    if user is None:
        raise NotSignedIn()
    actor = Actor.of(user)
    request.state.viewer = actor
    return actor


CurrentUser = Annotated[Actor, Depends(current_user)]


class Requires:
    """A dependency that lets through callers with one of ``roles`` and answers 403 to the rest."""

    def __init__(self, roles: tuple[str, ...]) -> None:
        unknown = set(roles) - set(ROLES)
        if unknown or not roles:
            raise ValueError(f"roles must be some of {', '.join(ROLES)}; got {roles}")
        self.roles = roles

    def __call__(self, actor: CurrentUser) -> Actor:
        if actor.role not in self.roles:
            raise PermissionDeniedError(
                f"only {' or '.join(self.roles)} accounts may do this; you are signed in as a {actor.role}"
            )
        return actor


def requires(*roles: str) -> Any:
    """``Depends`` on the caller having one of these roles; use as ``Annotated[Actor, requires(...)]``."""
    return Depends(Requires(tuple(roles)))


def walk_routes(routes: Iterable[BaseRoute]) -> Iterator[APIRoute]:
    """Every API route of an app (``walk_routes(app.routes)``), inside included routers too."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        included = getattr(route, "original_router", None)  # FastAPI keeps an included router whole
        if included is not None:
            yield from walk_routes(included.routes)


def roles_of(route: APIRoute) -> tuple[str, ...] | None:
    """The roles a route admits, as declared with :func:`requires`; None if it declares none."""
    stack = list(route.dependant.dependencies)
    while stack:
        dependant = stack.pop()
        if isinstance(dependant.call, Requires):
            return dependant.call.roles
        stack.extend(dependant.dependencies)
    return None


__all__ = [
    "EVERYONE",
    "AppSettings",
    "Cache",
    "CurrentUser",
    "DbSession",
    "Requires",
    "current_user",
    "database",
    "db_session",
    "requires",
    "roles_of",
    "scenario_cache",
    "settings",
    "walk_routes",
]
