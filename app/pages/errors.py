"""Service errors as pages: the sentence the use case wrote, with the status that fits."""

from __future__ import annotations

import inspect

from fastapi import FastAPI, Request
from starlette.responses import JSONResponse, Response

from app.services import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
)

from .render import render

TITLES = {404: "Not found", 403: "Not allowed", 409: "Already changed", 422: "Please check", 503: "Busy"}


def status_of(error: ServiceError) -> int:
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, PermissionDeniedError):
        return 403
    if isinstance(error, ConflictError):
        return 409
    if isinstance(error, InvalidInputError):
        return 422
    return 503


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def error_page(request: Request, error: ServiceError) -> Response:
    """The error as a page, or as ``{"error": {...}}`` for the pages' own scripts."""
    status = status_of(error)
    if wants_json(request):
        body = {"error": {"status": status, "code": error.error_code, "message": error.message}}
        return JSONResponse(body, status_code=status)
    return render(request, "error.html", {"title": TITLES.get(status, "Sorry"), "message": error.message}, status)


def install_page_errors(app: FastAPI) -> None:
    """Answer a :class:`ServiceError` raised on a page route (a role check, say) with an HTML page.

    Call after the API has installed its handlers: API paths, and the pages' own scripts asking for JSON, keep the
    API's JSON answer.
    """
    api_handler = app.exception_handlers.get(ServiceError)

    async def handler(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ServiceError)
        path = request.url.path
        if api_handler is not None and (path.startswith("/api/") or wants_json(request)):
            answer = api_handler(request, exc)
            return await answer if inspect.isawaitable(answer) else answer
        return error_page(request, exc)

    app.add_exception_handler(ServiceError, handler)


__all__ = ["error_page", "install_page_errors", "status_of", "wants_json"]
