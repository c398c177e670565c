"""Every route of the app, for every role and for nobody, answers as its stated rule says; a route with no rule fails.

The rule of a route is read from the route itself (``requires(...)``, ``CurrentUser`` or ``public()``), so a new
route is walked as soon as it exists. Path parameters are filled with values that name nothing, so an allowed caller
gets 404 or 422 rather than changing anything; what is checked is that nobody gets past a rule that should stop them,
and that nobody allowed is stopped.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from app.api import walk_routes
from app.auth import PUBLIC, rule_of

from .clients import ROLE_NAMES, add_people, make_app, second_client, sign_in

# Routes FastAPI and Starlette add themselves: the static files and the API's own description.
FRAMEWORK_ROUTES = {
    "/static",
    "/api/openapi.json",
    "/api/docs",
    "/api/docs/oauth2-redirect",
    "/redoc",
    "/docs/oauth2-redirect",
}
# Signing out is walked last, so the walk itself does not end the sessions it uses.
LAST = "/signout"


def placeholder(route: APIRoute) -> str:
    path = route.path_format
    for name, convertor in route.param_convertors.items():
        value = "999999" if type(convertor).__name__ == "IntegerConvertor" else "zz-nobody"
        path = path.replace("{" + name + "}", value)
    return path


def answer(client: TestClient, method: str, path: str, csrf: str | None) -> tuple[int, str]:
    headers = {"X-CSRF-Token": csrf} if csrf else {}
    response = client.request(method, path, headers=headers, follow_redirects=False)
    return response.status_code, response.headers.get("location", "")


def expected_for(rule: tuple[str, ...] | str, caller: str | None, path: str) -> str:
    if rule == PUBLIC:
        return "let through"
    if caller is None:
        return "401" if path.startswith("/api/") else "sent to sign in"
    return "let through" if caller in rule else "403"


def judged(status: int, location: str) -> str:
    if status == 401:
        return "401"
    if status == 403:
        return "403"
    if status in (302, 303) and (location == "/signin" or location.startswith("/signin?next=")):
        return "sent to sign in"
    return "let through"


def test_every_route_answers_each_caller_as_its_rule_says(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as anonymous:
        add_people(app)
        callers: dict[str | None, tuple[TestClient, str | None]] = {None: (anonymous, None)}
        for role, name in ROLE_NAMES.items():
            client = second_client(app)
            callers[role] = (client, sign_in(client, name))

        routes = sorted(walk_routes(app.routes), key=lambda route: route.path == LAST)
        assert len(routes) > 10
        unstated = [f"{sorted(route.methods)} {route.path}" for route in routes if rule_of(route) is None]
        assert unstated == [], "every route must state who may call it"

        wrong: list[str] = []
        for route in routes:
            rule = rule_of(route)
            assert rule is not None
            path = placeholder(route)
            for method in sorted(route.methods - {"HEAD"}):
                for caller, (client, csrf) in callers.items():
                    got = judged(*answer(client, method, path, csrf))
                    want = expected_for(rule, caller, path)
                    if got != want:
                        wrong.append(f"{method} {route.path} as {caller or 'nobody'}: {got}, rule says {want}")
        assert wrong == []


def test_no_other_kind_of_route_is_left_unwalked(tmp_path: Path) -> None:
    app: FastAPI = make_app(tmp_path)
    walked = {id(route) for route in walk_routes(app.routes)}
    others = set()
    for route in app.routes:
        if id(route) in walked or getattr(route, "original_router", None) is not None:
            continue
        assert isinstance(route, Route | Mount), route
        others.add(route.path)
    assert others <= FRAMEWORK_ROUTES
    with TestClient(app) as client:
        for path in sorted(others - {"/static"}):
            assert client.get(path).status_code not in (401, 403), path
