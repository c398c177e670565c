"""The application factory: ``create_app(settings)`` builds everything; nothing is built at import time."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from scenarios import builtin_scenarios

from .api import install_api, lifespan
from .auth import install_auth, public
from .pages import install_page_errors, make_templates, pages_router
from .security import install_security
from .settings import Settings

VERSION = "0.1.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the Frontline web application for these settings."""
    settings = settings or Settings()
    app = FastAPI(
        title="Frontline",
        version=VERSION,
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.templates = make_templates(settings)
    app.mount("/static", StaticFiles(directory=str(settings.web_dir / "static")), name="static")

    @app.get("/healthz", tags=["health"], summary="Liveness and version", dependencies=[public()])
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "version": VERSION, "scenarios": len(builtin_scenarios())}

    app.include_router(pages_router())
    install_api(app)
    install_page_errors(app)
    install_auth(app)
    install_security(app, settings)

    return app
