"""Who is calling: an API token from the ``Authorization`` header, or a browser session from the signed cookie.

A request that carries an ``Authorization`` header is judged by it alone (a bad token is refused even if a session
cookie is also sent), so a script never silently acts as whoever last signed in on the same browser.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.db import User
from app.services.errors import ServiceError

from .signin import user_for_session
from .users import user_for_token


class InvalidCredentialsError(ServiceError):
    """Raised when an ``Authorization`` header is present but is not a valid bearer token (401)."""

    code = "invalid_credentials"


def authenticate(
    session: Session, *, authorization: str | None, session_token: str | None, now: datetime
) -> User | None:
    """The signed-in user, None for an anonymous caller, or :class:`InvalidCredentialsError`."""
    if authorization:
        scheme, _, credentials = authorization.strip().partition(" ")
        token = credentials.strip()
        if scheme.lower() != "bearer" or not token:
            raise InvalidCredentialsError("send an API token as 'Authorization: Bearer <token>'")
        user = user_for_token(session, token, now)
        if user is None:
            raise InvalidCredentialsError("the API token is not valid; it may have been revoked")
        return user
    if session_token:
        return user_for_session(session, session_token, now)
    return None


__all__ = ["InvalidCredentialsError", "authenticate"]
