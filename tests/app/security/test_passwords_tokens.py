"""Passwords are Argon2id with upgrade on sign-in; tokens are stored only as digests and found by prefix."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from app.security import (
    WeakPasswordError,
    api_token_prefix,
    digests_match,
    hash_password,
    issue_api_token,
    issue_session_token,
    token_digest,
    verify_password,
)


def test_a_password_verifies_and_a_wrong_one_does_not() -> None:
    stored = hash_password("correct horse battery")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "correct horse battery").ok
    assert not verify_password(stored, "correct horse battery!").ok


def test_no_stored_hash_never_matches() -> None:
    assert not verify_password(None, "frontline: no such account").ok
    assert not verify_password("not a hash", "anything at all").ok


def test_an_outdated_hash_is_upgraded_on_a_good_password() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("correct horse battery")
    check = verify_password(weak, "correct horse battery")
    assert check.ok
    assert check.new_hash is not None
    assert verify_password(check.new_hash, "correct horse battery").new_hash is None


@pytest.mark.parametrize("password", ["short", "x" * 257])
def test_weak_passwords_are_refused(password: str) -> None:
    with pytest.raises(WeakPasswordError):
        hash_password(password)


def test_api_tokens_have_a_lookup_prefix_and_only_a_digest_is_kept() -> None:
    issued = issue_api_token()
    assert issued.token.startswith(f"fl_{issued.prefix}_")
    assert api_token_prefix(issued.token) == issued.prefix
    assert issued.digest == token_digest(issued.token)
    assert issued.token not in issued.digest
    assert digests_match(issued.token, issued.digest)
    assert not digests_match(issued.token + "x", issued.digest)
    assert issue_api_token().token != issued.token


@pytest.mark.parametrize("token", ["", "fl_", "fl_abc_secret", "xx_12345678_secret", "fl_12345678_"])
def test_malformed_api_tokens_have_no_prefix(token: str) -> None:
    assert api_token_prefix(token) is None


def test_session_tokens_are_random() -> None:
    first, second = issue_session_token(), issue_session_token()
    assert first.token != second.token
    assert len(first.token) >= 40
