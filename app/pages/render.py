"""Rendering pages: one autoescaping Jinja environment per app, and the filters every template may use.

Everything a learner, customer line or author typed reaches a template as plain text and is escaped there;
no view builds HTML in Python except :mod:`app.pages.highlight`'s segments, which templates also escape.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from ..settings import Settings
from .labels import law_name, money, words


def make_templates(settings: Settings) -> Jinja2Templates:
    """The templates of ``settings.web_dir``; autoescape is on for every file, whatever its extension."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(settings.web_dir / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(words=words, law=law_name, money=money)
    return Jinja2Templates(env=env)


def render(request: Request, template: str, context: Mapping[str, Any], status_code: int = 200) -> Response:
    """The page ``template`` filled from ``context``; the app's templates live on ``app.state.templates``."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, dict(context), status_code=status_code)


__all__ = ["make_templates", "render"]
