"""Engines and sessions from a database URL: a SQLite file by default, PostgreSQL (psycopg) to scale out.

SQLite is set up for several processes sharing one file: write-ahead logging (readers never block the writer),
foreign keys enforced, and a busy timeout so a writer waits for another instead of failing at once.

Example::

    database = Database.connect("sqlite:///var/frontline.sqlite3")
    with database.session() as session, session.begin():
        ...
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 10_000
# As many connections as requests a process serves at once (FastAPI runs them on 40 threads), so none waits for one.
POOL_SIZE = 40


class DatabaseURLError(ValueError):
    """The database URL names a database Frontline does not support, or cannot be read."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def parse_url(url: str) -> URL:
    """The URL parsed, or :class:`DatabaseURLError` saying which kinds are supported."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # SQLAlchemy raises ArgumentError, ValueError or others for a malformed URL
        raise DatabaseURLError(f"cannot read the database URL {url!r}: {exc}") from None
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise DatabaseURLError(
            f"the database URL names '{parsed.get_backend_name()}'; Frontline runs on SQLite "
            "(sqlite:///path/file.sqlite3) or PostgreSQL (postgresql+psycopg://user@host/db)"
        )
    return parsed


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for this URL; a SQLite file's folder is created if missing."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed,
            echo=echo,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            pool_size=POOL_SIZE,
            max_overflow=POOL_SIZE,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, echo=echo, pool_pre_ping=True, pool_size=POOL_SIZE // 2, max_overflow=POOL_SIZE)


_WRITERS: weakref.WeakKeyDictionary[Engine, threading.Lock] = weakref.WeakKeyDictionary()
_WRITERS_GUARD = threading.Lock()


def one_writer(session: Session) -> AbstractContextManager[Any]:
    """Hold this around a write transaction on SQLite, so the threads of one process write in turn.

    SQLite lets one connection write at a time and makes the others poll for the lock in ever longer sleeps (the busy
    timeout); under load that polling, not the work, sets the pace. Waiting here instead hands the lock on at once.
    Other processes on the same file still meet the busy timeout. On PostgreSQL this does nothing.
    """
    engine = session.get_bind()
    if not isinstance(engine, Engine) or engine.dialect.name != "sqlite":
        return nullcontext()
    with _WRITERS_GUARD:
        lock = _WRITERS.setdefault(engine, threading.Lock())
    return lock


@dataclass(frozen=True)
class Database:
    """One engine and its session factory: what an app process or a command holds for its whole life."""

    engine: Engine
    sessions: sessionmaker[Session]

    @classmethod
    def connect(cls, url: str, *, echo: bool = False) -> Database:
        engine = make_engine(url, echo=echo)
        return cls(engine, sessionmaker(engine, expire_on_commit=False))

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that is closed (and any open transaction rolled back) when the block ends."""
        with self.sessions() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


__all__ = [
    "POOL_SIZE",
    "SQLITE_BUSY_TIMEOUT_MS",
    "Database",
    "DatabaseURLError",
    "make_engine",
    "one_writer",
    "parse_url",
]
