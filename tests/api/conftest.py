"""The real app from ``create_app`` on a fresh database, through Starlette's test client (start-up runs).

The caller is chosen by overriding ``current_user`` (the built-in local learner unless a test switches role), so
these tests exercise the API itself; signing in is the accounts tests' business.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app import Settings, create_app
from app.api import current_user
from app.services import Actor, ensure_user
from tests.databases import database, database_url, fresh_postgres_url

__all__ = ["api_app", "as_role", "client", "database", "database_url", "fresh_postgres_url"]


@pytest.fixture
def api_app(database_url: str) -> FastAPI:
    return create_app(Settings(environment="test", database_url=database_url))


def act_as(app: FastAPI, role: str) -> Actor:
    """Make later requests act as a user with this role (``"learner"`` is the built-in local learner)."""
    with app.state.database.session() as session:
        name = "learner" if role == "learner" else f"{role}-1"
        user = ensure_user(session, name, role, name.title())  # type: ignore[arg-type]
        session.commit()
        actor = Actor.of(user)
    app.dependency_overrides[current_user] = lambda: actor
    return actor


@pytest.fixture
def client(api_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(api_app) as test_client:
        act_as(api_app, "learner")
        yield test_client


@pytest.fixture
def as_role(api_app: FastAPI, client: TestClient) -> Callable[[str], Actor]:
    return lambda role: act_as(api_app, role)
