"""The desk at a glance: tickets by state and by article, and the daily flow in and out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck.models import DISMISSED, Article, Event, Ticket, TicketState
from factcheck.tickets.states import TRANSITIONS
from factcheck.tickets.tally import KEYS

RESOLVING = sorted({action for (_, to), action in TRANSITIONS.items() if to != TicketState.unverified})


@dataclass
class ArticleCounts:
    id: int
    title: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Day:
    day: date
    opened: int
    resolved: int


def by_article(session: Session, limit: int = 20) -> list[ArticleCounts]:
    """The articles with the most open tickets first, with their tickets counted by state (the
    dismissed ones apart: they are not open work)."""
    key = sa.case((col(Ticket.dismissed_reason).is_not(None), DISMISSED), else_=Ticket.state)
    open_count = func.sum(
        sa.case((sa.and_(Ticket.state == TicketState.unverified, col(Ticket.dismissed_reason).is_(None)), 1), else_=0)
    )
    top = (
        select(Ticket.article_id)
        .group_by(Ticket.article_id)
        .order_by(open_count.desc(), col(Ticket.article_id).desc())
        .limit(limit)
        .subquery()
    )
    rows = session.exec(
        select(Article.id, Article.title, key, func.count())
        .join(Ticket, Ticket.article_id == Article.id)
        .where(col(Article.id).in_(select(top.c.article_id)))
        .group_by(Article.id, Article.title, key)
    ).all()
    out: dict[int, ArticleCounts] = {}
    for article_id, title, state, n in rows:
        entry = out.setdefault(article_id, ArticleCounts(article_id, title, dict.fromkeys(KEYS, 0)))
        entry.counts[state] = n
    return sorted(out.values(), key=lambda a: (-a.counts[TicketState.unverified], -a.id))


def daily_flow(session: Session, days: int = 30, today: date | None = None) -> list[Day]:
    """Tickets opened (created) and resolved (a verdict recorded in the audit log) per UTC day."""
    today = today or datetime.now(UTC).date()
    first = today - timedelta(days=days - 1)
    since = datetime.combine(first, time.min, UTC)
    opened = _per_day(
        session,
        select(func.date(Ticket.created_at), func.count())
        .where(Ticket.created_at >= since)
        .group_by(func.date(Ticket.created_at)),
    )
    resolved = _per_day(
        session,
        select(func.date(Event.created_at), func.count())
        .where(Event.created_at >= since, col(Event.action).in_(RESOLVING))
        .group_by(func.date(Event.created_at)),
    )
    return [Day(d, opened.get(d, 0), resolved.get(d, 0)) for d in (first + timedelta(days=i) for i in range(days))]


def _per_day(session: Session, stmt) -> dict[date, int]:
    # SQLite's date() gives text, PostgreSQL's a date: both become a date here.
    return {d if isinstance(d, date) else date.fromisoformat(str(d)): n for d, n in session.exec(stmt)}


@dataclass
class Chart:
    """A server-rendered bar chart: coordinates only, the template draws the SVG."""

    width: int
    height: int
    top: int
    bars: list[dict]
    ticks: list[dict]
    labels: list[dict]


def flow_chart(flow: list[Day], width: int = 720, height: int = 220) -> Chart:
    left, bottom, top = 36, 28, 10
    peak = max([1] + [max(d.opened, d.resolved) for d in flow])
    step = max(1, -(-peak // 4))
    ceiling = step * 4
    plot_h = height - bottom - top
    slot = (width - left) / max(1, len(flow))
    bar_w = max(2.0, slot / 2 - 1)

    def y(value: int) -> float:
        return top + plot_h - plot_h * value / ceiling

    bars = []
    for i, d in enumerate(flow):
        x = left + i * slot
        for offset, kind, value in ((0, "opened", d.opened), (bar_w, "resolved", d.resolved)):
            bars.append(
                {
                    "x": round(x + offset + 1, 1),
                    "y": round(y(value), 1),
                    "w": round(bar_w, 1),
                    "h": round(top + plot_h - y(value), 1),
                    "kind": kind,
                    "title": f"{d.day:%b %d}: {value} {kind}",
                }
            )
    ticks = [{"y": round(y(v), 1), "label": v} for v in range(0, ceiling + 1, step)]
    # A label a week, counted back from today so the last day always has one and none overlap;
    # the last is anchored at its end so it is not cut off at the chart's edge.
    last = len(flow) - 1
    labels = [
        {
            "x": round(left + i * slot + slot / 2, 1) if i < last else width - 2,
            "label": f"{d.day:%b %d}".replace(" 0", " "),
            "anchor": "end" if i == last else "middle",
        }
        for i, d in enumerate(flow)
        if (last - i) % 7 == 0
    ]
    return Chart(width, height, top + plot_h, bars, ticks, labels)
