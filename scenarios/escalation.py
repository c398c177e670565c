"""Escalation points: authored triggers that change the customer's behaviour and what good handling looks like next.

Each point fires at most once per conversation, in the order the scenario lists them, after the reply's effect on
mood is known (so an ``anger_at_least`` trigger sees the anger this reply caused). A point may change anger, hand
the conversation to a new speaker, disclose a vulnerability, and set an expectation (e.g. a proper referral) that
stays pending for the scorer until a reply meets it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from .guards import NO_PROGRESS, passes
from .mood import CustomerMood, beyond_authority, with_anger
from .signals import Signals
from .spec import Escalation, Expectation, Trigger
from .state import ConversationState


def triggered(trigger: Trigger, *, anger: int, turn: int, signals: Signals) -> bool:
    """Whether a trigger's one condition holds after this reply."""
    if trigger.anger_at_least is not None:
        return anger >= trigger.anger_at_least
    if trigger.after_turn is not None:
        return turn >= trigger.after_turn
    if trigger.breach is not None:
        return trigger.breach in signals.breaches or signals.breached(trigger.breach)
    return trigger.offer_beyond_authority is True and beyond_authority(signals)


def _referral(signals: Signals) -> bool:
    return passes("referral_made", NO_PROGRESS, signals)


def _verification(signals: Signals) -> bool:
    return signals.identity_check


def _adjustment(signals: Signals) -> bool:
    return signals.adjustment_offered


def _boundary(signals: Signals) -> bool:
    return "boundary" in signals.tags


_MEETS: Final[Mapping[Expectation, Callable[[Signals], bool]]] = MappingProxyType(
    {"referral": _referral, "verification": _verification, "adjustment": _adjustment, "boundary": _boundary}
)


def still_expected(pending: Sequence[Expectation], signals: Signals) -> tuple[Expectation, ...]:
    """The expectations this reply leaves unmet."""
    return tuple(name for name in pending if not (name in _MEETS and _MEETS[name](signals)))


@dataclass(frozen=True, slots=True)
class EscalationResult:
    """What the escalation points that fired on one turn changed."""

    mood: CustomerMood
    fired: tuple[Escalation, ...]
    speaker: str | None
    third_party: bool
    expectations: tuple[Expectation, ...]
    disclosed: tuple[str, ...]


def escalate(
    escalations: Sequence[Escalation],
    state: ConversationState,
    mood: CustomerMood,
    turn: int,
    signals: Signals,
) -> EscalationResult:
    """Fire every point whose trigger holds and that has not fired before; expectations met this turn are cleared."""
    expectations = still_expected(state.expectations, signals)
    fired: list[Escalation] = []
    speaker, third_party, disclosed = state.speaker, state.third_party, state.disclosed
    for escalation in escalations:
        if escalation.id in state.escalations:
            continue
        if not triggered(escalation.trigger, anger=mood.anger, turn=turn, signals=signals):
            continue
        fired.append(escalation)
        mood = with_anger(mood, escalation.anger)
        if escalation.speaker is not None:
            speaker = escalation.speaker
        third_party = third_party or escalation.becomes_third_party
        disclosed = disclosed + tuple(item for item in escalation.discloses if item not in disclosed)
        if escalation.expects != "none" and escalation.expects not in expectations:
            expectations = (*expectations, escalation.expects)
    return EscalationResult(mood, tuple(fired), speaker, third_party, expectations, disclosed)


__all__ = ["EscalationResult", "escalate", "still_expected", "triggered"]
