"""The first pages: the health check for anyone, and the catalogue once signed in."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from app import Settings, create_app
from tests.app.auth.clients import add_people, sign_in


def test_healthz_and_catalogue(tmp_path: Path) -> None:
    app = create_app(Settings(environment="test", database_url=f"sqlite:///{tmp_path / 'frontline.sqlite3'}"))
    with TestClient(app) as client:
        health = client.get("/healthz")
        assert health.status_code == 200
        assert health.json()["status"] == "ok"
        assert client.get("/", follow_redirects=False).headers["location"] == "/signin?next=/"
        add_people(app)
        sign_in(client, "lena")
        page = client.get("/")
        assert page.status_code == 200
        assert page.template.name == "catalogue.html"  # type: ignore[attr-defined]
        ids = [s.id for s in page.context["scenarios"]]  # type: ignore[attr-defined]
        assert ids == sorted(ids)
