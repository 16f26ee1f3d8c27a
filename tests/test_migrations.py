"""Migrations and models agree; the server refuses an un-migrated database."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel

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
    with pytest.raises(DatabaseNotMigrated, match="factcheck db upgrade"), TestClient(create_app(empty_settings)):
        pass


def test_plain_alembic_upgrade_head_works(empty_settings, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "FACTCHECK_DATABASE_URL": empty_settings.database_url}
    subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"], cwd=root, env=env, check=True, capture_output=True
    )
    with make_engine(empty_settings).connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM ticket")).scalar() == 0


def test_verdicts_published_before_publications_existed_get_one(session, settings, db):
    # Data made at head, the schema taken back to before publications, then forward again: what
    # an existing desk's upgrade does to its published and corrected verdicts.
    from sqlmodel import select

    from alembic import command
    from factcheck.core.db import alembic_config, upgrade
    from factcheck.models import Correction, Publication
    from factcheck.tickets import publishing, states
    from tests.factories import ingest, make_user

    first, second = ingest(session, settings).tickets[:2]
    ed = make_user(session, "ed", "editor")
    for t in (first, second):
        states.transition(
            session,
            actor=ed,
            ticket_id=t.id,
            to="disputed",
            rationale="The minutes say 6-3.",
            expected_version=1,
            rating="False",
        )
        publishing.publish(session, actor=ed, ticket_id=t.id, expected_version=2)
    states.transition(
        session,
        actor=ed,
        ticket_id=second.id,
        to="unverified",
        rationale="Reopened to check again.",
        expected_version=3,
        correction="The minutes were misread; checking again.",
    )
    session.commit()
    session.close()
    db.dispose()
    command.downgrade(alembic_config(settings.database_url), "0016")
    upgrade(settings.database_url)
    with Session(make_engine(settings)) as fresh:
        shown = fresh.exec(select(Publication).order_by(Publication.id)).all()
        assert [(p.ticket_id, p.state, p.rating, p.superseded_at is None) for p in shown] == [
            (first.id, "disputed", "False", True),
            (second.id, "disputed", "False", False),
        ]
        assert all(p.rationale == "The minutes say 6-3." and p.published_by == "ed" for p in shown)
        [fix] = fresh.exec(select(Correction)).all()
        assert fix.publication_id == shown[1].id


def test_verdicts_and_proposals_are_filled_from_the_audit_log_on_upgrade(session, settings, db):
    # What an existing desk had only in its audit log (who gave a verdict and why, the proposals
    # waiting for an editor) is data after the upgrade.
    from sqlmodel import select

    from alembic import command
    from factcheck.core.db import alembic_config, upgrade
    from factcheck.models import Proposal, Ticket
    from factcheck.models.tickets import ProposalOutcome
    from factcheck.tickets import states
    from tests.factories import ingest, make_user

    decided, waiting, reopened = ingest(session, settings).tickets[:3]
    ed, rita = make_user(session, "ed", "editor"), make_user(session, "rita")
    why = "The minutes say 6-3, not 7-2."
    states.propose(session, actor=rita, ticket_id=decided.id, to="disputed", rationale=why, expected_version=1)
    states.transition(session, actor=ed, ticket_id=decided.id, to="disputed", rationale=why, expected_version=2)
    states.propose(session, actor=rita, ticket_id=waiting.id, to="corroborated", rationale=why, expected_version=1)
    states.transition(session, actor=ed, ticket_id=reopened.id, to="disputed", rationale=why, expected_version=1)
    states.transition(session, actor=ed, ticket_id=reopened.id, to="unverified", rationale=why, expected_version=2)
    session.commit()
    session.close()
    db.dispose()
    command.downgrade(alembic_config(settings.database_url), "0021")
    upgrade(settings.database_url)
    with Session(make_engine(settings)) as fresh:
        verdicts = {t.id: (t.verdict_rationale, t.verdict_by) for t in fresh.exec(select(Ticket))}
        assert verdicts[decided.id] == (why, "ed")
        assert verdicts[waiting.id] == verdicts[reopened.id] == (None, None)
        proposals = {p.ticket_id: p for p in fresh.exec(select(Proposal))}
        assert proposals[decided.id].outcome == ProposalOutcome.accepted and proposals[decided.id].by == "rita"
        assert proposals[waiting.id].decided_at is None and proposals[waiting.id].to_state == "corroborated"
