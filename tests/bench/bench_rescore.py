"""Batch re-scoring: ``frontline rescore`` over 100,000 stored replies, with one process and with two.

The store is filled quickly and honestly: a few dozen conversations are played through the service layer (real
assessments, real engine states), then copied under new ids with bulk inserts until 100,000 learner replies are
stored. One reply in every 97 has a stored verdict altered, so the re-score must find exactly those: proof that
each reply was judged again, not skipped. The same-run baseline is reading the stored replies back (text and
stored assessment, JSON decoded). No target is set for re-scoring; the figures are for planning.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
import uuid
from typing import Any

from sqlalchemy import insert, select

from app import services
from app.db import Conversation, ConversationTurn, Database
from app.services import Actor, ensure_user, prepare_database
from scenarios import builtin_scenarios

from .loadgen import REPLIES, reply_for
from .serving import FRONTLINE, ROOT, environment, fresh_database
from .summary import Row, per_second

REPLIES_STORED = int(os.environ.get("FRONTLINE_BENCH_RESCORE_TURNS", "100000"))
SEEDS = 6
ALTER_EVERY = 97
BATCH = 5_000


def play_templates(database: Database) -> list[str]:
    """Conversations played through the service layer, on every scenario with labelled replies."""
    with database.session() as session:
        actor = Actor.of(ensure_user(session, "bench", "learner", "Bench learner"))
        session.commit()
    ids: list[str] = []
    for scenario in sorted(set(builtin_scenarios()) & set(REPLIES)):
        for seed in range(SEEDS):
            with database.session() as session:
                opened = services.start_conversation(session, actor, scenario, seed=seed)
            turn, outcome = 1, None
            while outcome is None:
                with database.session() as session:
                    outcome = services.submit_reply(session, actor, opened.id, reply_for(scenario, turn, seed)).outcome
                turn += 1
            ids.append(opened.id)
    return ids


def _altered(assessment: dict[str, Any]) -> dict[str, Any]:
    changed = json.loads(json.dumps(assessment))
    verdict = changed["criteria"]["hear"]["verdict"]
    changed["criteria"]["hear"]["verdict"] = "missed" if verdict == "met" else "met"
    return changed


def fill(database: Database, templates: list[str], replies: int) -> dict[str, int]:
    """Copy the template conversations under new ids until ``replies`` learner replies are stored."""
    with database.session() as session:
        conversations = {
            row.id: row for row in session.scalars(select(Conversation).where(Conversation.id.in_(templates)))
        }
        lines: dict[str, list[ConversationTurn]] = {key: [] for key in templates}
        for line in session.scalars(
            select(ConversationTurn)
            .where(ConversationTurn.conversation_id.in_(templates))
            .order_by(ConversationTurn.position)
        ):
            lines[line.conversation_id].append(line)
    columns = [column.key for column in Conversation.__table__.columns]
    turn_columns = [column.key for column in ConversationTurn.__table__.columns if column.key != "id"]
    stored = sum(1 for key in templates for line in lines[key] if line.speaker == "learner")
    altered = copies = 0
    pending_conversations: list[dict[str, Any]] = []
    pending_turns: list[dict[str, Any]] = []
    while stored < replies:
        template = conversations[templates[copies % len(templates)]]
        copies += 1
        new_id = uuid.uuid4().hex
        pending_conversations.append({**{c: getattr(template, c) for c in columns}, "id": new_id})
        for line in lines[template.id]:
            row = {**{c: getattr(line, c) for c in turn_columns}, "conversation_id": new_id}
            if line.speaker == "learner":
                stored += 1
                if stored % ALTER_EVERY == 0:
                    row["assessment"] = _altered(line.assessment or {})
                    altered += 1
            pending_turns.append(row)
        if len(pending_turns) >= BATCH or stored >= replies:
            with database.session() as session, session.begin():
                session.execute(insert(Conversation), pending_conversations)
                session.execute(insert(ConversationTurn), pending_turns)
            pending_conversations, pending_turns = [], []
    return {"replies": stored, "altered": altered, "conversations": copies + len(templates)}


def read_back(database: Database) -> float:
    """Replies per second when only reading the stored replies and decoding their assessments."""
    began = time.perf_counter()
    count = 0
    with database.engine.connect() as connection:
        query = select(ConversationTurn.text, ConversationTurn.assessment).where(ConversationTurn.speaker == "learner")
        for _text, assessment in connection.execute(query):
            count += assessment is not None
    return count / (time.perf_counter() - began)


def rescore(url: str, processes: int) -> dict[str, Any]:
    done = subprocess.run(
        [FRONTLINE, "rescore", "--json", "--processes", str(processes)],
        env=environment(url),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> list[Row]:
    with fresh_database("sqlite") as url:
        database = Database.connect(url)
        try:
            prepare_database(database)
            began = time.perf_counter()
            filled = fill(database, play_templates(database), REPLIES_STORED)
            print(
                f"stored {filled['replies']:,} replies in {filled['conversations']:,} conversations "
                f"({filled['altered']:,} with an altered verdict) in {time.perf_counter() - began:,.0f} s"
            )
            baseline = read_back(database)
        finally:
            database.dispose()
        runs = {processes: rescore(url, processes) for processes in (1, 2)}
    rows: list[Row] = []
    for processes, run in runs.items():
        print(
            f"  frontline rescore --processes {processes}: {run['turns']:,} replies in {run['seconds']:,.1f} s = "
            f"{run['turns_per_second']:,.0f} /s; {run['changed_verdicts']:,} verdicts changed, "
            f"{run['failed']} failed"
        )
        found_all = run["turns"] == filled["replies"] and run["changed_verdicts"] == filled["altered"]
        rows.append(
            Row(
                f"rescore: replies per second, {processes} process{'es' if processes > 1 else ''}",
                per_second(run["turns_per_second"]),
                f"reading them back {per_second(baseline)}",
                f"every reply judged ({filled['altered']:,} changes found)",
                found_all and not run["failed"],
            )
        )
    print(f"  baseline: reading the stored replies back {baseline:,.0f} /s")
    return rows


if __name__ == "__main__":
    main()
