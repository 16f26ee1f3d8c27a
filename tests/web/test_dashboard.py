"""The dashboard counts what the desk holds and draws the daily flow from the audit log."""

from datetime import date, timedelta

from bs4 import BeautifulSoup

from factcheck.dashboard import service as dashboard
from factcheck.tickets.states import transition
from tests.factories import ingest, make_user
from tests.helpers import login


def test_daily_flow_counts_tickets_opened_and_verdicts_recorded(session, settings):
    result = ingest(session, settings)
    erin = make_user(session, "erin", "editor")
    first, second = result.tickets[:2]
    transition(
        session, actor=erin, ticket_id=first.id, to="disputed", rationale="The minutes say 6-3.", expected_version=1
    )
    transition(
        session,
        actor=erin,
        ticket_id=first.id,
        to="unverified",
        rationale="New minutes were posted.",
        expected_version=2,
    )
    transition(
        session, actor=erin, ticket_id=second.id, to="corroborated", rationale="The minutes agree.", expected_version=1
    )
    session.commit()
    flow = dashboard.daily_flow(session, days=7)
    assert len(flow) == 7 and flow[-1].day >= date.today() - timedelta(days=1)
    assert sum(d.opened for d in flow) == len(result.tickets)
    assert sum(d.resolved for d in flow) == 2  # a reopen is not a resolution
    chart = dashboard.flow_chart(flow)
    assert len(chart.bars) == 14 and all(b["h"] >= 0 for b in chart.bars)
    counts = dashboard.by_article(session)
    assert counts[0].counts == {"unverified": len(result.tickets) - 1, "corroborated": 1, "disputed": 0, "dismissed": 0}


def test_dashboard_page_shows_counts_chart_and_articles(client, session):
    make_user(session, "rita")
    login(client, "rita")
    page = BeautifulSoup(client.get("/dashboard").text, "html.parser")
    assert page.select_one("svg.chart[role=img]") is not None
    assert "No tickets yet" in page.text
