"""The sign-in throttle, with the time passed in: 429 on the sixth failure in a minute, lock-out after many."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.security import Attempt, ThrottleRules, decide

START = datetime(2026, 5, 25, 9, 0, tzinfo=UTC)
RULES = ThrottleRules(per_minute=5, lockout_failures=20, lockout=timedelta(minutes=15))


def failures(count: int, address: str = "10.0.0.1", every: timedelta = timedelta(seconds=5)) -> list[Attempt]:
    return [Attempt(at=START + i * every, address=address, succeeded=False) for i in range(count)]


def test_five_failures_are_allowed_and_the_sixth_waits_for_the_minute() -> None:
    assert decide(failures(4), "10.0.0.1", START + timedelta(seconds=21), RULES).allowed
    decision = decide(failures(5), "10.0.0.1", START + timedelta(seconds=21), RULES)
    assert not decision.allowed
    assert not decision.locked
    assert decision.retry_after == 39  # the first failure, at 0s, leaves the window at 60s
    assert decide(failures(5), "10.0.0.1", START + timedelta(seconds=61), RULES).allowed


def test_another_address_is_counted_apart() -> None:
    assert decide(failures(5), "10.0.0.2", START + timedelta(seconds=21), RULES).allowed


def test_a_success_resets_the_count_from_that_address() -> None:
    attempts = [*failures(4), Attempt(START + timedelta(seconds=20), "10.0.0.1", True), *failures(1)]
    assert decide(attempts, "10.0.0.1", START + timedelta(seconds=21), RULES).allowed


def test_many_failures_from_many_addresses_lock_the_name() -> None:
    spread = [
        Attempt(START + timedelta(seconds=30 * i), f"10.0.{i}.1", succeeded=False)
        for i in range(RULES.lockout_failures)
    ]
    last = spread[-1].at
    decision = decide(spread, "10.9.9.9", last + timedelta(minutes=1), RULES)
    assert not decision.allowed
    assert decision.locked
    assert decision.retry_after == 14 * 60
    assert decide(spread, "10.9.9.9", last + timedelta(minutes=15, seconds=1), RULES).allowed
