"""Readers' claims: taking them in from the public form and the API, grouping the ones that say
the same thing, answering on the spot when the desk already published a fact-check of it, and the
reviewers' decisions (a ticket, an article, or not checked). Making a ticket or an article spans
domains: see flows/tips.py."""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.config import Settings
from factcheck.core.errors import InvalidInput, NotFound
from factcheck.core.urls import factcheck_path, safe_url
from factcheck.events import by, emit
from factcheck.events.tips import TipDecided
from factcheck.matching import index, similarity, vectors
from factcheck.models import Publication, Ticket, Tip, TipDecision, as_utc, utcnow
from factcheck.tickets.versions import StaleVersion
from factcheck.tips.abuse import Refused, spam_score

log = logging.getLogger(__name__)

CLAIM_MIN, CLAIM_MAX = 10, 2_000
WHERE_MAX = 2_000
CONTACT_MAX = 254
NOTE_MAX = 2_000
# Tips are grouped with open tips of the last GROUP_DAYS (at most GROUP_POOL of them).
GROUP_DAYS, GROUP_POOL = 90, 5_000
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


@dataclass(frozen=True)
class Submission:
    claim: str
    seen_where: str | None = None
    contact: str | None = None
    consent: bool = False
    channel: str = "form"


@dataclass(frozen=True)
class Answer:
    """A published fact-check the tip is the same claim as."""

    ticket_id: int
    claim: str
    verdict: str
    path: str


@dataclass(frozen=True)
class Sent:
    tip: Tip
    token: str  # the reader's status link holds it; the desk keeps only its digest
    answer: Answer | None


def _clean(submission: Submission) -> Submission:
    claim = " ".join((submission.claim or "").split())
    if len((submission.claim or "").strip()) < CLAIM_MIN:
        raise InvalidInput(f"Write the claim you want checked, in at least {CLAIM_MIN} characters.")
    if len(submission.claim) > CLAIM_MAX:
        raise InvalidInput(
            f"A claim has at most {CLAIM_MAX} characters (this one has {len(claim)}): quote the key part."
        )
    where = (submission.seen_where or "").strip() or None
    if where and len(where) > WHERE_MAX:
        raise InvalidInput(f"Where you saw it has at most {WHERE_MAX} characters: a link or a few words.")
    contact = (submission.contact or "").strip() or None
    if contact and (len(contact) > CONTACT_MAX or not _EMAIL.match(contact)):
        raise InvalidInput("The contact must be an email address, like name@example.com, or left empty.")
    if contact and not submission.consent:
        raise InvalidInput(
            "To leave your email address, tick the box that lets us use it to tell you what we found "
            "(or leave the address empty)."
        )
    for text in (claim, where or "", contact or ""):
        if "\x00" in text:
            raise InvalidInput("The claim holds a character text cannot hold (NUL).")
    return Submission(claim, where, contact, bool(contact) and submission.consent, submission.channel[:120])


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def submit(session: Session, *, settings: Settings, submission: Submission) -> Sent:
    """Keep a reader's claim, grouped with the open tips that say the same, and answered at once
    when a published fact-check is the same claim."""
    sub = _clean(submission)
    spam = spam_score(sub.claim, sub.seen_where)
    if spam.refused:
        raise Refused(
            "This reads like advertising rather than a claim to check ("
            + "; ".join(spam.reasons)
            + "). If it is a claim, write it again without those."
        )
    token = secrets.token_urlsafe(24)
    tip = Tip(
        claim=sub.claim,
        seen_where=sub.seen_where,
        seen_url=safe_url(sub.seen_where) if sub.seen_where and " " not in sub.seen_where else None,
        contact=sub.contact,
        consent=sub.consent,
        channel=sub.channel,
        token_sha256=digest(token),
        spam_score=spam.score,
        spam_reasons="; ".join(spam.reasons)[:500] or None,
        decision=TipDecision.new,
    )
    answer = _compare(session, settings, tip)
    session.add(tip)
    session.flush()
    return Sent(tip, token, answer)


