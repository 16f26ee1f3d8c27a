"""Database engine, sessions and the migration check."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

import sqlalchemy as sa
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import Session

from factcheck.core.config import Settings
from factcheck.core.errors import DatabaseNotMigrated, InvalidInput
from factcheck.core.resources import bundled


def pool_options(settings: Settings) -> dict[str, Any]:
    """Connections for every admitted request (web/admission.py), the process's job worker and its
    lease renewer, with the overflow for work that opens a second session (a model call's log)."""
    size = settings.max_concurrent_requests + settings.llm_concurrency + 4
    return {"pool_size": size, "max_overflow": settings.max_concurrent_requests, "pool_timeout": 30}


def make_engine(settings: Settings) -> sa.Engine:
    if settings.is_sqlite:
        engine = sa.create_engine(
            settings.database_url,
            connect_args={"check_same_thread": False, "timeout": 30},
            **(pool_options(settings) if ":memory:" not in settings.database_url else {}),
        )

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            # WAL lets readers work while a writer commits; foreign keys are off by default in SQLite.
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return sa.create_engine(settings.database_url, pool_pre_ping=True, **pool_options(settings))


# NUL cannot be stored in PostgreSQL text, and a lone surrogate cannot be encoded for either
# database: a value holding one would fail deep in the driver, as a server error.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def refuse_unstorable_text(session: sa.orm.Session, _context: Any, _instances: Any) -> None:
    """The last guard of every write path (a form, the API, the command line, a model's answer):
    text that cannot be stored is refused with the field's name, before anything is written."""
    for obj in (*session.new, *session.dirty):
        for key, value in sa.inspect(obj).dict.items():
            if isinstance(value, str) and (found := _UNSTORABLE.search(value)):
                what = "a NUL character" if found.group() == "\x00" else "an unpaired surrogate"
                raise InvalidInput(
                    f"The {key.replace('_', ' ')} contains {what} (at character {found.start() + 1}), "
                    "which cannot be stored; remove it and try again."
                )


def rowcount(result: sa.Result[Any]) -> int:
    """The rows an UPDATE or DELETE matched (``Session.execute`` is typed as returning any result)."""
    return int(cast("sa.CursorResult[Any]", result).rowcount)


def alembic_config(database_url: str) -> AlembicConfig:
    """Migrations for ``database_url``, wherever factcheck is installed (no alembic.ini needed)."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(bundled("migrations")))
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(database_url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(database_url), revision)


def migration_status(engine: sa.Engine) -> tuple[str | None, set[str]]:
    """(current revision, head revisions) of the database behind ``engine``."""
    script = ScriptDirectory.from_config(alembic_config(str(engine.url)))
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return current, set(script.get_heads())


def ensure_migrated(engine: sa.Engine) -> None:
    current, heads = migration_status(engine)
    if current not in heads:
        state = "has no tables" if current is None else f"is at revision {current}"
        raise DatabaseNotMigrated(f"The database {state}; run `factcheck db upgrade` first.")


def fresh_snapshot(session: Session) -> None:
    """End the session's read-only transaction so that the next statement starts a new one.

    Called after slow work (a language model) and before the first write: on SQLite in WAL mode,
    a transaction whose reads began before another connection committed cannot start writing
    (SQLITE_BUSY_SNAPSHOT). Callers have written nothing yet, so nothing is committed early.
    """
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("fresh_snapshot() called with unflushed changes")
    session.commit()


@contextmanager
def session_scope(engine: sa.Engine) -> Iterator[Session]:
    """A unit of work: commit on success, roll back on any error."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
