"""Playing a scenario in the browser: start from the briefing, reply turn by turn, read the debrief.

Every form posts and redirects, so the pages work without JavaScript; ``conversation.js`` sends replies with
``fetch`` instead (asking for JSON) so the page is not reloaded.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from app.services import (
    InvalidInputError,
    ServiceError,
    conversation_report,
    scenario_for,
    start_conversation,
    submit_reply,
    transcript,
)

from .conversation import conversation_page, reply_json
from .debrief import debrief
from .deps import DbSession, Viewer
from .errors import error_page, wants_json
from .render import render

router = APIRouter(include_in_schema=False)


def _see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.post("/conversations", name="start_conversation")
def start(
    request: Request,
    session: DbSession,
    actor: Viewer,
    scenario: Annotated[str, Form(max_length=100)],
    mode: Annotated[str, Form(max_length=16)] = "practice",
    version: Annotated[int | None, Form()] = None,
    seed: Annotated[int | None, Form()] = None,
) -> Response:
    try:
        view = start_conversation(session, actor, scenario, seed=seed, mode=mode, version=version)
    except ServiceError as error:
        return error_page(request, error)
    return _see(f"/conversations/{view.id}")


def _conversation(
    request: Request, session: DbSession, actor: Viewer, conversation_id: str, **extra: object
) -> Response:
    try:
        scenario = scenario_for(session, actor, conversation_id)
        found = transcript(session, actor, conversation_id)
    except ServiceError as error:
        return error_page(request, error)
    max_chars = request.app.state.settings.max_reply_chars
    page = conversation_page(found, scenario, max_chars)
    context = {"conversation": page, "error": "", "draft": "", **extra}
    status = 422 if extra.get("error") else 200
    return render(request, "conversation.html", context, status_code=status)


@router.get("/conversations/{conversation_id}", name="conversation")
def conversation(request: Request, session: DbSession, actor: Viewer, conversation_id: str) -> Response:
    return _conversation(request, session, actor, conversation_id)


@router.post("/conversations/{conversation_id}/replies", name="reply")
def reply(
    request: Request,
    session: DbSession,
    actor: Viewer,
    conversation_id: str,
    text: Annotated[str, Form(max_length=20_000)] = "",
    turn: Annotated[int | None, Form()] = None,
) -> Response:
    max_chars = request.app.state.settings.max_reply_chars
    try:
        result = submit_reply(session, actor, conversation_id, text, max_chars=max_chars, expected_turn=turn)
        scenario = scenario_for(session, actor, conversation_id)
    except InvalidInputError as error:
        if wants_json(request):
            return error_page(request, error)
        return _conversation(request, session, actor, conversation_id, error=error.message, draft=text)
    except ServiceError as error:
        return error_page(request, error)
    debrief_url = f"/conversations/{conversation_id}/debrief"
    if wants_json(request):
        return JSONResponse(reply_json(result, scenario, debrief_url))
    return _see(debrief_url if result.outcome else f"/conversations/{conversation_id}#reply")


@router.get("/conversations/{conversation_id}/debrief", name="debrief")
def debrief_page(request: Request, session: DbSession, actor: Viewer, conversation_id: str) -> Response:
    try:
        found = transcript(session, actor, conversation_id)
        if found.outcome is None:
            return _see(f"/conversations/{conversation_id}")
        scenario = scenario_for(session, actor, conversation_id)
        report = conversation_report(session, actor, conversation_id)
    except ServiceError as error:
        return error_page(request, error)
    return render(request, "debrief.html", {"debrief": debrief(found, report, scenario)})


__all__ = ["router"]
