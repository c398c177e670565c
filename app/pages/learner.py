"""The learner's pages: the scenario catalogue, each scenario's briefing, and their own progress."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.services import ServiceError, learner_history, playable, published

from .catalogue import briefing, catalogue
from .charts import Attempt, progress_chart
from .deps import DbSession, Viewer
from .errors import error_page
from .render import render

router = APIRouter(include_in_schema=False)


@router.get("/", name="catalogue")
def catalogue_page(
    request: Request,
    session: DbSession,
    actor: Viewer,
    sector: Annotated[str, Query(max_length=40)] = "",
    law: Annotated[str, Query(max_length=60)] = "",
    difficulty: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    cards, filters = catalogue(published(session, actor), sector=sector, law=law, difficulty=difficulty)
    return render(request, "catalogue.html", {"scenarios": cards, "filters": filters})


@router.get("/scenarios/{scenario_id}", name="briefing")
def briefing_page(
    request: Request,
    session: DbSession,
    actor: Viewer,
    scenario_id: Annotated[str, Path(max_length=100)],
    version: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    try:
        scenario = playable(session, actor, scenario_id, version)
    except ServiceError as error:
        return error_page(request, error)
    return render(request, "briefing.html", {"briefing": briefing(scenario), "pinned": version is not None})


@router.get("/history", name="history")
def history_page(request: Request, session: DbSession, actor: Viewer) -> Response:
    entries = learner_history(session, actor)
    graded = [entry for entry in entries if entry.band is not None and entry.score is not None]
    chart = progress_chart(
        [Attempt(f"{entry.title} ({entry.started_at:%d %b})", entry.score or 0.0, entry.band or "") for entry in graded]
    )
    return render(
        request,
        "history.html",
        {"entries": list(reversed(entries)), "chart": chart if graded else None, "graded": len(graded)},
    )


__all__ = ["router"]
