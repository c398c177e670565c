"""The API end to end on SQLite and PostgreSQL: play, read back, report, review, import, export, author."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.api import roles_of, walk_routes
from app.cli import cli
from app.services import Actor
from scenarios import library_texts

from ..storage.play import RESOLVING, SCENARIO, SEED


def play(client: TestClient, mode: str = "practice") -> str:
    started = client.post("/api/v1/conversations", json={"scenario": SCENARIO, "seed": SEED, "mode": mode})
    assert started.status_code == 201, started.text
    for number, text in enumerate(RESOLVING, start=1):
        reply = client.post(f"/api/v1/conversations/{started.json()['id']}/turns", json={"text": text, "turn": number})
        assert reply.status_code == 200, reply.text
    return str(started.json()["id"])


def test_a_conversation_through_the_api(client: TestClient) -> None:
    started = client.post("/api/v1/conversations", json={"scenario": SCENARIO, "seed": SEED})
    body = started.json()
    assert set(body) == {"id", "scenario", "scenario_version", "title", "mode", "seed", "turn", "stage", "mood",
                         "outcome", "messages"}  # fmt: skip
    assert body["messages"][0]["speaker"] == "customer"
    reply = client.post(f"/api/v1/conversations/{body['id']}/turns", json={"text": RESOLVING[0]}).json()
    assert set(reply) == {"turn", "customer", "stage", "mood", "outcome", "assessment", "rubric_version"}
    assert set(reply["assessment"]) == {"criteria", "signals"}
    assert reply["assessment"]["criteria"]["apologise"]["verdict"] == "met"
    transcript = client.get(f"/api/v1/conversations/{body['id']}").json()
    assert [line["speaker"] for line in transcript["lines"]] == ["customer", "learner", "customer"]
    assert transcript["lines"][2]["state"]["stage"] == reply["stage"]
    assert transcript["lines"][1]["assessment"] == reply["assessment"]
    listed = client.get("/api/v1/conversations").json()
    assert [item["id"] for item in listed["items"]] == [body["id"]]
    assert listed["total"] == 1


def test_the_api_and_the_cli_give_one_assessment_shape(client: TestClient) -> None:
    started = client.post("/api/v1/conversations", json={"scenario": SCENARIO, "seed": SEED}).json()
    opening = started["messages"][0]["text"]
    reply = client.post(f"/api/v1/conversations/{started['id']}/turns", json={"text": RESOLVING[0]}).json()
    printed = CliRunner().invoke(cli, ["score", RESOLVING[0], "--scenario", SCENARIO, "--customer", opening, "--json"])
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.stdout) == reply["assessment"]


def test_assessed_mode_withholds_scores_until_the_end(client: TestClient) -> None:
    started = client.post("/api/v1/conversations", json={"scenario": SCENARIO, "seed": SEED, "mode": "assessed"})
    conversation = started.json()
    assert conversation["stage"] is None
    assert conversation["mood"] is None
    turns = f"/api/v1/conversations/{conversation['id']}/turns"
    first = client.post(turns, json={"text": RESOLVING[0]}).json()
    assert first["assessment"] is None
    assert client.get(f"/api/v1/conversations/{conversation['id']}/report").status_code == 409
    for text in RESOLVING[1:]:
        last = client.post(turns, json={"text": text}).json()
    assert last["outcome"] == "resolved"
    assert last["assessment"] is not None
    assert client.get(f"/api/v1/conversations/{conversation['id']}/report").status_code == 200


def test_report_rescore_replay_reviews_and_sign_off(client: TestClient, as_role: Callable[[str], Actor]) -> None:
    conversation_id = play(client)
    base = f"/api/v1/conversations/{conversation_id}"
    assert client.get(f"{base}/replay").json()["reproduced"] is True
    rescored = client.post(f"{base}/rescore").json()
    assert rescored["changes"] == []
    assert rescored["band_changed"] is False
    review = {"turn": 1, "criterion": "hear", "verdict": "met", "reason": "She restated the problem"}
    assert client.post(f"{base}/reviews", json=review).status_code == 403
    as_role("admin")
    made = client.post(f"{base}/reviews", json=review)
    assert made.status_code == 201, made.text
    report = client.get(f"{base}/report").json()
    assert report["overrides"] == 1
    assert report["reviewed"]["criteria"]["hear"]["verdict"] == "met"
    signed = client.post(f"{base}/signoff", json={"note": "Good"})
    assert signed.status_code == 201
    assert client.post(f"{base}/signoff", json={}).json()["error"]["code"] == "signed_off"
    as_role("learner")
    assert [item["reason"] for item in client.get(f"{base}/reviews").json()] == [review["reason"]]
    assert client.get(base).json()["signed_off_by"] == "Admin-1"


def test_import_and_exports(client: TestClient, as_role: Callable[[str], Actor]) -> None:
    conversation_id = play(client)
    exported = client.get("/api/v1/exports/conversations.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    assert [row["id"] for row in csv.DictReader(io.StringIO(exported.text))] == [conversation_id]
    assert client.get("/api/v1/exports/conversations.json").json()[0]["lines"][1]["text"] == RESOLVING[0]
    text = "Customer: My parcel never came.\nAgent: I'm so sorry. I'll send a replacement today."
    assert client.post("/api/v1/transcripts/import", json={"content": text}).status_code == 403
    as_role("assessor")
    imported = client.post("/api/v1/transcripts/import", json={"content": text, "scenario": SCENARIO})
    assert imported.status_code == 201, imported.text
    assert imported.json()["lines"][1]["assessment"]["criteria"]["apologise"]["verdict"] == "met"
    assert client.get(f"/api/v1/transcripts/{imported.json()['id']}").json() == imported.json()


def test_a_trainer_drafts_validates_and_publishes(client: TestClient, as_role: Callable[[str], Actor]) -> None:
    text = library_texts()["parcel-not-delivered.yaml"].replace("id: parcel-not-delivered", "id: api-parcel", 1)
    checked = client.post("/api/v1/scenarios/validate", json={"yaml": text.replace("version: 1", "version: x", 1)})
    assert checked.json()["ok"] is False
    assert checked.json()["issues"][0]["line"] == 4
    as_role("trainer")
    draft = client.post("/api/v1/scenarios/drafts", json={"yaml": text})
    assert draft.status_code == 201, draft.text
    assert draft.json()["status"] == "draft"
    as_role("learner")
    assert client.get("/api/v1/scenarios/api-parcel").status_code == 404
    as_role("trainer")
    assert client.post("/api/v1/scenarios/api-parcel/versions/1/publish").json()["status"] == "published"
    as_role("learner")
    detail = client.get("/api/v1/scenarios/api-parcel").json()
    assert detail["scenario"]["version"] == 1
    assert detail["briefing"]


def test_every_api_route_states_who_may_call_it(api_app: FastAPI) -> None:
    ours = {"scenarios", "conversations", "reviews", "transcripts"}
    routes = [route for route in walk_routes(api_app.routes) if ours & set(route.tags)]
    assert len(routes) >= 18
    assert {r.path: roles_of(r) for r in routes if roles_of(r) is None} == {}
