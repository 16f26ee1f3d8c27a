"""The dashboard page."""

from __future__ import annotations

from fastapi import APIRouter, Request

from factcheck.dashboard import service as dashboard
from factcheck.matching import service as matching
from factcheck.tickets import tally
from factcheck.web.deps import SessionDep, UserDep
from factcheck.web.render import render

router = APIRouter()


@router.get("/dashboard")
def dashboard_page(request: Request, session: SessionDep, user: UserDep, days: int = 30):
    days = max(7, min(days, 365))
    flow = dashboard.daily_flow(session, days=days)
    return render(
        request,
        "dashboard/index.html",
        user,
        counts=tally.counts_by_state(session),
        articles=dashboard.by_article(session),
        recurrent=matching.most_recurrent(session),
        flow=flow,
        chart=dashboard.flow_chart(flow),
        days=days,
        totals={"opened": sum(d.opened for d in flow), "resolved": sum(d.resolved for d in flow)},
    )
