"""Proposals: a reviewer's proposed verdict, open until an editor decides (or another proposal
replaces it). The one module that reads and writes them; the verdict itself is on the ticket
(``models.verdict_of``)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.models import Proposal, Ticket, TicketState, User, utcnow
from factcheck.models.tickets import ProposalOutcome


def open_proposals(session: Session, ticket_ids: list[int]) -> dict[int, Proposal]:
    """The open proposal of each ticket that has one."""
    if not ticket_ids:
        return {}
    stmt = select(Proposal).where(col(Proposal.ticket_id).in_(ticket_ids), col(Proposal.decided_at).is_(None))
    return {p.ticket_id: p for p in session.exec(stmt.order_by(Proposal.id))}


def has_open_proposal() -> sa.ColumnElement[bool]:
    """For the queue's filter: the ticket has a proposal waiting for an editor."""
    return sa.exists(
        select(Proposal.id).where(Proposal.ticket_id == Ticket.id, col(Proposal.decided_at).is_(None)).correlate(Ticket)
    )


def add(
    session: Session,
    *,
    ticket: Ticket,
    person: User,
    before: TicketState,
    after: TicketState,
    rationale: str,
    rating: str | None = None,
) -> Proposal:
    """A new open proposal; the one it replaces (if any) is closed as superseded."""
    _close(session, ticket.id, lambda _p: ProposalOutcome.superseded)
    proposal = Proposal(
        ticket_id=ticket.id,
        from_state=before,
        to_state=after,
        rationale=rationale,
        rating=rating,
        by=person.name,
        by_id=person.id,
    )
    session.add(proposal)
    session.flush()
    return proposal


def decided(session: Session, ticket_id: int, state: TicketState) -> None:
    """The ticket's state changed: its open proposal is accepted (the state proposed) or overruled."""
    _close(
        session,
        ticket_id,
        lambda p: ProposalOutcome.accepted if p.to_state == state else ProposalOutcome.overruled,
    )


def _close(session: Session, ticket_id: int, outcome) -> None:
    for proposal in session.exec(
        select(Proposal).where(Proposal.ticket_id == ticket_id, col(Proposal.decided_at).is_(None))
    ):
        proposal.decided_at, proposal.outcome = utcnow(), outcome(proposal)
        session.add(proposal)
