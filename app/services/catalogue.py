"""Scenario versions: the built-in library imported on start-up, trainers' drafts, validation and publishing.

A scenario id names a scenario; each text of it is a stored version. Learners play the newest published version;
a trainer may also play a draft. Compiled scenarios are cached by content hash, so a turn never compiles YAML twice.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Conversation, ScenarioVersion, utcnow
from scenarios import (
    MAX_BYTES,
    CompiledScenario,
    Issue,
    ScenarioFileError,
    builtin_scenarios,
    compile_scenario,
    validate_text,
)

from .access import AUTHORS, require_role
from .actors import Actor, ensure_user
from .errors import ConflictError, InvalidInputError, NotFoundError, StoredDataError, TooLargeError

MAX_VERSION_NUMBER = 2**31 - 1  # the largest a version column holds on every database


class ScenarioCache:
    """Compiled scenarios by content hash, the newest ``size`` kept. Safe to share between threads."""

    def __init__(self, size: int = 128) -> None:
        self._size = size
        self._compiled: OrderedDict[str, CompiledScenario] = OrderedDict()
        self._lock = threading.Lock()

    def compiled_played(self, session: Session, version_id: int, content_hash: str | None) -> CompiledScenario | None:
        """The scenario a conversation is played on, found by the content hash its saved state names; the version
        row is read only when that scenario is not cached (or no hash is given). None if the row is missing."""
        if content_hash is not None:
            with self._lock:
                found = self._compiled.get(content_hash)
                if found is not None:
                    self._compiled.move_to_end(content_hash)
                    return found
        row = session.get(ScenarioVersion, version_id)
        return None if row is None else self.compiled(row)

    def compiled(self, row: ScenarioVersion) -> CompiledScenario:
        """The row's scenario compiled; its YAML is read from the database only on a cache miss."""
        with self._lock:
            found = self._compiled.get(row.content_hash)
            if found is not None:
                self._compiled.move_to_end(row.content_hash)
                return found
        try:
            scenario = compile_scenario(row.yaml_text, file=f"{row.scenario_id} version {row.version}")
        except ScenarioFileError as exc:
            raise StoredDataError(f"the stored scenario '{row.scenario_id}' version {row.version} no longer compiles: "
                                  f"{exc}") from None  # fmt: skip
        if scenario.content_hash != row.content_hash:
            raise StoredDataError(f"the stored text of scenario '{row.scenario_id}' does not match its content hash")
        with self._lock:
            self._compiled[row.content_hash] = scenario
            while len(self._compiled) > self._size:
                self._compiled.popitem(last=False)
        return scenario


DEFAULT_CACHE = ScenarioCache()


@dataclass(frozen=True, slots=True)
class ScenarioSummary:
    """What a catalogue shows of one scenario version."""

    id: str
    version: int
    title: str
    summary: str
    sector: str
    channel: str
    difficulty: str
    laws: tuple[str, ...]
    status: str
    builtin: bool
    content_hash: str


@dataclass(frozen=True, slots=True)
class ScenarioDetail:
    """One version with its briefing, its warnings and the other versions of the scenario."""

    scenario: ScenarioSummary
    briefing: dict[str, Any]
    warnings: tuple[Issue, ...]
    versions: tuple[ScenarioSummary, ...] = field(default=())


def summary_of(row: ScenarioVersion, compiled: CompiledScenario) -> ScenarioSummary:
    spec = compiled.spec
    return ScenarioSummary(
        id=row.scenario_id,
        version=row.version,
        title=spec.title,
        summary=spec.summary,
        sector=spec.sector,
        channel=spec.channel,
        difficulty=spec.difficulty,
        laws=tuple(spec.laws),
        status=row.status,
        builtin=row.builtin,
        content_hash=row.content_hash,
    )


def import_builtins(session: Session) -> int:
    """Store each built-in scenario as a published version if its text is new; returns how many were added.

    Also creates the built-in local learner account. Idempotent; commits.
    """
    ensure_user(session, "learner", "learner", "Local learner")
    added = 0
    for scenario in builtin_scenarios().values():
        stored = session.scalars(select(ScenarioVersion).where(ScenarioVersion.scenario_id == scenario.id)).all()
        if any(row.content_hash == scenario.content_hash for row in stored):
            continue
        for row in stored:
            if row.version == scenario.version and row.status == "published":
                row.status = "retired"
        session.add(_new_row(scenario, status="published", builtin=True, author_id=None))
        added += 1
    session.commit()
    return added


