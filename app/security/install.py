"""Puts the security middleware on an app, in the order that matters (outermost first).

1. security headers, so every answer (refusals included) carries them;
2. the body size limit, so nothing below reads an oversized body;
3. CSRF, which may read a form body to find its token.
"""

from __future__ import annotations

from fastapi import FastAPI

from ..settings import Settings
from .cookies import SessionCookie
from .csrf import CSRFMiddleware
from .headers import SecurityHeadersMiddleware
from .limits import BodySizeLimitMiddleware


def install_security(app: FastAPI, settings: Settings) -> None:
    """Add the security middleware to ``app`` (call once, in ``create_app``)."""
    session_cookie = SessionCookie.from_settings(settings)
    app.state.session_cookie = session_cookie
    # Starlette wraps in reverse: the last added is the outermost.
    app.add_middleware(CSRFMiddleware, secret=settings.secret_key.get_secret_value(), session_cookie=session_cookie)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware, https=settings.secure_cookies)


__all__ = ["install_security"]
