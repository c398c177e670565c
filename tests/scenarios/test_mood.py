"""Mood: anger and patience move by weights kept in data, each with a note."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from scenarios import Offer, Signals
from scenarios.mood import (
    CustomerMood,
    MoodMove,
    mood_weights,
    move_mood,
    parse_weights,
    reaction_to,
    reply_effects,
)

from .replies import reply

# What the scorer may put in Signals.tags, and the effects the engine adds itself.
SCORER_TAGS = (
    "empathy",
    "apology",
    "ownership",
    "question",
    "restatement",
    "referral",
    "boundary",
    "calm_down",
    "blame",
    "sarcasm",
    "policy_wall",
    "rude",
    "deflection",
    "vague_promise",
    "non_apology",
    "over_promise",
    "unlawful_refusal",
    "data_breach",
)
ENGINE_EFFECTS = ("pushback", "repeated_apology")
CALMING = ("empathy", "apology", "ownership", "question", "restatement", "referral")
INFLAMING = (
    "calm_down",
    "blame",
    "sarcasm",
    "policy_wall",
    "rude",
    "deflection",
    "vague_promise",
    "non_apology",
    "over_promise",
    "unlawful_refusal",
    "data_breach",
    "pushback",
    "repeated_apology",
)
START = CustomerMood(anger=50, patience=50)


def test_every_tag_has_a_weight_with_a_note() -> None:
    weights = mood_weights()
    assert set(weights.effects) == set(SCORER_TAGS) | set(ENGINE_EFFECTS)
    assert all(effect.note.strip() for effect in weights.effects.values())
    assert weights.every_turn.note
    assert weights.reaction.note


@pytest.mark.parametrize("tag", CALMING)
def test_good_replies_calm(tag: str) -> None:
    assert move_mood(START, (tag,)).mood.anger < START.anger


@pytest.mark.parametrize("tag", INFLAMING)
def test_bad_replies_inflame_and_drain_patience_faster(tag: str) -> None:
    moved = move_mood(START, (tag,)).mood
    plain = move_mood(START, ()).mood
    assert moved.anger > START.anger
    assert moved.patience < plain.patience


def test_patience_drains_a_little_every_turn() -> None:
    moved = move_mood(START, ())
    assert moved == MoodMove(CustomerMood(50, 50 + mood_weights().every_turn.patience), 0, ())
    assert moved.mood.patience < START.patience


WEIGHTS = """\
version: 1
every_turn: {patience: -1, note: per turn}
reaction: {calmer_at_most: -2, angrier_at_least: 2, hot_anger: 90, note: thresholds}
effects:
  empathy: {anger: -10, patience: 3, note: calms}
  blame: {anger: 12, patience: -4, note: inflames}
"""


def test_effects_add_up_and_stay_between_0_and_100() -> None:
    weights = parse_weights(WEIGHTS)
    assert move_mood(START, ("empathy", "blame"), weights).mood == CustomerMood(52, 48)
    assert move_mood(CustomerMood(95, 2), ("blame",), weights).mood == CustomerMood(100, 0)
    assert move_mood(CustomerMood(4, 99), ("empathy",), weights) == MoodMove(CustomerMood(0, 100), -10, ("empathy",))


def test_tags_the_weights_do_not_know_change_nothing() -> None:
    weights = parse_weights(WEIGHTS)
    assert move_mood(START, ("shrug",), weights) == MoodMove(CustomerMood(50, 49), 0, ())


def test_a_weights_file_with_an_unknown_field_is_refused() -> None:
    with pytest.raises(ValidationError, match="extra"):
        parse_weights(WEIGHTS.replace("version: 1", "version: 1\nscale: 10"))


def test_an_effect_needs_a_note() -> None:
    with pytest.raises(ValidationError, match="note"):
        parse_weights(WEIGHTS.replace(", note: calms", ""))


@pytest.mark.parametrize(
    ("signals", "pushback", "apologised_before", "effects"),
    [
        (reply(tags=("empathy", "empathy")), False, False, ("empathy",)),
        (reply(tags=("apology",)), False, True, ("repeated_apology",)),
        (reply(tags=("question",)), True, False, ("question", "pushback")),
        (Signals(offers=(Offer("refund", 500, within_authority=False),)), False, False, ("over_promise",)),
        (Signals(offers=(Offer("refund", 500, within_authority=False, referred=True),)), False, False, ()),
        (
            reply(tags=("over_promise",), offers=(Offer("waiver", within_authority=False),)),
            False,
            False,
            ("over_promise",),
        ),
        (reply(breaches=("legal",)), False, False, ("unlawful_refusal",)),
        (reply(verdicts={"legal": "breach"}, tags=("unlawful_refusal",)), False, False, ("unlawful_refusal",)),
    ],
)
def test_the_engine_names_what_a_reply_did_once_each(
    signals: Signals, pushback: bool, apologised_before: bool, effects: tuple[str, ...]
) -> None:
    assert reply_effects(signals, pushback=pushback, apologised_before=apologised_before) == effects


@pytest.mark.parametrize(
    ("anger_push", "anger", "reaction"),
    [(-2, 50, "calmer"), (-1, 50, "neutral"), (1, 50, "neutral"), (2, 50, "angrier"), (0, 90, "angrier")],
)
def test_the_reaction_follows_the_push_on_anger(anger_push: int, anger: int, reaction: str) -> None:
    move = MoodMove(CustomerMood(anger, 50), anger_push, ())
    assert reaction_to(move, parse_weights(WEIGHTS)) == reaction


def test_maxed_out_means_furious_or_out_of_patience() -> None:
    assert CustomerMood(100, 40).maxed_out
    assert CustomerMood(30, 0).maxed_out
    assert not CustomerMood(99, 1).maxed_out
