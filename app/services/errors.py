"""Errors raised by the use cases. Each has a stable ``code`` for API clients and a sentence a person can act on.

ServiceError                     base class: a use case refused the request
├── NotFoundError                no such conversation, scenario, turn or transcript, or the caller may not know of it
├── PermissionDeniedError        the caller's role may not do this
├── InvalidInputError            the request is well formed but what it says is refused (empty or over-long reply,
│   │                            a scenario with errors, a transcript that cannot be read); ``details`` locate it
│   └── TooLargeError            a scenario file or transcript over its size limit
├── ConflictError                the request no longer fits what is stored: a turn raced by another, a version
│   │                            number already published, a review of a conversation already signed off
│   └── ConversationFinishedError   a reply sent to a conversation that has ended
├── BusyError                    the database stayed locked by other writers; the request may be retried
└── StoredDataError              something stored cannot be read back (a damaged state or assessment)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar


class ServiceError(Exception):
    """Base class of every error a use case raises on purpose."""

    code: ClassVar[str] = "service_error"

    def __init__(self, message: str, *, code: str | None = None, details: Sequence[dict[str, Any]] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.error_code = code or self.code
        self.details = list(details)


class NotFoundError(ServiceError):
    code = "not_found"


class PermissionDeniedError(ServiceError):
    code = "forbidden"


class InvalidInputError(ServiceError):
    code = "invalid_input"


class TooLargeError(InvalidInputError):
    code = "too_large"


class ConflictError(ServiceError):
    code = "conflict"


class ConversationFinishedError(ConflictError):
    code = "conversation_finished"


class BusyError(ServiceError):
    code = "busy"


class StoredDataError(ServiceError):
    code = "stored_data_damaged"


__all__ = [
    "BusyError",
    "ConflictError",
    "ConversationFinishedError",
    "InvalidInputError",
    "NotFoundError",
    "PermissionDeniedError",
    "ServiceError",
    "StoredDataError",
    "TooLargeError",
]
