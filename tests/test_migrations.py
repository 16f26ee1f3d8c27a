"""Migrations and models agree; the server refuses an un-migrated database."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlmodel import SQLModel

from factcheck.core.db import make_engine
from factcheck.core.errors import DatabaseNotMigrated


def test_migrations_produce_exactly_the_models(db):
    with db.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
    assert diff == []


def test_the_server_refuses_an_unmigrated_database(empty_settings):
    from factcheck.app import create_app

    engine = make_engine(empty_settings)
    with engine.begin() as conn:  # an empty database
        conn.execute(sa.text("SELECT 1"))
    with pytest.raises(DatabaseNotMigrated, match="factcheck db upgrade"):
        with TestClient(create_app(empty_settings)):
            pass


def test_plain_alembic_upgrade_head_works(empty_settings, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "FACTCHECK_DATABASE_URL": empty_settings.database_url}
    subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=root, env=env, check=True,
                   capture_output=True)
    with make_engine(empty_settings).connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM ticket")).scalar() == 0
