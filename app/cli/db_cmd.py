"""``frontline db ...``: bring the database to the newest schema, or say where it stands."""

from __future__ import annotations

import typer
from rich.console import Console

from app.db import Database, DatabaseURLError, current_revision, head_revision, parse_url
from app.services import prepare_database
from app.settings import Settings

db_app = typer.Typer(help="Database schema: upgrade and status.", no_args_is_help=True)
console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def _connect() -> Database:
    settings = Settings()
    try:
        parse_url(settings.database_url)
        return Database.connect(settings.database_url)
    except DatabaseURLError as exc:
        err_console.print(f"[red]error:[/red] FRONTLINE_DATABASE_URL: {exc}")
        raise typer.Exit(2) from None


def _where(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=True)


@db_app.command("upgrade")
def upgrade_command() -> None:
    """Migrate the database (FRONTLINE_DATABASE_URL) to the newest schema and import the built-in scenarios."""
    database = _connect()
    try:
        ready = prepare_database(database)
    except Exception as exc:  # a database that cannot be reached or migrated: say which and why, then fail
        err_console.print(f"[red]error:[/red] cannot upgrade {_where(database)}: {type(exc).__name__}: {exc}")
        raise typer.Exit(1) from None
    finally:
        database.dispose()
    console.print(
        f"database {_where(database)} is at revision {ready.revision}; "
        f"{ready.scenarios_added} built-in scenario version(s) added",
        soft_wrap=True,
    )


@db_app.command("status")
def status_command() -> None:
    """Print the database's revision and the newest one; exit 1 if it needs an upgrade."""
    database = _connect()
    try:
        current = current_revision(database)
    finally:
        database.dispose()
    head = head_revision()
    console.print(f"database {_where(database)}: revision {current or 'none'}; newest {head}", soft_wrap=True)
    raise typer.Exit(0 if current == head else 1)
