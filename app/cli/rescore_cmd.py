"""``frontline rescore``: judge every stored reply again under the current rubric and report what changed.

Each conversation is re-scored by the service layer's :func:`app.services.rescore`: every learner reply is assessed
again in exactly the context it was given (the engine state stored before it) and compared with the stored verdicts.
Nothing stored is overwritten (an automatic score is never replaced); the changes are reported, and written as JSON
lines (one per conversation that changed) with ``--output``. ``--processes N`` shares the conversations among N
worker processes, each with its own database connection::

    frontline rescore --processes 2 --output changes.jsonl
"""

from __future__ import annotations

import json
import multiprocessing
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy import func, select

from app.db import Conversation, ConversationTurn, Database, DatabaseURLError, ScenarioVersion, parse_url
from app.services import Actor, ScenarioCache, ServiceError, prepare_database, rescore
from app.settings import Settings

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)
OPERATOR = Actor(id=0, name="command line", role="admin", display_name="command line")
CHUNK_TURNS = 400  # learner turns handed to a worker at a time: big enough to cost little to send, small to balance


@dataclass
class Tally:
    """What re-scoring found, added up over conversations."""

    conversations: int = 0
    turns: int = 0
    changed_conversations: int = 0
    band_changes: int = 0
    failed: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)  # "criterion: stored -> current"
    changes: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.conversations += other.conversations
        self.turns += other.turns
        self.changed_conversations += other.changed_conversations
        self.band_changes += other.band_changes
        self.failed += other.failed
        self.verdicts.update(other.verdicts)
        self.changes += other.changes
        self.errors += other.errors


_WORKER: tuple[Database, ScenarioCache] | None = None


def _open_worker(url: str) -> None:
    global _WORKER
    _WORKER = (Database.connect(url), ScenarioCache())


def _rescore_chunk(chunk: list[tuple[str, int]]) -> Tally:
    """Re-score these conversations (id, learner turns) in this worker's database session."""
    assert _WORKER is not None, "the worker was not opened"
    database, cache = _WORKER
    tally = Tally()
    with database.session() as session:
        for conversation_id, turns in chunk:
            tally.conversations += 1
            try:
                found = rescore(session, OPERATOR, conversation_id, cache=cache)
            except ServiceError as exc:
                tally.failed += 1
                tally.errors.append(f"{conversation_id}: {exc.message}")
                continue
            finally:
                session.rollback()  # read only: end the transaction so the next conversation reads fresh
            tally.turns += turns
            if found.changes:
                tally.changed_conversations += 1
                tally.verdicts.update(f"{c.criterion}: {c.stored} -> {c.current}" for c in found.changes)
                tally.changes.append(
                    {
                        "conversation": conversation_id,
                        "band": {"stored": found.stored["band"], "current": found.current["band"]},
                        "changes": [
                            {"turn": c.turn, "criterion": c.criterion, "stored": c.stored, "current": c.current}
                            for c in found.changes
                        ],
                    }
                )
            tally.band_changes += found.band_changed
    return tally


def _conversations(database: Database, scenario: str | None) -> list[tuple[str, int]]:
    """Every conversation with a stored reply, oldest first, with how many replies it holds."""
    statement = (
        select(ConversationTurn.conversation_id, func.count())
        .join(Conversation, Conversation.id == ConversationTurn.conversation_id)
        .where(ConversationTurn.speaker == "learner")
        .group_by(ConversationTurn.conversation_id, Conversation.started_at)
        .order_by(Conversation.started_at, ConversationTurn.conversation_id)
    )
    if scenario is not None:
        statement = statement.join(ScenarioVersion, ScenarioVersion.id == Conversation.scenario_version_id).where(
            ScenarioVersion.scenario_id == scenario
        )
    with database.session() as session:
        return [(conversation_id, int(count)) for conversation_id, count in session.execute(statement)]


