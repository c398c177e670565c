"""Signing in and out in a browser: CSRF on every form, sign-out that really ends a session, throttling, headers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from app.security import CONTENT_SECURITY_POLICY, SESSION_COOKIE

from .clients import PASSWORD, add_people, csrf_from, make_app, second_client, sign_in


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 5, 25, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_the_sign_in_page_is_a_form_with_its_token(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        page = client.get("/signin?next=/history")
        assert page.status_code == 200
        assert page.template.name == "signin.html"  # type: ignore[attr-defined]
        view = page.context["view"]  # type: ignore[attr-defined]
        assert (view.next, view.error) == ("/history", "")
        assert 'name="csrf_token"' in page.text
        assert 'autocomplete="current-password"' in page.text


def test_signing_in_goes_to_the_page_asked_for_and_never_off_site(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        add_people(app)
        for asked, landed in (("/history", "/history"), ("//evil.example/x", "/"), ("https://evil.example", "/")):
            client.cookies.clear()
            token = csrf_from(client)
            form = {"name": "lena", "password": PASSWORD, "next": asked, "csrf_token": token}
            response = client.post("/signin", data=form, follow_redirects=False)
            assert (response.status_code, response.headers["location"]) == (303, landed)
        cookie = response.headers["set-cookie"]
        assert SESSION_COOKIE in cookie
        assert "HttpOnly" in cookie
        assert "samesite=lax" in cookie.lower()


def test_an_anonymous_page_request_is_sent_to_sign_in_and_the_api_gets_401(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        page = client.get("/history?x=1", follow_redirects=False)
        assert (page.status_code, page.headers["location"]) == (303, "/signin?next=/history%3Fx%3D1")
        api = client.get("/api/v1/me")
        assert api.status_code == 401
        assert api.headers["www-authenticate"].startswith("Bearer")
        assert api.json()["error"]["code"] == "unauthorized"


def test_a_form_posted_without_its_csrf_token_is_refused(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        add_people(app)
        refused_sign_in = client.post("/signin", data={"name": "lena", "password": PASSWORD})
        assert refused_sign_in.status_code == 403
        token = sign_in(client, "lena")
        refused = client.post("/signout", data={}, follow_redirects=False)
        assert refused.status_code == 403
        forged = client.post("/signout", data={"csrf_token": "forged"}, follow_redirects=False)
        assert forged.status_code == 403
        assert client.get("/api/v1/me").json()["name"] == "lena"  # still signed in
        assert client.post("/signout", data={"csrf_token": token}, follow_redirects=False).status_code == 303


def test_a_stolen_session_cookie_stops_working_after_sign_out(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        add_people(app)
        token = sign_in(client, "lena")
        stolen = client.cookies.get(SESSION_COOKIE)
        assert stolen
        thief = second_client(app)
        thief.cookies.set(SESSION_COOKIE, stolen)
        assert thief.get("/api/v1/me").json()["name"] == "lena"
        signed_out = client.post("/signout", data={"csrf_token": token}, follow_redirects=False)
        assert (signed_out.status_code, signed_out.headers["location"]) == (303, "/signin?signed_out=true")
        assert client.cookies.get(SESSION_COOKIE) is None
        assert thief.get("/api/v1/me").status_code == 401
        assert thief.get("/history", follow_redirects=False).status_code == 303


def test_the_sixth_wrong_password_in_a_minute_is_throttled(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    clock = FakeClock()
    app.state.clock = clock
    with TestClient(app) as client:
        add_people(app)
        token = csrf_from(client)
        form = {"name": "lena", "password": "wrong guess", "csrf_token": token}
        for _ in range(5):
            assert client.post("/signin", data=form).status_code == 401
            clock.now += timedelta(seconds=2)
        throttled = client.post("/signin", data={**form, "password": PASSWORD})
        assert throttled.status_code == 429
        assert throttled.headers["retry-after"] == "50"  # the first failure, 10 s ago, counts for 50 s more
        assert "Too many failed sign-ins" in throttled.text
        clock.now += timedelta(seconds=60)
        allowed = client.post("/signin", data={**form, "password": PASSWORD}, follow_redirects=False)
        assert allowed.status_code == 303


def test_pages_and_api_answers_carry_the_security_headers(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        for response in (
            client.get("/signin"),
            client.get("/privacy"),
            client.get("/api/v1/me"),
            client.get("/healthz"),
        ):
            assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
            assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
            assert response.headers["x-content-type-options"] == "nosniff"
            assert response.headers["referrer-policy"] == "same-origin"
            assert response.headers["x-frame-options"] == "DENY"


def test_the_privacy_notice_says_what_is_held_and_for_how_long(tmp_path: Path) -> None:
    app = make_app(tmp_path, retention_days=200)
    with TestClient(app) as client:
        page = client.get("/privacy")
        assert page.status_code == 200
        assert page.template.name == "privacy.html"  # type: ignore[attr-defined]
        assert page.context["view"].retention_days == 200  # type: ignore[attr-defined]
        for words in ("200 days", "/api/v1/me/export", "Erasure", "Information Commissioner"):
            assert words in page.text


def test_an_oversized_body_is_refused_with_413_in_the_api_shape(tmp_path: Path) -> None:
    app = make_app(tmp_path, max_body_bytes=4096)
    with TestClient(app) as client:
        response = client.post(
            "/api/v1/scenarios/validate", content=b"x" * 5000, headers={"content-type": "application/json"}
        )
        assert response.status_code == 413
        assert set(response.json()["error"]) == {"status", "code", "message", "details"}


def test_signing_in_again_as_someone_else_ends_the_first_session(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        add_people(app)
        sign_in(client, "lena")
        first = client.cookies.get(SESSION_COOKIE)
        sign_in(client, "ada")
        assert client.get("/api/v1/me").json()["name"] == "ada"
        replay = second_client(app)
        replay.cookies.set(SESSION_COOKIE, str(first))
        assert replay.get("/api/v1/me").status_code == 401
