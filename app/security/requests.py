"""What the security layer reads from a request: the time (from the app's clock), the caller's address, the session
secret in the cookie, and the exception that sends an anonymous caller to sign in.

``app.state.clock`` is :func:`utc_now` unless a test puts another clock there, so throttling and session expiry can
be tested without waiting.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import HTTPConnection

from .cookies import SessionCookie
from .throttle import Clock, utc_now

SIGN_IN_PATH = "/signin"


class NotSignedIn(HTTPException):
    """Raised when a route needs a signed-in caller and has none: 401 for the API, a redirect to sign in for pages."""

    def __init__(self, message: str = "sign in first: send 'Authorization: Bearer <token>' or use the session cookie"):
        super().__init__(401, message, headers={"WWW-Authenticate": 'Bearer realm="frontline"'})


def request_time(connection: HTTPConnection) -> datetime:
    clock: Clock = getattr(connection.app.state, "clock", utc_now)
    return clock()


def client_address(connection: HTTPConnection) -> str:
    return connection.client.host if connection.client else ""


def session_token(connection: HTTPConnection) -> str | None:
    """The browser-session secret in the request's cookie, if the cookie is genuine and not too old."""
    cookie: SessionCookie | None = getattr(connection.app.state, "session_cookie", None)
    return cookie.read(connection) if cookie is not None else None


def safe_next(target: str | None) -> str:
    """A path on this site to go to after signing in; anything else (another site, a scheme) becomes ``/``."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def sign_in_url(connection: HTTPConnection) -> str:
    here = connection.url.path + (f"?{connection.url.query}" if connection.url.query else "")
    return f"{SIGN_IN_PATH}?next={quote(safe_next(here), safe='/')}"


__all__ = [
    "SIGN_IN_PATH",
    "NotSignedIn",
    "client_address",
    "request_time",
    "safe_next",
    "session_token",
    "sign_in_url",
]