def _new_row(scenario: CompiledScenario, *, status: str, builtin: bool, author_id: int | None) -> ScenarioVersion:
    now = utcnow()
    return ScenarioVersion(
        scenario_id=scenario.id,
        version=scenario.version,
        title=scenario.spec.title[:200],
        yaml_text=scenario.source,
        content_hash=scenario.content_hash,
        status=status,
        builtin=builtin,
        author_id=author_id,
        created_at=now,
        published_at=now if status == "published" else None,
    )


def _may_see_drafts(actor: Actor) -> bool:
    return actor.role in AUTHORS


def latest_published(session: Session, scenario_id: str) -> ScenarioVersion | None:
    return session.scalars(
        select(ScenarioVersion)
        .where(ScenarioVersion.scenario_id == scenario_id, ScenarioVersion.status == "published")
        .order_by(ScenarioVersion.version.desc(), ScenarioVersion.id.desc())
        .limit(1)
    ).first()


def find_version(session: Session, actor: Actor, scenario_id: str, version: int | None = None) -> ScenarioVersion:
    """The version to play or show: the newest published one, or a given number (drafts only for authors)."""
    if version is not None and not 1 <= version <= MAX_VERSION_NUMBER:
        raise NotFoundError(f"no version {version} of scenario '{scenario_id}'")
    if version is None:
        row = latest_published(session, scenario_id)
    else:
        statuses = ["published", "retired"] + (["draft"] if _may_see_drafts(actor) else [])
        row = session.scalars(
            select(ScenarioVersion)
            .where(
                ScenarioVersion.scenario_id == scenario_id,
                ScenarioVersion.version == version,
                ScenarioVersion.status.in_(statuses),
            )
            .order_by(ScenarioVersion.status.desc(), ScenarioVersion.id.desc())  # published before retired
            .limit(1)
        ).first()
    if row is None:
        known = sorted(
            set(session.scalars(select(ScenarioVersion.scenario_id).where(ScenarioVersion.status == "published")))
        )
        which = f"scenario '{scenario_id}'" + ("" if version is None else f" version {version}")
        raise NotFoundError(f"no {which}; published scenarios: {', '.join(known) or 'none'}")
    return row


def list_scenarios(session: Session, actor: Actor, *, cache: ScenarioCache = DEFAULT_CACHE) -> list[ScenarioSummary]:
    """The newest published version of every scenario, in id order (authors also see drafts)."""
    newest = (
        select(ScenarioVersion.scenario_id, func.max(ScenarioVersion.version).label("version"))
        .where(ScenarioVersion.status == "published")
        .group_by(ScenarioVersion.scenario_id)
        .subquery()
    )
    rows = list(
        session.scalars(
            select(ScenarioVersion)
            .join(
                newest,
                (ScenarioVersion.scenario_id == newest.c.scenario_id) & (ScenarioVersion.version == newest.c.version),
            )
            .where(ScenarioVersion.status == "published")
            .order_by(ScenarioVersion.scenario_id)
        )
    )
    if _may_see_drafts(actor):
        rows += session.scalars(select(ScenarioVersion).where(ScenarioVersion.status == "draft")).all()
        rows.sort(key=lambda row: (row.scenario_id, row.version))
    return [summary_of(row, cache.compiled(row)) for row in rows]


def scenario_detail(
    session: Session,
    actor: Actor,
    scenario_id: str,
    version: int | None = None,
    *,
    cache: ScenarioCache = DEFAULT_CACHE,
) -> ScenarioDetail:
    row = find_version(session, actor, scenario_id, version)
    compiled = cache.compiled(row)
    statuses = ["published"] + (["draft", "retired"] if _may_see_drafts(actor) else [])
    others = session.scalars(
        select(ScenarioVersion)
        .where(ScenarioVersion.scenario_id == scenario_id, ScenarioVersion.status.in_(statuses))
        .order_by(ScenarioVersion.version, ScenarioVersion.id)
    ).all()
    return ScenarioDetail(
        scenario=summary_of(row, compiled),
        briefing=compiled.spec.briefing.model_dump(mode="json"),
        warnings=compiled.warnings,
        versions=tuple(summary_of(other, cache.compiled(other)) for other in others),
    )


