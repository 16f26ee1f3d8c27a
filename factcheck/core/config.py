"""Settings, read once from the environment (prefix ``FACTCHECK_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The development secret is public (it is in this file); outside development
# the settings refuse it so a deployed desk never signs cookies with it.
DEV_SECRET = "factcheck-development-secret-change-me"

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FACTCHECK_", extra="ignore")

    env: Literal["development", "production", "test"] = "development"
    database_url: str = "sqlite:///factcheck.db"
    engine: Literal["offline"] = "offline"
    secret_key: SecretStr = SecretStr(DEV_SECRET)

    host: str = "127.0.0.1"
    port: int = 8000
    # Behind TLS the session cookie must be Secure; plain-HTTP local use needs it off.
    secure_cookies: bool = False
    session_max_age: int = 12 * 3600

    # Publishing organisation, used as the ClaimReview author.
    org_name: str = "factcheck desk"
    org_url: str = "https://example.org/"

    # Ingest limits.
    max_article_chars: int = 200_000
    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 5_000_000
    allow_private_urls: bool = False

    # Claims scoring below this are not turned into tickets.
    min_checkworthiness: float = 0.5

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> "Settings":
        if self.env == "production" and self.secret_key.get_secret_value() == DEV_SECRET:
            raise ValueError(
                "FACTCHECK_SECRET_KEY must be set to a private value when FACTCHECK_ENV=production"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
