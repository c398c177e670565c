"""``frontline users ...`` and ``frontline purge``: accounts, API tokens, cohorts, erasure and retention.

They work on the database named by ``FRONTLINE_DATABASE_URL`` (migrated first if needed). ``users token`` prints the
new token alone on its line, so a script can capture it: ``TOKEN=$(frontline users token marker)``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import Session

from app import accounts
from app.db import ROLES, Database, DatabaseURLError, parse_url
from app.security import utc_now
from app.services import ServiceError, prepare_database
from app.settings import Settings

users_app = typer.Typer(help="Accounts: add people with a role, list them, API tokens, cohorts, erasure.")
cohort_app = typer.Typer(help="Cohorts: link assessors to the learners whose work they review.")
users_app.add_typer(cohort_app, name="cohort")
console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


class _CommandLine:
    """The actor the audit log names for changes made at the terminal."""

    id = 0
    name = "command line"


@contextmanager
def _session() -> Iterator[Session]:
    """A session on the settings' database, made ready first; a refused request is printed and exits 1."""
    settings = Settings()
    try:
        parse_url(settings.database_url)
    except DatabaseURLError as exc:
        err_console.print(f"[red]error:[/red] FRONTLINE_DATABASE_URL: {exc}")
        raise typer.Exit(2) from None
    database = Database.connect(settings.database_url)
    try:
        prepare_database(database)
        with database.session() as session:
            yield session
    except ServiceError as exc:
        err_console.print(f"[red]error:[/red] {exc.message}", soft_wrap=True)
        raise typer.Exit(1) from None
    finally:
        database.dispose()


def _new_password(given: str | None) -> str:
    if given is not None:
        return given
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@users_app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="Sign-in name, e.g. jo.smith")],
    role: Annotated[str, typer.Option("--role", help=f"One of: {', '.join(ROLES)}.")],
    password: Annotated[str | None, typer.Option(help="Left out: asked for, hidden, twice.")] = None,
    display_name: Annotated[str | None, typer.Option(help="The name others see (default: NAME).")] = None,
    no_password: Annotated[bool, typer.Option("--no-password", help="Add without a password for now.")] = False,
) -> None:
    """Add an account with a role."""
    chosen = None if no_password else _new_password(password)
    with _session() as session:
        user = accounts.add_user(session, name, role, password=chosen, display_name=display_name, actor=_CommandLine())
        console.print(f"added {user.name} ({user.role})")


@users_app.command("list")
def list_command() -> None:
    """Every account with its role and cohorts."""
    with _session() as session:
        table = Table("name", "role", "display name", "password", "cohorts", "created")
        for user in accounts.list_users(session):
            table.add_row(
                user.name,
                user.role,
                user.display_name,
                "set" if user.has_password else "none",
                ", ".join(user.cohorts),
                f"{user.created_at:%Y-%m-%d}",
            )
        console.print(table)


@users_app.command("token")
def token_command(
    name: Annotated[str, typer.Argument(help="The account the token acts as.")],
    label: Annotated[str, typer.Option(help="What the token is for.")] = "",
) -> None:
    """Print a new API token for NAME, alone on its line (send it as 'Authorization: Bearer <token>')."""
    with _session() as session:
        token = accounts.issue_token(session, name, label=label, actor=_CommandLine())
    typer.echo(token)


@users_app.command("password")
def password_command(
    name: Annotated[str, typer.Argument()],
    password: Annotated[str | None, typer.Option(help="Left out: asked for, hidden, twice.")] = None,
) -> None:
    """Set a new password; the account's browser sessions end."""
    chosen = _new_password(password)
    with _session() as session:
        accounts.set_password(session, name, chosen, actor=_CommandLine())
    console.print(f"password set for {name.strip().lower()}")


@users_app.command("role")
def role_command(name: Annotated[str, typer.Argument()], role: Annotated[str, typer.Argument()]) -> None:
    """Change an account's role; its browser sessions end."""
    with _session() as session:
        accounts.set_role(session, name, role, actor=_CommandLine())
    console.print(f"{name.strip().lower()} is now a {role}")


