"""The engine: stages, push-back, the customer's answers, offers, escalation points and outcomes."""

from __future__ import annotations

import itertools
import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from scenarios import ConversationOverError, Offer, Signals, StateError, compile_scenario
from scenarios.compile import CompiledScenario
from scenarios.engine import Step, advance, allowed_moves, start
from scenarios.machine import Move
from scenarios.state import ConversationState

from .minimal import MINIMAL
from .parcel import PARCEL
from .replies import APOLOGISES, EMPATHISES, HEARS, HEAT, NOTHING, OWNS, REFERS, RUDE, offers, reply


@pytest.fixture(scope="module")
def parcel() -> CompiledScenario:
    return compile_scenario(PARCEL)


def play(scenario: CompiledScenario, *replies: Signals, seed: int = 1) -> list[Step]:
    """The steps of a conversation with these replies, stopping early if it ends."""
    state, _ = start(scenario, seed)
    steps = []
    for signals in replies:
        if state.ended:
            break
        step = advance(scenario, state, signals)
        steps.append(step)
        state = step.state
    return steps


def lines_of(scenario: CompiledScenario, stage: str, reaction: str) -> tuple[str, ...]:
    return scenario.stages[stage].lines[reaction]  # type: ignore[index]


# -- stages ------------------------------------------------------------------------------------------------------
def test_start_opens_in_the_start_stage_with_an_opening_line(parcel: CompiledScenario) -> None:
    state, line = start(parcel, seed=4)
    assert line in parcel.spec.conversation.opening
    assert (state.stage, state.turn, state.anger, state.patience, state.outcome) == ("hear", 0, 50, 60, None)


def test_one_reply_can_move_several_stages(parcel: CompiledScenario) -> None:
    [step] = play(parcel, HEAT)
    assert step.stage == "resolution"
    assert step.state.progress == {"heard", "empathised", "apologised", "owned"}


def test_progress_is_cumulative(parcel: CompiledScenario) -> None:
    empathised, apologised, heard = play(parcel, EMPATHISES, APOLOGISES, HEARS)
    assert (empathised.stage, apologised.stage) == ("hear", "hear")
    # Hearing opens the first gate; empathy and the apology already given open the next two.
    assert heard.stage == "own"


def test_a_solution_before_the_customer_is_heard_gets_pushback(parcel: CompiledScenario) -> None:
    [step] = play(parcel, offers("refund", 129))
    assert step.reaction == "pushback"
    assert step.text in lines_of(parcel, "hear", "pushback")
    assert step.offers[0].response == "unheard"
    assert (step.stage, step.outcome) == ("hear", None)
    assert step.mood.anger > 50


def test_a_solution_with_a_question_is_no_pushback(parcel: CompiledScenario) -> None:
    [step] = play(parcel, reply("hear", solution_offered=True))
    assert step.reaction != "pushback"
    assert step.stage == "empathise"


def test_a_solution_once_heard_is_no_pushback(parcel: CompiledScenario) -> None:
    _, step = play(parcel, HEARS, offers("refund", 50))
    assert step.reaction != "pushback"
    assert step.offers[0].response == "rejected"


VERIFY_STAGE = """\
    - id: verify
      goal: Check who is calling
      advance_when: identity_verified
      next: own
      lines:
        neutral: ["Do you need my details?", "What do you need from me?"]
        calmer: ["Sure.", "Go ahead."]
        angrier: ["This is taking ages.", "Come on."]
        pushback: ["Shouldn't you check who I am first?", "You haven't even asked who I am."]
"""
VERIFICATION = """\
    verification: ["It's 12 Mill Lane, LS1 4AB.", "My date of birth is 3 March 1980."]
    unknown_question:"""
VERIFIED = (
    MINIMAL.replace("      next: own\n", "      next: verify\n")
    .replace("    - id: own\n", VERIFY_STAGE + "    - id: own\n")
    .replace("    unknown_question:", VERIFICATION)
)


def test_a_verify_stage_is_enforced_like_hearing() -> None:
    scenario = compile_scenario(VERIFIED)
    talk = reply("hear", account_talk=True)
    early, checked, later = play(scenario, talk, reply(identity_check=True), reply(account_talk=True))
    assert early.reaction == "pushback"
    assert early.text in lines_of(scenario, "verify", "pushback")
    assert early.stage == "verify"
    assert checked.text.startswith(scenario.spec.conversation.reactions.verification or ())
    assert checked.stage == "own"
    assert later.reaction != "pushback"


