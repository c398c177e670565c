"""The HTML pages for learners, assessors and trainers: routers that render ``web/templates``.

Each audience has its module (:mod:`.learner`, :mod:`.assessor`, :mod:`.trainer`); views are typed dataclasses
built from the scenario, scoring and service layers, and templates only lay them out.
"""

from fastapi import APIRouter

from .assessor import router as assessor_router
from .errors import install_page_errors
from .learner import router as learner_router
from .play import router as play_router
from .render import make_templates, render
from .trainer import router as trainer_router


def pages_router() -> APIRouter:
    """Every page route, for ``create_app`` to include."""
    router = APIRouter(include_in_schema=False)
    router.include_router(learner_router)
    router.include_router(play_router)
    router.include_router(assessor_router)
    router.include_router(trainer_router)
    return router


__all__ = ["install_page_errors", "make_templates", "pages_router", "render"]
