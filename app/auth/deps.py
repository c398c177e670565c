"""What routes and templates use to know the caller: route rules, the viewer of a page, and template helpers.

Every route states who may call it, in one of three ways, and :func:`rule_of` reads it back for the route walk test:

- ``requires(*roles)`` (from ``app.api``): signed in with one of these roles, else 401 (or sign-in page) / 403;
- ``CurrentUser`` alone: anyone signed in;
- ``dependencies=[public()]``: anyone, signed in or not.

Templates get ``current_viewer(request)`` as a global (see :func:`install_template_globals`) and the CSRF token as
``request.state.csrf.token`` (``web/templates/_csrf.html`` puts it in a form).
"""

from __future__ import annotations

from typing import Any, Final

from fastapi import Depends, Request
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates

from app.accounts import user_for_session
from app.api import EVERYONE, current_user, roles_of
from app.db import Database
from app.security import request_time, session_token
from app.services import Actor

PUBLIC: Final = "public"
_UNKNOWN: Final = object()


class Public:
    """A dependency that admits everyone; it marks a route as public so the route walk can tell it was meant."""

    def __call__(self) -> None:
        return None


def public() -> Any:
    """``dependencies=[public()]`` on a route anyone may call."""
    return Depends(Public())


def _calls(route: APIRoute) -> list[Any]:
    stack, found = list(route.dependant.dependencies), []
    while stack:
        dependant = stack.pop()
        found.append(dependant.call)
        stack.extend(dependant.dependencies)
    return found


def rule_of(route: APIRoute) -> tuple[str, ...] | str | None:
    """The roles a route admits, :data:`PUBLIC`, or None when the route states no rule."""
    roles = roles_of(route)
    if roles is not None:
        return roles
    calls = _calls(route)
    if current_user in calls:
        return tuple(EVERYONE)
    if any(isinstance(call, Public) for call in calls):
        return PUBLIC
    return None


def viewer(request: Request) -> Actor | None:
    """Who is looking at this page, from the session cookie; None if nobody is signed in."""
    cached = getattr(request.state, "viewer", _UNKNOWN)
    if cached is not _UNKNOWN:
        return cached if isinstance(cached, Actor) else None
    found: Actor | None = None
    token = session_token(request)
    database: Database | None = getattr(request.app.state, "database", None)
    if token and database is not None:
        with database.session() as session:
            user = user_for_session(session, token, request_time(request))
            found = Actor.of(user) if user is not None else None
    request.state.viewer = found
    return found


def install_template_globals(templates: Jinja2Templates) -> None:
    """Let every template call ``current_viewer(request)``."""
    templates.env.globals.update(current_viewer=viewer)


__all__ = ["PUBLIC", "Public", "install_template_globals", "public", "rule_of", "viewer"]
