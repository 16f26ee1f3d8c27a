"""Engines turn articles into claims and claims into drafts."""

from __future__ import annotations

import sqlalchemy as sa

from factcheck.core.config import Settings
from factcheck.engines.base import Engine


def get_engine(settings: Settings, db: sa.Engine | None = None, *, retries: int = 0) -> Engine:
    """The configured engine; the LLM engine keeps its cache and call log in ``db`` when given, and
    tries a failing endpoint again ``retries`` times itself (jobs leave that to the queue)."""
    if settings.engine_name == "openai":
        from factcheck.engines.llm.engine import OpenAIEngine
        from factcheck.engines.llm.store import DatabaseStore, MemoryStore

        return OpenAIEngine(settings, DatabaseStore(db) if db is not None else MemoryStore(), retries=retries)
    from factcheck.engines.offline.engine import OfflineEngine

    return OfflineEngine(threshold=settings.min_checkworthiness, budget_seconds=settings.extraction_budget_seconds)
