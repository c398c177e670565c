"""The ``frontline`` command."""

from __future__ import annotations

import typer

from .db_cmd import db_app
from .play_cmd import register_play
from .rescore_cmd import register_rescore
from .scenarios_cmd import scenarios_app
from .scoring_cmd import register_scoring
from .serve_cmd import register_serve
from .users_cmd import register_purge, users_app

cli = typer.Typer(
    name="frontline",
    help="Frontline: practise complaint handling against a simulated customer, scored with explanations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
cli.add_typer(scenarios_app, name="scenarios")
cli.add_typer(db_app, name="db")
cli.add_typer(users_app, name="users")
register_play(cli)
register_rescore(cli)
register_scoring(cli)
register_serve(cli)
register_purge(cli)


def main() -> None:
    cli()


__all__ = ["cli", "main"]
