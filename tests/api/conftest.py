"""The real app from ``create_app`` on a fresh database, through Starlette's test client (start-up runs)."""

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


@pytest.fixture
def client(api_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(api_app) as test_client:
        yield test_client


@pytest.fixture
def as_role(api_app: FastAPI, client: TestClient) -> Callable[[str], Actor]:
    """Make later requests act as a user with this role (``as_role("learner")`` goes back to the local learner)."""

    def switch(role: str) -> Actor:
        database = api_app.state.database
        with database.session() as session:
            name = "learner" if role == "learner" else f"{role}-1"
            user = ensure_user(session, name, role, name.title())  # type: ignore[arg-type]
            session.commit()
            actor = Actor.of(user)
        api_app.dependency_overrides[current_user] = lambda: actor
        return actor

    return switch
