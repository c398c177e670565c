"""A scenario's state machine as a Mermaid ``stateDiagram-v2``, for trainers to see the graph they wrote.

Drawn from the engine's own machine (:mod:`scenarios.machine`), so the picture is the graph that plays. Written by
hand rather than with ``transitions``' Mermaid support, which marks a model's current state, leaves outcomes
without an end and would draw the machine's several-stages-at-once shortcuts: a scenario diagram has no current
state, each outcome is an end state, and only the authored edges are drawn.
"""

from __future__ import annotations

from typing import Final

from .compile import CompiledScenario
from .machine import outcome_state, stage_machine
from .spec import Outcome, Trigger

_OUTCOME_LABELS: Final[dict[Outcome, str]] = {
    "resolved": "resolved",
    "escalated": "escalated (referred)",
    "customer_left": "customer left",
    "timed_out": "timed out",
}
# Mermaid reads these characters as syntax inside labels; its entity codes show them as text.
_ESCAPES: Final = str.maketrans({"#": "#35;", '"': "#quot;", ";": "#59;", "<": "#lt;", ">": "#gt;", "\n": " "})


def _label(text: str) -> str:
    return text.translate(_ESCAPES)


def _trigger_words(trigger: Trigger) -> str:
    if trigger.anger_at_least is not None:
        return f"anger at least {trigger.anger_at_least}"
    if trigger.after_turn is not None:
        return f"after turn {trigger.after_turn}"
    if trigger.breach is not None:
        return f"a {trigger.breach} breach"
    return "an offer beyond authority"


def to_mermaid(scenario: CompiledScenario) -> str:
    """The scenario's stages, the guards between them and its outcomes as end states, as Mermaid text."""
    conversation = scenario.spec.conversation
    machine = stage_machine(scenario)
    out = ["stateDiagram-v2", f"    %% {scenario.id} version {scenario.version}: {_label(scenario.spec.title)}"]
    for stage_id in scenario.stage_order:
        out.append(f'    state "{stage_id}: {_label(scenario.stages[stage_id].goal)}" as {stage_id}')
    for name in conversation.outcomes:
        out.append(f'    state "{_OUTCOME_LABELS[name]}" as {outcome_state(name)}')
    out.append(f"    [*] --> {conversation.start}")
    for stage_id in scenario.stage_order:
        for move in machine.moves(stage_id):
            target = outcome_state(move.to) if move.kind == "outcome" else move.to
            words: str
            if move.guard is not None:
                words = move.guard
            elif move.to == "customer_left":
                words = "anger 100 or patience 0"
            else:
                words = f"turn {conversation.turn_limit}"
            out.append(f"    {stage_id} --> {target}: {words}")
    for name in conversation.outcomes:
        out.append(f"    {outcome_state(name)} --> [*]")
    for escalation in conversation.escalations:
        expects = "" if escalation.expects == "none" else f", expects {escalation.expects}"
        out.append(
            f"    %% escalation {escalation.id}: {escalation.event} on {_trigger_words(escalation.trigger)}{expects}"
        )
    return "\n".join(out) + "\n"


__all__ = ["to_mermaid"]