def test_a_later_verify_stage_is_enforced_from_the_first_stage() -> None:
    [step] = play(compile_scenario(VERIFIED), reply(account_talk=True))
    assert step.stage == "hear"
    assert step.text in lines_of(compile_scenario(VERIFIED), "verify", "pushback")


def test_allowed_moves_name_their_guards(parcel: CompiledScenario) -> None:
    state, _ = start(parcel, 1)
    assert allowed_moves(parcel, state) == (
        Move("stage", "empathise", "heard"),
        Move("outcome", "escalated", "referral_made"),
        Move("outcome", "customer_left", None),
        Move("outcome", "timed_out", None),
    )
    [step] = play(parcel, HEAT)
    assert [move.to for move in allowed_moves(parcel, step.state)] == [
        "resolved",
        "escalated",
        "customer_left",
        "timed_out",
    ]


# -- mood in the lines ---------------------------------------------------------------------------------------------
def test_the_customers_lines_follow_the_mood(parcel: CompiledScenario) -> None:
    calmer, angrier = play(parcel, reply(tags=("empathy", "apology")), reply(tags=("sarcasm",)))
    assert calmer.reaction == "calmer"
    assert calmer.text in lines_of(parcel, "hear", "calmer")
    assert angrier.reaction == "angrier"
    assert angrier.text in lines_of(parcel, "hear", "angrier")


# -- the customer's answers -----------------------------------------------------------------------------------------
def test_facts_asked_are_answered_with_the_value_filled_in(parcel: CompiledScenario) -> None:
    [step] = play(parcel, reply("hear", facts_asked=("order",)))
    assert step.text in ("It's order SS-4471.", "The order number is SS-4471.")
    assert step.facts_revealed == ("order",)


@pytest.mark.parametrize("seed", range(40))
def test_hidden_facts_come_out_only_when_asked(parcel: CompiledScenario, seed: int) -> None:
    steps = play(parcel, NOTHING, NOTHING, NOTHING, seed=seed)
    assert all("blue door" not in step.text for step in steps)
    assert all("photo" not in step.state.facts_revealed for step in steps)
    [asked] = play(parcel, reply(facts_asked=("photo",)), seed=seed)
    assert "blue door" in asked.text
    assert asked.state.facts_revealed == ("photo",)


def test_a_revealed_hidden_fact_may_be_mentioned_again(parcel: CompiledScenario) -> None:
    said = {play(parcel, reply(facts_asked=("photo",)), NOTHING, seed=seed)[1].text for seed in range(30)}
    assert "The courier even sent a photo of a blue door." in said


def test_a_question_the_customer_cannot_answer(parcel: CompiledScenario) -> None:
    [step] = play(parcel, reply(facts_asked=("postcode", "order")))
    assert step.text.startswith(("It's order SS-4471. ", "The order number is SS-4471. "))
    assert step.text.endswith(parcel.spec.conversation.reactions.unknown_question)
    assert step.facts_revealed == ("order",)


# -- offers ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("offer", "response"),
    [
        (Offer("refund", 129), "accepted"),
        (Offer("refund", 150), "accepted"),
        (Offer("refund", None), "accepted"),
        (Offer("refund", 50, full=True), "accepted"),
        (Offer("replacement"), "accepted"),
        (Offer("refund", 50), "rejected"),
        (Offer("voucher", 10), "rejected"),
        (Offer("refund", 129, within_authority=False), "beyond_authority"),
        (Offer("refund", 129, referred=True), "referred"),
    ],
)
def test_offers_are_taken_by_what_the_customer_wants(parcel: CompiledScenario, offer: Offer, response: str) -> None:
    _, step = play(parcel, HEARS, Signals(offers=(offer,), solution_offered=True))
    assert step.offers[0].response == response
    reactions = parcel.spec.conversation.reactions
    if response == "accepted":
        assert step.text.endswith(reactions.accept_offer)
    if response == "rejected":
        assert step.text.endswith(reactions.reject_offer)


def test_one_acceptable_offer_among_several_is_taken(parcel: CompiledScenario) -> None:
    both = Signals(offers=(Offer("voucher", 10), Offer("replacement")), solution_offered=True)
    _, step = play(parcel, HEARS, both)
    assert [offer.response for offer in step.offers] == ["rejected", "accepted"]
    assert "offer_accepted" in step.state.progress


