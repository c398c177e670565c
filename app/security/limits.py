"""Request size limit: a body over the limit is refused with 413 before any route reads it.

A declared ``Content-Length`` over the limit is refused at once; a body sent in chunks is counted as it arrives and
refused as soon as it passes the limit.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .responses import refusal


class RequestTooLarge(HTTPException):
    """Raised while a body is read once it passes the limit; an HTTP error, so route code never swallows it as 400."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"The request body is larger than the limit of {max_bytes} bytes.")


class BodySizeLimitMiddleware:
    """Refuses request bodies larger than ``max_bytes`` with 413."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._send_refusal(scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise RequestTooLarge(self.max_bytes)
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except RequestTooLarge:
            if started:
                raise
            await self._send_refusal(scope, receive, send)

    async def _send_refusal(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"The request body is larger than the limit of {self.max_bytes} bytes."
        await refusal(scope, 413, "request_too_large", message)(scope, receive, send)


__all__ = ["BodySizeLimitMiddleware", "RequestTooLarge"]
