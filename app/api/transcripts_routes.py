"""Outside transcripts imported and scored, and exports of stored conversations."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi import Path as PathParam
from fastapi.responses import Response

from app import services
from app.services import IMPORTERS, Actor, ImportView

from .conversations_routes import Anyone, assessment_out
from .deps import Cache, DbSession, requires
from .responses import errors
from .schemas import ImportedLineOut, ImportIn, ImportOut

router = APIRouter(prefix="/api/v1", tags=["transcripts"])
Importer = Annotated[Actor, requires(*IMPORTERS)]
ScenarioFilter = Annotated[str | None, Query(max_length=100, description="Only this scenario's conversations")]


def import_out(view: ImportView) -> ImportOut:
    return ImportOut(
        id=view.id,
        scenario=view.scenario_id,
        source=view.source,
        format=view.format,
        lines=[
            ImportedLineOut(speaker=line.speaker, text=line.text, assessment=assessment_out(line.assessment))
            for line in view.lines
        ],
        report=view.report,
        created_at=view.created_at,
    )


@router.post(
    "/transcripts/import", status_code=201, summary="Import and score a transcript", responses=errors(404, 413)
)
def import_transcript(body: ImportIn, session: DbSession, cache: Cache, actor: Importer) -> ImportOut:
    """Score each agent line against the customer line before it, and the whole as a transcript report."""
    view = services.import_transcript(
        session, actor, body.content, format=body.format, scenario_id=body.scenario, source=body.source, cache=cache
    )
    return import_out(view)


@router.get("/transcripts/{import_id}", summary="An imported transcript", responses=errors(404))
def get_import(
    import_id: Annotated[str, PathParam(min_length=1, max_length=64)], session: DbSession, actor: Importer
) -> ImportOut:
    return import_out(services.get_import(session, actor, import_id))


@router.get(
    "/exports/conversations.csv",
    summary="Conversations as CSV",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "One row per conversation"}, **errors()},
)
def export_csv(session: DbSession, actor: Anyone, scenario: ScenarioFilter = None) -> Response:
    """One row per conversation the caller may see: who, scenario, mode, times, outcome, score and band."""
    text = services.export_csv(session, actor, scenario_id=scenario)
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="frontline-conversations.csv"'},
    )


@router.get("/exports/conversations.json", summary="Conversations as JSON", responses=errors())
def export_json(session: DbSession, actor: Anyone, scenario: ScenarioFilter = None) -> list[dict[str, Any]]:
    """Each conversation the caller may see in full: the summary row and every line with assessments and states."""
    return services.export_json(session, actor, scenario_id=scenario)
