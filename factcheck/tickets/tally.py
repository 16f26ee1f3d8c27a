"""Tickets per state, kept in a small table that changes in the same transaction as the tickets."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, func, select

from factcheck.models import Ticket, TicketState, TicketTally


def counts_by_state(session: Session) -> dict[str, int]:
    """Tickets per state, from the tally (one row per state, not a count of every ticket)."""
    counts = {s.value: 0 for s in TicketState}
    counts.update(session.exec(select(TicketTally.state, TicketTally.n)).all())
    return counts


def add_to_tally(session: Session, deltas: dict[str, int]) -> None:
    """Move the counts by state, in the caller's transaction, so they change with the tickets.

    One UPDATE for all the states touched, rather than one per state: two transactions moving
    tickets in opposite directions then lock the tally's rows in the same order instead of each
    holding the row the other waits for.
    """
    deltas = {state: d for state, d in deltas.items() if d}
    if not deltas:
        return
    change = sa.case(*((TicketTally.state == state, d) for state, d in deltas.items()), else_=0)
    updated = session.execute(
        sa.update(TicketTally).where(TicketTally.state.in_(list(deltas))).values(n=TicketTally.n + change)
        .execution_options(synchronize_session=False)
    ).rowcount
    if updated != len(deltas):  # a state with no row yet (the tally is seeded by the migration)
        recount(session)


def recount(session: Session) -> dict[str, int]:
    """Rebuild the tally from the tickets themselves (after loading tickets in bulk, or a repair)."""
    rows = dict(session.exec(select(Ticket.state, func.count()).group_by(Ticket.state)).all())
    session.execute(sa.delete(TicketTally))
    session.execute(sa.insert(TicketTally), [{"state": s.value, "n": rows.get(s.value, 0)} for s in TicketState])
    return counts_by_state(session)
