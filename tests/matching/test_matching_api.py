"""Matching through the API, the ticket page and the command line."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.core.config import get_settings
from factcheck.models import ClaimMatch, FactCheck, Ticket
from factcheck.tickets import states
from tests.factories import ingest, make_token, make_user
from tests.helpers import login
from tests.matching.test_matching import FIRST, REVIEW, SECOND


@pytest.fixture
def cli(settings, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    get_settings.cache_clear()  # the command line reads its settings once per process
    yield CliRunner()
    get_settings.cache_clear()


def bearer(session, name="rita", role="reviewer"):
    return {"Authorization": f"Bearer {make_token(session, make_user(session, name, role))}"}


def test_a_ticket_from_the_api_lists_its_matches_and_they_are_confirmed_or_rejected(client, session, settings):
    ingest(session, settings, text=FIRST)
    ingest(session, settings, text=SECOND)
    auth = bearer(session)
    second = session.exec(select(Ticket).where(Ticket.quote.contains("7-2 vote"))).one()
    ticket = client.get(f"/api/v1/tickets/{second.id}", headers=auth).json()
    [match] = ticket["matches"]
    assert match["kind"] == "ticket" and match["earlier"] and match["status"] in ("suggested", "linked")
    assert set(match) >= {"id", "kind", "target_id", "score", "status", "verdict", "rating", "url", "claim"}

    done = client.post(f"/api/v1/matches/{match['id']}/confirm", json={"expected_version": 1}, headers=auth)
    assert done.status_code == 200 and done.json()["status"] == "confirmed" and done.json()["decided_by"] == "rita"
    stale = client.post(f"/api/v1/matches/{match['id']}/reject", json={"expected_version": 1}, headers=auth)
    assert stale.status_code == 409 and "rita" in stale.json()["error"]["message"]
    assert client.post("/api/v1/matches/999/confirm", json={"expected_version": 1}, headers=auth).status_code == 404
    # Confirmed (or linked) matches are what the queue's "previously checked" shows.
    listed = client.get("/api/v1/tickets?previously_checked=true", headers=auth).json()
    assert {t["id"] for t in listed["tickets"]} == {second.id, match["target_id"]}


def test_fact_checks_are_imported_listed_and_refused_with_reasons(client, session, settings):
    auth = bearer(session)
    made = client.post(
        "/api/v1/factchecks/import", json={"@graph": [REVIEW, {**REVIEW, "url": "ftp://x"}]}, headers=auth
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert [f["url"] for f in body["imported"]] == [REVIEW["url"]] and len(body["refused"]) == 1
    again = client.post("/api/v1/factchecks/import", json=REVIEW, headers=auth).json()
    assert again["imported"] == [] and again["skipped"][0].startswith(REVIEW["url"] + ": imported by")
    listed = client.get("/api/v1/factchecks", headers=auth).json()
    assert [(f["publisher"], f["rating"]) for f in listed] == [("Valley Fact Check", "Mostly false")]
    nothing = client.post("/api/v1/factchecks/import", json={"@type": "ClaimReview"}, headers=auth)
    assert nothing.status_code == 422 and "claimReviewed" in nothing.json()["error"]["message"]
    assert len(session.exec(select(FactCheck)).all()) == 1  # a refused import stores nothing


def test_the_ticket_page_shows_previously_checked_and_a_reviewer_decides_there(client, session, settings):
    ingest(session, settings, text=FIRST)
    ingest(session, settings, text=SECOND)
    make_user(session, "rita")
    token = login(client, "rita")
    second = session.exec(select(Ticket).where(Ticket.quote.contains("7-2 vote"))).one()
    page = client.get(f"/tickets/{second.id}")
    assert "Previously checked" in page.text and "likely the same claim" in page.text
    [m] = session.exec(select(ClaimMatch)).all()
    done = client.post(
        f"/tickets/{second.id}/matches/{m.id}/reject", data={"version": 1, "csrf_token": token}, follow_redirects=False
    )
    assert done.status_code == 303
    session.refresh(m)
    assert m.status == "rejected" and m.decided_by == "rita"
    stale = client.post(f"/tickets/{second.id}/matches/{m.id}/confirm", data={"version": 1, "csrf_token": token})
    assert stale.status_code == 409 and "changed by rita" in stale.text


def test_a_reworded_fact_checked_claim_shows_who_checked_it(client, session, settings):
    rita = make_user(session, "rita")
    from factcheck.matching import claimreview, factchecks

    factchecks.import_reviews(session, actor=rita, reading=claimreview.read(REVIEW), settings=settings)
    session.commit()
    ingest(session, settings, text=SECOND)
    login(client, "rita")
    library = session.exec(select(Ticket).where(Ticket.quote.contains("library"))).one()
    page = client.get(f"/tickets/{library.id}").text
    assert "Checked by Valley Fact Check: Mostly false" in page and REVIEW["url"] in page


def test_import_and_eval_from_the_command_line(session, cli, tmp_path):
    path = tmp_path / "reviews.json"
    path.write_text(json.dumps([REVIEW]), encoding="utf-8")
    runner = cli
    out = runner.invoke(app, ["import", "claimreview", str(path)])
    assert out.exit_code == 0, out.output
    assert "Imported 1 fact-checks" in out.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    refused = runner.invoke(app, ["import", "claimreview", str(bad)])
    assert refused.exit_code != 0 and "Not JSON" in refused.stderr

    queries = tmp_path / "q.tsv"
    queries.write_text(
        "id\ttext\nq1\tRiverton's library stays open to 9 p.m. on weekdays from April\n"
        "q2\tThe Elm Street bridge cost 48 million dollars\n",
        encoding="utf-8",
    )
    claims = tmp_path / "v.jsonl"
    claims.write_text(
        "\n".join(
            json.dumps(c)
            for c in [
                {"id": "v1", "claim": "The county library will stay open until 9 p.m. on weekdays from April."},
                {"id": "v2", "claim": "The Elm Street bridge cost $48 million to build."},
                {"id": "v3", "claim": "Ferry fares doubled in 2024."},
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    qrels = tmp_path / "qrels.tsv"
    qrels.write_text("query_id\tvclaim_id\nq1\tv1\nq2\tv2\n", encoding="utf-8")
    measured = runner.invoke(app, ["eval", "matching", str(queries), str(claims), str(qrels)])
    assert measured.exit_code == 0, measured.output
    assert "desk (BM25 + all-MiniLM-L6-v2): MAP@5 1.000  P@1 1.000" in measured.stdout
    assert "BM25 baseline: MAP@5" in measured.stdout


def test_matches_are_decided_and_verdicts_reused_from_the_command_line(session, settings, cli):
    ingest(session, settings, text=FIRST)
    ed = make_user(session, "ed", "editor")
    first = session.exec(select(Ticket).where(Ticket.quote.contains("voted 7-2"))).one()
    states.transition(
        session, actor=ed, ticket_id=first.id, to="disputed", rationale="Minutes show 6-3, not 7-2.", expected_version=1
    )
    session.commit()
    ingest(session, settings, text=SECOND)
    [m] = session.exec(select(ClaimMatch)).all()
    runner = cli
    assert runner.invoke(app, ["matches", "confirm", str(m.id), "--version", "1"]).exit_code != 0  # needs --as
    done = runner.invoke(app, ["--as", "ed", "matches", "confirm", str(m.id), "--version", "1"])
    assert done.exit_code == 0 and "confirmed" in done.stdout, done.output
    reused = runner.invoke(
        app, ["--as", "ed", "matches", "reuse-verdict", str(m.ticket_id), "--match", str(m.id), "--version", "1"]
    )
    assert reused.exit_code == 0, reused.output
    assert f"Ticket {m.ticket_id} is disputed" in reused.stdout


def test_the_dashboard_lists_the_claims_that_keep_coming_back(client, session, settings):
    ingest(session, settings, text=FIRST)
    ingest(session, settings, text=SECOND)
    ingest(
        session, settings, text=SECOND.replace("Water bills to climb", "Rates up").replace("Residential", "Household")
    )
    make_user(session, "rita")
    login(client, "rita")
    page = client.get("/dashboard").text
    assert "Claims that keep coming back" in page
    first = session.exec(select(Ticket).where(Ticket.quote.contains("voted 7-2"))).one()
    assert f'href="/tickets/{first.id}#matches"' in page
