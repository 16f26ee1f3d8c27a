"""Shared fixtures. The schema is migrated once per test session; each test then starts from a clean
copy of it: a copied SQLite file, or (FACTCHECK_TEST_DATABASE_URL) the CI's PostgreSQL with every
table emptied and its seed rows put back."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session

from factcheck.core.config import Settings
from factcheck.core.db import make_engine, upgrade
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.flows import listeners
from tests.helpers import POSTGRES_URL


def settings_for(url: str) -> Settings:
    return Settings(
        database_url=url,
        org_name="Test Desk",
        org_url="https://desk.example/",
        public_url="https://checks.desk.example",
    )


class PostgresTemplate:
    """One PostgreSQL database, migrated once; ``clean()`` empties it back to just-migrated."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        self.migrated = False
        self.seeds: dict[str, list[dict]] = {}

    def drop_everything(self) -> None:
        with self.engine.begin() as conn:
            self._end_other_sessions(conn)
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
        self.migrated = False

    def clean(self) -> None:
        if not self.migrated:
            self.drop_everything()
            upgrade(self.url)
            self.seeds = self._read_all()
            self.migrated = True
            return
        tables = [t for t in sa.inspect(self.engine).get_table_names() if t != "alembic_version"]
        # A leftover worker that reconnects between ending its session and the TRUNCATE can deadlock with
        # it; PostgreSQL then aborts one side, and emptying the database again is the whole remedy.
        for attempt in range(3):
            try:
                return self._empty(tables)
            except sa.exc.OperationalError as exc:
                if attempt == 2 or "deadlock detected" not in str(exc):
                    raise

    def _empty(self, tables: list[str]) -> None:
        with self.engine.begin() as conn:
            # A test's leftover connection (a killed worker, a server thread) must not hold locks.
            self._end_other_sessions(conn)
            quoted = ", ".join(conn.dialect.identifier_preparer.quote(t) for t in tables)
            conn.execute(sa.text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
            for table, rows in self.seeds.items():
                if rows and table != "alembic_version":
                    conn.execute(sa.table(table, *(sa.column(c) for c in rows[0])).insert(), rows)
                    if "id" in rows[0]:  # seeded with their ids: the next insert must not reuse one
                        conn.execute(
                            sa.text(
                                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                f"(SELECT MAX(id) FROM {conn.dialect.identifier_preparer.quote(table)}))"
                            )
                        )

    def _read_all(self) -> dict[str, list[dict]]:
        metadata = sa.MetaData()
        metadata.reflect(self.engine)
        with self.engine.connect() as conn:
            return {
                name: [dict(r._mapping) for r in conn.execute(table.select())]
                for name, table in metadata.tables.items()
            }

    @staticmethod
    def _end_other_sessions(conn) -> None:
        conn.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )


listeners.install()  # as the app and the command line do: events are audited, counted and sent


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashing():
    """Argon2 with the desk's real parameters costs ~100 ms a hash; the suite makes and checks
    hundreds of passwords. A hash carries its parameters, so verifying works the same either way."""
    from argon2 import PasswordHasher

    from factcheck.auth import passwords

    real = passwords._hasher
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    passwords._hasher = real


@pytest.fixture(scope="session")
def _postgres() -> Iterator[PostgresTemplate | None]:
    if not POSTGRES_URL:
        yield None
        return
    template = PostgresTemplate(POSTGRES_URL)
    yield template
    template.engine.dispose()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def settings(tmp_path, request, _postgres) -> Settings:
    """Settings for a freshly migrated, empty database."""
    from factcheck.core.limits import forget_all
    from factcheck.matching.service import reset_indexes

    reset_indexes()  # the claims indexed for the last test's database are not this one's
    forget_all()  # nor are the rate limits' connections
    if _postgres is not None:
        _postgres.clean()
        return settings_for(_postgres.url)
    path = tmp_path / "test.db"
    shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
    return settings_for(f"sqlite:///{path}")


@pytest.fixture
def empty_settings(tmp_path, _postgres) -> Settings:
    """Settings for a database with no tables at all (to test migrating, and refusing to run without)."""
    if _postgres is not None:
        _postgres.drop_everything()
        return settings_for(_postgres.url)
    return settings_for(f"sqlite:///{tmp_path / 'empty.db'}")


@pytest.fixture
def db(settings):
    engine = make_engine(settings)
    yield engine
    engine.dispose()


@pytest.fixture
def session(db) -> Iterator[Session]:
    with Session(db, expire_on_commit=False) as s:
        yield s


@pytest.fixture
def engine() -> OfflineEngine:
    return OfflineEngine()


@pytest.fixture
def app(settings, db):
    from factcheck.app import create_app

    return create_app(settings)


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture
def live_desk(app) -> Iterator[str]:
    """The desk served over real HTTP on a loopback port, for clients that really run at once."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
