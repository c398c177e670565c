"""The composition root: settings, storage, use cases, HTTP API, pages and the command line."""

from .settings import Settings
from .webapp import create_app

__all__ = ["Settings", "create_app"]
