"""``/api/v1/scenarios``: the catalogue, one scenario's briefing, validation, drafts and publishing."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi import Path as PathParam

from app import services
from app.services import AUTHORS, Actor, ScenarioSummary
from scenarios import Issue

from .deps import EVERYONE, Cache, DbSession, requires
from .responses import errors
from .schemas import MAX_VERSION, IssueOut, ScenarioDetailOut, ScenarioOut, ScenarioText, ValidationOut

router = APIRouter(prefix="/api/v1/scenarios", tags=["scenarios"])
ScenarioId = Annotated[str, PathParam(min_length=1, max_length=100, examples=["parcel-not-delivered"])]


def scenario_out(summary: ScenarioSummary) -> ScenarioOut:
    return ScenarioOut(
        id=summary.id,
        version=summary.version,
        title=summary.title,
        summary=summary.summary,
        sector=summary.sector,
        channel=summary.channel,
        difficulty=summary.difficulty,
        laws=list(summary.laws),
        status=summary.status,
        builtin=summary.builtin,
        content_hash=summary.content_hash,
    )


def issue_out(issue: Issue) -> IssueOut:
    return IssueOut(severity=issue.severity, message=issue.message, path=issue.path, line=issue.line, file=issue.file)


@router.get("", summary="The scenario catalogue", responses=errors())
def list_scenarios(session: DbSession, cache: Cache, actor: Annotated[Actor, requires(*EVERYONE)]) -> list[ScenarioOut]:
    """The newest published version of every scenario (trainers also see their drafts)."""
    return [scenario_out(item) for item in services.list_scenarios(session, actor, cache=cache)]


@router.post("/validate", summary="Check a scenario's YAML", responses=errors(413))
def validate(body: ScenarioText, actor: Annotated[Actor, requires(*EVERYONE)]) -> ValidationOut:
    """Every error and warning with its line and field; nothing is stored."""
    issues = services.validate_scenario(body.yaml)
    found_errors = sum(1 for issue in issues if issue.severity == "error")
    return ValidationOut(
        ok=found_errors == 0,
        errors=found_errors,
        warnings=len(issues) - found_errors,
        issues=[issue_out(issue) for issue in issues],
    )


@router.post("/drafts", status_code=201, summary="Save a draft version", responses=errors(409, 413))
def save_draft(
    body: ScenarioText, session: DbSession, cache: Cache, actor: Annotated[Actor, requires(*AUTHORS)]
) -> ScenarioOut:
    """Store the YAML as a draft of the ``id`` and ``version`` it declares; a scenario with errors is refused (422)."""
    return scenario_out(services.save_draft(session, actor, body.yaml, cache=cache))


@router.get("/{scenario_id}", summary="One scenario with its briefing", responses=errors(404))
def get_scenario(
    scenario_id: ScenarioId,
    session: DbSession,
    cache: Cache,
    actor: Annotated[Actor, requires(*EVERYONE)],
    version: Annotated[
        int | None, Query(ge=1, le=MAX_VERSION, description="A version number; the newest published by default")
    ] = None,
) -> ScenarioDetailOut:
    detail = services.scenario_detail(session, actor, scenario_id, version, cache=cache)
    return ScenarioDetailOut(
        scenario=scenario_out(detail.scenario),
        briefing=detail.briefing,
        warnings=[issue_out(issue) for issue in detail.warnings],
        versions=[scenario_out(item) for item in detail.versions],
    )


@router.post("/{scenario_id}/versions/{version}/publish", summary="Publish a draft", responses=errors(404))
def publish(
    scenario_id: ScenarioId,
    version: Annotated[int, PathParam(ge=1, le=MAX_VERSION)],
    session: DbSession,
    cache: Cache,
    actor: Annotated[Actor, requires(*AUTHORS)],
) -> ScenarioOut:
    """Make the draft the version learners play; conversations keep the version they started on."""
    return scenario_out(services.publish(session, actor, scenario_id, version, cache=cache))
