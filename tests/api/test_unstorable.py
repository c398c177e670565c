"""Text a database cannot store (a NUL character) is refused with a clear 422 wherever it arrives."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from app.services import Actor

from ..storage.play import SCENARIO


def test_nul_characters_are_refused_not_failed(client: TestClient, as_role: Callable[[str], Actor]) -> None:
    started = client.post("/api/v1/conversations", json={"scenario": SCENARIO, "seed": 1}).json()
    reply = client.post(f"/api/v1/conversations/{started['id']}/turns", json={"text": "sorry\x00"})
    assert reply.status_code == 422
    assert reply.json()["error"]["code"] == "unstorable_text"
    assert client.get("/api/v1/conversations", params={"scenario": "a\x00b"}).status_code in {200, 422}
    assert client.get("/api/v1/scenarios/a%00b").status_code in {404, 422}
    assert client.get("/api/v1/conversations/a%00b").status_code in {404, 422}
    assert client.post("/api/v1/conversations", json={"scenario": "a\x00b"}).status_code in {404, 422}
    as_role("admin")
    imported = client.post("/api/v1/transcripts/import", json={"content": "Agent: sorry\x00"})
    assert imported.status_code in {201, 422}  # SQLite stores a NUL; PostgreSQL cannot, and says so
