"""Exports of stored conversations: one row each for spreadsheets (CSV), or whole transcripts as JSON.

A learner exports their own conversations; reviewers export every conversation they may see. Assessed
conversations still running are left out of a learner's export, as their scores are withheld until the end.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.audit import record as audit
from app.db import Conversation, ScenarioVersion, SignOff, User
from scoring import transcript_report

from .access import visible
from .actors import Actor
from .conversations import hints_hidden
from .reports import stored_assessments
from .transcripts import stored_lines, transcript

CSV_COLUMNS: Final = (
    "id",
    "learner",
    "scenario",
    "scenario_version",
    "mode",
    "seed",
    "started_at",
    "finished_at",
    "turns",
    "outcome",
    "score",
    "band",
    "critical_breaches",
    "signed_off_band",
)
MAX_EXPORT_ROWS: Final = 10_000


def _conversations(
    session: Session, actor: Actor, scenario_id: str | None
) -> list[tuple[Conversation, ScenarioVersion, User]]:
    query = (
        select(Conversation, ScenarioVersion, User)
        .join(ScenarioVersion, Conversation.scenario_version_id == ScenarioVersion.id)
        .join(User, Conversation.learner_id == User.id)
    )
    query = visible(query, actor)
    if scenario_id is not None:
        query = query.where(ScenarioVersion.scenario_id == scenario_id)
    rows = session.execute(query.order_by(Conversation.started_at, Conversation.id).limit(MAX_EXPORT_ROWS)).all()
    return [(c, s, u) for c, s, u in rows if not hints_hidden(actor, c)]


def export_rows(session: Session, actor: Actor, *, scenario_id: str | None = None) -> list[dict[str, Any]]:
    """One summary row per conversation: who, what, when, outcome, score and band."""
    rows: list[dict[str, Any]] = []
    for conversation, version, learner in _conversations(session, actor, scenario_id):
        report = transcript_report(stored_assessments(stored_lines(session, conversation.id)), conversation.outcome)
        signoff = session.scalars(select(SignOff).where(SignOff.conversation_id == conversation.id)).first()
        rows.append(
            {
                "id": conversation.id,
                "learner": learner.display_name,
                "scenario": version.scenario_id,
                "scenario_version": version.version,
                "mode": conversation.mode,
                "seed": conversation.seed,
                "started_at": conversation.started_at.isoformat(),
                "finished_at": conversation.finished_at.isoformat() if conversation.finished_at else "",
                "turns": conversation.turn_count,
                "outcome": conversation.outcome or "",
                "score": round(report.score, 4),
                "band": report.band,
                "critical_breaches": " ".join(report.critical_breaches),
                "signed_off_band": signoff.band if signoff else "",
            }
        )
    return rows


def _cell(value: Any) -> Any:
    # A cell starting with = + - @ would run as a formula in a spreadsheet; learners' words must stay words.
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value


def export_csv(session: Session, actor: Actor, *, scenario_id: str | None = None) -> str:
    """The summary rows as CSV with a header line."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    rows = export_rows(session, actor, scenario_id=scenario_id)
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    _audit_export(session, actor, "csv", scenario_id, len(rows))
    return buffer.getvalue()


def export_json(session: Session, actor: Actor, *, scenario_id: str | None = None) -> list[dict[str, Any]]:
    """Every visible conversation in full: the summary row and the transcript with assessments and states."""
    exported: list[dict[str, Any]] = []
    for row in export_rows(session, actor, scenario_id=scenario_id):
        whole = transcript(session, actor, row["id"])
        lines = [{**asdict(line), "created_at": line.created_at.isoformat()} for line in whole.lines]
        exported.append({**row, "lines": lines})
    _audit_export(session, actor, "json", scenario_id, len(exported))
    return exported


def _audit_export(session: Session, actor: Actor, kind: str, scenario_id: str | None, count: int) -> None:
    """Learners' words left the system: the audit log says who took how many, and when. Commits."""
    detail = {"format": kind, "conversations": count}
    audit(session, "export", actor=actor, target_kind="conversations", target=scenario_id or "all", detail=detail)
    session.commit()


__all__ = ["CSV_COLUMNS", "MAX_EXPORT_ROWS", "export_csv", "export_json", "export_rows"]
