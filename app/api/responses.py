"""The error answers each route may give, declared in the OpenAPI with the one error shape."""

from __future__ import annotations

from typing import Any

from .errors import ErrorBody

_WHY = {
    401: "Credentials were given that this server cannot accept",
    403: "The caller's role may not do this",
    404: "No such object, or the caller may not know of it",
    409: "The request no longer fits what is stored (a raced turn, a finished conversation, a taken version)",
    413: "Too large (a scenario over 256 KB, a body over the server's limit)",
    422: "The request is not valid; details say where",
    503: "The database is busy; try again",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each status with the error body (401, 403, 422 and 503 are always possible)."""
    wanted = sorted({401, 403, 422, 503, *statuses})
    return {status: {"model": ErrorBody, "description": _WHY[status]} for status in wanted}


__all__ = ["errors"]
