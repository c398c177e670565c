"""The browser-session cookie: a random session token, signed with the secret key, sent only over HTTP.

The signature lets a forged or expired cookie be refused without a database look-up; the session row behind the token
is what makes sign-out final (a copied cookie stops working once the row is gone).
"""

from __future__ import annotations

from dataclasses import dataclass

from itsdangerous import BadSignature, TimestampSigner
from starlette.requests import HTTPConnection
from starlette.responses import Response

from ..settings import Settings

SESSION_COOKIE = "frontline_session"
_SALT = "frontline.session"


@dataclass(frozen=True)
class SessionCookie:
    """Signs, reads, sets and clears the session cookie under one set of settings."""

    signer: TimestampSigner
    max_age_seconds: int
    secure: bool

    @classmethod
    def from_settings(cls, settings: Settings) -> SessionCookie:
        signer = TimestampSigner(settings.secret_key.get_secret_value(), salt=_SALT)
        return cls(signer=signer, max_age_seconds=settings.session_hours * 3600, secure=settings.secure_cookies)

    def sign(self, session_token: str) -> str:
        return self.signer.sign(session_token).decode("ascii")

    def unsign(self, value: str) -> str | None:
        """The session token inside a cookie value, or None if the value is forged, damaged or too old."""
        try:
            return self.signer.unsign(value, max_age=self.max_age_seconds).decode("ascii")
        except (BadSignature, UnicodeError):
            return None

    def read(self, connection: HTTPConnection) -> str | None:
        """The session token the request carries, if its cookie is genuine."""
        value = connection.cookies.get(SESSION_COOKIE)
        return self.unsign(value) if value else None

    def set(self, response: Response, session_token: str) -> None:
        response.set_cookie(
            SESSION_COOKIE,
            self.sign(session_token),
            max_age=self.max_age_seconds,
            path="/",
            secure=self.secure,
            httponly=True,
            samesite="lax",
        )

    def clear(self, response: Response) -> None:
        response.delete_cookie(SESSION_COOKIE, path="/", secure=self.secure, httponly=True, samesite="lax")


__all__ = ["SESSION_COOKIE", "SessionCookie"]
