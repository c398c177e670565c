"""Making a database ready to serve: newest schema, then the built-in scenarios and the local learner account.

Run by ``frontline db upgrade`` and by each app process as it starts; several processes starting at once take turns
(see :func:`app.db.migration_lock`), and a ready database is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db import Database, migration_lock, upgrade

from .catalogue import import_builtins


@dataclass(frozen=True, slots=True)
class Readiness:
    revision: str | None
    scenarios_added: int


def prepare_database(database: Database) -> Readiness:
    """Migrate to the newest revision and import the built-in scenarios, under the migration lock."""
    with migration_lock(database):
        revision = upgrade(database)
        with database.session() as session:
            added = import_builtins(session)
    return Readiness(revision, added)


__all__ = ["Readiness", "prepare_database"]