def _compare(session: Session, settings: Settings, tip: Tip) -> Answer | None:
    """Group the tip and look for a published fact-check of it. Neither is needed to keep the tip:
    with the encoder unavailable (an embeddings endpoint down) it is kept ungrouped."""
    try:
        encoder = vectors.encoder_for(settings)
        unit = similarity.vectors(encoder, [tip.claim])[0]
    except Exception:  # noqa: BLE001 — any encoder failure: the reader's claim is kept all the same
        log.warning("tip not grouped: the encoder failed", exc_info=True)
        return None
    tip.vector, tip.vector_model = vectors.blob(unit), encoder.name
    _, link = similarity.thresholds(encoder)
    tip.group_id = _group(session, encoder, tip, unit, link)
    desk = index.desk_index(session, encoder, uncommitted=set())
    tickets = [c for c in desk.index.search(tip.claim, k=10, unit=unit) if c.key[0] == "ticket" and c.score >= link]
    for candidate in tickets:
        answer = published_answer(session, candidate.key[1])
        if answer is not None:
            tip.answered_ticket_id = answer.ticket_id
            return answer
    return None


def _group(session: Session, encoder, tip: Tip, unit: np.ndarray, link: float) -> int | None:
    since = utcnow() - timedelta(days=GROUP_DAYS)
    open_tips = session.exec(
        select(Tip.id, Tip.group_id, Tip.claim, Tip.vector)
        .where(Tip.decision == TipDecision.new, Tip.vector_model == encoder.name, Tip.created_at >= since)
        .order_by(col(Tip.id).desc())
        .limit(GROUP_POOL)
    ).all()
    if not open_tips:
        return None
    pool = similarity.Index(encoder)
    pool.add([(row[0], row[2]) for row in open_tips], unit=np.stack([vectors.unblob(row[3]) for row in open_tips]))
    best = pool.search(tip.claim, k=1, unit=unit)
    if not best or best[0].score < link:
        return None
    leader = next(row for row in open_tips if row[0] == best[0].key)
    return leader[1] or leader[0]


def published_answer(session: Session, ticket_id: int) -> Answer | None:
    """The ticket's published fact-check (following merges), or None."""
    seen: set[int] = set()
    ticket = session.get(Ticket, ticket_id)
    while ticket is not None and ticket.merged_into_id and ticket.id not in seen:
        seen.add(ticket.id)
        ticket = session.get(Ticket, ticket.merged_into_id)
    if ticket is None:
        return None
    pub = session.exec(
        select(Publication).where(Publication.ticket_id == ticket.id).order_by(col(Publication.id).desc()).limit(1)
    ).first()
    if pub is None:
        return None
    verdict = pub.rating or pub.state.value.capitalize()
    return Answer(ticket.id, pub.claim, verdict, factcheck_path(ticket.id, pub.claim))


def by_token(session: Session, token: str) -> Tip:
    tip = session.exec(select(Tip).where(Tip.token_sha256 == digest(token or ""))).first() if token else None
    if tip is None:
        raise NotFound("No claim was sent with this status link: check that the whole link was copied.")
    return tip


@dataclass(frozen=True)
class ReaderStatus:
    stage: str  # received | checking | published | answered | closed
    answer: Answer | None


def reader_status(session: Session, tip: Tip) -> ReaderStatus:
    """What the reader who sent the tip is told: never a reviewer's name or note."""
    if tip.ticket_id is not None:
        answer = published_answer(session, tip.ticket_id)
        return ReaderStatus("published" if answer else "checking", answer)
    if tip.decision == TipDecision.article:
        return ReaderStatus("checking", None)
    if tip.decision == TipDecision.dismissed:
        return ReaderStatus("closed", None)
    if tip.answered_ticket_id is not None:
        return ReaderStatus("answered", published_answer(session, tip.answered_ticket_id))
    return ReaderStatus("received", None)


@dataclass
class InboxEntry:
    """A group of tips that say the same thing, shown by its first tip."""

    leader: Tip
    tips: list[Tip]
    answer: Answer | None

    @property
    def count(self) -> int:
        return len(self.tips)

    @property
    def latest(self) -> datetime:
        return max(as_utc(t.created_at) for t in self.tips)

    @property
    def where(self) -> list[str]:
        return list(dict.fromkeys(t.seen_where for t in self.tips if t.seen_where))[:5]


