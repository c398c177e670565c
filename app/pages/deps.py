"""What page routes depend on: a database session for the request and the person acting."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.db import Database
from app.services import Actor, local_learner
from app.services.setup import prepare_database

from ..settings import Settings

_LOCK = threading.Lock()


def database(request: Request) -> Database:
    """The app's database; opened (and made ready) on first use if the app has not opened it already."""
    state = request.app.state
    found: Database | None = getattr(state, "database", None)
    if found is None:
        with _LOCK:
            found = getattr(state, "database", None)
            if found is None:
                settings: Settings = state.settings
                found = Database.connect(settings.database_url)
                prepare_database(found)
                state.database = found
    return found


def page_session(request: Request) -> Iterator[Session]:
    with database(request).session() as session:
        yield session


DbSession = Annotated[Session, Depends(page_session)]


def page_actor(session: DbSession) -> Actor:
    """The person using the page."""
    return local_learner(session)


Viewer = Annotated[Actor, Depends(page_actor)]

__all__ = ["DbSession", "Viewer", "database", "page_actor", "page_session"]
