"""Transcripts from outside Frontline, scored: a JSON file or plain text with ``Agent:`` / ``Customer:`` lines.

Each agent line is judged against the customer line before it (and the scenario, when one is named); the whole is
aggregated into a transcript report. The raw text is kept with the result, so nothing an assessor sent is lost.

Plain text::

    Customer: My parcel never came.
    Agent: I'm sorry, that's frustrating. Can I take your order number?

A line that starts with neither label continues the line before it. JSON is ``{"turns": [{"speaker": "agent",
"text": "..."}, ...]}`` or the list alone; the speaker is ``agent`` (or ``learner``) or ``customer``.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy.orm import Session

from app.db import ImportedTranscript, utcnow
from scenarios import CompiledScenario
from scoring import Assessment, Context, assess, transcript_report

from .access import IMPORTERS, require_role
from .actors import Actor
from .catalogue import DEFAULT_CACHE, ScenarioCache, find_version
from .errors import InvalidInputError, NotFoundError, TooLargeError
from .shapes import assessment_json

MAX_IMPORT_BYTES: Final = 512 * 1024
MAX_IMPORT_TURNS: Final = 400
FORMATS: Final = ("text", "json")
_LABEL = re.compile(r"^\s*(agent|learner|advisor|adviser|customer|caller)\s*:\s?(.*)$", re.IGNORECASE)
_SPEAKERS: Final = {
    "agent": "learner",
    "learner": "learner",
    "advisor": "learner",
    "adviser": "learner",
    "customer": "customer",
    "caller": "customer",
}


@dataclass(frozen=True, slots=True)
class ImportedLine:
    speaker: str
    text: str
    assessment: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class ImportView:
    id: str
    scenario_id: str | None
    source: str
    format: str
    lines: tuple[ImportedLine, ...]
    report: dict[str, Any]
    created_at: datetime


def parse_text(content: str) -> list[tuple[str, str]]:
    """Turns from ``Agent:`` / ``Customer:`` lines; an unlabelled line before the first label is an error."""
    turns: list[tuple[str, str]] = []
    for number, raw in enumerate(content.splitlines(), start=1):
        if not raw.strip():
            continue
        match = _LABEL.match(raw)
        if match:
            turns.append((_SPEAKERS[match.group(1).lower()], match.group(2).strip()))
        elif turns:
            speaker, text = turns[-1]
            turns[-1] = (speaker, f"{text} {raw.strip()}".strip())
        else:
            raise InvalidInputError(
                f"line {number} does not start with 'Agent:' or 'Customer:': {raw.strip()[:60]!r}",
                code="transcript_unreadable",
                details=[{"line": number, "message": "each turn starts with 'Agent:' or 'Customer:'"}],
            )
    return turns


def parse_json(content: str) -> list[tuple[str, str]]:
    """Turns from ``{"turns": [{"speaker", "text"}, ...]}`` or the list alone."""
    try:
        data = json.loads(content)
    except ValueError as exc:
        raise InvalidInputError(f"the transcript is not valid JSON: {exc}", code="transcript_unreadable") from None
    items = data.get("turns") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InvalidInputError(
            'the JSON transcript must be a list of turns or {"turns": [...]}', code="transcript_unreadable"
        )
    turns: list[tuple[str, str]] = []
    for index, item in enumerate(items):
        speaker = item.get("speaker") if isinstance(item, dict) else None
        text = item.get("text") if isinstance(item, dict) else None
        if not isinstance(speaker, str) or speaker.lower() not in _SPEAKERS or not isinstance(text, str):
            raise InvalidInputError(
                f'turn {index + 1} needs "speaker" ("agent" or "customer") and "text" (a string)',
                code="transcript_unreadable",
                details=[{"turn": index + 1, "message": "needs speaker and text"}],
            )
        turns.append((_SPEAKERS[speaker.lower()], text.strip()))
    return turns


def score_turns(
    turns: list[tuple[str, str]], scenario: CompiledScenario | None
) -> list[tuple[str, str, Assessment | None]]:
    """Each agent line assessed against the customer line before it; customer lines carry no assessment."""
    scored: list[tuple[str, str, Assessment | None]] = []
    customer_line = ""
    replies = 0
    for speaker, text in turns:
        if speaker == "customer":
            customer_line = text
            scored.append((speaker, text, None))
            continue
        replies += 1
        context = Context(scenario=scenario, customer_line=customer_line, turn=replies)
        scored.append((speaker, text, assess(text, context)))
    return scored


def import_transcript(
    session: Session,
    actor: Actor,
    content: str,
    *,
    format: str = "text",
    scenario_id: str | None = None,
    source: str = "",
    cache: ScenarioCache = DEFAULT_CACHE,
) -> ImportView:
    """Parse, score and store an outside transcript; the report uses the current rubric."""
    require_role(actor, IMPORTERS, "import transcripts")
    size = len(content.encode("utf-8"))
    if size > MAX_IMPORT_BYTES:
        raise TooLargeError(
            f"the transcript is {size:,} bytes; an import may be at most {MAX_IMPORT_BYTES:,} bytes",
            code="transcript_too_large",
        )
    if format not in FORMATS:
        raise InvalidInputError(f"format must be 'text' or 'json', not '{format}'", code="invalid_format")
    turns = [
        (speaker, text) for speaker, text in (parse_json(content) if format == "json" else parse_text(content)) if text
    ]
    if not any(speaker == "learner" for speaker, _ in turns):
        raise InvalidInputError("the transcript has no agent lines to score", code="transcript_empty")
    if len(turns) > MAX_IMPORT_TURNS:
        raise InvalidInputError(
            f"the transcript has {len(turns)} turns; at most {MAX_IMPORT_TURNS}", code="too_many_turns"
        )
    scenario = cache.compiled(find_version(session, actor, scenario_id)) if scenario_id else None
    scored = score_turns(turns, scenario)
    assessments = [assessment for _, _, assessment in scored if assessment is not None]
    report = transcript_report(assessments).as_dict()
    stored_turns = [
        {"speaker": speaker, "text": text, "assessment": assessment.as_dict() if assessment else None}
        for speaker, text, assessment in scored
    ]
    record = ImportedTranscript(
        id=uuid.uuid4().hex,
        importer_id=actor.id,
        scenario_id=scenario_id,
        source=(source.strip() or "import")[:200],
        format=format,
        raw_text=content,
        turns=stored_turns,
        report=report,
        rubric_version=report["rubric_version"],
        created_at=utcnow(),
    )
    session.add(record)
    session.commit()
    return ImportView(
        id=record.id,
        scenario_id=scenario_id,
        source=record.source,
        format=format,
        lines=tuple(
            ImportedLine(speaker, text, assessment_json(assessment) if assessment else None)
            for speaker, text, assessment in scored
        ),
        report=report,
        created_at=record.created_at,
    )


def get_import(session: Session, actor: Actor, import_id: str) -> ImportView:
    """A stored import; its importer and reviewers may read it."""
    require_role(actor, IMPORTERS, "read imported transcripts")
    record = session.get(ImportedTranscript, import_id) if len(import_id) <= 32 else None
    if record is None or (record.importer_id != actor.id and actor.role not in ("assessor", "admin")):
        raise NotFoundError(f"no imported transcript with id '{import_id}'")
    return ImportView(
        id=record.id,
        scenario_id=record.scenario_id,
        source=record.source,
        format=record.format,
        lines=tuple(
            ImportedLine(
                item["speaker"],
                item["text"],
                None if item["assessment"] is None else {k: item["assessment"][k] for k in ("criteria", "signals")},
            )
            for item in record.turns
        ),
        report=record.report,
        created_at=record.created_at,
    )


__all__ = [
    "FORMATS",
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_TURNS",
    "ImportView",
    "ImportedLine",
    "get_import",
    "import_transcript",
    "parse_json",
    "parse_text",
    "score_turns",
]
