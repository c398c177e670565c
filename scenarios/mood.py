"""The customer's mood: anger and patience, moved by each assessed reply with weights kept in data.

The weights live in ``scenarios/data/mood.yaml``, each with a note of where it comes from; this module only adds
them up. What a reply did arrives as :attr:`Signals.tags <scenarios.signals.Signals.tags>`; the engine adds a few
effects of its own (push-back, a repeated apology, an offer beyond authority, a legal breach).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Annotated, Final

import yaml
from pydantic import BaseModel, ConfigDict, Field, Strict

from .signals import Signals
from .spec import Reaction

MOOD_MAX: Final = 100
Points = Annotated[int, Strict(), Field(ge=-100, le=100)]
Note = Annotated[str, Strict(), Field(min_length=1)]


class _Weights(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Effect(_Weights):
    """How one thing a reply did moves the customer's mood."""

    anger: Points
    patience: Points
    note: Note


class EveryTurn(_Weights):
    patience: Points
    note: Note


class ReactionThresholds(_Weights):
    calmer_at_most: Points
    angrier_at_least: Points
    hot_anger: Annotated[int, Strict(), Field(ge=0, le=100)]
    note: Note


class MoodWeights(_Weights):
    """The whole weights file."""

    version: Annotated[int, Strict(), Field(ge=1)]
    every_turn: EveryTurn
    reaction: ReactionThresholds
    effects: dict[str, Effect]


@dataclass(frozen=True, slots=True)
class CustomerMood:
    """Where the customer's temper stands: anger and patience, each 0 to 100."""

    anger: int
    patience: int

    @property
    def maxed_out(self) -> bool:
        """True when the customer has had enough: anger at 100 or patience gone."""
        return self.anger >= MOOD_MAX or self.patience <= 0


@dataclass(frozen=True, slots=True)
class MoodMove:
    """One reply's effect: the new mood, the push on anger (before clamping to 0–100) and the effects applied."""

    mood: CustomerMood
    anger_change: int
    effects: tuple[str, ...]


def parse_weights(text: str) -> MoodWeights:
    """Validate a weights file's text (safe YAML, strict fields)."""
    return MoodWeights.model_validate(yaml.safe_load(text))


@lru_cache(maxsize=1)
def mood_weights() -> MoodWeights:
    """The shipped weights, read once per process."""
    text = resources.files("scenarios").joinpath("data", "mood.yaml").read_text(encoding="utf-8")
    return parse_weights(text)


def _clamp(value: int) -> int:
    return max(0, min(MOOD_MAX, value))


def beyond_authority(signals: Signals) -> bool:
    """Whether the reply offers or promises something the learner may not give (and does not refer it)."""
    return any(not offer.within_authority and not offer.referred for offer in signals.offers)


def reply_effects(signals: Signals, *, pushback: bool, apologised_before: bool) -> tuple[str, ...]:
    """The names of the effects one reply has, each once, in a stable order."""
    found = dict.fromkeys(signals.tags)
    if "apology" in found and apologised_before:
        # A second apology earns nothing and can grate; the first one already counted.
        del found["apology"]
        found["repeated_apology"] = None
    if pushback:
        found["pushback"] = None
    if beyond_authority(signals):
        found["over_promise"] = None
    if "legal" in signals.breaches or signals.breached("legal"):
        found["unlawful_refusal"] = None
    return tuple(found)


def move_mood(mood: CustomerMood, effects: tuple[str, ...], weights: MoodWeights | None = None) -> MoodMove:
    """Apply one reply's effects and the per-turn drain; tags the weights do not know change nothing."""
    table = weights or mood_weights()
    anger = 0
    patience = table.every_turn.patience
    applied: list[str] = []
    for name in effects:
        effect = table.effects.get(name)
        if effect is not None:
            anger += effect.anger
            patience += effect.patience
            applied.append(name)
    moved = CustomerMood(_clamp(mood.anger + anger), _clamp(mood.patience + patience))
    return MoodMove(moved, anger, tuple(applied))


def reaction_to(move: MoodMove, weights: MoodWeights | None = None) -> Reaction:
    """How the customer's next line sounds after this move: calmer, angrier or neutral."""
    thresholds = (weights or mood_weights()).reaction
    if move.anger_change <= thresholds.calmer_at_most:
        return "calmer"
    if move.anger_change >= thresholds.angrier_at_least or move.mood.anger >= thresholds.hot_anger:
        return "angrier"
    return "neutral"


def with_anger(mood: CustomerMood, change: int) -> CustomerMood:
    """The mood after a scripted change of anger (an escalation point)."""
    return CustomerMood(_clamp(mood.anger + change), mood.patience)


__all__ = [
    "MOOD_MAX",
    "CustomerMood",
    "Effect",
    "MoodMove",
    "MoodWeights",
    "beyond_authority",
    "mood_weights",
    "move_mood",
    "parse_weights",
    "reaction_to",
    "reply_effects",
    "with_anger",
]
