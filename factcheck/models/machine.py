"""Tables of the machinery behind the desk: model calls, their cache, jobs and endpoints."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from factcheck.models.columns import _ts, enum_column, utcnow


class LlmCall(SQLModel, table=True):
    """One request to a language model: what it cost and how it ended."""

    __tablename__ = "llm_call"

    id: int | None = Field(default=None, primary_key=True)
    # Calls are made before their article is stored (no write is held while a model thinks), so
    # they point at the article by its content hash, and at a ticket only once it exists.
    article_hash: str | None = Field(default=None, sa_column=sa.Column(sa.String(64), index=True))
    ticket_id: int | None = Field(default=None, index=True)
    task: str = Field(sa_column=sa.Column(sa.String(40), nullable=False))
    model: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    prompt_name: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    prompt_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    tokens_in: int = 0
    tokens_out: int = 0
    latency_ms: int = 0
    # ok | cached | repaired | error
    outcome: str = Field(sa_column=sa.Column(sa.String(20), nullable=False))
    detail: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class LlmCacheEntry(SQLModel, table=True):
    """A validated model answer, keyed by a hash of (prompt hash, model, messages)."""

    __tablename__ = "llm_cache"

    key: str = Field(sa_column=sa.Column(sa.String(64), primary_key=True))
    model: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    prompt_name: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    response: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class JobStatus(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class Job(SQLModel, table=True):
    """Work done outside a web request (finding an article's claims, drafting a ticket, a search,
    a webhook delivery), durable across crashes. The queue knows no domain: ``kind`` names the task
    a domain registered, ``subject_id`` what it works on (the task knows of which table), ``group``
    what it belongs to for progress ("article:12"), and ``dedupe`` the key under which only one
    such job waits or runs at a time.

    A worker holds a job under a lease: if it dies, the lease runs out and another worker takes
    the job. Results are written only while the lease is still the worker's, so a job's work lands
    exactly once however many workers tried it.
    """

    __table_args__ = (
        sa.Index("ix_job_ready", "status", "run_after"),
        sa.Index("ix_job_subject", "kind", "subject_id"),
        sa.Index("ix_job_group", "group_key", "status"),
        sa.Index("ix_job_dedupe", "dedupe_key", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(sa_column=sa.Column(sa.String(20), nullable=False))
    subject_id: int | None = None
    group_key: str | None = Field(default=None, sa_column=sa.Column(sa.String(60)))
    payload: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    dedupe_key: str | None = Field(default=None, sa_column=sa.Column(sa.String(120)))
    status: JobStatus = Field(default=JobStatus.queued, sa_column=enum_column(JobStatus, 12, nullable=False))
    attempts: int = 0
    # Failures of the endpoint in a row (they do not use up attempts): each wait is longer.
    transient_failures: int = Field(default=0, sa_column=sa.Column(sa.Integer, nullable=False, server_default="0"))
    # Why this job was asked for ("ingest", "redraft", "retry") and by whom, for the audit log.
    reason: str = Field(default="ingest", sa_column=sa.Column(sa.String(20), nullable=False))
    requested_by_id: int | None = Field(default=None, foreign_key="user.id")
    run_after: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    lease_owner: str | None = Field(default=None, sa_column=sa.Column(sa.String(80)))
    lease_expires_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    last_error: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    finished_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class LlmEndpoint(SQLModel, table=True):
    """How an endpoint and model take structured answers (a strict JSON schema, JSON mode, or only
    a prompt), learned from its refusals and remembered, so every worker asks the right way."""

    __tablename__ = "llm_endpoint"

    endpoint: str = Field(sa_column=sa.Column(sa.String(500), primary_key=True))
    model: str = Field(sa_column=sa.Column(sa.String(120), primary_key=True))
    mode: str = Field(sa_column=sa.Column(sa.String(20), nullable=False))
    note: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    # Requests it serves at once, when it showed it serves fewer than asked (a server that cuts off
    # the answer it writes when another request comes: llama-cpp-python serves one); None: as set.
    parallel: int | None = Field(default=None, sa_column=sa.Column(sa.Integer))
    # Tokens a second it writes, measured on its answers (a moving average).
    tokens_per_second: float | None = Field(default=None, sa_column=sa.Column(sa.Float))


class WorkerBeat(SQLModel, table=True):
    """A worker's sign of life, renewed while it runs: readiness checks and operators see which
    workers the desk has, wherever they run."""

    __tablename__ = "worker_beat"

    name: str = Field(sa_column=sa.Column(sa.String(80), primary_key=True))
    started_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    seen_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class RateLimitEntry(SQLModel, table=True):
    """One counted hit of a rate limit (a failed login, a search call, an import), shared by every
    process on the database so that N processes enforce one limit (core/limits.py)."""

    __tablename__ = "rate_limit_entry"
    __table_args__ = (
        sa.Index("ix_rate_limit_entry_key_at", "key", "at"),
        sa.Index("ix_rate_limit_entry_expires", "expires_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(sa_column=sa.Column(sa.String(300), nullable=False))
    # Seconds since the epoch (float): the limits library counts windows that way.
    at: float = Field(sa_column=sa.Column(sa.Float, nullable=False))
    expires_at: float = Field(sa_column=sa.Column(sa.Float, nullable=False))


class SearchCacheEntry(SQLModel, table=True):
    """A search connector's recent answer to a query, shared by every worker (search/connectors.py)."""

    __tablename__ = "search_cache"

    connector: str = Field(sa_column=sa.Column(sa.String(40), primary_key=True))
    # SHA-256 of the query and the limit asked for.
    query_hash: str = Field(sa_column=sa.Column(sa.String(64), primary_key=True))
    results: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    expires_at: datetime = Field(sa_column=_ts(nullable=False, index=True))
