"""The account API: your own data, admins managing accounts, erasure, and who may see whose conversation."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from app.db import AuditEvent, Base, Database

from .clients import add_people, make_app, second_client, sign_in

SCENARIO = "parcel-not-delivered"


def bearer(app_client: TestClient, name: str) -> dict[str, str]:
    """An API token for ``name``, made by signing in in a browser and asking for one."""
    browser = second_client(app_client.app)  # type: ignore[arg-type]
    csrf = sign_in(browser, name)
    response = browser.post("/api/v1/me/tokens", json={"label": "test"}, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def test_another_learners_conversation_is_not_found(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        add_people(app)
        lena, liam, ada = bearer(client, "lena"), bearer(client, "liam"), bearer(client, "ada")
        started = client.post("/api/v1/conversations", json={"scenario": SCENARIO, "seed": 3}, headers=lena)
        assert started.status_code == 201, started.text
        conversation = started.json()["id"]
        assert client.get(f"/api/v1/conversations/{conversation}", headers=lena).status_code == 200
        hidden = client.get(f"/api/v1/conversations/{conversation}", headers=liam)
        assert hidden.status_code == 404
        unknown = client.get("/api/v1/conversations/no-such-id", headers=liam)
        assert hidden.json()["error"]["code"] == unknown.json()["error"]["code"] == "not_found"
        assert client.get(f"/api/v1/conversations/{conversation}", headers=ada).status_code == 200  # lena's assessor
        assert client.get("/api/v1/conversations", headers=liam).json()["items"] == []
        refused = client.post(f"/api/v1/conversations/{conversation}/reviews", json={}, headers=liam)
        assert refused.status_code == 403


def test_a_bad_bearer_token_is_401_even_with_a_session_cookie(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        add_people(app)
        sign_in(client, "lena")
        assert client.get("/api/v1/me").status_code == 200
        response = client.get("/api/v1/me", headers={"Authorization": "Bearer fl_00000000_nope"})
        assert response.status_code == 401


def test_a_learner_downloads_everything_held_about_them(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        add_people(app)
        lena = bearer(client, "lena")
        started = client.post("/api/v1/conversations", json={"scenario": SCENARIO, "seed": 3}, headers=lena).json()
        client.post(
            f"/api/v1/conversations/{started['id']}/turns",
            json={"text": "I'm so sorry about this, what is your order number?", "turn": 1},
            headers=lena,
        )
        export = client.get("/api/v1/me/export", headers=lena)
        assert export.status_code == 200
        assert export.headers["content-disposition"] == 'attachment; filename="frontline-lena.json"'
        body = export.json()
        assert body["user"]["name"] == "lena"
        assert [row["id"] for row in body["tables"]["conversations"]] == [started["id"]]
        texts = [row["text"] for row in body["tables"]["turns"]]
        assert "I'm so sorry about this, what is your order number?" in texts
        assert "password_hash" not in body["user"]
        database: Database = app.state.database
        with database.session() as session:
            actions = session.scalars(select(AuditEvent.action).where(AuditEvent.actor_name == "lena")).all()
            assert "export" in actions


def test_an_admin_manages_accounts_and_cohorts(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        add_people(app)
        root = bearer(client, "root")
        added = client.post("/api/v1/users", json={"name": "New.Person", "role": "learner"}, headers=root)
        assert added.status_code == 201
        assert (added.json()["name"], added.json()["has_password"]) == ("new.person", False)
        assert (
            client.post("/api/v1/users", json={"name": "new.person", "role": "learner"}, headers=root).status_code
            == 409
        )
        changed = client.patch("/api/v1/users/new.person", json={"password": "a long new password"}, headers=root)
        assert changed.json()["has_password"]
        cohort = client.patch("/api/v1/cohorts/cohort-a", json={"add": ["new.person"]}, headers=root)
        assert cohort.json() == {"name": "cohort-a", "assessors": ["ada"], "learners": ["lena", "new.person"]}
        token = client.post("/api/v1/users/new.person/tokens", json={}, headers=root).json()["token"]
        assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()["name"] == "new.person"
        assert client.delete("/api/v1/users/ada", headers=root).status_code == 409  # staff are not erased
        audit = client.get("/api/v1/audit?action=user_added", headers=root).json()
        assert audit[0]["target"] == "new.person"


def test_an_admin_erases_a_learner_and_nothing_but_the_audit_log_remembers(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    with TestClient(app) as client:
        add_people(app)
        lena, root = bearer(client, "lena"), bearer(client, "root")
        started = client.post("/api/v1/conversations", json={"scenario": SCENARIO, "seed": 3}, headers=lena).json()
        words = "Sorry, zebra-quartz-unique, I'll refund you today."
        client.post(f"/api/v1/conversations/{started['id']}/turns", json={"text": words, "turn": 1}, headers=lena)
        erased = client.delete("/api/v1/users/lena", headers=root)
        assert erased.status_code == 200
        assert erased.json()["rows"]["conversations"] == 1
        assert client.get("/api/v1/me", headers=lena).status_code == 401
        database: Database = app.state.database
        with database.session() as session:
            for table in Base.metadata.sorted_tables:
                if table.name == AuditEvent.__tablename__:
                    continue
                for row in session.execute(select(table)):
                    flat = repr(tuple(row))
                    assert "zebra-quartz-unique" not in flat, table.name
                    assert "'lena'" not in flat, table.name
                    assert started["id"] not in flat, table.name
            events = session.scalars(select(AuditEvent).where(AuditEvent.action == "erasure")).all()
            assert [(event.actor_name, event.target) for event in events] == [("root", "lena")]
