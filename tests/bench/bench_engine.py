"""What one engine turn costs, and how big a saved conversation is.

Run it: ``.venv/bin/python -m tests.bench engine`` (or import it and call :func:`main`). Scoring is left out:
the signals of each reply are made up front, so the figure is the engine alone. Targets: one ``advance`` in at
most 50 µs, a saved state in at most 8 KB. Beside each figure is a baseline measured in the same run (a dict copy
and ``json.dumps`` of the state), so a slow machine shows as slow baselines too.

It also prices the ways of using ``transitions`` that the engine could have chosen: one machine per compiled
scenario shared by every turn (what :mod:`scenarios.machine` does), the same machine with the turn's model added
and removed, and a new machine for every turn.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from transitions import Machine

from scenarios import CompiledScenario, Offer, Signals, builtin_scenarios
from scenarios.engine import advance, start
from scenarios.machine import StageMachine
from scenarios.state import ConversationState, from_json, to_json

from .summary import Row, micros, size

ADVANCE_TARGET_US = 50.0
STATE_TARGET_BYTES = 8 * 1024

HEAT_REPLY = Signals(
    verdicts={"hear": "met", "empathise": "met", "apologise": "met", "own": "met"},
    tags=("question", "empathy", "apology", "ownership"),
)
REPLIES = (
    Signals(),
    Signals(verdicts={"hear": "met"}, tags=("question",), questions=1),
    Signals(verdicts={"empathise": "met"}, tags=("empathy",)),
    Signals(verdicts={"apologise": "met"}, tags=("apology",)),
    Signals(verdicts={"own": "met"}, tags=("ownership",)),
    Signals(verdicts={"hear": "met"}, facts_asked=("order_number", "price", "date"), questions=2),
    Signals(identity_check=True),
    Signals(account_talk=True),
    Signals(tags=("calm_down", "blame"), verdicts={"professional": "breach"}, breaches=("professional",)),
    Signals(offers=(Offer("refund", 20.0),), solution_offered=True),
    Signals(offers=(Offer("replacement"), Offer("voucher", 5.0)), solution_offered=True),
    Signals(offers=(Offer("refund", 900.0, within_authority=False),), solution_offered=True),
)


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str


def per_call_us(action: Callable[[], object], calls: int, repeats: int = 7) -> float:
    """The mean time of one call in the fastest of ``repeats`` runs, in microseconds.

    The fastest run, as ``timeit`` advises: slower runs measure other processes, not this code.
    """
    runs = []
    for _ in range(repeats):
        began = time.perf_counter_ns()
        for _ in range(calls):
            action()
        runs.append((time.perf_counter_ns() - began) / calls / 1000)
    return min(runs)


def turns_of(scenario: CompiledScenario, conversations: int = 40) -> list[tuple[ConversationState, Signals]]:
    """States met in scripted conversations, each with the reply that came next."""
    chooser = random.Random(0)
    turns = []
    for seed in range(conversations):
        state, _ = start(scenario, seed)
        while not state.ended:
            signals = chooser.choice(REPLIES)
            turns.append((state, signals))
            state = advance(scenario, state, signals).state
    return turns


def measure_scenario(scenario: CompiledScenario) -> list[Figure]:
    turns = turns_of(scenario)
    index = 0

    def heat_reply() -> None:
        advance(scenario, opening_state, HEAT_REPLY)

    def one_advance() -> None:
        nonlocal index
        state, signals = turns[index % len(turns)]
        index += 1
        advance(scenario, state, signals)

    opening_state, _ = start(scenario, 0)
    state_dicts = [json.loads(to_json(state)) for state, _ in turns]
    texts = [to_json(state) for state, _ in turns]
    sizes = [len(text.encode("utf-8")) for text in texts]
    calls = 2000
    return [
        Figure("advance (engine only)", per_call_us(one_advance, calls), "µs"),
        Figure("advance, one reply crossing every HEAT stage", per_call_us(heat_reply, calls), "µs"),
        Figure("  baseline: dict copy of the state", per_call_us(lambda: dict(state_dicts[0]), calls), "µs"),
        Figure("  baseline: json.dumps of the state", per_call_us(lambda: json.dumps(state_dicts[-1]), calls), "µs"),
        Figure("save (to_json)", per_call_us(lambda: to_json(turns[-1][0]), calls), "µs"),
        Figure("restore (from_json)", per_call_us(lambda: from_json(texts[-1], scenario), calls), "µs"),
        Figure("build a StageMachine", per_call_us(lambda: StageMachine(scenario), 200), "µs"),
        Figure("saved state, opening", len(to_json(opening_state).encode("utf-8")), "bytes"),
        Figure("saved state, mean", statistics.mean(sizes), "bytes"),
        Figure("saved state, largest", max(sizes), "bytes"),
    ]


class _Model:
    def __init__(self) -> None:
        self.state = "a"


def _always(event: object) -> bool:
    return True


def _small_machine(model: object | None) -> Machine:
    machine = Machine(model=model, states=["a", "b"], initial="a", auto_transitions=False, send_event=True)
    machine.add_transition("advance", "a", "b", conditions=[_always])
    return machine


def measure_transitions_choices() -> list[Figure]:
    """One guarded transition three ways (the engine fires at most one ``advance`` transition a turn)."""
    shared = _small_machine(None)
    event = shared.events["advance"]

    def shared_direct() -> None:
        event.trigger(_Model())

    def shared_add_remove() -> None:
        model = _Model()
        shared.add_model(model, initial="a")
        model.advance()  # type: ignore[attr-defined]
        shared.remove_model(model)

    def new_machine() -> None:
        model = _Model()
        _small_machine(model)
        model.advance()  # type: ignore[attr-defined]

    return [
        Figure("transitions: shared machine, event fired on a plain model", per_call_us(shared_direct, 5000), "µs"),
        Figure("transitions: shared machine, add_model + remove_model", per_call_us(shared_add_remove, 2000), "µs"),
        Figure("transitions: a new Machine per turn", per_call_us(new_machine, 300), "µs"),
    ]


def measure() -> dict[str, list[Figure]]:
    """Every figure, grouped: the ``transitions`` choices, then each built-in scenario."""
    results: dict[str, list[Figure]] = {"transitions": measure_transitions_choices()}
    for scenario in builtin_scenarios().values():
        results[scenario.id] = measure_scenario(scenario)
    return results


def main() -> list[Row]:
    """Print every figure, then return the headline ones: the slowest scenario's mean advance and largest state."""
    results = measure()
    for group, figures in results.items():
        print(f"\n{group}")
        for figure in figures:
            print(f"  {figure.name:<60} {figure.value:>10.1f} {figure.unit}")
    per_scenario = {
        group: {f.name: f.value for f in figures} for group, figures in results.items() if group != "transitions"
    }
    if not per_scenario:
        return [Row("engine: no built-in scenarios to measure", "-", "-", "runs", False)]
    slowest = max(per_scenario, key=lambda group: per_scenario[group]["advance (engine only)"])
    advance = per_scenario[slowest]["advance (engine only)"]
    heat = max(figures["advance, one reply crossing every HEAT stage"] for figures in per_scenario.values())
    dumps = per_scenario[slowest]["  baseline: json.dumps of the state"]
    largest = max(figures["saved state, largest"] for figures in per_scenario.values())
    opening = max(figures["saved state, opening"] for figures in per_scenario.values())
    return [
        Row(
            f"engine: advance, slowest scenario ({slowest})",
            micros(advance),
            f"json.dumps of the state {micros(dumps)}",
            f"<= {ADVANCE_TARGET_US:.0f} µs",
            advance <= ADVANCE_TARGET_US,
        ),
        Row("engine: advance, a reply crossing every HEAT stage", micros(heat), f"json.dumps {micros(dumps)}"),
        Row(
            "engine: saved state, largest",
            size(largest),
            f"opening state {size(opening)}",
            f"<= {size(STATE_TARGET_BYTES)}",
            largest <= STATE_TARGET_BYTES,
        ),
    ]


if __name__ == "__main__":
    main()
