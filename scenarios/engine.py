"""The conversation engine: start a conversation, advance it by one assessed reply, say what moves are possible.

Every function here is pure: the same scenario, state and signals always give the same step, with nothing kept
between calls but the caches of each compiled scenario's machine and voice. A turn, in order:

1. progress: the flags this reply earns (heard, empathised, …) join those of earlier turns;
2. push-back: a reply that acts as if a pending stage were done (a fix before the customer feels heard, account
   talk before identity checks) gets that stage's push-back line, and its offers go unheard;
3. offers: accepted or rejected by what the customer wants;
4. stages: as many stages on as the guards allow;
5. mood: the reply's effects (weights in ``data/mood.yaml``), then escalation points whose triggers hold, unless
   the reply has just resolved or escalated the conversation (a scripted event never starts after the goodbye);
6. outcome: resolved or escalated by guard, then customer_left (anger 100, patience 0, or a scripted
   ``customer_gives_up`` point), then timed_out;
7. the customer's reply: facts asked for, identity answers, the stage line for the reaction (push-back always;
   otherwise when nothing else answers the reply, or the customer is angrier), the answer to an offer, escalation
   lines; or, if the conversation ended, the outcome's last line.

Example::

    state, opening = start(scenario, seed=7)
    step = advance(scenario, state, signals)     # signals from the scorer
    step.text, step.stage, step.mood, step.outcome
"""

from __future__ import annotations

from dataclasses import dataclass

from .compile import CompiledScenario
from .customer import Speech, answer_offers, turn_random, voice
from .errors import ConversationOverError, StateError
from .escalation import escalate
from .guards import Progress, jumps_ahead, passes, progress_after
from .machine import Move, StageMachine, stage_machine
from .mood import CustomerMood, move_mood, reaction_to, reply_effects
from .signals import Signals
from .spec import Expectation, Outcome, Reaction
from .state import ConversationState, OfferMade


@dataclass(frozen=True, slots=True)
class Step:
    """One turn's result: the new state and what the customer said, with the stage, mood and events after it."""

    state: ConversationState
    text: str
    speaker: str
    reaction: Reaction
    stage: str
    mood: CustomerMood
    escalations: tuple[str, ...]
    expectations: tuple[Expectation, ...]
    outcome: Outcome | None
    facts_revealed: tuple[str, ...]
    offers: tuple[OfferMade, ...]

    @property
    def ended(self) -> bool:
        return self.outcome is not None


