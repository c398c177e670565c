"""One turn of a role-play, composed from the scorer and the engine: the heart of every front end.

``begin`` opens a conversation; ``take_turn`` assesses the learner's reply in the context the conversation has
built (the customer's last line, whether identity was checked, who is speaking, what the customer expects) and
advances the engine with the reply's signals. Both are pure: the same scenario, seed and replies always give the
same transcript, which is what lets assessors replay and re-score.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios import CompiledScenario, ConversationState, Step, advance, start
from scoring import Assessment, Context, assess


@dataclass(frozen=True, slots=True)
class Turn:
    """A learner's reply, how it was assessed, and what the engine made of it."""

    text: str
    assessment: Assessment
    step: Step


def context_for(scenario: CompiledScenario, state: ConversationState) -> Context:
    """What the scorer needs to know about the conversation so far."""
    return Context(
        scenario=scenario,
        customer_line=state.last_line,
        identity_verified="identity_verified" in state.progress,
        third_party=True if state.third_party else None,
        expects=tuple(state.expectations),
        turn=state.turn + 1,
    )


def begin(scenario: CompiledScenario, seed: int) -> tuple[ConversationState, str]:
    """A new conversation and the customer's opening line."""
    return start(scenario, seed)


def take_turn(scenario: CompiledScenario, state: ConversationState, text: str) -> Turn:
    """Assess one reply in context and advance the conversation by it."""
    assessment = assess(text, context_for(scenario, state))
    return Turn(text, assessment, advance(scenario, state, assessment.signals))
