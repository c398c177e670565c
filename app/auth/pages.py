"""The account pages: sign in, sign out, and the privacy notice. Open to everyone, so each says ``public()``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from app.accounts import SignInFailedError, SignInThrottledError, sign_in, sign_out
from app.accounts.erasure import SIGN_IN_ATTEMPT_DAYS
from app.api import DbSession
from app.security import (
    SIGN_IN_PATH,
    SessionCookie,
    ThrottleRules,
    client_address,
    request_time,
    safe_next,
    session_token,
)
from app.settings import Settings

from .deps import public, viewer

router = APIRouter(include_in_schema=False, dependencies=[public()])


@dataclass(frozen=True, slots=True)
class SignInView:
    """The sign-in form: the name typed (kept after a failure), where to go next, and what went wrong."""

    name: str
    next: str
    error: str
    signed_in_as: str
    signed_out: bool


@dataclass(frozen=True, slots=True)
class PrivacyView:
    """The numbers the privacy notice quotes, from the settings in force."""

    retention_days: int
    session_hours: int
    sign_in_attempt_days: int


def _page(request: Request, template: str, view: object, status_code: int = 200) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {"view": view}, status_code=status_code)


def _sign_in_page(request: Request, view: SignInView, status_code: int = 200, retry_after: int = 0) -> Response:
    response = _page(request, "signin.html", view, status_code)
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


@router.get(SIGN_IN_PATH)
def sign_in_form(
    request: Request,
    next_path: Annotated[str, Query(alias="next", max_length=500)] = "/",
    signed_out: Annotated[bool, Query()] = False,
) -> Response:
    who = viewer(request)
    view = SignInView(
        name="",
        next=safe_next(next_path),
        error="",
        signed_in_as=who.display_name if who else "",
        signed_out=signed_out,
    )
    return _sign_in_page(request, view)


@router.post(SIGN_IN_PATH)
def sign_in_submit(
    request: Request,
    session: DbSession,
    name: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next_path: Annotated[str, Form(alias="next", max_length=500)] = "/",
) -> Response:
    settings: Settings = request.app.state.settings
    target = safe_next(next_path)
    view = SignInView(name=name.strip()[:80], next=target, error="", signed_in_as="", signed_out=False)
    if not name.strip() or not password:
        return _sign_in_page(request, _with_error(view, "Enter your name and your password."), 422)
    try:
        signed = sign_in(
            session,
            name,
            password,
            address=client_address(request),
            user_agent=request.headers.get("user-agent", ""),
            now=request_time(request),
            rules=ThrottleRules.from_settings(settings),
            lifetime=timedelta(hours=settings.session_hours),
        )
    except SignInThrottledError as exc:
        return _sign_in_page(request, _with_error(view, exc.message), 429, retry_after=exc.retry_after)
    except SignInFailedError as exc:
        return _sign_in_page(request, _with_error(view, exc.message), 401)
    previous = session_token(request)
    if previous:  # switching account in one browser ends the session it had
        sign_out(session, previous, address=client_address(request), now=request_time(request))
    response = RedirectResponse(target, status_code=303)
    cookie: SessionCookie = request.app.state.session_cookie
    cookie.set(response, signed.session_token)
    return response


def _with_error(view: SignInView, error: str) -> SignInView:
    return SignInView(name=view.name, next=view.next, error=error, signed_in_as="", signed_out=False)


@router.post("/signout")
def sign_out_submit(request: Request, session: DbSession) -> Response:
    token = session_token(request)
    if token:
        sign_out(session, token, address=client_address(request), now=request_time(request))
    response = RedirectResponse(f"{SIGN_IN_PATH}?signed_out=true", status_code=303)
    cookie: SessionCookie = request.app.state.session_cookie
    cookie.clear(response)
    return response


@router.get("/privacy")
def privacy_notice(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    view = PrivacyView(
        retention_days=settings.retention_days,
        session_hours=settings.session_hours,
        sign_in_attempt_days=SIGN_IN_ATTEMPT_DAYS,
    )
    return _page(request, "privacy.html", view)


__all__ = ["PrivacyView", "SignInView", "router"]
