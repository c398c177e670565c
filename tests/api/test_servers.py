"""Several real server processes on one database: any process serves any turn, and a raced turn is stored once.

Two ``frontline serve`` processes share the database; conversations whose turns alternate between them come out
identical to the same conversations played on one process, because no process keeps conversation state in memory.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.accounts import issue_token
from app.db import Database

from ..storage.play import RESOLVING, SCENARIO, WALKOUT
from .servers import frontline, serving

pytestmark = pytest.mark.slow

SCRIPTS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    (SCENARIO, 7, RESOLVING),
    (SCENARIO, 11, (RESOLVING[0], WALKOUT)),
    (
        "sale-straighteners-no-receipt",
        3,
        (
            "I'm really sorry they've stopped working, that's so annoying when you've only had them a few weeks.",
            "Could you tell me when you bought them and how you paid?",
            "Thank you. You're entitled to a refund as they're faulty, so I'll refund the £45 to your card now.",
            "I'll give you a receipt for the refund today, and it should reach your account within 5 days.",
        ),
    ),
)
VOLATILE = {"id", "created_at", "started_at", "finished_at", "updated_at"}


def stable(transcript: dict[str, Any]) -> dict[str, Any]:
    """A transcript without ids and times, which differ from run to run."""
    lines = [{k: v for k, v in line.items() if k not in VOLATILE} for line in transcript["lines"]]
    return {**{k: v for k, v in transcript.items() if k not in VOLATILE}, "lines": lines}


def learner_token(database_url: str) -> dict[str, str]:
    """Headers that sign in as the built-in learner with a new API token."""
    database = Database.connect(database_url)
    try:
        with database.session() as session:
            token = issue_token(session, "learner", label="server tests")
    finally:
        database.dispose()
    return {"Authorization": f"Bearer {token}"}


def play(
    urls: list[str], headers: dict[str, str], scenario: str, seed: int, replies: tuple[str, ...]
) -> dict[str, Any]:
    """Play one script, sending turn n to server n mod len(urls); returns the stored transcript."""
    with httpx.Client(timeout=30, headers=headers) as client:
        started = client.post(f"{urls[0]}/api/v1/conversations", json={"scenario": scenario, "seed": seed})
        assert started.status_code == 201, started.text
        conversation = started.json()["id"]
        for number, text in enumerate(replies, start=1):
            url = urls[number % len(urls)]
            answer = client.post(
                f"{url}/api/v1/conversations/{conversation}/turns", json={"text": text, "turn": number}
            )
            assert answer.status_code == 200, answer.text
            if answer.json()["outcome"] is not None:
                break
        found = client.get(f"{urls[-1]}/api/v1/conversations/{conversation}")
        assert found.status_code == 200
        replayed = client.get(f"{urls[0]}/api/v1/conversations/{conversation}/replay").json()
        assert replayed["reproduced"] is True, replayed["differences"]
        return dict(found.json())


def test_two_processes_serve_alternate_turns_like_one(database_url: str, tmp_path: Path) -> None:
    upgraded = frontline("db", "upgrade", database_url=database_url)
    assert upgraded.returncode == 0, upgraded.stderr
    headers = learner_token(database_url)
    with serving(database_url, 2, tmp_path) as urls:
        alternating = [play(urls, headers, *script) for script in SCRIPTS]
        single = [play(urls[:1], headers, *script) for script in SCRIPTS]
    assert [stable(t) for t in alternating] == [stable(t) for t in single]
    assert single[0]["outcome"] == "resolved"
    assert [len(t["lines"]) for t in single] == [7, 5, len(single[2]["lines"])]


def race(urls: list[str], headers: dict[str, str], conversation: str) -> list[int]:
    """Send the same first reply to every server at the same moment; the status codes, in any order."""
    barrier = threading.Barrier(len(urls))
    statuses: list[int] = []

    def submit(url: str) -> None:
        with httpx.Client(timeout=30, headers=headers) as client:
            barrier.wait()
            reply = client.post(
                f"{url}/api/v1/conversations/{conversation}/turns", json={"text": RESOLVING[0], "turn": 1}
            )
            statuses.append(reply.status_code)
            if reply.status_code == 409:
                assert reply.json()["error"]["code"] == "turn_taken"

    threads = [threading.Thread(target=submit, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_two_submissions_for_one_turn_store_one(database_url: str, tmp_path: Path) -> None:
    assert frontline("db", "upgrade", database_url=database_url).returncode == 0
    headers = learner_token(database_url)
    with serving(database_url, 2, tmp_path) as urls, httpx.Client(timeout=30, headers=headers) as client:
        for seed in range(4):
            started = client.post(f"{urls[0]}/api/v1/conversations", json={"scenario": SCENARIO, "seed": seed})
            conversation = started.json()["id"]
            assert sorted(race(urls, headers, conversation)) == [200, 409]
            lines = client.get(f"{urls[1]}/api/v1/conversations/{conversation}").json()["lines"]
            assert [line["speaker"] for line in lines] == ["customer", "learner", "customer"]
