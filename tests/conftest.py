"""Fixtures shared by every test package: real services, skipped on a machine without them unless CI requires them.

``.ci/run`` sets ``FRONTLINE_TEST_POSTGRES_URL`` and ``FRONTLINE_TEST_CHROMIUM`` and ``FRONTLINE_TEST_REQUIRE=1``, so
on CI a missing PostgreSQL server or browser fails the run instead of skipping silently.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REQUIRED = os.environ.get("FRONTLINE_TEST_REQUIRE") == "1"


def _unavailable(why: str) -> None:
    if REQUIRED:
        pytest.fail(f"{why} (FRONTLINE_TEST_REQUIRE=1 makes this a failure, not a skip)")
    pytest.skip(why)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """A SQLAlchemy URL of a PostgreSQL database the tests may empty and fill."""
    url = os.environ.get("FRONTLINE_TEST_POSTGRES_URL", "")
    if not url:
        _unavailable("no PostgreSQL server: set FRONTLINE_TEST_POSTGRES_URL=postgresql+psycopg://user@host/db")
    try:
        import psycopg

        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=5):
            pass
    except Exception as exc:  # any failure to connect means the server is not usable here
        _unavailable(f"PostgreSQL at {url} is not reachable: {exc}")
    return url


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """The system Chromium that Playwright drives (never a browser Playwright downloads)."""
    found = os.environ.get("FRONTLINE_TEST_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found or not Path(found).exists():
        _unavailable("no Chromium: apt-get install chromium, or set FRONTLINE_TEST_CHROMIUM")
    return Path(str(found))
