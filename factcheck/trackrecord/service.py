"""The machine's track record: how reviewers judged what each engine, model and prompt proposed.

Every machine claim is kept, edited, merged or dismissed by a person; every drafted question and
source is approved, edited or rejected; every suggested match is confirmed or rejected. Counted
per producer (engine, model, prompt hash) so a change of model or prompt shows as a new row beside
the old one, with the dates each was in use. Only what people decided is counted as a judgement;
what nobody has looked at yet is counted apart ("waiting").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck.models import ClaimMatch, DraftItem, DraftKind, DraftStatus, Event, Ticket, as_utc

HUMAN = "human"
REVIEWED = ("approved", "edited", "rejected")


@dataclass
class Producer:
    """One engine, model and prompt version, and what reviewers made of its work."""

    engine: str
    model: str
    prompt: str  # the prompt's hash ("" when the engine has none)
    first: datetime | None = None
    last: datetime | None = None
    claims: Counter[str] = field(default_factory=Counter)  # found, kept, edited, merged, dismissed, missed
    dismissed: Counter[str] = field(default_factory=Counter)  # by reason
    questions: Counter[str] = field(default_factory=Counter)  # approved, edited, rejected, waiting, stale
    sources: Counter[str] = field(default_factory=Counter)
    months: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # drafts by month
    follows: Producer | None = None  # the version of the same engine it replaced, for the same work

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.engine, self.model, self.prompt)

    @property
    def work(self) -> set[str]:
        """What it did: finding claims, drafting (an engine's finder and drafter are two rows)."""
        work = set()
        if self.claims["found"]:
            work.add("claims")
        if sum(self.questions.values()) + sum(self.sources.values()):
            work.add("drafts")
        return work

    def seen(self, first: datetime | None, last: datetime | None) -> None:
        if first is not None:
            self.first = min(filter(None, [self.first, as_utc(first)]))
        if last is not None:
            self.last = max(filter(None, [self.last, as_utc(last)]))

    @staticmethod
    def accepted(counts: Counter[str]) -> float | None:
        """Approved or edited, of those a person decided; None before any decision."""
        decided = sum(counts[k] for k in REVIEWED)
        return (counts["approved"] + counts["edited"]) / decided if decided else None

    @property
    def kept(self) -> float | None:
        """Machine claims a person kept (as found or edited), of those decided on."""
        judged = self.claims["kept"] + self.claims["dismissed"] + self.claims["merged"]
        return self.claims["kept"] / judged if judged else None

    def as_dict(self) -> dict:
        return {
            "engine": self.engine,
            "model": self.model,
            "prompt_hash": self.prompt,
            "first_used": self.first.isoformat() if self.first else None,
            "last_used": self.last.isoformat() if self.last else None,
            "claims": dict(self.claims),
            "dismissed_by_reason": dict(self.dismissed),
            "questions": dict(self.questions),
            "sources": dict(self.sources),
            "claims_kept_rate": self.kept,
            "questions_accepted_rate": self.accepted(self.questions),
            "sources_accepted_rate": self.accepted(self.sources),
            "by_month": {m: dict(c) for m, c in sorted(self.months.items())},
            "follows": {"model": self.follows.model, "prompt_hash": self.follows.prompt} if self.follows else None,
        }


@dataclass
class MatchRecord:
    method: str
    counts: Counter[str]

    @property
    def confirmed_rate(self) -> float | None:
        decided = self.counts["confirmed"] + self.counts["rejected"]
        return self.counts["confirmed"] / decided if decided else None


@dataclass
class TrackRecord:
    producers: list[Producer]
    searches: dict[str, Counter[str]]  # connector: approved, edited, rejected, waiting
    matches: list[MatchRecord]

    def as_dict(self) -> dict:
        return {
            "producers": [p.as_dict() for p in self.producers],
            "searches": {name: dict(c) for name, c in sorted(self.searches.items())},
            "matches": [
                {"method": m.method, "counts": dict(m.counts), "confirmed_rate": m.confirmed_rate} for m in self.matches
            ],
        }


def track_record(session: Session) -> TrackRecord:
    producers: dict[tuple[str, str, str], Producer] = {}

    def producer(engine: str, model: str | None, prompt: str | None) -> Producer:
        key = (engine, model or "", prompt or "")
        return producers.setdefault(key, Producer(*key))

    _claims(session, producer)
    searches = _drafts(session, producer)
    matches = [
        MatchRecord(method, Counter(dict(rows)))
        for method, rows in _grouped(
            session.exec(
                select(ClaimMatch.method, ClaimMatch.status, func.count()).group_by(
                    ClaimMatch.method, ClaimMatch.status
                )
            )
        ).items()
    ]
    ordered = sorted(producers.values(), key=lambda p: (p.engine, p.first or datetime.max.replace(tzinfo=UTC)))
    for n, p in enumerate(ordered):
        # Before and after: the latest earlier version of the same engine doing the same work.
        earlier = [
            q
            for q in ordered[:n]
            if q.engine == p.engine and q.work & p.work and q.last and p.first and q.first and q.first <= p.first
        ]
        p.follows = earlier[-1] if earlier else None
    return TrackRecord(ordered, searches, sorted(matches, key=lambda m: m.method))


def _grouped(rows) -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key, status, n in rows:
        out[key].append((str(getattr(status, "value", status)), n))
    return out


def _claims(session: Session, producer) -> None:
    t = Ticket
    merged = col(t.merged_into_id).is_not(None)
    rows = session.exec(
        select(
            t.engine,
            t.model,
            t.prompt_hash,
            t.dismissed_reason,
            merged,
            func.count(),
            func.min(t.created_at),
            func.max(t.created_at),
        )
        .where(t.engine != HUMAN)
        .group_by(t.engine, t.model, t.prompt_hash, t.dismissed_reason, merged)
    ).all()
    for engine, model, prompt, reason, was_merged, n, first, last in rows:
        p = producer(engine, model, prompt)
        p.seen(first, last)
        p.claims["found"] += n
        if was_merged:
            p.claims["merged"] += n
        elif reason:
            p.claims["dismissed"] += n
            p.dismissed[reason] += n
        else:
            p.claims["kept"] += n
    edited = session.exec(
        select(t.engine, t.model, t.prompt_hash, func.count(sa.distinct(t.id)))
        .join(Event, col(Event.ticket_id) == t.id)
        .where(Event.action == "claim.edit", t.engine != HUMAN)
        .group_by(t.engine, t.model, t.prompt_hash)
    ).all()
    for engine, model, prompt, n in edited:
        producer(engine, model, prompt).claims["edited"] += n
    _missed(session, producer)


def _missed(session: Session, producer) -> None:
    """Claims a person added to an article: misses of the producer that found the article's
    other claims (an article with no machine claims, a reader's claim, counts for nobody)."""
    added = dict(
        session.exec(
            select(Ticket.article_id, func.count()).where(Ticket.engine == HUMAN).group_by(Ticket.article_id)
        ).all()
    )
    if not added:
        return
    found_by: dict[int, tuple[str, str, str]] = {}
    for article_id, engine, model, prompt in session.exec(
        select(Ticket.article_id, Ticket.engine, Ticket.model, Ticket.prompt_hash)
        .where(Ticket.engine != HUMAN, col(Ticket.article_id).in_(list(added)))
        .group_by(Ticket.article_id, Ticket.engine, Ticket.model, Ticket.prompt_hash)
        .order_by(Ticket.article_id, Ticket.engine, Ticket.model, Ticket.prompt_hash)
    ):
        found_by.setdefault(article_id, (engine, model, prompt))
    for article_id, n in added.items():
        if article_id in found_by:
            producer(*found_by[article_id]).claims["missed"] += n


def _drafts(session: Session, producer) -> dict[str, Counter[str]]:
    d = DraftItem
    day = func.date(d.created_at)
    rows = session.exec(
        select(d.engine, d.model, d.prompt_hash, d.connector, d.kind, d.status, d.stale, day, func.count())
        .where(d.engine != HUMAN)
        .group_by(d.engine, d.model, d.prompt_hash, d.connector, d.kind, d.status, d.stale, day)
    ).all()
    searches: dict[str, Counter[str]] = defaultdict(Counter)
    for engine, model, prompt, connector, kind, status, stale, when, n in rows:
        outcome = _outcome(status, stale)
        if connector:
            searches[connector][outcome] += n
            continue
        p = producer(engine, model, prompt)
        on = when if isinstance(when, date) else date.fromisoformat(str(when)[:10])
        moment = datetime(on.year, on.month, on.day, tzinfo=UTC)
        p.seen(moment, moment)
        (p.questions if kind == DraftKind.question else p.sources)[outcome] += n
        p.months[f"{on:%Y-%m}"][outcome] += n
    return dict(searches)


def _outcome(status: DraftStatus | str, stale: bool) -> str:
    status = DraftStatus(status)
    if status == DraftStatus.proposed:
        return "stale" if stale else "waiting"
    return status.value


def draft_outcomes(session: Session) -> list[dict]:
    """Every machine draft a person decided on, as labelled data: the claim it was written for,
    what the machine wrote, what the reviewer kept (for an edit), the outcome and the provenance."""
    rows = session.exec(
        select(DraftItem, Ticket.claim)
        .join(Ticket, col(Ticket.id) == DraftItem.ticket_id)
        .where(DraftItem.engine != HUMAN, col(DraftItem.status).in_(REVIEWED))
        .order_by(DraftItem.id)
    ).all()
    return [
        {
            "draft_id": d.id,
            "ticket_id": d.ticket_id,
            "claim": claim,
            "kind": d.kind.value,
            "drafted": d.original_text or d.text,
            "kept": d.text if d.status != DraftStatus.rejected else None,
            "url": d.url,
            "outcome": d.status.value,
            "engine": d.engine,
            "model": d.model,
            "prompt_hash": d.prompt_hash,
            "connector": d.connector,
            "reviewed_at": as_utc(d.reviewed_at).isoformat() if d.reviewed_at else None,
        }
        for d, claim in rows
    ]
