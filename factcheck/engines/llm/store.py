"""Where the LLM engine keeps its answer cache and its call log.

Each write is its own short transaction, apart from the request's: a call that was paid for is
logged even when the ingest that asked for it fails, and a cached answer survives a retry. This
only works because callers never hold a write transaction while the engine runs (see
articles.service.ingest).
"""

from __future__ import annotations

import threading

import sqlalchemy as sa
from sqlmodel import Session

from factcheck.models import LlmCacheEntry, LlmCall, LlmEndpoint, utcnow


class MemoryStore:
    """For a process without a database (evaluation runs): cache and log in memory."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}
        self._modes: dict[tuple[str, str], str] = {}
        self.calls: list[LlmCall] = []
        self._lock = threading.Lock()

    def mode(self, endpoint: str, model: str) -> str | None:
        return self._modes.get((endpoint, model))

    def remember_mode(self, endpoint: str, model: str, mode: str, note: str) -> None:
        with self._lock:
            self._modes[(endpoint, model)] = mode

    def cached(self, key: str) -> str | None:
        return self._cache.get(key)

    def remember(self, key: str, model: str, prompt_name: str, response: str) -> None:
        with self._lock:
            self._cache[key] = response

    def log(self, call: LlmCall) -> None:
        with self._lock:
            self.calls.append(call)


class DatabaseStore:
    def __init__(self, db: sa.Engine) -> None:
        self.db = db

    def mode(self, endpoint: str, model: str) -> str | None:
        with Session(self.db) as session:
            row = session.get(LlmEndpoint, (endpoint, model))
            return row.mode if row else None

    def remember_mode(self, endpoint: str, model: str, mode: str, note: str) -> None:
        with Session(self.db) as session:
            row = session.get(LlmEndpoint, (endpoint, model)) or LlmEndpoint(endpoint=endpoint, model=model, mode=mode)
            row.mode, row.note, row.updated_at = mode, note, utcnow()
            session.add(row)
            try:
                session.commit()
            except sa.exc.IntegrityError:
                session.rollback()  # another worker learned the same at the same moment

    def cached(self, key: str) -> str | None:
        with Session(self.db) as session:
            entry = session.get(LlmCacheEntry, key)
            return entry.response if entry else None

    def remember(self, key: str, model: str, prompt_name: str, response: str) -> None:
        with Session(self.db) as session:
            if session.get(LlmCacheEntry, key) is None:
                session.add(LlmCacheEntry(key=key, model=model, prompt_name=prompt_name, response=response))
                try:
                    session.commit()
                except sa.exc.IntegrityError:
                    session.rollback()  # another worker cached the same answer first

    def log(self, call: LlmCall) -> None:
        with Session(self.db) as session:
            session.add(call)
            session.commit()
