"""What page routes depend on: the request's database session and the person acting, decided in one place for the
API and the pages alike (:mod:`app.api.deps`)."""

from __future__ import annotations

from typing import Annotated

from app.api import CurrentUser, DbSession, requires
from app.services import AUTHORS, IMPORTERS, REVIEWERS, Actor

Viewer = CurrentUser
Reviewer = Annotated[Actor, requires(*REVIEWERS)]
Importer = Annotated[Actor, requires(*IMPORTERS)]
Author = Annotated[Actor, requires(*AUTHORS)]

__all__ = ["Author", "DbSession", "Importer", "Reviewer", "Viewer"]