def start(scenario: CompiledScenario, seed: int) -> tuple[ConversationState, str]:
    """A new conversation at the scenario's start stage, and the customer's opening line."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"the seed must be a whole number, not {seed!r}")
    spec = scenario.spec
    speech = Speech(voice(scenario), turn_random(seed, 0), ())
    speech.say(spec.conversation.opening)
    state = ConversationState(
        scenario_id=scenario.id,
        scenario_version=scenario.version,
        content_hash=scenario.content_hash,
        seed=seed,
        turn=0,
        stage=spec.conversation.start,
        anger=spec.customer.temperament.anger,
        patience=spec.customer.temperament.patience,
        facts_revealed=tuple(speech.revealed),
        last_lines=tuple(speech.parts),
    )
    return state, speech.text


def allowed_moves(scenario: CompiledScenario, state: ConversationState) -> tuple[Move, ...]:
    """The ways on from the current stage, each with the guard that opens it; none once the conversation ended."""
    _check_belongs(scenario, state)
    if state.ended:
        return ()
    return stage_machine(scenario).moves(state.stage)


def _check_belongs(scenario: CompiledScenario, state: ConversationState) -> None:
    if state.scenario_id != scenario.id or state.content_hash != scenario.content_hash:
        raise StateError(
            f"this state belongs to scenario '{state.scenario_id}' version {state.scenario_version} "
            f"(content {state.content_hash[:12]}), not '{scenario.id}' version {scenario.version} "
            f"(content {scenario.content_hash[:12]})"
        )


def _jumped_stage(machine: StageMachine, stage: str, progress: Progress, signals: Signals) -> str | None:
    """The first pending stage this reply acts as if it were done with, if any."""
    for gate_stage, guard in machine.gates_from(stage):
        if not passes(guard, progress, signals) and jumps_ahead(guard, signals):
            return gate_stage
    return None


def advance(scenario: CompiledScenario, state: ConversationState, signals: Signals) -> Step:
    """Take one assessed learner reply; :class:`ConversationOverError` if the conversation has ended."""
    if state.outcome is not None:
        raise ConversationOverError(
            f"this conversation ended ({state.outcome}) after turn {state.turn}; it takes no more replies"
        )
    _check_belongs(scenario, state)
    conversation = scenario.spec.conversation
    machine = stage_machine(scenario)
    turn = state.turn + 1

    progress = progress_after(state.progress, signals)
    jumped = _jumped_stage(machine, state.stage, progress, signals)
    offers = answer_offers(scenario.spec.customer.wants, signals.offers, turn, listening=jumped is None)
    accepted = any(offer.response == "accepted" for offer in offers)
    rejected = any(offer.response == "rejected" for offer in offers)
    if accepted:
        progress = progress_after(progress, signals, offer_accepted=True)
    stage = machine.advance(state.stage, progress, signals)

    effects = reply_effects(signals, pushback=jumped is not None, apologised_before="apologised" in state.progress)
    move = move_mood(CustomerMood(state.anger, state.patience), effects)
    reaction: Reaction = "pushback" if jumped is not None else reaction_to(move)
    outcome = machine.finish(stage, progress, signals)
    # A conversation that ends well on this turn ends before any escalation point can start: nobody would say its
    # lines, and a new speaker would be credited with the customer's goodbye.
    points = () if outcome is not None else conversation.escalations
    escalated = escalate(points, state, move.mood, turn, signals)
    mood = escalated.mood

    gave_up = [escalation for escalation in escalated.fired if escalation.event == "customer_gives_up"]
    if outcome is None and (mood.maxed_out or gave_up):
        outcome = machine.end(stage, "customer_left")
    if outcome is None and turn >= conversation.turn_limit:
        outcome = machine.end(stage, "timed_out")

    speech = Speech(voice(scenario), turn_random(state.seed, turn), state.last_lines, state.facts_revealed)
    if outcome is not None:
        # A scripted "gives up" point has its own words for leaving; otherwise the outcome's last line.
        speech.say(gave_up[0].says if outcome == "customer_left" and gave_up else conversation.outcomes[outcome].says)
    else:
        speech.answer(signals.facts_asked, conversation.reactions.unknown_question)
        verification = conversation.reactions.verification
        if signals.identity_check and verification is not None:
            speech.say(verification)
        answered = bool(speech.parts) or accepted or rejected
        if jumped is not None:
            speech.say(scenario.stages[jumped].lines["pushback"])
        elif not escalated.fired and (not answered or reaction == "angrier"):
            # The line reacts to the reply, so it comes from the stage the reply was addressed to.
            lines = scenario.stages[state.stage].lines
            speech.say(lines.get(reaction) or lines["neutral"])
        if accepted:
            speech.say(conversation.reactions.accept_offer)
        elif rejected:
            speech.say(conversation.reactions.reject_offer)
        for escalation in escalated.fired:
            speech.say(escalation.says)

    revealed = tuple(speech.revealed)
    new_state = ConversationState(
        scenario_id=state.scenario_id,
        scenario_version=state.scenario_version,
        content_hash=state.content_hash,
        seed=state.seed,
        turn=turn,
        stage=stage,
        anger=mood.anger,
        patience=mood.patience,
        progress=progress,
        facts_revealed=revealed,
        offers=state.offers + offers,
        escalations=state.escalations + tuple(escalation.id for escalation in escalated.fired),
        expectations=escalated.expectations,
        speaker=escalated.speaker,
        third_party=escalated.third_party,
        disclosed=escalated.disclosed,
        last_lines=tuple(speech.parts),
        outcome=outcome,
    )
    return Step(
        state=new_state,
        text=speech.text,
        speaker=escalated.speaker or scenario.spec.customer.name,
        reaction=reaction,
        stage=stage,
        mood=mood,
        escalations=tuple(escalation.id for escalation in escalated.fired),
        expectations=escalated.expectations,
        outcome=outcome,
        facts_revealed=revealed[len(state.facts_revealed) :],
        offers=offers,
    )


__all__ = ["Step", "advance", "allowed_moves", "start"]