# -- escalation points ---------------------------------------------------------------------------------------------
ANGRY = reply(tags=("rude",))
BREACHES_LAW = reply(breaches=("legal",))
PROMISES_TOO_MUCH = offers("refund", 500, within_authority=False)


@pytest.mark.parametrize(
    ("point", "replies", "fires_on"),
    [
        ("manager", [ANGRY, ANGRY, ANGRY], 3),
        ("tweet", [NOTHING] * 8, 6),
        ("rights", [BREACHES_LAW, BREACHES_LAW], 1),
        ("promise", [HEARS, PROMISES_TOO_MUCH, PROMISES_TOO_MUCH], 2),
        ("wife", [RUDE, HEARS, RUDE], 1),
    ],
)
def test_each_escalation_point_fires_once(
    parcel: CompiledScenario, point: str, replies: list[Signals], fires_on: int
) -> None:
    steps = play(parcel, *replies)
    assert [step.state.turn for step in steps if point in step.escalations] == [fires_on]
    assert steps[-1].state.escalations.count(point) == 1
    fired = steps[fires_on - 1]
    [escalation] = [e for e in parcel.spec.conversation.escalations if e.id == point]
    assert fired.text.endswith(escalation.says)


def test_an_escalation_point_can_hand_over_to_a_new_speaker(parcel: CompiledScenario) -> None:
    rude, calm = play(parcel, RUDE, HEARS)
    assert (rude.speaker, rude.state.third_party) == ("Priya Patel", True)
    assert calm.speaker == "Priya Patel"


def test_an_expectation_stays_until_a_reply_meets_it(parcel: CompiledScenario) -> None:
    rude, heard, boundary = play(parcel, RUDE, HEARS, reply(tags=("boundary",)))
    assert rude.expectations == ("boundary",)
    assert heard.expectations == ("boundary",)
    assert boundary.expectations == ()


def test_an_escalation_point_changes_anger(parcel: CompiledScenario) -> None:
    steps = play(parcel, *[NOTHING] * 6)
    assert steps[5].escalations == ("tweet",)
    assert steps[5].mood.anger == steps[4].mood.anger + 5


# -- outcomes ------------------------------------------------------------------------------------------------------
def says(scenario: CompiledScenario, outcome: str) -> tuple[str, ...]:
    return scenario.spec.conversation.outcomes[outcome].says  # type: ignore[index]


def test_no_escalation_point_starts_on_the_turn_that_ends_the_conversation_well(parcel: CompiledScenario) -> None:
    # "tweet" is due after turn 6, the turn on which the customer accepts a refund and leaves happy.
    steps = play(parcel, HEAT, NOTHING, NOTHING, NOTHING, NOTHING, offers("refund", 129))
    last = steps[-1]
    assert last.outcome == "resolved"
    assert (last.escalations, last.state.escalations) == ((), ())
    assert last.speaker == parcel.spec.customer.name
    assert last.text in says(parcel, "resolved")
    assert last.mood.anger == steps[-2].mood.anger  # the reply itself moves nothing; "tweet" would add 5


def test_resolved_when_an_offer_is_accepted_in_the_resolution_stage(parcel: CompiledScenario) -> None:
    heat, offer = play(parcel, HEAT, offers("refund", 129))
    assert heat.outcome is None
    assert offer.outcome == "resolved"
    assert offer.text in says(parcel, "resolved")
    assert offer.state.ended


def test_an_accepted_offer_resolves_only_where_resolution_is_reachable(parcel: CompiledScenario) -> None:
    heard, later = play(parcel, reply("hear", offers=(Offer("refund", 129),)), HEAT)
    assert heard.outcome is None
    assert heard.stage == "empathise"
    assert later.outcome == "resolved"


def test_escalated_when_referred_properly(parcel: CompiledScenario) -> None:
    _, step = play(parcel, HEARS, REFERS)
    assert step.outcome == "escalated"
    assert step.text in says(parcel, "escalated")


def test_an_improper_referral_does_not_escalate(parcel: CompiledScenario) -> None:
    _, step = play(parcel, HEARS, reply(referral_made=True, tags=("vague_promise",)))
    assert step.outcome is None


