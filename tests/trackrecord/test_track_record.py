"""The machine's track record: what reviewers did with each engine, model and prompt version's
claims and drafts, counted by the desk and, independently, by this test from the rows."""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlmodel import select

from factcheck.drafts import service as drafts
from factcheck.models import ClaimMatch, DraftItem, DraftKind, Event, MatchKind, MatchStatus, Ticket
from factcheck.tickets import corrections
from factcheck.tickets.corrections import ClaimChanges
from factcheck.trackrecord import service as record
from tests.factories import ingest, make_token, make_user
from tests.helpers import login

SECOND = """Harbour report

The Marlow harbour handled 4.2 million tonnes of cargo in 2024, the port authority said.

The harbour employs 1,150 people, according to its annual report.

Ferry fares rose 12 percent in January, the operator said.
"""


def _desk(session, settings):
    """Two articles: the first found by the offline engine as it ships, the second by a "newer
    model and prompt" (its tickets and drafts relabelled), then reviewers at work on both."""
    rita = make_user(session, "rita")
    first = ingest(session, settings).tickets
    second = ingest(session, settings, text=SECOND).tickets
    for t in second:
        t.model, t.prompt_hash = "rules-2", "b" * 64
        session.add(t)
        for d in session.exec(select(DraftItem).where(DraftItem.ticket_id == t.id)):
            d.model, d.prompt_hash = "rules-2", "b" * 64
            session.add(d)
    session.commit()
    corrections.dismiss(session, actor=rita, ticket_id=first[0].id, reason="opinion", note=None, expected_version=1)
    corrections.dismiss(
        session, actor=rita, ticket_id=second[0].id, reason="not a claim", note=None, expected_version=1
    )
    corrections.edit_claim(
        session,
        actor=rita,
        ticket_id=first[1].id,
        changes=ClaimChanges(claim=first[1].claim + " (edited)"),
        expected_version=1,
    )
    corrections.merge(session, actor=rita, ticket_id=second[2].id, into=second[1].id, expected_version=1)
    corrections.add_claim(session, actor=rita, article_id=first[0].article_id, quote="for pipe replacement")
    session.commit()
    items = session.exec(select(DraftItem).order_by(DraftItem.id)).all()
    assert len(items) >= 6
    for n, item in enumerate(items[:9]):
        if item.stale:
            continue
        if n % 3 == 0:
            drafts.approve(session, actor=rita, item_id=item.id, expected_version=item.version)
        elif n % 3 == 1:
            drafts.reject(session, actor=rita, item_id=item.id, expected_version=item.version)
        else:
            drafts.edit(
                session, actor=rita, item_id=item.id, expected_version=item.version, text=item.text + " (edited)"
            )
    session.add(
        ClaimMatch(
            ticket_id=first[2].id,
            target_ticket_id=second[1].id,
            kind=MatchKind.ticket,
            score=0.7,
            method="m1",
            status=MatchStatus.confirmed,
        )
    )
    session.add(
        ClaimMatch(
            ticket_id=first[1].id,
            target_ticket_id=second[1].id,
            kind=MatchKind.ticket,
            score=0.2,
            method="m1",
            status=MatchStatus.rejected,
        )
    )
    session.commit()
    return rita


def _by_hand(session) -> dict:
    """The same figures, counted the simplest way: one row at a time."""
    expected: dict = defaultdict(lambda: {"claims": Counter(), "questions": Counter(), "sources": Counter()})
    tickets = session.exec(select(Ticket)).all()
    edited = {e.ticket_id for e in session.exec(select(Event).where(Event.action == "claim.edit"))}
    for t in tickets:
        if t.engine == "human":
            continue
        c = expected[(t.engine, t.model, t.prompt_hash)]["claims"]
        c["found"] += 1
        c["merged" if t.merged_into_id else "dismissed" if t.dismissed_reason else "kept"] += 1
        c["edited"] += t.id in edited
    for t in tickets:
        if t.engine == "human":
            finder = next(m for m in tickets if m.article_id == t.article_id and m.engine != "human")
            expected[(finder.engine, finder.model, finder.prompt_hash)]["claims"]["missed"] += 1
    for d in session.exec(select(DraftItem)):
        if d.engine == "human" or d.connector:
            continue
        outcome = d.status.value if d.status.value != "proposed" else ("stale" if d.stale else "waiting")
        kind = "questions" if d.kind == DraftKind.question else "sources"
        expected[(d.engine, d.model or "", d.prompt_hash or "")][kind][outcome] += 1
    return {k: {w: {n: v for n, v in c.items() if v} for w, c in parts.items()} for k, parts in expected.items()}


def test_the_desk_counts_what_reviewers_did_as_the_rows_say(session, settings):
    _desk(session, settings)
    found = record.track_record(session).as_dict()
    counted = {
        (p["engine"], p["model"], p["prompt_hash"]): {
            "claims": {k: v for k, v in p["claims"].items() if v},
            "questions": {k: v for k, v in p["questions"].items() if v},
            "sources": {k: v for k, v in p["sources"].items() if v},
        }
        for p in found["producers"]
    }
    assert counted == _by_hand(session)
    # Two versions of the engine, side by side, each with its own dismissals and misses.
    [old] = [p for p in found["producers"] if p["model"] != "rules-2" and p["claims"]]
    [new] = [p for p in found["producers"] if p["model"] == "rules-2"]
    assert old["dismissed_by_reason"] == {"opinion": 1} and new["dismissed_by_reason"] == {"not a claim": 1}
    assert old["claims"]["missed"] == 1 and new["claims"]["merged"] == 1
    assert found["matches"] == [{"method": "m1", "counts": {"confirmed": 1, "rejected": 1}, "confirmed_rate": 0.5}]


def test_the_page_and_its_json_twin_show_the_same_figures(client, session, settings):
    rita = _desk(session, settings)
    login(client, "rita")
    page = client.get("/track-record")
    assert page.status_code == 200 and "The machine's track record" in page.text
    assert "prompt bbbbbbbbbbbb" in page.text and "opinion 1" in page.text and "1 missed: added by hand" in page.text
    auth = {"Authorization": f"Bearer {make_token(session, rita)}"}
    assert client.get("/api/v1/track-record", headers=auth).json() == record.track_record(session).as_dict()


def test_the_command_line_reports_the_same_and_exports_the_outcomes(session, settings, monkeypatch):
    import json

    from typer.testing import CliRunner

    from factcheck.cli import app
    from factcheck.core.config import get_settings

    _desk(session, settings)
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    runner = CliRunner()
    text = runner.invoke(app, ["eval", "desk"])
    assert text.exit_code == 0, text.output
    assert "offline rules-2 (prompt bbbbbbbbbbbb)" in text.stdout
    assert "3 found: 1 kept (0 edited), 1 merged, 1 dismissed (not a claim 1); 0 missed" in text.stdout
    assert "matches m1: 1 confirmed, 1 rejected, 0 linked and 0 suggested not reviewed; confirmed 50%" in text.stdout
    as_json = runner.invoke(app, ["eval", "desk", "--json"])
    assert json.loads(as_json.stdout) == record.track_record(session).as_dict()
    lines = [json.loads(x) for x in runner.invoke(app, ["labels", "drafts"]).stdout.splitlines()]
    assert Counter(r["outcome"] for r in lines) == Counter(
        d.status.value for d in session.exec(select(DraftItem)) if d.status.value != "proposed"
    )
    edited = next(r for r in lines if r["outcome"] == "edited")
    assert edited["kept"] == edited["drafted"] + " (edited)" and edited["engine"] == "offline"
    get_settings.cache_clear()
