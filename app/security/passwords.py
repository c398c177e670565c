"""Passwords: Argon2id hashes (argon2-cffi's defaults, RFC 9106's low-memory profile), checked in constant work.

A name with no account, or an account with no password, is still checked against a dummy hash, so the time a sign-in
takes does not tell an attacker which names exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PASSWORD_CHARS = 8
# Argon2 work grows with input length; a cap stops a megabyte "password" from costing a worker.
MAX_PASSWORD_CHARS = 256


class WeakPasswordError(ValueError):
    """Raised when a new password is too short or too long to accept."""


@dataclass(frozen=True)
class PasswordCheck:
    """The result of checking a password: whether it matched, and a fresh hash to store if the old one is outdated."""

    ok: bool
    new_hash: str | None = None


_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    return _hasher.hash("frontline: no such account")


def check_new_password(password: str) -> None:
    """Raise :class:`WeakPasswordError` unless ``password`` is acceptable for a new account."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise WeakPasswordError(f"a password needs at least {MIN_PASSWORD_CHARS} characters")
    if len(password) > MAX_PASSWORD_CHARS:
        raise WeakPasswordError(f"a password may have at most {MAX_PASSWORD_CHARS} characters")


def hash_password(password: str) -> str:
    """An Argon2id hash of a new password (checked first with :func:`check_new_password`)."""
    check_new_password(password)
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> PasswordCheck:
    """Whether ``password`` matches ``stored_hash``; ``new_hash`` is set when the stored hash should be upgraded."""
    if len(password) > MAX_PASSWORD_CHARS:
        return PasswordCheck(ok=False)
    try:
        _hasher.verify(stored_hash or _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return PasswordCheck(ok=False)
    if stored_hash is None:
        return PasswordCheck(ok=False)
    new_hash = _hasher.hash(password) if _hasher.check_needs_rehash(stored_hash) else None
    return PasswordCheck(ok=True, new_hash=new_hash)


__all__ = [
    "MAX_PASSWORD_CHARS",
    "MIN_PASSWORD_CHARS",
    "PasswordCheck",
    "WeakPasswordError",
    "check_new_password",
    "hash_password",
    "verify_password",
]
