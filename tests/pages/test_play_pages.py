"""Playing through the pages: the conversation, a reply as JSON for the script, the debrief and progress."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .conftest import HOSTILE, play, sign_in, token


def test_a_whole_conversation_escapes_the_learners_html_everywhere(client: TestClient) -> None:
    sign_in(client, "lena")
    conversation = play(client)
    for url in (f"/conversations/{conversation}", f"/conversations/{conversation}/debrief", "/history"):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "<script>alert(1)" not in page.text
        assert "<b>x</b>" not in page.text
    debrief = client.get(f"/conversations/{conversation}/debrief")
    assert debrief.template.name == "debrief.html"  # type: ignore[attr-defined]
    view = debrief.context["debrief"]  # type: ignore[attr-defined]
    assert view.band in {"Refer", "Pass", "Merit", "Distinction"}
    assert HOSTILE.replace("<", "&lt;").replace(">", "&gt;") in debrief.text
    legal = {note.id for note in view.legal}
    assert "R32" in legal  # asking for the card security code
    assert '<mark class="lost"' in debrief.text
    assert view.stronger is not None


def test_the_script_gets_json_and_hints_follow_the_mode(client: TestClient) -> None:
    sign_in(client, "lena")
    started = client.post(
        "/conversations",
        data={"scenario": "online-dress-cancellation", "mode": "assessed", "csrf_token": token(client, "/")},
        follow_redirects=False,
    )
    url = started.headers["location"]
    page = client.get(url)
    assert page.context["conversation"].hints is False  # type: ignore[attr-defined]
    assert "<meter" not in page.text
    answer = client.post(
        f"{url}/replies",
        data={"text": "I'm sorry. What happened?", "turn": "1"},
        headers={"Accept": "application/json", "X-CSRF-Token": token(client, url)},
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["customer"]["text"]
    assert body["mood"] is None
    assert body["stages"] == []
    stale = client.post(
        f"{url}/replies",
        data={"text": "Again", "turn": "1"},
        headers={"Accept": "application/json", "X-CSRF-Token": token(client, url)},
    )
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "turn_taken"


def test_an_empty_reply_keeps_the_page_with_a_message(client: TestClient) -> None:
    sign_in(client, "lena")
    started = client.post(
        "/conversations",
        data={"scenario": "parcel-not-delivered", "csrf_token": token(client, "/")},
        follow_redirects=False,
    )
    url = started.headers["location"]
    answer = client.post(f"{url}/replies", data={"text": "  ", "turn": "1", "csrf_token": token(client, url)})
    assert answer.status_code == 422
    assert "the reply is empty" in answer.text


def test_another_learners_conversation_is_not_found(client: TestClient) -> None:
    sign_in(client, "lena")
    conversation = play(client)
    sign_in(client, "tom")
    assert client.get(f"/conversations/{conversation}").status_code == 404
    assert client.get(f"/conversations/{conversation}/debrief").status_code == 404
