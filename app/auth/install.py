"""Puts accounts on the app: the sign-in pages and account API, the sign-in redirect, template globals, the clock."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from app.security import NotSignedIn, sign_in_url, utc_now, wants_json

from .api import router as api_router
from .deps import install_template_globals
from .pages import router as pages_router


async def not_signed_in(request: Request, exc: Exception) -> Response:
    """401 in the API's error shape for API callers; pages send the browser to sign in and come back."""
    assert isinstance(exc, NotSignedIn)
    if wants_json(request.scope):
        body = {"error": {"status": 401, "code": "unauthorized", "message": exc.detail, "details": []}}
        return JSONResponse(body, status_code=401, headers=exc.headers)
    target = sign_in_url(request) if request.method in ("GET", "HEAD") else "/signin"
    return RedirectResponse(target, status_code=303)


def install_auth(app: FastAPI) -> None:
    """Add the account routes and handlers to ``app`` (call once, in ``create_app``, after the templates exist)."""
    if not hasattr(app.state, "clock"):
        app.state.clock = utc_now
    install_template_globals(app.state.templates)
    app.include_router(pages_router)
    app.include_router(api_router)
    app.add_exception_handler(NotSignedIn, not_signed_in)


__all__ = ["install_auth", "not_signed_in"]