def inbox(session: Session, *, decision: TipDecision = TipDecision.new, limit: int = 100) -> list[InboxEntry]:
    """Groups of tips with this decision, the most sent first, then the newest."""
    rows = session.exec(select(Tip).where(Tip.decision == decision).order_by(col(Tip.id).desc()).limit(5_000)).all()
    groups: dict[int, list[Tip]] = {}
    for tip in rows:
        groups.setdefault(tip.group_id or tip.id, []).append(tip)
    entries = []
    for leader_id, tips in groups.items():
        leader = next((t for t in tips if t.id == leader_id), None) or session.get(Tip, leader_id) or tips[-1]
        answered = next((t.answered_ticket_id for t in tips if t.answered_ticket_id), None)
        entries.append(InboxEntry(leader, tips, published_answer(session, answered) if answered else None))
    entries.sort(key=lambda e: (-e.count, -e.latest.timestamp()))
    return entries[:limit]


def counts(session: Session) -> int:
    """Open tips, for the navigation."""
    return session.exec(select(func.count()).select_from(Tip).where(Tip.decision == TipDecision.new)).one()


def group_of(session: Session, tip_id: int, expected_version: int) -> list[Tip]:
    """Every open tip of the tip's group, for a decision on them all. The tip the reviewer saw is
    taken at its version in one statement, so of two reviewers deciding at once one wins and the
    other is told who decided (409)."""
    taken = session.execute(
        sa.update(Tip)
        .where(col(Tip.id) == tip_id, col(Tip.version) == expected_version, col(Tip.decision) == TipDecision.new)
        .values(version=expected_version + 1)
    )
    tip = session.get(Tip, tip_id)
    if tip is None:
        raise NotFound(f"No tip with id {tip_id}.")
    session.refresh(tip)
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        who = f" by {tip.decided_by} at {as_utc(tip.decided_at):%Y-%m-%d %H:%M} UTC" if tip.decided_by else ""
        raise StaleVersion(
            f"This tip was decided{who} after you opened it (it is now: {tip.decision.value}). Reload the inbox.",
            details={"current_version": tip.version},
        )
    leader = tip.group_id or tip.id
    members = session.exec(
        select(Tip).where(
            sa.or_(col(Tip.id) == leader, col(Tip.group_id) == leader, col(Tip.id) == tip.id),
            col(Tip.decision) == TipDecision.new,
        )
    ).all()
    return list(members)


def decide(
    session: Session,
    *,
    actor: Actor,
    tips: list[Tip],
    decision: TipDecision,
    ticket_id: int | None = None,
    article_id: int | None = None,
    note: str | None = None,
) -> None:
    person = require_person(actor, Action.triage_tips)
    if note and len(note) > NOTE_MAX:
        raise InvalidInput(f"A note has at most {NOTE_MAX} characters.")
    now = utcnow()
    for tip in tips:
        tip.decision, tip.decided_by, tip.decided_at = decision, person.name, now
        tip.ticket_id, tip.article_id = ticket_id, article_id
        tip.dismissal_note = note if decision == TipDecision.dismissed else None
        session.add(tip)
    session.flush()
    emit(
        session,
        TipDecided(
            **by(person),
            ticket_id=ticket_id,
            article_id=article_id,
            tip_ids=[t.id for t in tips],
            decision=decision.value,
            note=note,
        ),
    )


def for_ticket(session: Session, ticket_id: int) -> list[int]:
    """The tips a ticket was made from."""
    return list(session.exec(select(Tip.id).where(Tip.ticket_id == ticket_id).order_by(Tip.id)))


def dismiss(session: Session, *, actor: Actor, tip_id: int, expected_version: int, note: str | None) -> list[Tip]:
    require_person(actor, Action.triage_tips)
    members = group_of(session, tip_id, expected_version)
    decide(session, actor=actor, tips=members, decision=TipDecision.dismissed, note=(note or "").strip() or None)
    return members
