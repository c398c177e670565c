"""``frontline score`` and ``frontline eval``."""

from __future__ import annotations

import typer


def register_scoring(cli: typer.Typer) -> None:
    """Registered once the scorer lands."""
