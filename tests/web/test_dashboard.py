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


def test_the_chart_labels_a_day_a_week_back_from_today_and_never_overlap():
    from datetime import date, timedelta

    from factcheck.dashboard.service import Day, flow_chart

    today = date(2026, 12, 5)
    flow = [Day(today - timedelta(days=29 - i), 0, 0) for i in range(30)]
    labels = flow_chart(flow).labels
    assert [lab["label"] for lab in labels] == ["Nov 7", "Nov 14", "Nov 21", "Nov 28", "Dec 5"]
    assert labels[-1]["anchor"] == "end" and labels[-1]["x"] <= 720
    xs = [lab["x"] for lab in labels]
    assert all(b - a > 60 for a, b in zip(xs, xs[1:], strict=False))  # room for "Nov 28" between them
