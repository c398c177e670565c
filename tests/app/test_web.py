"""The first pages: the catalogue and the health check."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app import Settings, create_app


def test_healthz_and_catalogue() -> None:
    with TestClient(create_app(Settings(environment="test"))) as client:
        health = client.get("/healthz")
        assert health.status_code == 200
        assert health.json()["status"] == "ok"
        page = client.get("/")
        assert page.status_code == 200
        assert page.template.name == "catalogue.html"  # type: ignore[attr-defined]
        ids = [s.id for s in page.context["scenarios"]]  # type: ignore[attr-defined]
        assert ids == sorted(ids)
