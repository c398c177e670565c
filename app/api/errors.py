"""One JSON error shape for every refusal and failure of the API, and the handlers that produce it.

Every 4xx and 5xx answer under ``/api/`` (and ``/healthz``) has the body::

    {"error": {"status": 409, "code": "turn_taken", "message": "a sentence a person can act on", "details": [...]}}

``code`` is a stable word for programs; ``details`` locates problems (a request field, a line of YAML) and is
empty when there is nothing to point at. Pages keep their own HTML errors: other paths go to the default handlers.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.services import (
    BusyError,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    StoredDataError,
    TooLargeError,
)

logger = logging.getLogger("frontline.api")

STATUS_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}
# Most specific first: the first class an error is an instance of gives its status.
SERVICE_STATUS: tuple[tuple[type[ServiceError], int], ...] = (
    (NotFoundError, 404),
    (PermissionDeniedError, 403),
    (TooLargeError, 413),
    (InvalidInputError, 422),
    (ConflictError, 409),
    (BusyError, 503),
    (StoredDataError, 500),
)


class ErrorDetail(BaseModel):
    status: int = Field(examples=[409])
    code: str = Field(examples=["turn_taken"])
    message: str = Field(
        examples=["another reply to turn 3 of this conversation was stored first; yours was not saved"]
    )
    details: list[dict[str, Any]] = Field(default_factory=list)


class ErrorBody(BaseModel):
    """The body of every API error."""

    error: ErrorDetail


def error_response(
    status: int, code: str, message: str, details: Sequence[dict[str, Any]] = (), headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"error": {"status": status, "code": code, "message": message, "details": list(details)}}
    return JSONResponse(body, status_code=status, headers=headers)


def is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path == "/healthz"


def status_of(exc: ServiceError) -> int:
    return next((status for kind, status in SERVICE_STATUS if isinstance(exc, kind)), 500)


async def service_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ServiceError)
    status = status_of(exc)
    if status >= 500:
        logger.error("%s %s: %s", request.method, request.url.path, exc.message)
    return error_response(status, exc.error_code, exc.message, exc.details)


def _where(location: Sequence[int | str]) -> str:
    return ".".join(str(part) for part in location)


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if not is_api(request):
        return await request_validation_exception_handler(request, exc)
    details = [
        {
            "location": _where(error.get("loc", ())),
            "message": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in exc.errors()
    ]
    first = details[0] if details else {"location": "request", "message": "is not valid"}
    more = f" (and {len(details) - 1} more)" if len(details) > 1 else ""
    message = f"the request is not valid: {first['location']}: {first['message']}{more}"
    return error_response(422, "invalid_request", message, details)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if not is_api(request):
        return await http_exception_handler(request, exc)
    code = STATUS_CODES.get(exc.status_code, "error")
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = f"there is nothing at {request.method} {request.url.path}; the API is described at /api/docs"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    else:
        message = str(exc.detail)
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


async def unstorable_value(request: Request, exc: Exception) -> Response:
    """A value the database refused (a NUL character in text, a number out of range): the client's to fix."""
    logger.warning("%s %s: the database refused a value: %s", request.method, request.url.path, exc)
    return error_response(
        422,
        "unstorable_value",
        "the request holds a value the database cannot store (such as a NUL character in text, or a number out of "
        "range); nothing was saved",
    )


async def clashing_write(request: Request, exc: Exception) -> Response:
    """Two requests wrote the same unique thing at the same moment; the later one is refused whole."""
    logger.warning("%s %s: a write clashed with another: %s", request.method, request.url.path, exc)
    return error_response(
        409, "conflict", "the request clashed with another made at the same moment; nothing was saved: try again"
    )


async def unexpected_error(request: Request, exc: Exception) -> Response:
    logger.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(
        500, "internal_error", "something went wrong on the server; nothing was saved by this request"
    )


def install_error_handlers(app: FastAPI) -> None:
    """Answer API errors in the one JSON shape (call once, in ``create_app``)."""
    app.add_exception_handler(ServiceError, service_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(DataError, unstorable_value)
    app.add_exception_handler(IntegrityError, clashing_write)
    app.add_exception_handler(Exception, unexpected_error)


__all__ = ["ErrorBody", "ErrorDetail", "error_response", "install_error_handlers", "is_api", "status_of"]
