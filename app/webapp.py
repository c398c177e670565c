"""The application factory: ``create_app(settings)`` builds everything; nothing is built at import time."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from scenarios import builtin_scenarios

from .settings import Settings

VERSION = "0.1.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the Frontline web application for these settings."""
    settings = settings or Settings()
    app = FastAPI(title="Frontline", version=VERSION, docs_url="/api/docs", openapi_url="/api/openapi.json")
    app.state.settings = settings
    templates = Jinja2Templates(directory=str(settings.web_dir / "templates"))
    app.mount("/static", StaticFiles(directory=str(settings.web_dir / "static")), name="static")

    @app.get("/healthz", tags=["health"], summary="Liveness and version")
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "version": VERSION, "scenarios": len(builtin_scenarios())}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def catalogue(request: Request) -> HTMLResponse:
        scenarios = [
            {
                "id": s.id,
                "title": s.spec.title,
                "summary": s.spec.summary,
                "sector": s.spec.sector,
                "channel": s.spec.channel,
                "difficulty": s.spec.difficulty,
                "laws": s.spec.laws,
            }
            for s in builtin_scenarios().values()
        ]
        return templates.TemplateResponse(request, "catalogue.html", {"scenarios": scenarios})

    return app
