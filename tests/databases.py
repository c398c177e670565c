"""Fresh databases for tests: a SQLite file per test, and a PostgreSQL schema per test when a server is given.

Test packages that touch storage import the fixtures here into their ``conftest.py``::

    from tests.databases import database, database_url  # noqa: F401

``database_url`` is parametrised over both kinds, so each storage test runs on SQLite and on PostgreSQL; the
PostgreSQL schema is created empty for the test (its name is random, so parallel runs never meet) and dropped after.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db import Database, upgrade


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'frontline.sqlite3'}"


@pytest.fixture
def fresh_postgres_url(postgres_url: str) -> Iterator[str]:
    """A URL whose connections work in a new, empty schema of the test server."""
    schema = f"frontline_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(make_url(postgres_url).set(drivername="postgresql+psycopg"))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(postgres_url).set(drivername="postgresql+psycopg")
    url = url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a SQLite file, then (second parameter) a PostgreSQL schema."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    return str(request.getfixturevalue("fresh_postgres_url"))


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """The database at the newest schema, disposed of after the test."""
    connected = Database.connect(database_url)
    upgrade(connected)
    try:
        yield connected
    finally:
        connected.dispose()
