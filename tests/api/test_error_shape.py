"""Every API refusal and failure has one JSON shape: {"error": {"status", "code", "message", "details"}}."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.exc import DataError, IntegrityError

from app.api import db_session
from scenarios import MAX_BYTES

from ..storage.play import SCENARIO, WALKOUT

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def error_of(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"]
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    assert isinstance(error["details"], list)
    return dict(error)


def test_the_router_answers_unknown_paths_and_methods_in_the_shape(client: TestClient) -> None:
    assert "/api/v1/nowhere" in error_of(client.get("/api/v1/nowhere"), 404, "not_found")["message"]
    assert "DELETE" in error_of(client.delete("/api/v1/scenarios"), 405, "method_not_allowed")["message"]


def test_request_validation_names_each_field(client: TestClient) -> None:
    error = error_of(client.post("/api/v1/conversations", json={"seed": "seven"}), 422, "invalid_request")
    locations = {detail["location"] for detail in error["details"]}
    assert locations == {"body.scenario", "body.seed"}
    assert error["message"].startswith("the request is not valid: body.")
    error = error_of(
        client.post("/api/v1/conversations", content=b"{not json", headers={"content-type": "application/json"}),
        422,
        "invalid_request",
    )
    assert error["details"][0]["type"] == "json_invalid"


def test_limits_have_clear_messages(client: TestClient) -> None:
    error = error_of(client.post("/api/v1/conversations", json={"scenario": "nope"}), 404, "not_found")
    assert "no scenario 'nope'" in error["message"]
    started = client.post("/api/v1/conversations", json={"scenario": SCENARIO, "seed": 1}).json()
    turns = f"/api/v1/conversations/{started['id']}/turns"
    error = error_of(client.post(turns, json={"text": "x" * 2001}), 422, "reply_too_long")
    assert error["message"] == "the reply is 2,001 characters; a reply may be at most 2,000"
    assert client.post(turns, json={"text": WALKOUT}).json()["outcome"] == "customer_left"
    error = error_of(client.post(turns, json={"text": "Sorry"}), 409, "conversation_finished")
    assert "ended (customer_left)" in error["message"]
    error = error_of(
        client.post("/api/v1/scenarios/validate", json={"yaml": "#" * (MAX_BYTES + 1)}), 413, "scenario_too_large"
    )
    assert "256 KB" in error["message"]


def test_roles_are_refused_in_the_shape(client: TestClient) -> None:
    error = error_of(client.post("/api/v1/scenarios/drafts", json={"yaml": "id: x"}), 403, "forbidden")
    assert "trainer or admin" in error["message"]


def test_an_unexpected_failure_is_a_500_in_the_shape(api_app: FastAPI) -> None:
    def broken() -> None:
        raise RuntimeError("the disk is on fire")

    api_app.dependency_overrides[db_session] = broken
    with TestClient(api_app, raise_server_exceptions=False) as client:
        error = error_of(client.get("/api/v1/scenarios"), 500, "internal_error")
    assert "fire" not in error["message"]


def test_clashing_and_unstorable_writes_are_client_errors(api_app: FastAPI) -> None:
    def clash() -> None:
        raise IntegrityError("INSERT ...", {}, Exception("duplicate key"))

    def unstorable() -> None:
        raise DataError("INSERT ...", {}, Exception("NUL byte"))

    with TestClient(api_app) as client:
        api_app.dependency_overrides[db_session] = clash
        assert "try again" in error_of(client.get("/api/v1/scenarios"), 409, "conflict")["message"]
        api_app.dependency_overrides[db_session] = unstorable
        assert "nothing was saved" in error_of(client.get("/api/v1/scenarios"), 422, "unstorable_value")["message"]
