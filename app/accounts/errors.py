"""Errors of the account use cases, under the services' tree (so the API maps them like any other).

ServiceError (app.services.errors)
├── NotFoundError
│   └── UnknownUserError         no account with that name
├── InvalidInputError
│   └── AccountInputError        a name, role, password or cohort that cannot be accepted
├── ConflictError
│   ├── AccountExistsError       the name is taken
│   └── NotErasableError         only learners' accounts are erased (staff accounts are changed instead)
├── SignInFailedError            wrong name or password (never says which)
└── SignInThrottledError         too many failures: wait ``retry_after`` seconds (429)
"""

from __future__ import annotations

from app.services.errors import ConflictError, InvalidInputError, NotFoundError, ServiceError


class UnknownUserError(NotFoundError):
    code = "unknown_user"


class AccountInputError(InvalidInputError):
    code = "invalid_account"


class AccountExistsError(ConflictError):
    code = "account_exists"


class NotErasableError(ConflictError):
    code = "not_erasable"


class SignInFailedError(ServiceError):
    code = "sign_in_failed"


class SignInThrottledError(ServiceError):
    code = "sign_in_throttled"

    def __init__(self, retry_after: int, *, locked: bool) -> None:
        if locked:
            message = f"Too many failed sign-ins for this name. It is locked; try again in {retry_after} seconds."
        else:
            message = f"Too many failed sign-ins. Try again in {retry_after} seconds."
        super().__init__(message)
        self.retry_after = retry_after
        self.locked = locked


__all__ = [
    "AccountExistsError",
    "AccountInputError",
    "NotErasableError",
    "SignInFailedError",
    "SignInThrottledError",
    "UnknownUserError",
]