def _check_size(text: str) -> None:
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise TooLargeError(
            f"the scenario is {size:,} bytes; a scenario may be at most {MAX_BYTES:,} bytes (256 KB)",
            code="scenario_too_large",
        )


def validate_scenario(text: str) -> list[Issue]:
    """Every error and warning of a scenario's YAML, each with its line and field; nothing is stored."""
    _check_size(text)
    return validate_text(text, file="<scenario>")


def _compile_or_refuse(text: str) -> CompiledScenario:
    _check_size(text)
    try:
        return compile_scenario(text, file="<scenario>")
    except ScenarioFileError as exc:
        errors = [issue for issue in exc.issues if issue.severity == "error"]
        raise InvalidInputError(
            f"the scenario has {len(errors)} error(s); the first: {errors[0] if errors else exc}",
            code="scenario_invalid",
            details=[issue.as_dict() for issue in exc.issues],
        ) from None


def save_draft(session: Session, actor: Actor, text: str, *, cache: ScenarioCache = DEFAULT_CACHE) -> ScenarioSummary:
    """Store a trainer's scenario text as a draft of its ``id`` and ``version``; the same text twice is one draft.

    A draft of a version number that is still a draft and unplayed is replaced; a published number is refused.
    """
    require_role(actor, AUTHORS, "write scenarios")
    scenario = _compile_or_refuse(text)
    same_id = session.scalars(select(ScenarioVersion).where(ScenarioVersion.scenario_id == scenario.id)).all()
    for row in same_id:
        if row.content_hash == scenario.content_hash:
            return summary_of(row, scenario)
    for row in same_id:
        if row.version != scenario.version:
            continue
        if row.status != "draft":
            newest = max(other.version for other in same_id)
            raise ConflictError(
                f"version {row.version} of scenario '{scenario.id}' is {row.status}; change 'version:' to "
                f"{newest + 1} to draft a new one",
                code="version_taken",
            )
        played = session.scalar(select(func.count()).where(Conversation.scenario_version_id == row.id))
        if played:
            raise ConflictError(
                f"the draft version {row.version} of '{scenario.id}' has been played {played} time(s) and is kept; "
                f"change 'version:' to {row.version + 1} for a new draft",
                code="version_taken",
            )
        row.yaml_text, row.content_hash, row.title = scenario.source, scenario.content_hash, scenario.spec.title[:200]
        row.author_id, row.created_at = actor.id, utcnow()
        session.commit()
        return summary_of(row, scenario)
    row = _new_row(scenario, status="draft", builtin=False, author_id=actor.id)
    session.add(row)
    session.commit()
    return summary_of(row, scenario)


def publish(
    session: Session, actor: Actor, scenario_id: str, version: int, *, cache: ScenarioCache = DEFAULT_CACHE
) -> ScenarioSummary:
    """Make a draft the published version learners play; publishing a published version changes nothing."""
    require_role(actor, AUTHORS, "publish scenarios")
    if not 1 <= version <= MAX_VERSION_NUMBER:
        raise NotFoundError(f"no draft of scenario '{scenario_id}' version {version}")
    rows = session.scalars(
        select(ScenarioVersion).where(ScenarioVersion.scenario_id == scenario_id, ScenarioVersion.version == version)
    ).all()
    published = next((row for row in rows if row.status == "published"), None)
    if published is not None:
        return summary_of(published, cache.compiled(published))
    draft = next((row for row in rows if row.status == "draft"), None)
    if draft is None:
        raise NotFoundError(f"no draft of scenario '{scenario_id}' version {version}")
    compiled = cache.compiled(draft)
    draft.status, draft.published_at = "published", utcnow()
    session.commit()
    return summary_of(draft, compiled)


__all__ = [
    "DEFAULT_CACHE",
    "ScenarioCache",
    "ScenarioDetail",
    "ScenarioSummary",
    "find_version",
    "import_builtins",
    "latest_published",
    "list_scenarios",
    "publish",
    "save_draft",
    "scenario_detail",
    "summary_of",
    "validate_scenario",
]
