"""A scenario's state machine drawn for trainers: an SVG of stages and outcomes, and the same graph as a list.

The edges come from the engine (:func:`scenarios.allowed_moves` from each stage), so the picture is the graph that
plays. Stages run down the left; outcomes a guard leads to sit on the right; the ways every stage can end (anger,
patience, the turn limit) are said once in words rather than drawn from every box.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from scenarios import CompiledScenario, allowed_moves, start

from .labels import words

NODE_W = 300
NODE_H = 54
GAP = 46
LEFT = 16
OUT_X = 430
OUT_W = 190
TOP = 16


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    title: str
    goal: str
    short: str
    x: int
    y: int
    width: int
    outcome: bool


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    label: str
    x1: float
    y1: float
    x2: float
    y2: float
    lx: float
    ly: float


@dataclass(frozen=True, slots=True)
class Diagram:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    anywhere: tuple[str, ...]
    escalations: tuple[str, ...]
    start: str

    def moves_from(self, node_id: str) -> tuple[Edge, ...]:
        return tuple(edge for edge in self.edges if edge.source == node_id)


def _short(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def diagram(scenario: CompiledScenario) -> Diagram:
    state, _ = start(scenario, 0)
    order = scenario.stage_order
    nodes: dict[str, Node] = {}
    for index, stage_id in enumerate(order):
        goal = scenario.stages[stage_id].goal
        y = TOP + index * (NODE_H + GAP)
        nodes[stage_id] = Node(stage_id, f"{index + 1}. {words(stage_id)}", goal, _short(goal), LEFT, y, NODE_W, False)
    edges: list[Edge] = []
    anywhere: dict[str, str] = {}
    for stage_id in order:
        source = nodes[stage_id]
        for move in allowed_moves(scenario, dataclasses.replace(state, stage=stage_id)):
            if move.kind == "outcome" and move.guard is None:
                anywhere[move.to] = (
                    "anger reaches 100 or patience runs out"
                    if move.to == "customer_left"
                    else f"turn {scenario.spec.conversation.turn_limit} is reached"
                )
                continue
            label = words(move.guard or "")
            if move.kind == "outcome":
                key = f"outcome:{move.to}"
                if key not in nodes:
                    nodes[key] = Node(key, words(move.to), "", "", OUT_X, source.y, OUT_W, True)
                target = nodes[key]
                x1, y1 = source.x + source.width, source.y + NODE_H / 2
                x2, y2 = target.x, target.y + NODE_H / 2
                edges.append(Edge(stage_id, key, label, x1, y1, x2, y2, x1 + 8, y1 - 6))
            elif move.to in nodes:
                target = nodes[move.to]
                down = target.y > source.y
                x = source.x + 40
                y1 = source.y + (NODE_H if down else 0)
                y2 = target.y + (0 if down else NODE_H)
                edges.append(Edge(stage_id, move.to, label, x, y1, x, y2, x + 10, (y1 + y2) / 2 + 4))
    height = max(node.y for node in nodes.values()) + NODE_H + TOP if nodes else 100
    escalations = tuple(
        f"{words(point.id)}: {words(point.event).lower()}"
        + ("" if point.expects == "none" else f", then expects {point.expects}")
        for point in scenario.spec.conversation.escalations
    )
    return Diagram(
        width=OUT_X + OUT_W + LEFT,
        height=height,
        nodes=tuple(nodes.values()),
        edges=tuple(edges),
        anywhere=tuple(f"{words(outcome)} when {why}" for outcome, why in anywhere.items()),
        escalations=escalations,
        start=scenario.spec.conversation.start,
    )


__all__ = ["Diagram", "Edge", "Node", "diagram"]
