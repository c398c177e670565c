"""Reading for the pages: a conversation's compiled scenario, a learner's history with grades, and the assessor's
transcript list with filters, sorting and paging.

Grades come from the stored assessments through the same report the API gives (:func:`scoring.transcript_report`),
with assessors' overrides applied, so a page never shows a grade the report would not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from app.db import Conversation, Review, ScenarioVersion, SignOff, User
from scenarios import CompiledScenario
from scoring import transcript_report

from .access import REVIEWERS, load_conversation, require_role, visible
from .actors import Actor
from .catalogue import DEFAULT_CACHE, ScenarioCache, find_version, list_scenarios
from .conversations import hints_hidden
from .errors import InvalidInputError, StoredDataError
from .reports import overridden, stored_assessments
from .transcripts import MAX_PAGE_SIZE, stored_lines

SortKey = Literal["newest", "oldest", "learner", "scenario", "turns"]
SORTS: Final[tuple[SortKey, ...]] = ("newest", "oldest", "learner", "scenario", "turns")
OUTCOME_FILTERS: Final = ("resolved", "escalated", "customer_left", "timed_out", "unfinished")


@dataclass(frozen=True, slots=True)
class Graded:
    """One conversation with its grade (None while it runs, or while an assessed one hides it from its learner)."""

    id: str
    learner: str
    scenario_id: str
    scenario_version: int
    title: str
    mode: str
    turns: int
    outcome: str | None
    band: str | None
    score: float | None
    signed_off: bool
    started_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class TranscriptFilters:
    learner: str = ""
    scenario: str = ""
    outcome: str = ""
    signed_off: Literal["", "yes", "no"] = ""
    sort: SortKey = "newest"
    page: int = 1
    per_page: int = 20


@dataclass(frozen=True, slots=True)
class TranscriptTable:
    rows: tuple[Graded, ...]
    total: int
    filters: TranscriptFilters
    learners: tuple[str, ...]
    scenarios: tuple[tuple[str, str], ...]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.filters.per_page))


def scenario_for(
    session: Session, actor: Actor, conversation_id: str, *, cache: ScenarioCache = DEFAULT_CACHE
) -> CompiledScenario:
    """The exact scenario text a conversation was played on, compiled (from the cache when it can be)."""
    conversation = load_conversation(session, actor, conversation_id)
    row = session.get(ScenarioVersion, conversation.scenario_version_id)
    if row is None:
        raise StoredDataError(f"the scenario of conversation '{conversation.id}' is missing")
    return cache.compiled(row)


def playable(
    session: Session,
    actor: Actor,
    scenario_id: str,
    version: int | None = None,
    *,
    cache: ScenarioCache = DEFAULT_CACHE,
) -> CompiledScenario:
    """The scenario a briefing shows: the newest published version, or a given one (drafts only for authors)."""
    return cache.compiled(find_version(session, actor, scenario_id, version))


def published(session: Session, actor: Actor, *, cache: ScenarioCache = DEFAULT_CACHE) -> list[CompiledScenario]:
    """The newest published version of every scenario, compiled, in id order: what the catalogue offers."""
    return [
        playable(session, actor, summary.id, summary.version, cache=cache)
        for summary in list_scenarios(session, actor, cache=cache)
        if summary.status == "published"
    ]


def _grade(session: Session, actor: Actor, conversation: Conversation) -> tuple[str | None, float | None]:
    if conversation.outcome is None or hints_hidden(actor, conversation):
        return None, None
    assessments = stored_assessments(stored_lines(session, conversation.id))
    reviews = session.scalars(select(Review).where(Review.conversation_id == conversation.id).order_by(Review.id))
    latest = {((r.position + 1) // 2, r.criterion): r.verdict for r in reviews}
    report = transcript_report(overridden(assessments, latest), conversation.outcome)
    return report.band, report.score


def _graded(session: Session, actor: Actor, conversation: Conversation, row: ScenarioVersion, user: User) -> Graded:
    band, score = _grade(session, actor, conversation)
    signed = session.scalar(select(func.count()).where(SignOff.conversation_id == conversation.id)) or 0
    return Graded(
        id=conversation.id,
        learner=user.display_name,
        scenario_id=row.scenario_id,
        scenario_version=row.version,
        title=row.title,
        mode=conversation.mode,
        turns=conversation.turn_count,
        outcome=conversation.outcome,
        band=band,
        score=score,
        signed_off=bool(signed),
        started_at=conversation.started_at,
        finished_at=conversation.finished_at,
    )


def learner_history(session: Session, actor: Actor, *, limit: int = 200) -> list[Graded]:
    """The actor's own conversations, oldest first, each with its grade once it has ended."""
    query = (
        select(Conversation, ScenarioVersion, User)
        .join(ScenarioVersion, Conversation.scenario_version_id == ScenarioVersion.id)
        .join(User, Conversation.learner_id == User.id)
    ).where(Conversation.learner_id == actor.id)
    rows = session.execute(query.order_by(Conversation.started_at, Conversation.id).limit(limit)).all()
    return [_graded(session, actor, c, s, u) for c, s, u in rows]


