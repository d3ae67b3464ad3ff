"""All runtime settings in one place, read from the environment (prefix KHABAR_)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "khabar"


class Settings(BaseSettings):
    """Runtime configuration. Secrets (webhook URL, SMTP password) only ever come from here."""

    model_config = SettingsConfigDict(env_prefix="KHABAR_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str | None = None
    model_dir: Path | None = None
    alert_webhook_url: str | None = None
    alert_min_confidence: float = 0.5
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = None
    alert_email_from: str | None = None
    alert_email_to: str | None = None
    log_level: str = "INFO"
    user_agent: str = "khabar/0.1 (+news monitoring for conflict research; contact: operators)"

    @property
    def effective_database_url(self) -> str:
        """The configured database, else an SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'khabar.sqlite'}"


def get_settings() -> Settings:
    return Settings()
