"""CSRF tokens: one per browser session, a hidden field in every form, checked on every unsafe request.

A token is an HMAC of the session token (or, before sign-in, of a random ``frontline_csrf`` cookie) under the secret
key, so it needs no storage and changes when the session does. The middleware checks it when a request carries the
session cookie, and on every form post (a cross-site page can only send forms), unless the request authenticates with
a bearer token, which a browser never attaches on its own.

Templates get the token from ``request.state.csrf.token`` (see :func:`csrf_token`); pages put it in
``<input type="hidden" name="csrf_token" value="...">``. Scripts send it in the ``X-CSRF-Token`` header.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import HTTPConnection, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .cookies import SessionCookie
from .responses import refusal

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
ANONYMOUS_COOKIE = "frontline_csrf"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# What an HTML form on another site can send without a CORS preflight.
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
_ANONYMOUS_VALUE = re.compile(r"^[A-Za-z0-9_-]{32}$")


def csrf_token_for(secret: str, binding: str) -> str:
    """The token for a session (``binding`` is ``s:<session token>``) or a visitor (``a:<cookie value>``)."""
    mac = hmac.new(secret.encode("utf-8"), b"csrf\0" + binding.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")


@dataclass
class CsrfState:
    """This request's token; reading it marks it used, so a visitor's cookie is set only when a form needs it."""

    expected: str
    anonymous_cookie: str | None = None
    used: bool = field(default=False)

    @property
    def token(self) -> str:
        self.used = True
        return self.expected


def csrf_token(connection: HTTPConnection) -> str:
    """The CSRF token to put in a form rendered for this request (a FastAPI dependency too)."""
    state: CsrfState = connection.state.csrf
    return state.token


def _bearer(headers: Headers) -> bool:
    return headers.get("authorization", "").lower().startswith("bearer ")


def _is_form(headers: Headers) -> bool:
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    return content_type in FORM_TYPES


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _submitted_token(scope: Scope, headers: Headers, body: bytes, receive: Receive) -> str:
    from_header = headers.get(CSRF_HEADER)
    if from_header:
        return from_header
    if not _is_form(headers) or headers.get("content-type", "").startswith("text/plain"):
        return ""
    request = Request(scope, _replay(body, receive))
    try:
        form = await request.form()
    except Exception:  # a malformed body simply carries no token; the route never sees it
        return ""
    try:
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else ""
    finally:
        await form.close()


class CSRFMiddleware:
    """Refuses unsafe cookie-authenticated or form requests whose token is missing or wrong, with 403."""

    def __init__(self, app: ASGIApp, *, secret: str, session_cookie: SessionCookie) -> None:
        self.app = app
        self.secret = secret
        self.session_cookie = session_cookie

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        session_token = self.session_cookie.read(connection)
        visitor = connection.cookies.get(ANONYMOUS_COOKIE, "")
        new_visitor = None
        if session_token:
            binding = f"s:{session_token}"
        elif _ANONYMOUS_VALUE.match(visitor):
            binding = f"a:{visitor}"
        else:
            new_visitor = secrets.token_urlsafe(24)
            binding = f"a:{new_visitor}"
        state = CsrfState(expected=csrf_token_for(self.secret, binding), anonymous_cookie=new_visitor)
        scope.setdefault("state", {})["csrf"] = state

        headers = Headers(scope=scope)
        if scope["method"] in UNSAFE_METHODS and not _bearer(headers) and (session_token or _is_form(headers)):
            body = await _read_body(receive)
            submitted = await _submitted_token(scope, headers, body, receive)
            if new_visitor or not submitted or not hmac.compare_digest(submitted, state.expected):
                response = refusal(
                    scope,
                    403,
                    "csrf_failed",
                    "This form has expired or did not come from Frontline. Go back, reload the page and try again.",
                )
                await response(scope, receive, send)
                return
            receive = _replay(body, receive)

        secure = self.session_cookie.secure

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and state.used and state.anonymous_cookie:
                cookie = f"{ANONYMOUS_COOKIE}={state.anonymous_cookie}; Path=/; HttpOnly; SameSite=Lax"
                MutableHeaders(scope=message).append("set-cookie", cookie + ("; Secure" if secure else ""))
            await send(message)

        await self.app(scope, receive, send_with_cookie)


__all__ = [
    "ANONYMOUS_COOKIE",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "FORM_TYPES",
    "UNSAFE_METHODS",
    "CSRFMiddleware",
    "CsrfState",
    "csrf_token",
    "csrf_token_for",
]