@users_app.command("erase")
def erase_command(
    name: Annotated[str, typer.Argument(help="The learner to erase.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Erase a learner: their account and everything held about them; only the audit log keeps a line."""
    if not yes:
        typer.confirm(f"Erase {name} and every conversation, review and record of them?", abort=True)
    with _session() as session:
        removed = accounts.erase_learner(session, name, actor=_CommandLine())
    counts = ", ".join(f"{table} {count}" for table, count in sorted(removed.rows.items()))
    console.print(f"erased {name.strip().lower()}: {counts}", soft_wrap=True)


@cohort_app.command("add")
def cohort_add_command(
    cohort: Annotated[str, typer.Argument(help="Cohort name (created if new).")],
    names: Annotated[list[str], typer.Argument(help="Assessors and learners to put in it.")],
) -> None:
    """Put assessors and learners into a cohort: its assessors then see its learners' conversations."""
    with _session() as session:
        summary = accounts.add_members(session, cohort, names, actor=_CommandLine())
    _print_cohort(summary)


@cohort_app.command("remove")
def cohort_remove_command(
    cohort: Annotated[str, typer.Argument()],
    names: Annotated[list[str], typer.Argument()],
) -> None:
    """Take people out of a cohort."""
    with _session() as session:
        summary = accounts.remove_members(session, cohort, names, actor=_CommandLine())
    _print_cohort(summary)


@cohort_app.command("list")
def cohort_list_command() -> None:
    """Every cohort with its assessors and learners."""
    with _session() as session:
        for summary in accounts.list_cohorts(session):
            _print_cohort(summary)


def _print_cohort(summary: accounts.CohortSummary) -> None:
    assessors, learners = ", ".join(summary.assessors) or "-", ", ".join(summary.learners) or "-"
    console.print(f"{summary.name}: assessors {assessors}; learners {learners}", soft_wrap=True)


def register_purge(cli: typer.Typer) -> None:
    @cli.command("purge")
    def purge_command(
        days: Annotated[
            int | None, typer.Option(min=1, help="Retention in days (default FRONTLINE_RETENTION_DAYS).")
        ] = None,
    ) -> None:
        """Delete conversations and imported transcripts older than the retention period, and expired sessions."""
        retention = days or Settings().retention_days
        with _session() as session:
            removed = accounts.purge(session, now=utc_now(), retention_days=retention, actor=_CommandLine())
        counts = ", ".join(f"{table} {count}" for table, count in sorted(removed.rows.items())) or "nothing"
        console.print(f"purged what was older than {retention} days: {counts}", soft_wrap=True)


def settings_or_exit() -> Settings:
    """The settings from the environment, or a clear message and exit 2 when they are refused (e.g. production
    without its own secret key, or demo accounts on a public address)."""
    try:
        return Settings()
    except ValidationError as exc:
        for error in exc.errors():
            err_console.print(f"[red]error:[/red] {str(error['msg']).removeprefix('Value error, ')}", soft_wrap=True)
        raise typer.Exit(2) from None


def before_serving(host: str, port: int) -> None:
    """Check the settings for this address; in demo mode, make the demo accounts and print how to sign in."""
    os.environ["FRONTLINE_HOST"] = host  # the app (and every worker) reads the bound address from here
    settings = settings_or_exit()
    if not settings.demo_enabled:
        return
    database = Database.connect(settings.database_url)
    try:
        prepare_database(database)
        with database.session() as session:
            created = accounts.ensure_demo_accounts(session)
    finally:
        database.dispose()
    shown = f"[{host}]" if ":" in host else host
    console.print(accounts.sign_in_text(created, f"http://{shown}:{port}"), soft_wrap=True)


__all__ = ["before_serving", "cohort_app", "register_purge", "settings_or_exit", "users_app"]
