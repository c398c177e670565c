"""Migrations: bring a database up to the newest schema, from any working folder, safely from several processes.

Alembic is configured here in code (the scripts ship inside the package), so ``frontline db upgrade`` and app start-up
work wherever they are run. Two processes upgrading at once take turns: PostgreSQL through an advisory lock, SQLite
through a lock file beside the database file.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from .engine import Database

_ADVISORY_LOCK_KEY = 0x46524F4E544C  # "FRONTL": one key for every Frontline process on a server


def _app_folder() -> Path:
    return Path(str(resources.files("app")))


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration pointing at the packaged scripts; with a connection, migrations run on it."""
    config = Config(str(_app_folder() / "alembic.ini"))
    config.set_main_option("script_location", str(_app_folder() / "migrations"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision the code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found in app/migrations")
    return head


def current_revision(database: Database) -> str | None:
    """The revision the database is at, or None if it has never been migrated."""
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def migration_lock(database: Database) -> Iterator[None]:
    """Held while one process migrates or imports the built-in scenarios; others wait for it."""
    if database.is_sqlite:
        name = database.engine.url.database or ""
        if not name or name == ":memory:" or name.startswith("file:"):
            yield
            return
        with _file_lock(Path(name + ".lock")):
            yield
        return
    with database.engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _ADVISORY_LOCK_KEY})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _ADVISORY_LOCK_KEY})
            connection.commit()


def upgrade(database: Database, revision: str = "head") -> str | None:
    """Migrate to ``revision`` (the newest by default); returns the revision the database is at afterwards."""
    with database.engine.connect() as connection:
        command.upgrade(alembic_config(connection), revision)
        connection.commit()
    return current_revision(database)


def downgrade(database: Database, revision: str) -> str | None:
    """Migrate back to ``revision`` ("base" empties the database of Frontline's tables)."""
    with database.engine.connect() as connection:
        command.downgrade(alembic_config(connection), revision)
        connection.commit()
    return current_revision(database)


__all__ = [
    "alembic_config",
    "current_revision",
    "downgrade",
    "head_revision",
    "migration_lock",
    "upgrade",
]
