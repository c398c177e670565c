"""Guards: a closed registry of pure functions of progress and this turn's signals."""

from __future__ import annotations

import inspect
from typing import get_args

import pytest

from scenarios import Offer, Signals
from scenarios.guards import FLAGS, GUARDS, NO_PROGRESS, jumps_ahead, passes, progress_after
from scenarios.spec import Guard

from .replies import HEARS, NOTHING, REFERS, reply


def test_the_registry_holds_exactly_the_guards_a_scenario_may_name() -> None:
    assert set(GUARDS) == set(get_args(Guard))
    assert set(FLAGS) == set(get_args(Guard)) - {"always"}


def test_guards_are_plain_functions_of_this_module() -> None:
    for name, guard in GUARDS.items():
        assert inspect.isfunction(guard)
        assert (guard.__module__, guard.__name__) == ("scenarios.guards", name)
        assert list(inspect.signature(guard).parameters) == ["progress", "signals"]


def test_a_name_outside_the_registry_is_never_looked_up_elsewhere() -> None:
    with pytest.raises(KeyError):
        passes("os.system", NO_PROGRESS, NOTHING)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("guard", "signals", "holds"),
    [
        ("always", NOTHING, True),
        ("heard", HEARS, True),
        ("heard", reply(tags=("question",)), False),
        ("heard", reply(verdicts={"hear": "missed"}), False),
        ("empathised", reply("empathise"), True),
        ("apologised", reply("apologise"), True),
        ("apologised", reply(verdicts={"apologise": "missed"}, tags=("non_apology",)), False),
        ("owned", reply("own"), True),
        ("identity_verified", reply(identity_check=True), True),
        ("identity_verified", reply(account_talk=True), False),
        ("referral_made", REFERS, True),
        ("referral_made", reply(referral_proper=True), True),
        ("referral_made", reply(referral_made=True), False),
        ("offer_accepted", Signals(offers=(Offer("refund", 10),)), False),
        ("adjustment_offered", reply(adjustment_offered=True), True),
    ],
)
def test_each_guard_reads_this_turns_signals(guard: Guard, signals: Signals, holds: bool) -> None:
    assert passes(guard, NO_PROGRESS, signals) is holds


@pytest.mark.parametrize("guard", sorted(FLAGS))
def test_progress_already_earned_keeps_every_guard_open(guard: Guard) -> None:
    assert passes(guard, frozenset({guard}), NOTHING)


def test_progress_accumulates_over_replies() -> None:
    first = progress_after(NO_PROGRESS, HEARS)
    second = progress_after(first, reply("apologise"))
    assert second == {"heard", "apologised"}
    assert progress_after(second, NOTHING) is second
    assert progress_after(second, NOTHING, offer_accepted=True) == {"heard", "apologised", "offer_accepted"}


@pytest.mark.parametrize(
    ("guard", "signals", "jumps"),
    [
        ("heard", reply(solution_offered=True), True),
        ("heard", Signals(offers=(Offer("refund"),)), True),
        ("heard", reply(account_talk=True), False),
        ("identity_verified", reply(account_talk=True), True),
        ("identity_verified", reply(solution_offered=True), False),
        ("empathised", reply(solution_offered=True), False),
    ],
)
def test_jumping_ahead_of_a_guard(guard: Guard, signals: Signals, jumps: bool) -> None:
    assert jumps_ahead(guard, signals) is jumps
