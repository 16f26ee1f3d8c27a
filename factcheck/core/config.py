"""Settings, read once from the environment (prefix ``FACTCHECK_``)."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MIN_SECRET_CHARS = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FACTCHECK_", extra="ignore")

    database_url: str = "sqlite:///factcheck.db"
    # None means: "openai" when an LLM endpoint or key is configured, else "offline".
    engine: Literal["offline", "openai"] | None = None
    # Signs the session cookie. Unset, the desk makes a random one on first start and keeps it in
    # its database (core/instance.py); set it only to share one across several databases.
    secret_key: SecretStr | None = None

    host: str = "127.0.0.1"
    port: int = 8000
    # Behind TLS the session cookie must be Secure; plain-HTTP local use needs it off.
    secure_cookies: bool = False
    session_max_age: int = 12 * 3600

    # Requests at work at once in one server process; the rest wait their turn (web/admission.py)
    # without holding a thread or a database connection. A request that has waited
    # `request_queue_seconds`, or finds `request_queue_max` already waiting, is answered 503 with
    # Retry-After. The database pool is sized from these (core/db.py).
    max_concurrent_requests: int = Field(default=16, ge=1, le=256)
    request_queue_seconds: float = Field(default=30.0, gt=0)
    request_queue_max: int = Field(default=2_000, ge=1)
    # A request body (a form, an API call) must arrive within this long: a client that drips its
    # body is answered 408 instead of holding a place.
    request_body_seconds: float = Field(default=30.0, gt=0)

    # Addresses (or networks, comma-separated) of reverse proxies whose X-Forwarded-For and
    # X-Forwarded-Proto are believed. None by default: anyone can send those headers, and login
    # throttling counts failures by address.
    trusted_proxies: str = ""

    # Publishing organisation, used as the ClaimReview author.
    org_name: str = "factcheck desk"
    org_url: str = "https://example.org/"
    # The desk's own address as readers reach it (behind a proxy, the proxy's): every absolute
    # link the desk writes (feeds, public pages) starts with it, never with the Host a client sent.
    # Unset: http://{host}:{port}/.
    public_url: str | None = None

    # Readers who left an address (with consent) are told by email when their claim is published.
    # Unset: no email is sent; the reader's status link says it all the same.
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str | None = None
    smtp_starttls: bool = True

    # Ingest limits.
    max_article_chars: int = 200_000
    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 5_000_000
    allow_private_urls: bool = False

    # New articles one user may ingest per minute, counted in the database: stops a runaway script.
    ingest_per_minute: int = 30
    # ClaimReview imports and source archives one user may ask for per minute (both read a document
    # from elsewhere), counted in the database for every process alike.
    import_per_minute: int = Field(default=10, ge=1)
    archive_per_minute: int = Field(default=30, ge=1)
    # An API request body (JSON) at most this big, except ingest (which takes an article of
    # max_article_chars) and ClaimReview import (import_max_bytes); 413 past it.
    import_max_bytes: int = Field(default=2_000_000, ge=1_000)

    # Claims scoring below this are not turned into tickets.
    min_checkworthiness: float = 0.5
    # The offline engine stops reading an article after this long and says how far it got on the
    # article's page (an ordinary article takes a few hundredths of a second).
    extraction_budget_seconds: float = Field(default=10.0, gt=0)

    # Matching claims with earlier tickets and imported fact-checks: a candidate scoring at least
    # `match_suggest` (the chance, 0-1, that it is the same claim) is suggested to the reviewer, at
    # least `match_link` linked by the desk. Unset, the thresholds measured with the fitted model
    # (factcheck/matching/matching_model.json). Shorter claims than `match_min_words` are not
    # matched; `match_within_days` limits matches to tickets and fact-checks that recent.
    match_suggest: float | None = Field(default=None, ge=0, le=1)
    match_link: float | None = Field(default=None, ge=0, le=1)
    match_min_words: int = Field(default=6, ge=1)
    match_within_days: int | None = Field(default=None, ge=1)
    # The sentence encoder for everything the desk compares (factcheck/encoders): "minilm" (reads
    # the sentence) or "wordllama" (word vectors: fast, blind to word order). Unset: minilm when its
    # weights are installed, else wordllama (the desk says so); "endpoint" asks an OpenAI-compatible
    # /v1/embeddings endpoint for `embedding_model`'s vectors (the LLM endpoint and key unless
    # `embedding_base_url` / `embedding_api_key` name another).
    encoder: Literal["minilm", "wordllama", "endpoint"] | None = None
    embedding_base_url: str | None = None
    embedding_api_key: SecretStr | None = None
    embedding_model: str = ""
    # A matching model fitted for the desk's own encoder (bench/tune_matching.py --write FILE), read
    # beside the ones the package ships for minilm and wordllama.
    matching_model: str | None = None

    # Search connectors that turn drafted queries into documents (factcheck/search). Off unless
    # named here: "wikipedia", "factchecktools", "searxng" (comma-separated). The desk's own
    # tickets are always searched.
    search_connectors: str = ""
    factchecktools_key: SecretStr | None = None
    factchecktools_url: str = "https://factchecktools.googleapis.com/v1alpha1/claims:search"
    wikipedia_api_url: str = "https://en.wikipedia.org/w/api.php"
    searxng_url: str | None = None
    search_timeout: float = Field(default=10.0, gt=0)
    search_cache_seconds: int = Field(default=86_400, ge=0)
    search_per_minute: int = Field(default=30, ge=1)

    # Any OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp server, Ollama). The openai client's
    # own OPENAI_BASE_URL / OPENAI_API_KEY are honoured when these are unset.
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str = "gpt-4o-mini"
    # A call is streamed: it is given up when the model stops writing for `llm_stall_seconds`, or
    # when the whole call passes `llm_timeout` (nothing at all written by then: the endpoint is
    # waited for; an answer still being written: the request is made smaller).
    llm_timeout: float = 900.0
    llm_stall_seconds: float = Field(default=60.0, gt=0)
    # Evaluation runs only: how often a failing endpoint is tried again in the process. The desk's
    # jobs wait and retry on their own, with a backoff that survives restarts.
    llm_max_retries: int = 3
    llm_concurrency: int = 8
    llm_context_sentences: int = 3
    llm_chunk_sentences: int = 6
    llm_max_tokens: int = 4000

    # Drafting with a model runs as durable jobs. `serve` runs one worker in its own process
    # unless this is off (then run `factcheck worker` processes, e.g. on other machines).
    worker: bool = True
    # A job whose worker stops renewing its lease (it died) is taken by another worker after this
    # long; a running job's lease is renewed every third of it, however long the model takes.
    job_lease_seconds: float = 30.0
    # Workers are woken when work is queued; this is only how often they look regardless.
    worker_poll_seconds: float = 1.0
    # The first wait after a failed job, doubling with each failure up to 5 minutes.
    job_retry_start: float = 2.0
    # `factcheck ingest` (and `extract`, `redraft`) wait this long at most for their jobs,
    # through the endpoint's failures; what is left, a worker finishes.
    cli_max_wait: float = 300.0

    @model_validator(mode="after")
    def _refuse_weak_secret(self) -> Settings:
        if self.secret_key is not None and len(self.secret_key.get_secret_value()) < MIN_SECRET_CHARS:
            raise ValueError(
                f"FACTCHECK_SECRET_KEY must have at least {MIN_SECRET_CHARS} characters "
                "(or leave it unset and the desk makes its own)"
            )
        return self

    @property
    def resolved_llm_base_url(self) -> str | None:
        return self.llm_base_url or os.environ.get("OPENAI_BASE_URL") or None

    @property
    def resolved_llm_api_key(self) -> str | None:
        if self.llm_api_key is not None:
            return self.llm_api_key.get_secret_value()
        return os.environ.get("OPENAI_API_KEY") or None

    @property
    def engine_name(self) -> str:
        if self.engine:
            return self.engine
        return "openai" if (self.resolved_llm_base_url or self.resolved_llm_api_key) else "offline"

    @property
    def site_url(self) -> str:
        """The desk's public address, without a trailing slash."""
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
