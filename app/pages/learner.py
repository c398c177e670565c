"""The learner's pages: the scenario catalogue, each scenario's briefing, and their own progress."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.services.browsing import learner_history
from scenarios import CompiledScenario, builtin_scenarios

from .catalogue import briefing, catalogue
from .charts import Attempt, progress_chart
from .deps import DbSession, Viewer
from .render import render

router = APIRouter(include_in_schema=False)


def _scenarios() -> dict[str, CompiledScenario]:
    return dict(builtin_scenarios())


def not_found(request: Request, what: str) -> Response:
    return render(request, "error.html", {"title": "Not found", "message": what}, status_code=404)


@router.get("/", name="catalogue")
def catalogue_page(
    request: Request,
    sector: Annotated[str, Query(max_length=40)] = "",
    law: Annotated[str, Query(max_length=60)] = "",
    difficulty: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    cards, filters = catalogue(_scenarios().values(), sector=sector, law=law, difficulty=difficulty)
    return render(request, "catalogue.html", {"scenarios": cards, "filters": filters})


@router.get("/scenarios/{scenario_id}", name="briefing")
def briefing_page(request: Request, scenario_id: str) -> Response:
    scenario = _scenarios().get(scenario_id)
    if scenario is None:
        return not_found(request, "There is no scenario with that name. It may have been withdrawn.")
    return render(request, "briefing.html", {"briefing": briefing(scenario)})


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


__all__ = ["not_found", "router"]
