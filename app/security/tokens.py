"""Secrets handed to clients: API tokens and browser-session tokens. Only their SHA-256 digests are stored.

An API token reads ``fl_<prefix>_<secret>``: the prefix is kept in plain text so the row can be found by index, and
the digest of the whole token is compared in constant time. Whoever reads the database cannot sign in with what is
in it. SHA-256 (not Argon2) is enough here because the secrets are random, not chosen by people.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

API_TOKEN_SCHEME = "fl"
PREFIX_CHARS = 8
SECRET_BYTES = 32


@dataclass(frozen=True)
class IssuedToken:
    """A new secret: ``token`` goes to the client once; ``prefix`` and ``digest`` are what is stored."""

    token: str
    prefix: str
    digest: str


def token_digest(token: str) -> str:
    """The hex SHA-256 of a token, as stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def digests_match(token: str, stored_digest: str) -> bool:
    return hmac.compare_digest(token_digest(token), stored_digest)


def issue_api_token() -> IssuedToken:
    """A new API token for ``Authorization: Bearer <token>``."""
    prefix = secrets.token_hex(PREFIX_CHARS // 2)
    token = f"{API_TOKEN_SCHEME}_{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
    return IssuedToken(token=token, prefix=prefix, digest=token_digest(token))


def api_token_prefix(token: str) -> str | None:
    """The lookup prefix of a well-formed API token, or None for anything else."""
    scheme, _, rest = token.partition("_")
    prefix, _, secret = rest.partition("_")
    if scheme != API_TOKEN_SCHEME or len(prefix) != PREFIX_CHARS or not secret:
        return None
    return prefix


def issue_session_token() -> IssuedToken:
    """A new browser-session secret; the stored row is keyed by its digest, so ``prefix`` is empty."""
    token = secrets.token_urlsafe(SECRET_BYTES)
    return IssuedToken(token=token, prefix="", digest=token_digest(token))


__all__ = [
    "API_TOKEN_SCHEME",
    "IssuedToken",
    "api_token_prefix",
    "digests_match",
    "issue_api_token",
    "issue_session_token",
    "token_digest",
]
