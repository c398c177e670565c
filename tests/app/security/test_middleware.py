"""The security middleware on a small inline app: headers on every answer, CSRF on forms and cookies, size limits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import pytest
from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.testclient import TestClient

from app import Settings
from app.security import CONTENT_SECURITY_POLICY, SESSION_COOKIE, csrf_token, install_security


def inline_app(settings: Settings) -> FastAPI:
    app = FastAPI()
    install_security(app, settings)

    @app.get("/form", response_class=HTMLResponse)
    def form(request: Request) -> str:
        return f'<form method="post"><input type="hidden" name="csrf_token" value="{csrf_token(request)}"></form>'

    @app.post("/form", response_class=PlainTextResponse)
    def post_form(note: Annotated[str, Form()] = "") -> str:
        return f"saved {note}"

    @app.post("/api/things", response_class=PlainTextResponse)
    async def post_json(request: Request) -> str:
        return f"read {len(await request.body())} bytes"

    @app.get("/sign-in-as/{token}", response_class=PlainTextResponse)
    def sign_in(token: str) -> PlainTextResponse:
        response = PlainTextResponse("signed in")
        app.state.session_cookie.set(response, token)
        return response

    return app


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(inline_app(Settings(environment="test", max_body_bytes=2048))) as client:
        yield client


def token_in(page: str) -> str:
    return page.split('value="')[1].split('"')[0]


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for response in (client.get("/form"), client.get("/missing"), client.post("/form", data={"note": "x"})):
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "same-origin"
        assert response.headers["cache-control"] == "no-store"
        assert "strict-transport-security" not in response.headers


def test_https_deployments_get_strict_transport_security() -> None:
    settings = Settings(environment="production", secret_key="k" * 40, host="0.0.0.0")
    with TestClient(inline_app(settings), base_url="https://testserver") as client:
        assert client.get("/form").headers["strict-transport-security"].startswith("max-age=")


def test_a_form_post_needs_the_token_from_its_page(client: TestClient) -> None:
    refused = client.post("/form", data={"note": "x"})
    assert refused.status_code == 403
    assert "text/html" in refused.headers["content-type"]
    token = token_in(client.get("/form").text)
    assert client.post("/form", data={"note": "x", "csrf_token": "wrong"}).status_code == 403
    accepted = client.post("/form", data={"note": "hello", "csrf_token": token})
    assert (accepted.status_code, accepted.text) == (200, "saved hello")


def test_a_token_from_another_visitor_is_refused(client: TestClient) -> None:
    token = token_in(client.get("/form").text)
    client.cookies.clear()
    client.get("/form")
    assert client.post("/form", data={"note": "x", "csrf_token": token}).status_code == 403


def test_multipart_forms_carry_the_token_too(client: TestClient) -> None:
    token = token_in(client.get("/form").text)
    files = {"upload": ("t.txt", b"Agent: hello", "text/plain")}
    response = client.post("/form", data={"note": "m", "csrf_token": token}, files=files)
    assert (response.status_code, response.text) == (200, "saved m")


def test_cookie_signed_in_requests_need_the_token_and_bearer_requests_do_not(client: TestClient) -> None:
    assert client.post("/api/things", json={"a": 1}).status_code == 200  # no credentials: nothing to forge
    client.get("/sign-in-as/session-secret")
    assert client.cookies.get(SESSION_COOKIE)
    refused = client.post("/api/things", json={"a": 1})
    assert refused.status_code == 403
    error = refused.json()["error"]
    assert (error["status"], error["code"]) == (403, "csrf_failed")
    assert set(error) == {"status", "code", "message", "details"}
    token = token_in(client.get("/form").text)
    assert client.post("/api/things", json={"a": 1}, headers={"X-CSRF-Token": token}).status_code == 200
    assert client.post("/api/things", json={"a": 1}, headers={"Authorization": "Bearer fl_x"}).status_code == 200


def test_the_token_changes_with_the_session(client: TestClient) -> None:
    before = token_in(client.get("/form").text)
    client.get("/sign-in-as/session-secret")
    after = token_in(client.get("/form").text)
    assert before != after
    assert client.post("/form", data={"csrf_token": before}).status_code == 403
    assert client.post("/form", data={"csrf_token": after}).status_code == 200


def test_a_declared_oversized_body_is_refused_with_413(client: TestClient) -> None:
    response = client.post("/api/things", content=b"x" * 4096, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request_too_large"
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_a_chunked_oversized_body_is_refused_with_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(8):
            yield b"x" * 512

    response = client.post("/api/things", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    small = client.post("/api/things", content=iter([b"x" * 100]), headers={"content-type": "application/json"})
    assert (small.status_code, small.text) == (200, "read 100 bytes")
