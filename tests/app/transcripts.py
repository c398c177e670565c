"""Whole conversations as bytes, for checking that the same scenario, seed and replies always say the same thing.

A transcript holds everything a learner or assessor could see or store: the opening, and for each reply the
customer's words and speaker, the stage, mood, reaction, escalation points, outcome, every verdict with its
evidence, the signals, and the saved state. ``restore_each_turn`` saves the state to JSON and restores it before
every reply, as a server that keeps nothing in memory between requests would.

Run as a module it prints the digest of every playthrough's transcript for each seed, so a test can compare runs
in separate processes (with a different hash seed)::

    python -m tests.app.transcripts 50
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.conversation import begin, take_turn
from app.playthrough import playthrough_files, scenario_for
from app.playthrough_spec import read_playthrough
from scenarios import CompiledScenario, state_from_json, state_to_json
from scoring import transcript_report

PLAYTHROUGHS = Path(__file__).resolve().parents[1] / "playthroughs"


def transcript(
    scenario: CompiledScenario, seed: int, replies: Sequence[str], *, restore_each_turn: bool = False
) -> bytes:
    """The conversation these replies make, as canonical JSON bytes; stops when the conversation ends."""
    state, opening = begin(scenario, seed)
    turns: list[dict[str, Any]] = []
    assessments = []
    for text in replies:
        if state.ended:
            break
        if restore_each_turn:
            state = state_from_json(state_to_json(state), scenario)
        turn = take_turn(scenario, state, text)
        step = turn.step
        state = step.state
        assessments.append(turn.assessment)
        turns.append(
            {
                "reply": text,
                "speaker": step.speaker,
                "says": step.text,
                "stage": step.stage,
                "mood": [step.mood.anger, step.mood.patience],
                "reaction": step.reaction,
                "escalations": list(step.escalations),
                "outcome": step.outcome,
                "assessment": turn.assessment.as_dict(),
                "state": state_to_json(state),
            }
        )
    report = transcript_report(assessments, state.outcome).as_dict()
    data = {"scenario": scenario.id, "seed": seed, "opening": opening, "turns": turns, "report": report}
    return json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")


def scripted() -> list[tuple[str, CompiledScenario, tuple[str, ...]]]:
    """Every playthrough file's name, scenario and replies."""
    found = []
    for path in playthrough_files([PLAYTHROUGHS]):
        playthrough, lines = read_playthrough(path)
        replies = tuple(turn.reply for turn in playthrough.turns)
        found.append((str(path.relative_to(PLAYTHROUGHS)), scenario_for(playthrough, lines, path), replies))
    return found


def digests(seeds: int) -> dict[str, list[str]]:
    """Playthrough name → the SHA-256 of its transcript for seeds 0 to ``seeds - 1``."""
    return {
        name: [hashlib.sha256(transcript(scenario, seed, replies)).hexdigest() for seed in range(seeds)]
        for name, scenario, replies in scripted()
    }


if __name__ == "__main__":
    json.dump(digests(int(sys.argv[1])), sys.stdout)
