"""The assessor's and trainer's pages: status, roles, overrides, exports and escaping."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from scenarios import get_builtin

from .conftest import HOSTILE, play, sign_in, token


def test_assessor_pages_show_the_learners_words_as_text(client: TestClient) -> None:
    sign_in(client, "lena")
    conversation = play(client)
    sign_in(client, "ada")
    urls = (
        "/assess",
        "/assess?sort=learner&outcome=resolved&signed_off=no",
        f"/assess/{conversation}",
        f"/assess/{conversation}?turn=1",
        f"/assess/{conversation}/rescore",
        f"/assess/{conversation}/report",
        "/assess/import",
    )
    for url in urls:
        page = client.get(url)
        assert page.status_code == 200, url
        assert "<script>alert(1)" not in page.text, url
    listing = client.get("/assess").context["table"]  # type: ignore[attr-defined]
    assert [row.id for row in listing.rows] == [conversation]
    exported = client.get("/assess/export.json")
    assert exported.headers["content-type"].startswith("application/json")
    assert HOSTILE in json.dumps(exported.json())  # a string in JSON, never markup
    assert client.get("/assess/export.csv").text.startswith("id,")


def test_an_override_stands_beside_the_automatic_verdict_then_sign_off(client: TestClient) -> None:
    sign_in(client, "lena")
    conversation = play(client)
    sign_in(client, "ada")
    replay_url = f"/assess/{conversation}?turn=2"
    saved = client.post(
        f"/assess/{conversation}/reviews",
        data={
            "turn": "2",
            "criterion": "professional",
            "verdict": "met",
            "reason": f"{HOSTILE} tone was fine on the call",
            "csrf_token": token(client, replay_url),
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    page = client.get(replay_url)
    verdict = next(v for v in page.context["replay"].verdicts if v.id == "professional")  # type: ignore[attr-defined]
    assert (verdict.automatic, verdict.reviewed) == ("breach", "met")
    assert "<script>alert(1)" not in page.text
    signed = client.post(
        f"/assess/{conversation}/signoff", data={"csrf_token": token(client, replay_url)}, follow_redirects=False
    )
    assert signed.status_code == 303
    assert client.get(f"/assess/{conversation}").context["replay"].signed_off_by == "Ada Assessor"  # type: ignore[attr-defined]


def test_import_scores_pasted_text(client: TestClient) -> None:
    sign_in(client, "ada")
    answer = client.post(
        "/assess/import",
        data={
            "content": f"Customer: It never came.\nAgent: {HOSTILE} I'm so sorry. What happened?",
            "format": "text",
            "csrf_token": token(client, "/assess/import"),
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303
    page = client.get(answer.headers["location"])
    assert page.status_code == 200
    assert "<script>alert(1)" not in page.text


def test_learners_may_not_open_staff_pages(client: TestClient) -> None:
    sign_in(client, "lena")
    for url in ("/assess", "/assess/import", "/assess/export.csv", "/author", "/author/edit"):
        page = client.get(url)
        assert page.status_code == 403, url
        assert page.headers["content-type"].startswith("text/html"), url


def test_trainer_fixes_a_scenario_saves_and_publishes(client: TestClient) -> None:
    sign_in(client, "tom")
    assert client.get("/author").status_code == 200
    editor = client.get("/author/edit?from=parcel-not-delivered")
    assert editor.status_code == 200
    text = get_builtin("parcel-not-delivered").source.replace("version: 1", "version: 2", 1)
    broken = text.replace("advance_when: heard", "advance_when: <script>heard", 1)
    checked = client.post("/author/validate", data={"text": broken, "csrf_token": token(client, "/author/edit")})
    assert checked.context["errors"] >= 1  # type: ignore[attr-defined]
    assert all(issue["line"] for issue in checked.context["issues"])  # type: ignore[attr-defined]
    assert "<script>heard" not in checked.text
    refused = client.post("/author/drafts", data={"text": broken, "csrf_token": token(client, "/author/edit")})
    assert refused.status_code == 422
    saved = client.post(
        "/author/drafts", data={"text": text, "csrf_token": token(client, "/author/edit")}, follow_redirects=False
    )
    assert saved.headers["location"] == "/author/parcel-not-delivered/2"
    draft = client.get("/author/parcel-not-delivered/2")
    assert draft.context["status"] == "draft"  # type: ignore[attr-defined]
    assert "<svg" in draft.text
    published = client.post(
        "/author/parcel-not-delivered/2/publish",
        data={"csrf_token": token(client, "/author/parcel-not-delivered/2")},
        follow_redirects=False,
    )
    assert published.status_code == 303
    assert client.get("/author/parcel-not-delivered/2").context["status"] == "published"  # type: ignore[attr-defined]
