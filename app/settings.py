"""Settings: one class, read from ``FRONTLINE_*`` environment variables, built by the caller (never at import)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPOSITORY = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Everything an operator may set. ``Settings()`` reads the environment; tests pass values directly."""

    model_config = SettingsConfigDict(env_prefix="FRONTLINE_", extra="ignore", frozen=True)

    environment: str = Field(default="development", description="development, test or production")
    database_url: str = Field(default=f"sqlite:///{REPOSITORY / 'var' / 'frontline.sqlite3'}")
    web_dir: Path = Field(default=REPOSITORY / "web", description="Templates and static files.")
    max_reply_chars: int = 2000
