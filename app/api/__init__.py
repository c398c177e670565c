"""The HTTP API under ``/api/v1``: routers, the acting user, and one JSON error shape.

``install_api(app)`` adds the routes and error handlers; ``lifespan`` makes the database ready as the app starts
(newest schema, built-in scenarios) and closes it as it stops.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from app.db import Database
from app.services import ScenarioCache, prepare_database
from app.settings import Settings

from .conversations_routes import router as conversations_router
from .deps import (
    EVERYONE,
    CurrentUser,
    DbSession,
    Requires,
    current_user,
    db_session,
    requires,
    roles_of,
    walk_routes,
)
from .errors import ErrorBody, error_response, install_error_handlers
from .reviews_routes import router as reviews_router
from .scenarios_routes import router as scenarios_router
from .transcripts_routes import router as transcripts_router

API_PREFIX = "/api/v1"


def install_api(app: FastAPI) -> None:
    """Add the API routes and error handlers to ``app`` (call once, in ``create_app``)."""
    app.state.scenario_cache = ScenarioCache()
    install_error_handlers(app)
    for router in (scenarios_router, conversations_router, reviews_router, transcripts_router):
        app.include_router(router)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open the database and make it ready before the first request; close it at shutdown."""
    settings: Settings = app.state.settings
    if getattr(app.state, "database", None) is None:
        database = Database.connect(settings.database_url)
        if settings.migrate_on_start:
            await run_in_threadpool(prepare_database, database)
        app.state.database = database
    try:
        yield
    finally:
        opened: Database | None = getattr(app.state, "database", None)
        if opened is not None:
            opened.dispose()
            app.state.database = None


__all__ = [
    "API_PREFIX",
    "EVERYONE",
    "CurrentUser",
    "DbSession",
    "ErrorBody",
    "Requires",
    "current_user",
    "db_session",
    "error_response",
    "install_api",
    "lifespan",
    "requires",
    "roles_of",
    "walk_routes",
]
