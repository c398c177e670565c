"""Settings: one class, read from ``FRONTLINE_*`` environment variables, built by the caller (never at import)."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPOSITORY = Path(__file__).resolve().parent.parent
# Signs cookies only where nobody else can reach the server; any other environment must set its own secret.
DEVELOPMENT_SECRET_KEY = "frontline-development-secret-do-not-use-in-production"
RELAXED_ENVIRONMENTS = frozenset({"development", "test"})
MIN_SECRET_KEY_CHARS = 32


class Settings(BaseSettings):
    """Everything an operator may set. ``Settings()`` reads the environment; tests pass values directly."""

    model_config = SettingsConfigDict(env_prefix="FRONTLINE_", extra="ignore", frozen=True)

    environment: str = Field(default="development", description="development, test or production")
    database_url: str = Field(default=f"sqlite:///{REPOSITORY / 'var' / 'frontline.sqlite3'}")
    web_dir: Path = Field(default=REPOSITORY / "web", description="Templates and static files.")
    max_reply_chars: int = 2000
    migrate_on_start: bool = Field(
        default=True, description="Each app process brings the database to the newest schema as it starts."
    )

    # Accounts and data protection (app/security).
    secret_key: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_SECRET_KEY),
        description="Signs session cookies and CSRF tokens; a long random value outside development.",
    )
    host: str = Field(default="127.0.0.1", description="Address the server is bound to (`frontline serve` sets it).")
    demo: bool | None = Field(default=None, description="Demo accounts; unset means on in development on loopback.")
    cookie_secure: bool | None = Field(default=None, description="Secure cookies; unset means on outside development.")
    session_hours: int = Field(default=12, ge=1, description="A browser session ends this long after sign-in.")
    retention_days: int = Field(default=365, ge=1, description="Conversations older than this are purged.")
    signin_failures_per_minute: int = Field(default=5, ge=1, description="Per name and address, then 429.")
    lockout_failures: int = Field(default=20, ge=1, description="Failures for one name, any address, to lock it.")
    lockout_minutes: int = Field(default=15, ge=1, description="How long a locked name stays locked.")
    max_body_bytes: int = Field(default=1_048_576, ge=1024, description="Larger request bodies get 413.")

    @model_validator(mode="after")
    def _refuse_insecure_defaults(self) -> Settings:
        if self.environment not in RELAXED_ENVIRONMENTS:
            key = self.secret_key.get_secret_value()
            if key == DEVELOPMENT_SECRET_KEY or len(key) < MIN_SECRET_KEY_CHARS:
                raise ValueError(
                    f"FRONTLINE_SECRET_KEY must be set to a random value of at least {MIN_SECRET_KEY_CHARS} "
                    f"characters when FRONTLINE_ENVIRONMENT={self.environment!r} (the built-in key is for "
                    "development only); make one with: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
                )
        if self.demo and not self.on_loopback:
            raise ValueError(f"demo accounts are allowed only on a loopback address, not on {self.host!r}")
        return self

    @property
    def on_loopback(self) -> bool:
        """True when only this machine can reach the server."""
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    @property
    def demo_enabled(self) -> bool:
        if self.demo is None:
            return self.environment == "development" and self.on_loopback
        return self.demo

    @property
    def secure_cookies(self) -> bool:
        if self.cookie_secure is None:
            return self.environment not in RELAXED_ENVIRONMENTS
        return self.cookie_secure
