"""Tickets per state, kept in a small table that changes in the same transaction as the tickets.

Dismissed tickets (unverified, but not worth checking) are counted apart, under "dismissed": they
are not open work.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, func, select

from factcheck.models import DISMISSED, Ticket, TicketState, TicketTally

KEYS = [*(s.value for s in TicketState), DISMISSED]


def counts_by_state(session: Session) -> dict[str, int]:
    """Tickets per state (dismissed ones apart), from the tally, not a count of every ticket."""
    counts = dict.fromkeys(KEYS, 0)
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
    key = sa.case((Ticket.dismissed_reason.is_not(None), DISMISSED), else_=Ticket.state)
    rows = dict(session.exec(select(key, func.count()).group_by(key)).all())
    session.execute(sa.delete(TicketTally))
    session.execute(sa.insert(TicketTally), [{"state": k, "n": rows.get(k, 0)} for k in KEYS])
    return counts_by_state(session)