def test_customer_leaves_when_anger_reaches_100(parcel: CompiledScenario) -> None:
    steps = play(parcel, *[RUDE] * 10)
    assert steps[-1].outcome == "customer_left"
    assert steps[-1].mood.anger == 100
    assert steps[-1].text in says(parcel, "customer_left")
    assert all(step.outcome is None for step in steps[:-1])


def test_customer_leaves_when_patience_runs_out() -> None:
    scenario = compile_scenario(MINIMAL.replace("{anger: 40, patience: 60}", "{anger: 0, patience: 5}"))
    steps = play(scenario, *[reply(tags=("policy_wall",))] * 3)
    assert steps[-1].outcome == "customer_left"
    assert steps[-1].mood.patience == 0
    assert steps[-1].mood.anger < 100


def test_timed_out_at_the_turn_limit(parcel: CompiledScenario) -> None:
    steps = play(parcel, *[NOTHING] * 10)
    assert [step.outcome for step in steps] == [None] * 9 + ["timed_out"]
    assert steps[-1].text in says(parcel, "timed_out")


def test_an_ended_conversation_takes_no_more_replies(parcel: CompiledScenario) -> None:
    _, step = play(parcel, HEARS, REFERS)
    with pytest.raises(ConversationOverError, match=r"ended \(escalated\) after turn 2"):
        advance(parcel, step.state, HEARS)
    assert allowed_moves(parcel, step.state) == ()


def test_a_state_from_another_scenario_is_refused(parcel: CompiledScenario) -> None:
    other, _ = start(compile_scenario(MINIMAL), 1)
    with pytest.raises(StateError, match="kettle-fault"):
        advance(parcel, other, HEARS)


# -- lines never repeat ----------------------------------------------------------------------------------------------
SCRIPT_CHOICES = [NOTHING, HEARS, EMPATHISES, APOLOGISES, OWNS, reply(tags=("sarcasm",)), offers("voucher", 5)]


@pytest.mark.parametrize("seed", range(60))
def test_no_line_twice_in_a_row(parcel: CompiledScenario, seed: int) -> None:
    chooser = random.Random(seed)
    state, line = start(parcel, seed)
    said = [line]
    while not state.ended:
        step = advance(parcel, state, chooser.choice(SCRIPT_CHOICES))
        said.append(step.text)
        state = step.state
    assert all(before != after for before, after in itertools.pairwise(said)), said


def test_a_fresh_state_is_a_plain_value(parcel: CompiledScenario) -> None:
    state, _ = start(parcel, 9)
    assert isinstance(state, ConversationState)
    assert state == start(parcel, 9)[0]


GIVES_UP = MINIMAL.replace(
    "      expects: referral\n",
    "      expects: referral\n"
    "    - id: gives_up\n"
    "      event: customer_gives_up\n"
    "      trigger: {after_turn: 3}\n"
    '      says: ["That\'s it, I\'ve had enough of this.", "Right, I\'m off."]\n'
    "      expects: none\n",
)


def test_a_scripted_give_up_ends_the_conversation_in_its_own_words() -> None:
    scenario = compile_scenario(GIVES_UP)
    steps = play(scenario, NOTHING, NOTHING, NOTHING, NOTHING)
    assert [step.outcome for step in steps] == [None, None, "customer_left"]
    assert steps[-1].text in ("That's it, I've had enough of this.", "Right, I'm off.")


def test_a_loop_of_stages_moves_at_most_once_round() -> None:
    scenario = compile_scenario(
        MINIMAL.replace("      advance_when: offer_accepted\n", "      advance_when: always\n      next: hear\n")
    )
    [step] = play(scenario, HEARS)
    assert step.stage == "own"
    assert [move.to for move in allowed_moves(scenario, step.state) if move.kind == "stage"] == ["hear"]


def test_turns_on_one_scenario_can_run_in_threads(parcel: CompiledScenario) -> None:
    def conversation(seed: int) -> list[str]:
        chooser = random.Random(seed)
        state, line = start(parcel, seed)
        said = [line]
        while not state.ended:
            step = advance(parcel, state, chooser.choice(SCRIPT_CHOICES))
            said.append(f"{step.stage} {step.text}")
            state = step.state
        return said

    alone = [conversation(seed) for seed in range(200)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(conversation, range(200))) == alone
