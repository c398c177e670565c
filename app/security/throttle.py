"""Sign-in throttling and lock-out, decided from the recent attempts alone, with the time passed in.

Two limits, both counting only failures since the last success (from that address, or from any):

- per name and address: ``per_minute`` failures within a minute, and the next try waits until the oldest of them is
  a minute old (so the sixth wrong password in a minute gets 429);
- per name from any address: ``lockout_failures`` within the lock-out period lock the name until the period has
  passed since the last failure (slows a spread-out guessing attack, and is lifted by time, not by an admin).

The decision is a pure function so a test can pass any clock; the attempts are read from storage by the caller.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..settings import Settings

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Attempt:
    """One sign-in attempt for a name: when, from which address, and whether it succeeded."""

    at: datetime
    address: str
    succeeded: bool


@dataclass(frozen=True)
class ThrottleRules:
    per_minute: int = 5
    window: timedelta = timedelta(minutes=1)
    lockout_failures: int = 20
    lockout: timedelta = timedelta(minutes=15)

    @classmethod
    def from_settings(cls, settings: Settings) -> ThrottleRules:
        return cls(
            per_minute=settings.signin_failures_per_minute,
            lockout_failures=settings.lockout_failures,
            lockout=timedelta(minutes=settings.lockout_minutes),
        )

    @property
    def lookback(self) -> timedelta:
        """How far back the caller must read attempts."""
        return max(self.window, self.lockout)


@dataclass(frozen=True)
class ThrottleDecision:
    """Whether to check the password now; if not, how many seconds to wait and whether the name is locked."""

    allowed: bool
    retry_after: int = 0
    locked: bool = False


def _failures_since_last_success(attempts: Sequence[Attempt]) -> list[Attempt]:
    ordered = sorted(attempts, key=lambda attempt: attempt.at)
    last_success = max((i for i, attempt in enumerate(ordered) if attempt.succeeded), default=-1)
    return [attempt for attempt in ordered[last_success + 1 :] if not attempt.succeeded]


def _seconds(delta: timedelta) -> int:
    return max(1, math.ceil(delta.total_seconds()))


def decide(attempts: Sequence[Attempt], address: str, now: datetime, rules: ThrottleRules) -> ThrottleDecision:
    """Whether a sign-in for this name from ``address`` may be checked now, given its recent ``attempts``."""
    failures = _failures_since_last_success(attempts)
    recent = [f for f in failures if f.at > now - rules.lockout]
    if len(recent) >= rules.lockout_failures:
        return ThrottleDecision(allowed=False, retry_after=_seconds(recent[-1].at + rules.lockout - now), locked=True)
    from_here = _failures_since_last_success([a for a in attempts if a.address == address])
    here = [f for f in from_here if f.at > now - rules.window]
    if len(here) >= rules.per_minute:
        oldest_counted = here[-rules.per_minute]
        return ThrottleDecision(allowed=False, retry_after=_seconds(oldest_counted.at + rules.window - now))
    return ThrottleDecision(allowed=True)


__all__ = ["Attempt", "Clock", "ThrottleDecision", "ThrottleRules", "decide", "utc_now"]
