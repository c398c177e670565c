"""Security headers on every response: no inline script, no framing, no sniffing, no referrer leaks, no caching.

The API's interactive docs page is the one exception: FastAPI's Swagger UI is an inline script loading from a CDN, and
it shows no learner's text, so it gets a policy of its own.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
DOCS_PATHS = frozenset({"/api/docs", "/api/redoc", "/redoc"})
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
# A year, the usual preload minimum; sent only when the site is served over HTTPS.
STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains"
STATIC_PREFIX = "/static/"


class SecurityHeadersMiddleware:
    """Adds the headers above to every HTTP response; pages and API answers are also marked ``no-store``."""

    def __init__(self, app: ASGIApp, *, https: bool) -> None:
        self.app = app
        self.https = https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                policy = DOCS_CONTENT_SECURITY_POLICY if path in DOCS_PATHS else CONTENT_SECURITY_POLICY
                headers["Content-Security-Policy"] = policy
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if self.https:
                    headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
                if not path.startswith(STATIC_PREFIX) and "cache-control" not in headers:
                    # Transcripts are personal data: no shared or back-button cache keeps a copy.
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


__all__ = [
    "CONTENT_SECURITY_POLICY",
    "DOCS_CONTENT_SECURITY_POLICY",
    "SECURITY_HEADERS",
    "STRICT_TRANSPORT_SECURITY",
    "SecurityHeadersMiddleware",
]
