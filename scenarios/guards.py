"""The closed registry of guards a scenario may name in ``advance_when`` and an outcome's ``when``.

A guard is a pure function of the conversation's progress so far (the flags earned on earlier turns) and this
turn's :class:`~scenarios.signals.Signals`. Authored YAML names a guard; the engine looks the name up here and
nowhere else, so no authored string is ever resolved as a Python callable.

Progress is cumulative: once the customer has been heard they stay heard. ``offer_accepted`` is the one flag the
scorer cannot see: the engine sets it when the customer accepts an offer.

>>> heard(frozenset(), Signals(verdicts={"hear": "met"}))
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Final, Literal, get_args

from .signals import Signals
from .spec import Guard

Flag = Literal[
    "heard",
    "empathised",
    "apologised",
    "owned",
    "identity_verified",
    "referral_made",
    "offer_accepted",
    "adjustment_offered",
]
Progress = frozenset[str]
GuardFunction = Callable[[Progress, Signals], bool]

FLAGS: Final[tuple[Flag, ...]] = get_args(Flag)
NO_PROGRESS: Final[Progress] = frozenset()


def always(progress: Progress, signals: Signals) -> bool:
    """Passes at once: a stage that is only there for its lines."""
    return True


def heard(progress: Progress, signals: Signals) -> bool:
    """The learner has asked about the problem or reflected it back (the scorer's ``hear`` verdict)."""
    return "heard" in progress or signals.met("hear")


def empathised(progress: Progress, signals: Signals) -> bool:
    """The learner has acknowledged the customer's feelings (``empathise`` met)."""
    return "empathised" in progress or signals.met("empathise")


def apologised(progress: Progress, signals: Signals) -> bool:
    """The learner has apologised sincerely (``apologise`` met; non-apologies never meet it)."""
    return "apologised" in progress or signals.met("apologise")


def owned(progress: Progress, signals: Signals) -> bool:
    """The learner has committed personally to a concrete next action (``own`` met)."""
    return "owned" in progress or signals.met("own")


def identity_verified(progress: Progress, signals: Signals) -> bool:
    """The learner has run an identity check."""
    return "identity_verified" in progress or signals.identity_check


def referral_made(progress: Progress, signals: Signals) -> bool:
    """The learner has referred properly: why, to whom and what happens next (not just "I'll pass it on"). Pointing
    the customer to the ombudsman (the scorer's ``signpost`` tag) meets the escalation criterion but hands nothing
    over, so the conversation goes on."""
    if "referral_made" in progress or signals.referral_proper:
        return True
    return signals.met("escalation") and "signpost" not in signals.tags


def offer_accepted(progress: Progress, signals: Signals) -> bool:
    """The customer has accepted an offer; the engine decides that from the customer's wants."""
    return "offer_accepted" in progress


def adjustment_offered(progress: Progress, signals: Signals) -> bool:
    """The learner has offered a reasonable adjustment (e.g. email instead of phone for hearing loss)."""
    return "adjustment_offered" in progress or signals.adjustment_offered


GUARDS: Final[Mapping[Guard, GuardFunction]] = MappingProxyType(
    {
        "always": always,
        "heard": heard,
        "empathised": empathised,
        "apologised": apologised,
        "owned": owned,
        "identity_verified": identity_verified,
        "referral_made": referral_made,
        "offer_accepted": offer_accepted,
        "adjustment_offered": adjustment_offered,
    }
)

_FLAG_GUARDS: Final[tuple[tuple[Flag, GuardFunction], ...]] = tuple((flag, GUARDS[flag]) for flag in FLAGS)


def passes(guard: Guard, progress: Progress, signals: Signals) -> bool:
    """Whether the named guard holds; a name outside the registry is an error, never a lookup elsewhere."""
    return GUARDS[guard](progress, signals)


def progress_after(progress: Progress, signals: Signals, *, offer_accepted: bool = False) -> Progress:
    """The flags earned so far once this reply is counted."""
    earned = {flag for flag, guard in _FLAG_GUARDS if guard(progress, signals)}
    if offer_accepted:
        earned.add("offer_accepted")
    return progress if len(earned) == len(progress) else frozenset(earned)


def _offers_a_solution(signals: Signals) -> bool:
    return signals.solution_offered or bool(signals.offers)


def _talks_about_the_account(signals: Signals) -> bool:
    return signals.account_talk


# What a learner does when acting as if a guard already held: offering a fix before the customer feels heard,
# or discussing the account before identity is checked. The customer pushes back instead of going along with it.
_JUMPS_AHEAD: Final[Mapping[Guard, Callable[[Signals], bool]]] = MappingProxyType(
    {"heard": _offers_a_solution, "identity_verified": _talks_about_the_account}
)


def jumps_ahead(guard: Guard, signals: Signals) -> bool:
    """Whether this reply acts as if ``guard`` already held (and so earns push-back while it does not)."""
    check = _JUMPS_AHEAD.get(guard)
    return check is not None and check(signals)


__all__ = [
    "FLAGS",
    "GUARDS",
    "NO_PROGRESS",
    "Flag",
    "GuardFunction",
    "Progress",
    "jumps_ahead",
    "passes",
    "progress_after",
]