def _chunks(conversations: list[tuple[str, int]]) -> Iterator[list[tuple[str, int]]]:
    chunk: list[tuple[str, int]] = []
    turns = 0
    for item in conversations:
        chunk.append(item)
        turns += item[1]
        if turns >= CHUNK_TURNS:
            yield chunk
            chunk, turns = [], 0
    if chunk:
        yield chunk


def _run(url: str, conversations: list[tuple[str, int]], processes: int, progress: Progress) -> Tally:
    total = Tally()
    task = progress.add_task("re-scoring", total=sum(turns for _, turns in conversations))
    if processes == 1:
        _open_worker(url)
        for chunk in _chunks(conversations):
            found = _rescore_chunk(chunk)
            total.add(found)
            progress.advance(task, sum(turns for _, turns in chunk))
        return total
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no inherited connections or threads
    with ProcessPoolExecutor(processes, mp_context=context, initializer=_open_worker, initargs=(url,)) as pool:
        waiting: dict[Future[Tally], int] = {
            pool.submit(_rescore_chunk, chunk): sum(turns for _, turns in chunk) for chunk in _chunks(conversations)
        }
        while waiting:
            done, _ = wait(waiting, return_when=FIRST_COMPLETED)
            for future in done:
                total.add(future.result())
                progress.advance(task, waiting.pop(future))
    return total


def _report(tally: Tally, seconds: float, processes: int) -> None:
    rate = tally.turns / seconds if seconds else 0.0
    console.print(
        f"re-scored {tally.turns:,} replies in {tally.conversations:,} conversations in {seconds:,.1f} s "
        f"({rate:,.0f} replies/s, {processes} process{'es' if processes > 1 else ''})"
    )
    console.print(
        f"changed: {tally.changed_conversations:,} of the conversations, {sum(tally.verdicts.values()):,} verdicts, "
        f"{tally.band_changes:,} grade bands"
    )
    if tally.verdicts:
        table = Table("criterion: stored -> current", "replies")
        for change, count in sorted(tally.verdicts.items(), key=lambda item: (-item[1], item[0])):
            table.add_row(change, f"{count:,}")
        console.print(table)
    for error in tally.errors[:20]:
        err_console.print(f"[red]could not re-score[/red] {error}", soft_wrap=True)


def register_rescore(cli: typer.Typer) -> None:
    @cli.command("rescore")
    def rescore_command(
        processes: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
        scenario: Annotated[str | None, typer.Option(help="Only conversations on this scenario.")] = None,
        output: Annotated[Path | None, typer.Option(help="Write each changed conversation as a JSON line.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print the summary as one JSON object.")] = False,
    ) -> None:
        """Score every stored reply again under the current rubric and report what changed (nothing is overwritten)."""
        settings = Settings()
        try:
            parse_url(settings.database_url)
        except DatabaseURLError as exc:
            err_console.print(f"[red]error:[/red] FRONTLINE_DATABASE_URL: {exc}")
            raise typer.Exit(2) from None
        database = Database.connect(settings.database_url)
        try:
            prepare_database(database)
            conversations = _conversations(database, scenario)
        finally:
            database.dispose()
        began = time.perf_counter()
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("replies"))
        timing = (TimeElapsedColumn(), TimeRemainingColumn())
        with Progress(*columns, *timing, console=err_console, disable=as_json) as progress:
            tally = _run(settings.database_url, conversations, processes, progress)
        seconds = time.perf_counter() - began
        if output is not None:
            output.write_text("".join(json.dumps(item) + "\n" for item in tally.changes), encoding="utf-8")
        if as_json:
            summary = {
                "processes": processes,
                "conversations": tally.conversations,
                "turns": tally.turns,
                "seconds": seconds,
                "turns_per_second": tally.turns / seconds if seconds else 0.0,
                "changed_conversations": tally.changed_conversations,
                "changed_verdicts": sum(tally.verdicts.values()),
                "band_changes": tally.band_changes,
                "failed": tally.failed,
            }
            typer.echo(json.dumps(summary))
        else:
            _report(tally, seconds, processes)
        if tally.failed:
            raise typer.Exit(1)


__all__ = ["register_rescore"]
