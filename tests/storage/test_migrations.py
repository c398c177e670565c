"""Migrations: they build exactly the tables the models describe, on SQLite and PostgreSQL, and undo cleanly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.db import Base, Database, current_revision, downgrade, head_revision, upgrade


def test_the_first_revision_is_0001() -> None:
    from alembic.script import ScriptDirectory

    from app.db import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert [rev.revision for rev in script.walk_revisions()][-1] == "0001"


def test_models_and_migrations_agree(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_is_idempotent_and_downgrade_empties(database: Database) -> None:
    assert current_revision(database) == head_revision()
    assert upgrade(database) == head_revision()
    assert downgrade(database, "base") is None
    tables = set(inspect(database.engine).get_table_names()) - {"alembic_version"}
    assert tables == set()
    assert upgrade(database) == head_revision()
