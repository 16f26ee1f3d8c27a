"""Rate limits shared by every process on the desk's database.

The ``limits`` library brings the strategies (moving windows, window statistics); its storages
are memory (one process each), Redis, Memcached, MongoDB and etcd. A desk already has a database,
and a PostgreSQL deployment runs several app and worker processes on it: each counting in its own
memory would let N processes allow N times the limit. ``DatabaseStorage`` keeps the hits in the
``rate_limit_entry`` table instead.

It works on its own small connection pool and commits each hit at once: a count must survive the
request that made it (a failed login is answered with an error, and its transaction is rolled
back), and a separate pool cannot deadlock with the requests' pool.

Taking an entry is check-then-insert; on PostgreSQL a transaction-scoped advisory lock on the key
makes it atomic across processes; SQLite serialises writers itself (the transaction begins with
the write, ``BEGIN IMMEDIATE``).

Count before writing: on SQLite a unit of work that has already written holds the database's
write lock, and a limit counted on this other connection would wait for it until the busy
time-out. Services check their limit first, as ``import_reviews`` and ``archive`` do.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from limits import RateLimitItem, RateLimitItemPerMinute
from limits.storage import MovingWindowSupport, Storage
from limits.strategies import MovingWindowRateLimiter

from factcheck.core.errors import TooManyRequests
from factcheck.models import RateLimitEntry
from factcheck.models.columns import table_of

_T = table_of(RateLimitEntry)


class DatabaseStorage(Storage, MovingWindowSupport):
    STORAGE_SCHEME = ["factcheck-database"]

    def __init__(self, database_url: str, **engine_options: Any) -> None:
        super().__init__(database_url)
        sqlite = database_url.startswith("sqlite")
        options: dict[str, Any] = (
            {"connect_args": {"check_same_thread": False, "timeout": 30}} if sqlite else {"pool_pre_ping": True}
        )
        options.update(pool_size=2, max_overflow=4)
        options.update(engine_options)
        self.engine = sa.create_engine(database_url, **options)
        self.sqlite = sqlite
        if sqlite:
            # pysqlite would begin lazily (a read that later writes can lose a race); take the
            # write lock at the start instead.
            @sa.event.listens_for(self.engine, "connect")
            def _no_autobegin(dbapi_conn: Any, _record: Any) -> None:
                dbapi_conn.isolation_level = None
                dbapi_conn.execute("PRAGMA busy_timeout=30000")

            @sa.event.listens_for(self.engine, "begin")
            def _immediate(conn: sa.Connection) -> None:
                conn.exec_driver_sql("BEGIN IMMEDIATE")

    @property
    def base_exceptions(self) -> type[Exception]:
        return sa.exc.SQLAlchemyError

    @contextmanager
    def _locked(self, key: str) -> Iterator[sa.Connection]:
        with self.engine.begin() as conn:
            if not self.sqlite:
                digest = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": digest})
            yield conn

    def _live(self, conn: sa.Connection, key: str, since: float) -> tuple[int, float | None]:
        count, oldest = conn.execute(
            sa.select(sa.func.count(), sa.func.min(_T.c.at)).where(_T.c.key == key, _T.c.at > since)
        ).one()
        return int(count), oldest

    def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        if amount > limit:
            return False
        now = time.time()
        with self._locked(key) as conn:
            conn.execute(_T.delete().where(_T.c.key == key, _T.c.expires_at <= now))
            count, _ = self._live(conn, key, now - expiry)
            if count + amount > limit:
                return False
            conn.execute(_T.insert(), [{"key": key, "at": now, "expires_at": now + expiry}] * amount)
        return True

    def get_moving_window(self, key: str, limit: int, expiry: int) -> tuple[float, int]:
        now = time.time()
        with self.engine.connect() as conn:
            count, oldest = self._live(conn, key, now - expiry)
        return (oldest if oldest is not None else now), count

    # Fixed windows (the library's other strategies): every hit of a window expires with it.
    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        with self._locked(key) as conn:
            conn.execute(_T.delete().where(_T.c.key == key, _T.c.expires_at <= now))
            ends = conn.execute(sa.select(sa.func.max(_T.c.expires_at)).where(_T.c.key == key)).scalar()
            ends = ends if ends is not None else now + expiry
            conn.execute(_T.insert(), [{"key": key, "at": now, "expires_at": ends}] * amount)
            return self._live(conn, key, float("-inf"))[0]

    def get(self, key: str) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    sa.select(sa.func.count()).where(_T.c.key == key, _T.c.expires_at > time.time())
                ).scalar_one()
            )

    def get_expiry(self, key: str) -> float:
        with self.engine.connect() as conn:
            ends = conn.execute(sa.select(sa.func.max(_T.c.expires_at)).where(_T.c.key == key)).scalar()
        return ends if ends is not None else time.time()

    def check(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            return True
        except sa.exc.SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        with self.engine.begin() as conn:
            return conn.execute(_T.delete()).rowcount

    def clear(self, key: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(_T.delete().where(_T.c.key == key))

    def sweep(self) -> int:
        """Forget every expired hit (each key's own are forgotten when it is next counted)."""
        with self.engine.begin() as conn:
            return conn.execute(_T.delete().where(_T.c.expires_at <= time.time())).rowcount

    def dispose(self) -> None:
        self.engine.dispose()


class SharedLimits:
    """The desk's rate limits, one per database: every process (app or worker) that opens the same
    database counts in the same table."""

    def __init__(self, database_url: str) -> None:
        self.storage = DatabaseStorage(database_url)
        self.limiter = MovingWindowRateLimiter(self.storage)

    def take(self, item: RateLimitItem, *identifiers: str) -> bool:
        """Count one hit; False (nothing counted) when the limit is already reached."""
        return self.limiter.hit(item, *identifiers)

    def wait_seconds(self, item: RateLimitItem, *identifiers: str) -> int:
        stats = self.limiter.get_window_stats(item, *identifiers)
        return max(1, int(stats.reset_time - time.time()) + 1)

    def per_minute(self, what: str, per_minute: int, who: int | str | None, *, message: str) -> None:
        """Count one of ``what`` for ``who``, or refuse it (429 with the wait) past the limit. The
        console (``who`` None: the server's operator at its command line) is not limited."""
        if who is None:
            return
        who = str(who)
        item = RateLimitItemPerMinute(per_minute)
        if not self.take(item, what, who):
            wait = self.wait_seconds(item, what, who)
            raise TooManyRequests(
                f"{message} (at most {per_minute} a minute); try again in {wait} seconds.",
                details={"retry_after_seconds": wait},
            )

    @property
    def engine(self) -> sa.Engine:
        """The small pool of short writes outside any request's transaction (the search cache)."""
        return self.storage.engine

    def dispose(self) -> None:
        self.storage.dispose()


_shared: dict[str, SharedLimits] = {}


def shared_limits(database_url: str) -> SharedLimits:
    """One ``SharedLimits`` per database per process (its small pool is reused)."""
    if database_url not in _shared:
        _shared[database_url] = SharedLimits(database_url)
    return _shared[database_url]


def forget_all() -> None:
    """Close every pool (tests start each with a new database)."""
    while _shared:
        _shared.popitem()[1].dispose()
