"""The trainer's pages: the scenario list, the editor (validated as you type by ``editor.js``, or with a Validate
button without script), each version's state diagram, a test-play of a draft, and publishing."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from starlette.responses import RedirectResponse, Response

from app.services import (
    InvalidInputError,
    ScenarioSummary,
    ServiceError,
    find_version,
    list_scenarios,
    playable,
    publish,
    save_draft,
    validate_scenario,
)
from scenarios import Issue

from .deps import Author, DbSession
from .diagram import diagram
from .errors import error_page
from .render import render

router = APIRouter(prefix="/author", include_in_schema=False)
ScenarioId = Annotated[str, Path(max_length=100)]
Version = Annotated[int, Path(ge=1, le=1_000_000)]
MAX_TEXT = 300_000


def _see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _editor(request: Request, text: str, issues: list[dict[str, Any]], *, checked: bool, status: int = 200) -> Response:
    errors = sum(1 for issue in issues if issue["severity"] == "error")
    context = {"text": text, "issues": issues, "errors": errors, "warnings": len(issues) - errors, "checked": checked}
    return render(request, "author_edit.html", context, status_code=status)


def _issues(found: list[Issue]) -> list[dict[str, Any]]:
    return [issue.as_dict() for issue in found]


@router.get("", name="scenario_list")
def scenario_list(request: Request, session: DbSession, actor: Author) -> Response:
    try:
        summaries = list_scenarios(session, actor)
    except ServiceError as error:
        return error_page(request, error)
    grouped: dict[str, list[ScenarioSummary]] = defaultdict(list)
    for summary in summaries:
        grouped[summary.id].append(summary)
    rows = [(scenario_id, sorted(items, key=lambda s: s.version)) for scenario_id, items in sorted(grouped.items())]
    return render(request, "author_list.html", {"rows": rows})


@router.get("/edit", name="editor")
def editor(
    request: Request,
    session: DbSession,
    actor: Author,
    scenario: Annotated[str, Query(alias="from", max_length=100)] = "",
    version: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    text = ""
    try:
        if scenario:
            text = find_version(session, actor, scenario, version).yaml_text
    except ServiceError as error:
        return error_page(request, error)
    return _editor(request, text, _issues(validate_scenario(text)) if text else [], checked=bool(text))


@router.post("/validate", name="validate")
def validate(request: Request, actor: Author, text: Annotated[str, Form(max_length=MAX_TEXT)] = "") -> Response:
    try:
        issues = _issues(validate_scenario(text))
    except ServiceError as error:
        return error_page(request, error)
    return _editor(request, text, issues, checked=True)


@router.post("/drafts", name="save_draft")
def draft(
    request: Request, session: DbSession, actor: Author, text: Annotated[str, Form(max_length=MAX_TEXT)] = ""
) -> Response:
    try:
        summary = save_draft(session, actor, text)
    except InvalidInputError as error:
        issues = list(error.details) or [{"severity": "error", "message": error.message, "path": "", "line": None}]
        return _editor(request, text, issues, checked=True, status=422)
    except ServiceError as error:
        return error_page(request, error)
    return _see(f"/author/{summary.id}/{summary.version}")


@router.get("/{scenario_id}/{version}", name="scenario_version")
def scenario_version(
    request: Request, session: DbSession, actor: Author, scenario_id: ScenarioId, version: Version
) -> Response:
    try:
        row = find_version(session, actor, scenario_id, version)
        compiled = playable(session, actor, scenario_id, version)
    except ServiceError as error:
        return error_page(request, error)
    context = {
        "scenario": compiled,
        "status": row.status,
        "drawing": diagram(compiled),
        "warnings": compiled.warnings,
    }
    return render(request, "author_version.html", context)


@router.post("/{scenario_id}/{version}/publish", name="publish")
def publish_version(
    request: Request, session: DbSession, actor: Author, scenario_id: ScenarioId, version: Version
) -> Response:
    try:
        publish(session, actor, scenario_id, version)
    except ServiceError as error:
        return error_page(request, error)
    return _see(f"/author/{scenario_id}/{version}")


__all__ = ["router"]
