"""Page tests through the test client: a fresh database per test, people of each role, and signing in with the
form's CSRF token as a browser would."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app import Settings, create_app
from app.accounts import add_members, add_user

PASSWORD = "correct horse battery staple"
PEOPLE = (("lena", "learner", "Lena Learner"), ("ada", "assessor", "Ada Assessor"), ("tom", "trainer", "Tom Trainer"))
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="session")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the built-in scenarios and one person of each role, made once and copied per test."""
    path = tmp_path_factory.mktemp("prepared") / "frontline.sqlite3"
    app = create_app(Settings(environment="test", database_url=f"sqlite:///{path}"))
    with TestClient(app):
        with app.state.database.session() as session:
            for name, role, shown in PEOPLE:
                add_user(session, name, role, password=PASSWORD, display_name=shown)
            add_members(session, "cohort-one", ["ada", "lena"])
        app.state.database.dispose()
    return path


@pytest.fixture
def app(tmp_path: Path, prepared: Path) -> FastAPI:
    path = tmp_path / "frontline.sqlite3"
    shutil.copyfile(prepared, path)
    return create_app(Settings(environment="test", database_url=f"sqlite:///{path}"))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def token(client: TestClient, url: str) -> str:
    """The CSRF token of the form on the page at ``url``."""
    found = TOKEN.search(client.get(url).text)
    assert found, f"no form with a CSRF token at {url}"
    return found.group(1)


def sign_in(client: TestClient, name: str) -> None:
    client.cookies.clear()
    answer = client.post(
        "/signin",
        data={"name": name, "password": PASSWORD, "next": "/", "csrf_token": token(client, "/signin")},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text


HOSTILE = "<script>alert(1)</script><b>x</b>"
REPLIES = (
    f"{HOSTILE} I'm so sorry, that sounds really frustrating. Can you tell me what happened?",
    "Calm down. Can I have your card security code?",
    "I'll reship the headphones today by signed-for delivery, or refund you if you prefer.",
    "Yes, I'll send them today, signed for, and email you the reference.",
)


def play(client: TestClient, scenario: str = "parcel-not-delivered", mode: str = "practice") -> str:
    """Start a conversation through the briefing's form and send replies until it ends; its id."""
    started = client.post(
        "/conversations",
        data={"scenario": scenario, "mode": mode, "seed": "5", "csrf_token": token(client, f"/scenarios/{scenario}")},
        follow_redirects=False,
    )
    assert started.status_code == 303, started.text
    url = started.headers["location"]
    for number, text in enumerate(REPLIES, start=1):
        sent = client.post(
            f"{url}/replies",
            data={"text": text, "turn": str(number), "csrf_token": token(client, url)},
            follow_redirects=False,
        )
        assert sent.status_code == 303, sent.text
        if sent.headers["location"].endswith("/debrief"):
            break
    return url.rsplit("/", 1)[1]
