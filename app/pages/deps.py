"""What page routes depend on: the request's database session and the person acting, decided in one place for the
API and the pages alike (:mod:`app.api.deps`)."""

from __future__ import annotations

from app.api.deps import CurrentUser, DbSession

Viewer = CurrentUser

__all__ = ["DbSession", "Viewer"]
