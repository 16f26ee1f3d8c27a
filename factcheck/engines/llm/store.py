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
        self._profiles: dict[tuple[str, str], tuple[int | None, float | None]] = {}
        self.calls: list[LlmCall] = []
        self._lock = threading.Lock()

    def mode(self, endpoint: str, model: str) -> str | None:
        return self._modes.get((endpoint, model))

    def profile(self, endpoint: str, model: str) -> tuple[int | None, float | None]:
        return self._profiles.get((endpoint, model), (None, None))

    def remember_profile(
        self, endpoint: str, model: str, parallel: int | None, tokens_per_second: float | None
    ) -> None:
        with self._lock:
            self._profiles[(endpoint, model)] = (parallel, tokens_per_second)

    def remember_mode(self, endpoint: str, model: str, mode: str, note: str) -> None:
        with self._lock:
            self._modes[(endpoint, model)] = mode

    def cached(self, key: str) -> str | None:
        return self._cache.get(key)

    def remember(self, key: str, model: str, prompt_name: str, response: str) -> None:
        with self._lock:
            self._cache[key] = response

    def log(self, call: LlmCall) -> LlmCall:
        with self._lock:
            self.calls.append(call)
        return call

    def progress(self, call: LlmCall, tokens: int, seconds: float) -> None:
        call.tokens_out, call.latency_ms = tokens, int(seconds * 1000)

    def finish(self, call: LlmCall, **fields: object) -> None:
        for name, value in fields.items():
            setattr(call, name, value)


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

    def profile(self, endpoint: str, model: str) -> tuple[int | None, float | None]:
        """(requests it serves at once, tokens a second), as far as they are known."""
        with Session(self.db) as session:
            row = session.get(LlmEndpoint, (endpoint, model))
            return (row.parallel, row.tokens_per_second) if row else (None, None)

    def remember_profile(
        self, endpoint: str, model: str, parallel: int | None, tokens_per_second: float | None
    ) -> None:
        with Session(self.db) as session:
            session.execute(
                sa.update(LlmEndpoint)
                .where(LlmEndpoint.endpoint == endpoint, LlmEndpoint.model == model)
                .values(parallel=parallel, tokens_per_second=tokens_per_second)
            )
            session.commit()

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

    def log(self, call: LlmCall) -> int | None:
        with Session(self.db) as session:
            session.add(call)
            session.commit()
            return call.id

    def progress(self, call_id: int, tokens: int, seconds: float) -> None:
        """How far a call that is still writing has come (shown on the article and ticket pages)."""
        self._update(call_id, tokens_out=tokens, latency_ms=int(seconds * 1000))

    def finish(self, call_id: int, **fields: object) -> None:
        self._update(call_id, **fields)

    def _update(self, call_id: int, **fields: object) -> None:
        with Session(self.db) as session:
            session.execute(sa.update(LlmCall).where(LlmCall.id == call_id).values(**fields))
            session.commit()
