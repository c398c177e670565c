"""Geometry for the server-drawn SVG charts: the learner's grades over time and a conversation's mood timeline.

Python works out coordinates; the templates (``_progress_chart.html``, ``_timeline.html``) draw them, so every label
is escaped like any other text and the page needs no script to show a chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scoring import BANDS, rubric

WIDTH = 640
HEIGHT = 240
LEFT = 70
RIGHT = 20
TOP = 16
BOTTOM = 40


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line across the plot, with its label at the left."""

    y: float
    label: str


@dataclass(frozen=True, slots=True)
class Band:
    """A stretch of turns spent in one stage."""

    x: float
    width: float
    name: str
    alternate: bool


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    rules: tuple[Rule, ...]
    series: tuple[tuple[str, tuple[Point, ...]], ...]
    ticks: tuple[Point, ...]
    bands: tuple[Band, ...] = ()
    marker: Point | None = None

    def path(self, name: str) -> str:
        points = dict(self.series)[name]
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in points)


def _xs(count: int) -> list[float]:
    span = WIDTH - LEFT - RIGHT
    if count <= 1:
        return [LEFT + span / 2] * count
    return [LEFT + span * i / (count - 1) for i in range(count)]


def _y(share: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - max(0.0, min(1.0, share)))


@dataclass(frozen=True, slots=True)
class Attempt:
    """One finished conversation for the progress chart."""

    label: str
    score: float
    band: str


def progress_chart(attempts: Sequence[Attempt]) -> Chart:
    """Score (share of available marks) per attempt, oldest first, with the grade band thresholds as rules."""
    thresholds = rubric().bands
    rules = tuple(Rule(_y(thresholds[band]), band) for band in BANDS if band != "Refer")
    xs = _xs(len(attempts))
    points = tuple(
        Point(x, _y(a.score), f"{a.label}: {a.band}, {round(a.score * 100)}%")
        for x, a in zip(xs, attempts, strict=True)
    )
    ticks = tuple(Point(x, HEIGHT - BOTTOM + 18, str(i)) for i, x in enumerate(xs, start=1))
    return Chart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, rules, (("grade", points),), ticks)


@dataclass(frozen=True, slots=True)
class Moment:
    """The conversation after one turn (turn 0 is the customer's opening)."""

    turn: int
    stage: str
    anger: int
    patience: int


def timeline(moments: Sequence[Moment], current: int | None = None) -> Chart:
    """Anger and patience after each turn over bands showing the stage the customer was in."""
    xs = _xs(len(moments))
    step = (xs[1] - xs[0]) if len(xs) > 1 else float(WIDTH - LEFT - RIGHT)
    bands: list[Band] = []
    for x, moment in zip(xs, moments, strict=True):
        start = max(LEFT, x - step / 2)
        end = min(WIDTH - RIGHT, x + step / 2)
        if bands and bands[-1].name == moment.stage:
            last = bands[-1]
            bands[-1] = Band(last.x, end - last.x, last.name, last.alternate)
        else:
            bands.append(Band(start, end - start, moment.stage, bool(len(bands) % 2)))
    anger = tuple(
        Point(x, _y(m.anger / 100), f"turn {m.turn}: anger {m.anger}") for x, m in zip(xs, moments, strict=True)
    )
    patience = tuple(
        Point(x, _y(m.patience / 100), f"turn {m.turn}: patience {m.patience}")
        for x, m in zip(xs, moments, strict=True)
    )
    rules = tuple(Rule(_y(level / 100), str(level)) for level in (0, 50, 100))
    ticks = tuple(Point(x, HEIGHT - BOTTOM + 18, str(m.turn)) for x, m in zip(xs, moments, strict=True))
    marker = None
    if current is not None:
        marker = next(
            (Point(x, TOP, f"turn {m.turn}") for x, m in zip(xs, moments, strict=True) if m.turn == current), None
        )
    return Chart(
        WIDTH,
        HEIGHT,
        LEFT,
        WIDTH - RIGHT,
        TOP,
        HEIGHT - BOTTOM,
        rules,
        (("anger", anger), ("patience", patience)),
        ticks,
        tuple(bands),
        marker,
    )


__all__ = ["Attempt", "Band", "Chart", "Moment", "Point", "Rule", "progress_chart", "timeline"]
