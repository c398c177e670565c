"""One line of the table ``make bench`` ends with: a figure, its same-run baseline, its target and whether it is met."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """A headline figure. ``met`` is None for a figure with no target (shown for context)."""

    figure: str
    value: str
    baseline: str
    target: str = ""
    met: bool | None = None


def per_second(value: float) -> str:
    return f"{value:,.0f} /s"


def micros(value: float) -> str:
    return f"{value:,.1f} µs" if value < 100 else f"{value:,.0f} µs"


def millis(value: float) -> str:
    return f"{value:,.1f} ms"


def size(value: float) -> str:
    if value >= 1024 * 1024:
        return f"{value / 1024 / 1024:,.1f} MiB"
    if value >= 10 * 1024:
        return f"{value / 1024:,.1f} KiB"
    return f"{value:,.0f} B"


def table(rows: Sequence[Row]) -> str:
    """The rows as an aligned text table."""
    header = Row("figure", "value", "same-run baseline", "target", None)
    cells = [(r.figure, r.value, r.baseline, r.target, _verdict(r.met)) for r in rows]
    titles = (header.figure, header.value, header.baseline, header.target, "met?")
    widths = [max(len(str(column)) for column in values) for values in zip(titles, *cells, strict=True)]
    lines = [_line(titles, widths), _line(tuple("-" * width for width in widths), widths)]
    lines += [_line(cell, widths) for cell in cells]
    met = [r.met for r in rows if r.met is not None]
    lines.append(f"\n{sum(met)} of {len(met)} targets met")
    return "\n".join(lines)


def _verdict(met: bool | None) -> str:
    return "" if met is None else "met" if met else "NOT met"


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    first, value, *rest = cells
    return "  ".join(
        [first.ljust(widths[0]), value.rjust(widths[1])] + [c.ljust(w) for c, w in zip(rest, widths[2:], strict=True)]
    ).rstrip()
