"""The scenario's stage graph as a ``transitions`` state machine, built once per compiled scenario and reused.

Why this shape (``tests/bench/bench_engine.py`` has the figures): building a ``Machine`` costs more than two whole
turns, so each compiled scenario gets one, cached by content hash. Turns never register a model with it
(``add_model`` binds methods to the model, mutates the machine and costs more than the turn's own work); each
turn makes a throwaway plain model and fires the machine's events on it directly, so the shared machine is only
read and a turn in one thread cannot disturb a turn in another. Guards are our registry's functions passed as
callables, never strings, so ``transitions`` never resolves an authored name. ``auto_transitions=False``: there
is no way around the graph but the guarded transitions below.

Outcomes are final states. ``resolved`` and ``escalated`` are reached by their authored guard from the stages
they are reachable from; ``customer_left`` and ``timed_out`` are fired by the engine from mood and turn count.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Final, Literal, cast

from transitions import EventData, Machine, State

from .compile import CompiledScenario
from .guards import Progress, passes
from .signals import Signals
from .spec import Guard, Outcome

SUCCESS: Final[tuple[Outcome, ...]] = ("resolved", "escalated")
_ENDING_TRIGGERS: Final[dict[Outcome, str]] = {"customer_left": "leave", "timed_out": "time_out"}
_CACHE_SIZE: Final = 256


def outcome_state(outcome: str) -> str:
    """The machine's name for an outcome's end state: upper case, so it never clashes with a (lower case) stage."""
    return outcome.upper()


@dataclass(frozen=True, slots=True)
class Move:
    """A way out of a stage: to another stage or to an outcome, and the guard that opens it (None: mood or turns)."""

    kind: Literal["stage", "outcome"]
    to: str
    guard: Guard | None


class _Turn:
    """The plain object ``transitions`` moves: where the conversation is, and what the guards read."""

    __slots__ = ("progress", "signals", "state")

    def __init__(self, state: str, progress: Progress, signals: Signals) -> None:
        self.state = state
        self.progress = progress
        self.signals = signals


class _GuardCheck:
    """A condition for ``transitions``: the named guard from the closed registry, applied to the turn's model."""

    __slots__ = ("guard",)

    def __init__(self, guard: Guard) -> None:
        self.guard: Guard = guard

    def __call__(self, event: EventData) -> bool:
        turn = cast(_Turn, event.model)
        return passes(self.guard, turn.progress, turn.signals)


class StageMachine:
    """Moves a conversation through one scenario's stages and into its outcomes."""

    def __init__(self, scenario: CompiledScenario) -> None:
        conversation = scenario.spec.conversation
        stage_ids: list[str | Enum | State] = list(scenario.stage_order)
        self._outcomes = {outcome_state(name): name for name in conversation.outcomes}
        states = [State(stage_id) for stage_id in scenario.stage_order]
        states += [State(state_name, final=True) for state_name in self._outcomes]
        self._machine = Machine(
            model=None,
            states=states,
            initial=conversation.start,
            auto_transitions=False,
            send_event=True,
            name=scenario.id,
        )
        self._next = {stage.id: stage.next for stage in conversation.stages}
        self._gates = {stage_id: _walk(scenario, stage_id) for stage_id in scenario.stage_order}
        for stage_id, gates in self._gates.items():
            # One reply may cross several stages. Rather than fire one transition per stage crossed (each costs
            # about 10 µs in transitions), each stage also gets a transition to every later stage, guarded by every
            # guard on the way, furthest first: the machine makes the whole move in one step. Only the transition
            # to the next stage is the authored graph; the others are that graph taken several steps at a time.
            for reach in range(len(gates) - 1, 0, -1):
                conditions: list[str | Callable[..., bool | None]] = [_GuardCheck(g) for _, g in gates[:reach]]
                self._machine.add_transition("advance", stage_id, gates[reach][0], conditions=conditions)
        for name in SUCCESS:
            outcome = conversation.outcomes.get(name)
            if outcome is not None and outcome.when is not None:
                sources: list[str | Enum | State] = list(outcome.reachable_from) or stage_ids
                self._machine.add_transition(
                    "finish", sources, outcome_state(name), conditions=[_GuardCheck(outcome.when)]
                )
        for name, trigger in _ENDING_TRIGGERS.items():
            self._machine.add_transition(trigger, stage_ids, outcome_state(name))

    def advance(self, stage: str, progress: Progress, signals: Signals) -> str:
        """The stage this reply leaves the conversation in: as many stages on as the guards allow."""
        gates = self._gates.get(stage, ())
        # Most replies move nothing: when the first gate is shut there is no transition worth firing.
        if len(gates) < 2 or not passes(gates[0][1], progress, signals):
            return stage
        turn = _Turn(stage, progress, signals)
        self._machine.events["advance"].trigger(turn)
        return turn.state

    def finish(self, stage: str, progress: Progress, signals: Signals) -> Outcome | None:
        """``resolved`` or ``escalated`` if its guard holds in this stage (resolved first), else None."""
        event = self._machine.events.get("finish")
        if event is None or stage not in event.transitions:
            return None
        turn = _Turn(stage, progress, signals)
        return self._outcomes[turn.state] if event.trigger(turn) else None

    def end(self, stage: str, outcome: Outcome) -> Outcome:
        """Fire ``customer_left`` or ``timed_out`` from a stage; the engine decides when."""
        turn = _Turn(stage, frozenset(), Signals())
        self._machine.events[_ENDING_TRIGGERS[outcome]].trigger(turn)
        return self._outcomes[turn.state]

    def moves(self, stage: str) -> tuple[Move, ...]:
        """Every way out of a stage, in the order the machine tries them."""
        found: list[Move] = []
        for trigger in self._machine.get_triggers(stage):
            for transition in self._machine.events[trigger].transitions[stage]:
                dest = transition.dest or stage
                if trigger == "advance" and dest != self._next.get(stage):
                    continue  # a several-stages-at-once shortcut, not a move of its own
                guard = next((c.func.guard for c in transition.conditions if isinstance(c.func, _GuardCheck)), None)
                if dest in self._outcomes:
                    found.append(Move("outcome", self._outcomes[dest], guard))
                else:
                    found.append(Move("stage", dest, guard))
        return tuple(found)

    def gates_from(self, stage: str) -> tuple[tuple[str, Guard], ...]:
        """This stage and every stage after it, each with the guard that lets the customer move on from it."""
        return self._gates.get(stage, ())


def _walk(scenario: CompiledScenario, stage: str) -> tuple[tuple[str, Guard], ...]:
    """The stage and those after it, each with its guard; stops before a stage met twice (an authored loop)."""
    gates: list[tuple[str, Guard]] = []
    current: str | None = stage
    while current is not None and current in scenario.stages and all(current != seen for seen, _ in gates):
        gates.append((current, scenario.stages[current].advance_when))
        current = scenario.stages[current].next
    return tuple(gates)


_MACHINES: dict[str, StageMachine] = {}
_MACHINES_LOCK = threading.Lock()


def stage_machine(scenario: CompiledScenario) -> StageMachine:
    """The shared machine for a compiled scenario, built on first use (keyed by the scenario's content hash)."""
    machine = _MACHINES.get(scenario.content_hash)
    if machine is None:
        machine = StageMachine(scenario)
        with _MACHINES_LOCK:
            if len(_MACHINES) >= _CACHE_SIZE:
                _MACHINES.pop(next(iter(_MACHINES)))
            machine = _MACHINES.setdefault(scenario.content_hash, machine)
    return machine


__all__ = ["SUCCESS", "Move", "StageMachine", "outcome_state", "stage_machine"]
