"""State as data: the same seed and replies give the same transcript, and a saved state continues exactly."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios import Offer, ScenarioFileError, Signals, StateError, compile_scenario, library_texts
from scenarios.compile import CompiledScenario
from scenarios.engine import advance, start
from scenarios.state import ConversationState, from_json, to_json

from .minimal import MINIMAL
from .parcel import PARCEL
from .replies import APOLOGISES, EMPATHISES, HEARS, HEAT, NOTHING, OWNS, REFERS, RUDE, offers, reply

ROOT = Path(__file__).resolve().parents[2]
REPLIES = [
    NOTHING,
    HEARS,
    EMPATHISES,
    APOLOGISES,
    OWNS,
    HEAT,
    RUDE,
    reply(tags=("calm_down",)),
    reply(tags=("policy_wall",), breaches=("legal",)),
    reply("hear", facts_asked=("order", "photo", "price", "bought", "nothing_known")),
    reply(identity_check=True),
    reply(account_talk=True),
    reply(tags=("boundary",)),
    offers("refund", 20),
    offers("refund", 129),
    offers("replacement"),
    offers("refund", 900, within_authority=False),
    Signals(offers=(Offer("voucher", 5, referred=True),)),
    REFERS,
]


def script(seed: int, length: int = 12) -> list[Signals]:
    """A reproducible run of mixed replies, different for each seed."""
    chooser = random.Random(f"script:{seed}")
    return [chooser.choice(REPLIES) for _ in range(length)]


Transcript = list[str]


def transcript(scenario: CompiledScenario, seed: int, replies: list[Signals], *, restore_each_turn: bool) -> Transcript:
    """Everything a conversation produced, as text: each line said, and the saved state after each turn."""
    state, opening = start(scenario, seed)
    out = [opening, to_json(state)]
    for signals in replies:
        if state.ended:
            break
        if restore_each_turn:
            state = from_json(to_json(state), scenario)
        step = advance(scenario, state, signals)
        out += [f"{step.speaker}: {step.text} [{step.reaction}, {step.stage}, {step.outcome}]", to_json(step.state)]
        state = step.state
    return out


@pytest.fixture(scope="module")
def parcel() -> CompiledScenario:
    return compile_scenario(PARCEL)


def test_the_same_seed_and_replies_give_the_same_transcript(parcel: CompiledScenario) -> None:
    for seed in range(200):
        replies = script(seed)
        first = transcript(parcel, seed, replies, restore_each_turn=False)
        assert transcript(parcel, seed, replies, restore_each_turn=False) == first, seed


def test_different_seeds_give_different_conversations(parcel: CompiledScenario) -> None:
    replies = [NOTHING, HEARS, EMPATHISES, NOTHING]
    runs = {"\n".join(transcript(parcel, seed, replies, restore_each_turn=False)[::2]) for seed in range(20)}
    assert len(runs) > 10


def test_save_and_restore_at_every_turn_changes_nothing(parcel: CompiledScenario) -> None:
    for seed in range(200):
        replies = script(seed)
        straight = transcript(parcel, seed, replies, restore_each_turn=False)
        assert transcript(parcel, seed, replies, restore_each_turn=True) == straight, seed


def _digest_in_subprocess(hash_seed: str) -> str:
    code = (
        "import hashlib, json\n"
        "from tests.scenarios.test_state import parcel_transcripts\n"
        "print(hashlib.sha256(json.dumps(parcel_transcripts()).encode()).hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def parcel_transcripts() -> list[Transcript]:
    scenario = compile_scenario(PARCEL)
    return [transcript(scenario, seed, script(seed), restore_each_turn=False) for seed in range(30)]


def test_transcripts_do_not_depend_on_the_process() -> None:
    here = hashlib.sha256(json.dumps(parcel_transcripts()).encode()).hexdigest()
    assert {_digest_in_subprocess("1"), _digest_in_subprocess("4242")} == {here}


# -- the JSON form -------------------------------------------------------------------------------------------------
def played(scenario: CompiledScenario, *replies: Signals, seed: int = 5) -> ConversationState:
    state, _ = start(scenario, seed)
    for signals in replies:
        state = advance(scenario, state, signals).state
    return state


def test_saved_state_is_compact_canonical_json(parcel: CompiledScenario) -> None:
    state = played(parcel, RUDE, reply("hear", facts_asked=("photo",)), offers("refund", 20))
    text = to_json(state)
    data = json.loads(text)
    assert text == json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert data["format"] == 1
    assert data["scenario"] == {"id": "parcel-missing", "version": 1, "hash": parcel.content_hash}
    assert data["facts"] == ["photo"]
    assert data["offers"] == [{"turn": 3, "kind": "refund", "amount": 20.0, "response": "rejected"}]
    assert data["escalations"] == ["wife"]
    assert data["speaker"] == "Priya Patel"
    assert from_json(text, parcel) == state
    assert to_json(from_json(text, parcel)) == text


def test_an_ended_state_restores_as_ended(parcel: CompiledScenario) -> None:
    state = played(parcel, HEARS, REFERS)
    restored = from_json(to_json(state), parcel)
    assert (restored.outcome, restored.ended) == ("escalated", True)


def test_a_long_conversation_saves_well_under_8_kb(parcel: CompiledScenario) -> None:
    many_offers = Signals(offers=tuple(Offer("voucher", 5.0 + n) for n in range(5)), solution_offered=True)
    state = played(parcel, HEARS, *[many_offers] * 8)
    assert len(to_json(state).encode("utf-8")) < 8 * 1024


# -- refusals ------------------------------------------------------------------------------------------------------
def test_a_state_from_another_scenario_version_is_refused() -> None:
    old = compile_scenario(MINIMAL)
    new = compile_scenario(MINIMAL.replace("version: 1", "version: 2"))
    saved = to_json(played(old, HEARS))
    with pytest.raises(StateError) as refused:
        from_json(saved, new)
    message = str(refused.value)
    assert "scenario 'kettle-fault' version 1" in message
    assert "version 2" in message
    assert old.content_hash[:12] in message
    assert new.content_hash[:12] in message
    assert "cannot continue on a changed scenario" in message


def test_a_state_from_an_edited_scenario_with_the_same_version_is_refused() -> None:
    old = compile_scenario(MINIMAL)
    edited = compile_scenario(MINIMAL.replace("Faulty kettle", "Broken kettle"))
    with pytest.raises(StateError, match="same version number, different text"):
        from_json(to_json(played(old, HEARS)), edited)


def test_a_state_from_another_scenario_is_refused(parcel: CompiledScenario) -> None:
    saved = to_json(played(compile_scenario(MINIMAL), HEARS))
    with pytest.raises(StateError, match="belongs to scenario 'kettle-fault', not 'parcel-missing'"):
        from_json(saved, parcel)


def _edit(field: str, value: object) -> Callable[[dict[str, object]], None]:
    def change(data: dict[str, object]) -> None:
        data[field] = value

    return change


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (_edit("format", 2), "format 2; this engine reads state format 1"),
        (_edit("anger", 150), "damaged: anger"),
        (_edit("seed", "7"), "damaged: seed"),
        (_edit("stage", "nowhere"), "stage 'nowhere' is not a stage"),
        (_edit("facts", ["pin"]), "facts ['pin'] are not the customer's"),
        (_edit("progress", ["bribed"]), "damaged: progress"),
        (_edit("outcome", "escalated"), "no 'escalated' outcome"),
        (_edit("extra", 1), "damaged: extra"),
    ],
)
def test_a_damaged_state_is_refused(change: Callable[[dict[str, object]], None], words: str) -> None:
    scenario = compile_scenario(MINIMAL)
    data = json.loads(to_json(played(scenario, HEARS)))
    change(data)
    with pytest.raises(StateError, match=words.replace("[", r"\[").replace("]", r"\]")):
        from_json(json.dumps(data), scenario)


@pytest.mark.parametrize(("text", "words"), [("{not json", "not valid JSON"), ("[1, 2]", "not a JSON object")])
def test_bad_json_is_refused(text: str, words: str) -> None:
    with pytest.raises(StateError, match=words):
        from_json(text, compile_scenario(MINIMAL))


# -- the built-in library ------------------------------------------------------------------------------------------
def _library_or_skip(name: str) -> CompiledScenario:
    try:
        return compile_scenario(library_texts()[name], file=name)
    except ScenarioFileError as exc:
        pytest.skip(f"{name} does not validate yet: {exc.issues[0]}")


def customer_lines(scenario: CompiledScenario, seed: int, replies: list[Signals]) -> list[str]:
    state, opening = start(scenario, seed)
    said = [opening]
    for signals in replies:
        if state.ended:
            break
        step = advance(scenario, state, signals)
        said.append(step.text)
        state = step.state
    return said


@pytest.mark.parametrize("name", sorted(library_texts()))
def test_built_in_scenarios_replay_and_restore_exactly(name: str) -> None:
    scenario = _library_or_skip(name)
    limit = scenario.spec.conversation.turn_limit
    for seed in range(40):
        replies = script(seed, length=limit + 2)
        straight = transcript(scenario, seed, replies, restore_each_turn=False)
        assert transcript(scenario, seed, replies, restore_each_turn=False) == straight
        assert transcript(scenario, seed, replies, restore_each_turn=True) == straight
        assert json.loads(straight[-1])["outcome"] is not None
        said = customer_lines(scenario, seed, replies)
        assert all(before != after for before, after in itertools.pairwise(said)), said