def transcript_table(session: Session, actor: Actor, filters: TranscriptFilters) -> TranscriptTable:
    """The conversations an assessor may review, filtered, sorted and a page at a time, each with its grade."""
    require_role(actor, REVIEWERS, "review conversations")
    if filters.page < 1 or not 1 <= filters.per_page <= MAX_PAGE_SIZE:
        raise InvalidInputError(f"page starts at 1 and per_page is from 1 to {MAX_PAGE_SIZE}", code="invalid_page")
    if filters.sort not in SORTS:
        raise InvalidInputError(f"sort by one of {', '.join(SORTS)}", code="invalid_sort")
    base = visible(
        (
            select(Conversation, ScenarioVersion, User)
            .join(ScenarioVersion, Conversation.scenario_version_id == ScenarioVersion.id)
            .join(User, Conversation.learner_id == User.id)
        ),
        actor,
    )
    learners = tuple(sorted({u.display_name for _, _, u in session.execute(base).all()}))
    scenarios = tuple(sorted({(s.scenario_id, s.title) for _, s, _ in session.execute(base).all()}))
    query = base.where(Conversation.turn_count > 0)
    if filters.learner:
        query = query.where(User.display_name == filters.learner)
    if filters.scenario:
        query = query.where(ScenarioVersion.scenario_id == filters.scenario)
    if filters.outcome == "unfinished":
        query = query.where(Conversation.outcome.is_(None))
    elif filters.outcome:
        query = query.where(Conversation.outcome == filters.outcome)
    signed = exists(select(SignOff.id).where(SignOff.conversation_id == Conversation.id))
    if filters.signed_off == "yes":
        query = query.where(signed)
    elif filters.signed_off == "no":
        query = query.where(and_(~signed, Conversation.outcome.is_not(None)))
    order = {
        "newest": (Conversation.started_at.desc(), Conversation.id),
        "oldest": (Conversation.started_at, Conversation.id),
        "learner": (User.display_name, Conversation.started_at.desc()),
        "scenario": (ScenarioVersion.scenario_id, Conversation.started_at.desc()),
        "turns": (Conversation.turn_count.desc(), Conversation.started_at.desc()),
    }[filters.sort]
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page = session.execute(
        query.order_by(*order).offset((filters.page - 1) * filters.per_page).limit(filters.per_page)
    ).all()
    rows = tuple(_graded(session, actor, c, s, u) for c, s, u in page)
    return TranscriptTable(rows, total, filters, learners, scenarios)


__all__ = [
    "OUTCOME_FILTERS",
    "SORTS",
    "Graded",
    "SortKey",
    "TranscriptFilters",
    "TranscriptTable",
    "learner_history",
    "playable",
    "published",
    "scenario_for",
    "transcript_table",
]
