"""Signed-in test clients for the real app: one account per role, signed in through the sign-in form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app import Settings, create_app
from app.accounts import add_members, add_user
from app.db import Database

PASSWORD = "correct horse battery staple"
ROLE_NAMES = {"learner": "lena", "assessor": "ada", "trainer": "tara", "admin": "root"}
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_app(folder: Path, **settings: object) -> FastAPI:
    return create_app(
        Settings(environment="test", database_url=f"sqlite:///{folder / 'frontline.sqlite3'}", **settings)
    )  # type: ignore[arg-type]


def add_people(app: FastAPI) -> None:
    """One account of each role, and a second learner ("liam") outside the assessor's cohort."""
    database: Database = app.state.database
    with database.session() as session:
        for role, name in ROLE_NAMES.items():
            add_user(session, name, role, password=PASSWORD, display_name=f"{name.title()} Test")
        add_user(session, "liam", "learner", password=PASSWORD, display_name="Liam Test")
        add_members(session, "cohort-a", ["ada", "lena"])


def csrf_from(client: TestClient, path: str = "/signin") -> str:
    found = _TOKEN.search(client.get(path).text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the CSRF token for the new session."""
    response = client.post(
        "/signin",
        data={"name": name, "password": password, "csrf_token": csrf_from(client), "next": "/privacy"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_from(client, "/privacy")


@contextmanager
def running(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def second_client(app: FastAPI) -> TestClient:
    """Another browser on the same running app (no cookies of the first)."""
    return TestClient(app)
