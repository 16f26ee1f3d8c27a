"""Engines turn articles into claims and claims into drafts. Each engine is registered here by the
name ``FACTCHECK_ENGINE`` uses; its module is imported only when it is chosen (the model client's
dependencies stay unloaded on an offline desk)."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from factcheck.core.config import Settings
from factcheck.engines.base import Engine

Factory = Callable[[Settings, "sa.Engine | None", int], Engine]


def _offline(settings: Settings, db: sa.Engine | None, retries: int) -> Engine:
    from factcheck.engines.offline.engine import OfflineEngine

    return OfflineEngine(threshold=settings.min_checkworthiness, budget_seconds=settings.extraction_budget_seconds)


def _openai(settings: Settings, db: sa.Engine | None, retries: int) -> Engine:
    from factcheck.engines.llm.engine import OpenAIEngine
    from factcheck.engines.llm.store import DatabaseStore, MemoryStore

    return OpenAIEngine(settings, DatabaseStore(db) if db is not None else MemoryStore(), retries=retries)


ENGINES: dict[str, Factory] = {"offline": _offline, "openai": _openai}


def get_engine(settings: Settings, db: sa.Engine | None = None, *, retries: int = 0) -> Engine:
    """The configured engine; the LLM engine keeps its cache and call log in ``db`` when given, and
    tries a failing endpoint again ``retries`` times itself (jobs leave that to the queue)."""
    return ENGINES[settings.engine_name](settings, db, retries)
