"""Signals for scripted learner replies, so engine tests read as what the learner did."""

from __future__ import annotations

from typing import Any

from scenarios import Offer, Signals


def reply(*met: str, **fields: Any) -> Signals:
    """``reply("hear", "empathise", tags=("empathy",))``: the named criteria met, other fields as given."""
    verdicts = dict(fields.pop("verdicts", {}))
    verdicts.update(dict.fromkeys(met, "met"))
    return Signals(verdicts=verdicts, **fields)


NOTHING = Signals()
HEARS = reply("hear", tags=("question",))
EMPATHISES = reply("empathise", tags=("empathy",))
APOLOGISES = reply("apologise", tags=("apology",))
OWNS = reply("own", tags=("ownership",))
HEAT = reply("hear", "empathise", "apologise", "own", tags=("question", "empathy", "apology", "ownership"))
RUDE = reply(verdicts={"professional": "breach"}, breaches=("professional",), tags=("rude", "blame"))
CALM_DOWN = reply(verdicts={"professional": "breach"}, breaches=("professional",), tags=("calm_down",))
REFERS = reply("escalation", referral_made=True, referral_proper=True, tags=("referral",))


def offers(kind: str, amount: float | None = None, **fields: Any) -> Signals:
    """A reply that offers one remedy."""
    within = fields.pop("within_authority", True)
    return Signals(offers=(Offer(kind, amount, within_authority=within),), solution_offered=True, **fields)
