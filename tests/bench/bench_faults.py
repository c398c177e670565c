"""Faults: 200 learners send 20 replies each while the server is killed with SIGKILL and restarted, twice.

The load generator (``play`` mode, its own process) writes every acknowledged turn (HTTP 200) to a file as it comes;
when a third and then two thirds of the 4,000 replies are acknowledged, the server is killed without warning and
started again on the same port and database. Clients ride it out: a request that got no answer is sent again for
the same turn, and a 409 then means the first attempt was stored, which the transcript must confirm. No scenario
lasts 20 turns (their turn limits are 12 to 16), so a learner whose conversation ends starts another.

Afterwards, read straight from the database: every acknowledged turn is stored exactly once, with its text; every
conversation is whole (its state loads and agrees with its last line, lines are numbered without gaps, the customer
and the learner take turns); and every conversation that has not ended takes one more reply (through the API).
This asserts counts, not times. It runs in ``make bench``: on a shared machine it takes longer than a test should.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from app.db import Conversation, ConversationTurn, Database, ScenarioVersion
from app.services import ScenarioCache
from scenarios import StateError, state_from_json

from .bench_http import scenarios
from .serving import ROOT, Server, fresh_database, learner_token, loadgen, upgrade
from .summary import Row

SLOTS = int(os.environ.get("FRONTLINE_BENCH_FAULT_SLOTS", "200"))
TURNS = 20
KILLS = 2
PLAY_TIMEOUT = 1800.0


@dataclass
class Findings:
    acknowledged: int = 0
    stored_once: int = 0
    lost: list[str] = field(default_factory=list)
    doubled: list[str] = field(default_factory=list)
    conversations: int = 0
    intact: int = 0
    damaged: list[str] = field(default_factory=list)
    unfinished: int = 0
    continued: int = 0
    client: dict[str, float] = field(default_factory=dict)


def play_with_kills(server: Server, token: str, acks: Path) -> dict[str, float]:
    """Run the learners, killing and restarting the server at each third of the expected replies."""
    picked = [argument for name in scenarios() for argument in ("--scenario", name)]
    command = [sys.executable, "-m", "tests.bench.loadgen", "play", "--base", server.base, "--token", token]
    command += ["--slots", str(SLOTS), "--turns", str(TURNS), "--concurrency", "64", "--acks", str(acks), *picked]
    client = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    expected = SLOTS * TURNS
    deadline = time.monotonic() + PLAY_TIMEOUT
    for kill in range(1, KILLS + 1):
        while client.poll() is None and _lines(acks) < expected * kill // (KILLS + 1):
            if time.monotonic() > deadline:
                client.kill()
                raise RuntimeError("the learners did not finish in time")
            time.sleep(0.05)
        print(f"  killing the server (SIGKILL) at {_lines(acks):,} acknowledged turns; starting it again", flush=True)
        server.kill()
        server.start()
    output, errors = client.communicate(timeout=max(1.0, deadline - time.monotonic()))
    if client.returncode != 0:
        raise RuntimeError(f"the learners' client failed: {errors[-3000:]}")
    return dict(json.loads(output.strip().splitlines()[-1]))


def _lines(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("\n") if path.exists() else 0


def check_acknowledged(database: Database, acks: Path, findings: Findings) -> None:
    wanted = [json.loads(line) for line in acks.read_text(encoding="utf-8").splitlines() if line.strip()]
    findings.acknowledged = len(wanted)
    with database.session() as session:
        for ack in wanted:
            position = 2 * ack["turn"] - 1
            texts = session.scalars(
                select(ConversationTurn.text).where(
                    ConversationTurn.conversation_id == ack["conversation"], ConversationTurn.position == position
                )
            ).all()
            where = f"{ack['conversation']} turn {ack['turn']}"
            if len(texts) > 1:
                findings.doubled.append(where)
            elif texts == [ack["text"]]:
                findings.stored_once += 1
            else:
                findings.lost.append(where)


def check_conversations(database: Database, findings: Findings) -> list[str]:
    """Every stored conversation whole; returns the ids of those that have not ended."""
    cache = ScenarioCache()
    unfinished: list[str] = []
    with database.session() as session:
        doubled = session.execute(
            select(ConversationTurn.conversation_id, ConversationTurn.position)
            .group_by(ConversationTurn.conversation_id, ConversationTurn.position)
            .having(func.count() > 1)
        ).all()
        findings.doubled += [f"{conversation} line {position}" for conversation, position in doubled]
        for conversation in session.scalars(select(Conversation)):
            findings.conversations += 1
            problem = _problem(session, cache, conversation)
            if problem:
                findings.damaged.append(f"{conversation.id}: {problem}")
                continue
            findings.intact += 1
            if conversation.outcome is None:
                unfinished.append(conversation.id)
    return unfinished


def _problem(session: object, cache: ScenarioCache, conversation: Conversation) -> str | None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    lines = session.scalars(
        select(ConversationTurn)
        .where(ConversationTurn.conversation_id == conversation.id)
        .order_by(ConversationTurn.position)
    ).all()
    positions = [line.position for line in lines]
    if positions != list(range(2 * conversation.turn_count + 1)):
        return f"lines numbered {positions} for {conversation.turn_count} turns"
    speakers = [line.speaker for line in lines]
    if speakers != ["customer", *(["learner", "customer"] * conversation.turn_count)]:
        return f"speakers out of turn: {speakers}"
    row = session.get(ScenarioVersion, conversation.scenario_version_id)
    if row is None:
        return "its scenario version is missing"
    try:
        state = state_from_json(conversation.state_json, cache.compiled(row))
    except StateError as exc:
        return f"its state does not load: {exc}"
    if state.turn != conversation.turn_count or state.outcome != conversation.outcome:
        return (
            f"state at turn {state.turn} ({state.outcome}), row at {conversation.turn_count} ({conversation.outcome})"
        )
    if lines[-1].engine_state != conversation.state_json:
        return "the last customer line's state is not the conversation's state"
    return None


def run() -> Findings:
    findings = Findings()
    with fresh_database("sqlite") as url, tempfile.TemporaryDirectory(prefix="frontline-faults-") as folder:
        upgrade(url)
        token = learner_token(url, "bench")
        acks = Path(folder) / "acks.jsonl"
        server = Server(url)
        server.start()
        try:
            findings.client = play_with_kills(server, token, acks)
            database = Database.connect(url)
            try:
                check_acknowledged(database, acks, findings)
                unfinished = check_conversations(database, findings)
            finally:
                database.dispose()
            findings.unfinished = len(unfinished)
            ids = Path(folder) / "ids.txt"
            ids.write_text("".join(f"{conversation}\n" for conversation in unfinished), encoding="utf-8")
            continued = Counter(
                json.loads(loadgen("continue", "--base", server.base, "--token", token, "--ids", str(ids)))
            )
            findings.continued = continued["continued"]
        finally:
            server.stop()
            server.log.unlink(missing_ok=True)
    return findings


def main() -> list[Row]:
    found = run()
    print(f"  client: {json.dumps(found.client)}")
    print(
        f"  acknowledged {found.acknowledged:,}: stored once {found.stored_once:,}, lost {len(found.lost)}, "
        f"doubled {len(found.doubled)}; conversations {found.conversations:,}: intact {found.intact:,}; "
        f"not ended {found.unfinished:,}, took one more reply {found.continued:,}"
    )
    for problem in (found.lost + found.doubled + found.damaged)[:20]:
        print(f"  PROBLEM {problem}")
    return [
        Row(
            f"faults: acknowledged turns stored exactly once ({KILLS} SIGKILLs)",
            f"{found.stored_once:,} of {found.acknowledged:,}",
            f"{len(found.lost)} lost, {len(found.doubled)} doubled",
            "all",
            found.stored_once == found.acknowledged and not found.lost and not found.doubled,
        ),
        Row(
            "faults: conversations intact",
            f"{found.intact:,} of {found.conversations:,}",
            f"{len(found.damaged)} damaged",
            "all",
            found.intact == found.conversations and found.conversations > 0,
        ),
        Row(
            "faults: unfinished conversations that take one more reply",
            f"{found.continued:,} of {found.unfinished:,}",
            f"{found.client.get('no answer', 0):,.0f} requests got no answer",
            "all",
            found.continued == found.unfinished,
        ),
    ]


if __name__ == "__main__":
    main()
