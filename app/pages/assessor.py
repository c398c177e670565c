"""The assessor's pages: the transcript list, replay with overrides and sign-off, re-scoring, the printable report,
imports and exports. Every use case checks the reviewer role itself, so a learner gets a "not allowed" page."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from starlette.responses import JSONResponse, RedirectResponse, Response

from app.services import (
    OUTCOME_FILTERS,
    SORTS,
    PermissionDeniedError,
    ServiceError,
    SortKey,
    TranscriptFilters,
    add_review,
    conversation_report,
    export_csv,
    export_json,
    get_import,
    import_transcript,
    list_reviews,
    published,
    rescore,
    scenario_for,
    sign_off,
    transcript,
    transcript_table,
)
from scoring import CRITERIA

from .debrief import debrief
from .deps import DbSession, Importer, Reviewer
from .errors import error_page
from .render import render
from .replay import replay

router = APIRouter(prefix="/assess", include_in_schema=False)
ConversationId = Annotated[str, Path(max_length=32)]
VERDICT_CHOICES = ("met", "missed", "breach", "n/a")


def _see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("", name="transcripts")
def transcripts(
    request: Request,
    session: DbSession,
    actor: Reviewer,
    learner: Annotated[str, Query(max_length=120)] = "",
    scenario: Annotated[str, Query(max_length=100)] = "",
    outcome: Annotated[str, Query(max_length=20)] = "",
    signed_off: Annotated[Literal["", "yes", "no"], Query()] = "",
    sort: Annotated[SortKey, Query()] = "newest",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    filters = TranscriptFilters(learner, scenario, outcome, signed_off, sort, page, 20)
    try:
        table = transcript_table(session, actor, filters)
    except ServiceError as error:
        return error_page(request, error)
    context = {"table": table, "outcomes": OUTCOME_FILTERS, "sorts": SORTS}
    return render(request, "assess_list.html", context)


@router.get("/export.csv", name="export_csv")
def export_as_csv(request: Request, session: DbSession, actor: Reviewer) -> Response:
    try:
        text = export_csv(session, actor)
    except ServiceError as error:
        return error_page(request, error)
    headers = {"Content-Disposition": 'attachment; filename="frontline-transcripts.csv"'}
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/export.json", name="export_json")
def export_as_json(request: Request, session: DbSession, actor: Reviewer) -> Response:
    try:
        data = export_json(session, actor)
    except ServiceError as error:
        return error_page(request, error)
    headers = {"Content-Disposition": 'attachment; filename="frontline-transcripts.json"'}
    return JSONResponse(data, headers=headers)


@router.get("/import", name="import_form")
def import_form(request: Request, session: DbSession, actor: Importer) -> Response:
    try:
        scenarios = published(session, actor)
    except ServiceError as error:
        return error_page(request, error)
    options = [(s.id, s.spec.title) for s in scenarios]
    return render(request, "assess_import.html", {"scenarios": options, "error": "", "content": "", "chosen": ""})


@router.post("/import", name="import_transcript")
async def import_post(
    request: Request,
    session: DbSession,
    actor: Importer,
    content: Annotated[str, Form(max_length=600_000)] = "",
    format: Annotated[Literal["text", "json"], Form()] = "text",
    scenario: Annotated[str, Form(max_length=100)] = "",
    upload: Annotated[UploadFile | None, File()] = None,
) -> Response:
    source = "pasted text"
    if upload is not None and upload.filename:
        content = (await upload.read(600_001)).decode("utf-8", errors="replace")
        source = upload.filename
        format = "json" if upload.filename.lower().endswith(".json") else format
    try:
        view = import_transcript(session, actor, content, format=format, scenario_id=scenario or None, source=source)
    except ServiceError as error:
        if isinstance(error, PermissionDeniedError):
            return error_page(request, error)
        options = [(s.id, s.spec.title) for s in published(session, actor)]
        context = {"scenarios": options, "error": error.message, "content": content, "chosen": scenario}
        return render(request, "assess_import.html", context, status_code=422)
    return _see(f"/assess/imports/{view.id}")


@router.get("/imports/{import_id}", name="imported")
def imported(request: Request, session: DbSession, actor: Importer, import_id: ConversationId) -> Response:
    try:
        view = get_import(session, actor, import_id)
    except ServiceError as error:
        return error_page(request, error)
    return render(request, "assess_imported.html", {"imported": view})


@router.get("/{conversation_id}", name="replay")
def replay_page(
    request: Request,
    session: DbSession,
    actor: Reviewer,
    conversation_id: ConversationId,
    turn: Annotated[int | None, Query(ge=0, le=1000)] = None,
) -> Response:
    try:
        found = transcript(session, actor, conversation_id)
        reviews = list_reviews(session, actor, conversation_id)
        report = conversation_report(session, actor, conversation_id) if found.outcome else None
    except ServiceError as error:
        return error_page(request, error)
    view = replay(found, reviews, found.turn if turn is None else turn)
    context = {"replay": view, "report": report, "verdict_choices": VERDICT_CHOICES, "criteria": CRITERIA}
    return render(request, "assess_replay.html", context)


@router.post("/{conversation_id}/reviews", name="override")
def override(
    request: Request,
    session: DbSession,
    actor: Reviewer,
    conversation_id: ConversationId,
    turn: Annotated[int, Form(ge=1, le=1000)],
    criterion: Annotated[str, Form(max_length=32)],
    verdict: Annotated[str, Form(max_length=16)],
    reason: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    try:
        add_review(session, actor, conversation_id, turn=turn, criterion=criterion, verdict=verdict, reason=reason)
    except ServiceError as error:
        return error_page(request, error)
    return _see(f"/assess/{conversation_id}?turn={turn}#verdict-{criterion}")


@router.post("/{conversation_id}/signoff", name="sign_off")
def sign_off_post(
    request: Request,
    session: DbSession,
    actor: Reviewer,
    conversation_id: ConversationId,
    note: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    try:
        sign_off(session, actor, conversation_id, note=note)
    except ServiceError as error:
        return error_page(request, error)
    return _see(f"/assess/{conversation_id}")


@router.get("/{conversation_id}/rescore", name="rescore")
def rescore_page(request: Request, session: DbSession, actor: Reviewer, conversation_id: ConversationId) -> Response:
    try:
        result = rescore(session, actor, conversation_id)
        found = transcript(session, actor, conversation_id)
    except ServiceError as error:
        return error_page(request, error)
    return render(request, "assess_rescore.html", {"rescore": result, "transcript": found})


@router.get("/{conversation_id}/report", name="report")
def report_page(request: Request, session: DbSession, actor: Reviewer, conversation_id: ConversationId) -> Response:
    try:
        found = transcript(session, actor, conversation_id)
        scenario = scenario_for(session, actor, conversation_id)
        report = conversation_report(session, actor, conversation_id)
        reviews = list_reviews(session, actor, conversation_id)
    except ServiceError as error:
        return error_page(request, error)
    context = {"debrief": debrief(found, report, scenario), "transcript": found, "reviews": reviews}
    return render(request, "assess_report.html", context)


__all__ = ["router"]
