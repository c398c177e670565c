"""Refusals sent by the security middleware, before any route runs: JSON for the API, a short page for browsers.

The JSON body has the API's error shape, ``{"error": {"status": ..., "code": ..., "message": ..., "details": []}}``.
"""

from __future__ import annotations

import html

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Scope

API_PREFIX = "/api/"


def wants_json(scope: Scope) -> bool:
    """True for API paths and for clients that ask for JSON rather than a page."""
    path = str(scope.get("path", ""))
    if path.startswith(API_PREFIX) or path == "/healthz":
        return True
    accept = Headers(scope=scope).get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def refusal(scope: Scope, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    """The response for a request refused with ``status``; ``code`` is a stable machine-readable word."""
    if wants_json(scope):
        body = {"error": {"status": status, "code": code, "message": message, "details": []}}
        return JSONResponse(body, status_code=status, headers=headers)
    page = (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Frontline</title>'
        '<link rel="stylesheet" href="/static/frontline.css"></head>'
        f'<body><main id="main"><h1>Sorry</h1><p>{html.escape(message)}</p><p><a href="/">Home</a></p></main>'
        "</body></html>"
    )
    return HTMLResponse(page, status_code=status, headers=headers)


__all__ = ["API_PREFIX", "refusal", "wants_json"]
