"""``frontline rescore``: every stored reply judged again, what changed reported, nothing stored overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from app import services
from app.cli import cli
from app.db import ConversationTurn, Database
from app.services import Actor, ensure_user, prepare_database

REPLIES = (
    "I'm so sorry your parcel hasn't arrived. Could you tell me what the tracking page says?",
    "That must be so frustrating. I'll open a claim with the courier now and call you back by 5pm today.",
)


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    address = f"sqlite:///{tmp_path / 'frontline.sqlite3'}"
    monkeypatch.setenv("FRONTLINE_DATABASE_URL", address)
    monkeypatch.setenv("FRONTLINE_ENVIRONMENT", "test")
    monkeypatch.setenv("COLUMNS", "200")
    return address


def play(url: str, conversations: int) -> None:
    database = Database.connect(url)
    try:
        prepare_database(database)
        with database.session() as session:
            actor = Actor.of(ensure_user(session, "jo", "learner", "Jo"))
            session.commit()
        for seed in range(conversations):
            with database.session() as session:
                opened = services.start_conversation(session, actor, "parcel-not-delivered", seed=seed)
            for turn, text in enumerate(REPLIES, start=1):
                with database.session() as session:
                    if services.submit_reply(session, actor, opened.id, text, expected_turn=turn).outcome:
                        break
    finally:
        database.dispose()


def alter_first_reply(url: str) -> str:
    """Flip the stored 'hear' verdict of the first stored reply; return it as it now reads."""
    database = Database.connect(url)
    try:
        with database.session() as session, session.begin():
            first = select(ConversationTurn).where(ConversationTurn.speaker == "learner").order_by(ConversationTurn.id)
            line = session.scalars(first).first()
            assert line is not None
            assert line.assessment is not None
            assessment = json.loads(json.dumps(line.assessment))
            verdict = assessment["criteria"]["hear"]["verdict"]
            assessment["criteria"]["hear"]["verdict"] = "missed" if verdict == "met" else "met"
            line.assessment = assessment
            return str(assessment["criteria"]["hear"]["verdict"])
    finally:
        database.dispose()


def stored_verdicts(url: str) -> list[str]:
    database = Database.connect(url)
    try:
        with database.session() as session:
            rows = session.scalars(select(ConversationTurn).where(ConversationTurn.speaker == "learner"))
            return [row.assessment["criteria"]["hear"]["verdict"] for row in rows if row.assessment]
    finally:
        database.dispose()


@pytest.mark.parametrize("processes", [1, 2])
def test_rescore_finds_the_one_altered_verdict_and_overwrites_nothing(url: str, tmp_path: Path, processes: int) -> None:
    play(url, conversations=3)
    altered = alter_first_reply(url)
    before = stored_verdicts(url)
    output = tmp_path / "changes.jsonl"

    done = CliRunner().invoke(cli, ["rescore", "--json", "--processes", str(processes), "--output", str(output)])

    assert done.exit_code == 0, done.output
    summary = json.loads(done.output.strip().splitlines()[-1])
    assert summary["conversations"] == 3
    assert summary["turns"] == len(before)
    assert (summary["changed_verdicts"], summary["changed_conversations"], summary["failed"]) == (1, 1, 0)
    (changed,) = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert changed["changes"] == [
        {"turn": 1, "criterion": "hear", "stored": altered, "current": changed["changes"][0]["current"]}
    ]
    assert changed["changes"][0]["current"] != altered
    assert stored_verdicts(url) == before  # the automatic score stored is never replaced


def test_rescore_reports_in_words(url: str) -> None:
    play(url, conversations=1)
    alter_first_reply(url)
    done = CliRunner().invoke(cli, ["rescore"])
    assert done.exit_code == 0, done.output
    assert "changed: 1 of the conversations, 1 verdicts, 0 grade bands" in done.output
    assert "hear:" in done.output


def test_rescore_of_an_empty_database(url: str) -> None:
    done = CliRunner().invoke(cli, ["rescore", "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output.strip().splitlines()[-1])["turns"] == 0
