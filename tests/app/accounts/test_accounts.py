"""Accounts against a real database: adding people, signing in and out, throttling, tokens, demo accounts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.accounts import (
    AccountExistsError,
    AccountInputError,
    InvalidCredentialsError,
    SignInFailedError,
    SignInThrottledError,
    add_members,
    add_user,
    authenticate,
    ensure_demo_accounts,
    issue_token,
    list_users,
    revoke_tokens,
    set_password,
    sign_in,
    sign_out,
    user_for_session,
)
from app.db import AuditEvent, Database, SignInAttempt
from app.security import ThrottleRules

NOW = datetime(2026, 5, 25, 9, 0, tzinfo=UTC)
RULES = ThrottleRules(per_minute=5, lockout_failures=20, lockout=timedelta(minutes=15))
PASSWORD = "a long enough secret"


def signing_in(database: Database, name: str, password: str, now: datetime = NOW, address: str = "10.0.0.1"):  # type: ignore[no-untyped-def]
    with database.session() as session:
        return sign_in(
            session,
            name,
            password,
            address=address,
            user_agent="test",
            now=now,
            rules=RULES,
            lifetime=timedelta(hours=1),
        )


def test_names_are_normalised_unique_and_checked(database: Database) -> None:
    with database.session() as session:
        user = add_user(session, "  Jo.Smith ", "learner", password=PASSWORD)
        assert (user.name, user.display_name) == ("jo.smith", "jo.smith")
        with pytest.raises(AccountExistsError):
            add_user(session, "JO.SMITH", "assessor")
        for name, role in (("x", "learner"), ("bad name", "learner"), ("ok-name", "owner")):
            with pytest.raises(AccountInputError):
                add_user(session, name, role)
        with pytest.raises(AccountInputError):
            add_user(session, "short-pass", "learner", password="short")
        add_user(session, "sam", "assessor")
        add_members(session, "group-a", ["sam", "jo.smith"])
        listed = {summary.name: summary for summary in list_users(session)}
        assert listed["jo.smith"].has_password
        assert not listed["sam"].has_password
        assert listed["sam"].cohorts == ("group-a",)
        assert [row.action for row in session.scalars(select(AuditEvent))].count("user_added") == 2


def test_sign_in_opens_a_session_that_sign_out_ends(database: Database) -> None:
    with database.session() as session:
        add_user(session, "jo", "learner", password=PASSWORD)
    signed = signing_in(database, "JO", PASSWORD)
    with database.session() as session:
        user = user_for_session(session, signed.session_token, NOW + timedelta(minutes=5))
        assert user is not None
        assert user.name == "jo"
        assert user_for_session(session, signed.session_token, signed.expires_at) is None
        sign_out(session, signed.session_token, now=NOW)
        assert user_for_session(session, signed.session_token, NOW + timedelta(minutes=5)) is None
        actions = [row.action for row in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
        assert actions[-2:] == ["sign_in", "sign_out"]


def test_a_wrong_password_and_an_unknown_name_fail_alike(database: Database) -> None:
    with database.session() as session:
        add_user(session, "jo", "learner", password=PASSWORD)
    with pytest.raises(SignInFailedError) as wrong:
        signing_in(database, "jo", "not the secret")
    with pytest.raises(SignInFailedError) as unknown:
        signing_in(database, "nobody", "not the secret")
    assert str(wrong.value) == str(unknown.value)


def test_the_sixth_wrong_password_in_a_minute_is_throttled_even_if_right(database: Database) -> None:
    with database.session() as session:
        add_user(session, "jo", "learner", password=PASSWORD)
    for second in range(5):
        with pytest.raises(SignInFailedError):
            signing_in(database, "jo", "guess", NOW + timedelta(seconds=second))
    with pytest.raises(SignInThrottledError) as throttled:
        signing_in(database, "jo", PASSWORD, NOW + timedelta(seconds=10))
    assert throttled.value.retry_after == 50
    assert signing_in(database, "jo", PASSWORD, NOW + timedelta(seconds=10), address="10.0.0.2").user.name == "jo"
    assert signing_in(database, "jo", PASSWORD, NOW + timedelta(seconds=61)).user.name == "jo"
    with database.session() as session:
        assert len(session.scalars(select(SignInAttempt)).all()) == 7  # the refused attempt was not even checked


def test_api_tokens_authenticate_until_revoked(database: Database) -> None:
    with database.session() as session:
        add_user(session, "jo", "learner", password=PASSWORD)
        token = issue_token(session, "jo")
        user = authenticate(session, authorization=f"Bearer {token}", session_token=None, now=NOW)
        assert user is not None
        assert user.name == "jo"
        assert authenticate(session, authorization=None, session_token=None, now=NOW) is None
        for header in (f"Bearer {token}x", "Bearer", f"Basic {token}", "Bearer fl_nothing"):
            with pytest.raises(InvalidCredentialsError):
                authenticate(session, authorization=header, session_token=None, now=NOW)
        assert revoke_tokens(session, "jo") == 1
        with pytest.raises(InvalidCredentialsError):
            authenticate(session, authorization=f"Bearer {token}", session_token=None, now=NOW)


def test_a_new_password_ends_every_session(database: Database) -> None:
    with database.session() as session:
        add_user(session, "jo", "learner", password=PASSWORD)
    signed = signing_in(database, "jo", PASSWORD)
    with database.session() as session:
        set_password(session, "jo", "another long secret")
        assert user_for_session(session, signed.session_token, NOW) is None


def test_demo_accounts_are_made_once_and_linked(database: Database) -> None:
    with database.session() as session:
        created = ensure_demo_accounts(session)
        assert [(account.name, account.role) for account in created] == [
            ("learner", "learner"),
            ("assessor", "assessor"),
            ("trainer", "trainer"),
            ("admin", "admin"),
        ]
        assert ensure_demo_accounts(session) == []
        listed = {summary.name: summary.cohorts for summary in list_users(session)}
        assert listed["learner"] == listed["assessor"] == ("demo",)
    assert signing_in(database, "admin", created[3].password).user.role == "admin"
