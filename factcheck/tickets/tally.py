"""Tickets per state, kept in a small table that changes in the same transaction as the tickets.

Dismissed tickets (unverified, but not worth checking) are counted apart, under "dismissed": they
are not open work.
"""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck.models import DISMISSED, Ticket, TicketState, TicketTally

KEYS = [*(s.value for s in TicketState), DISMISSED]


_PENDING = "factcheck.tally.pending"


def counts_by_state(session: Session) -> dict[str, int]:
    """Tickets per state (dismissed ones apart), from the tally, not a count of every ticket;
    with the moves this transaction has made but not yet written."""
    counts = dict.fromkeys(KEYS, 0)
    counts.update(session.exec(select(TicketTally.state, TicketTally.n)).all())
    for state, delta in session.info.get(_PENDING, {}).items():
        counts[state] = counts.get(state, 0) + delta
    return counts


def add_to_tally(session: Session, deltas: dict[str, int]) -> None:
    """Move the counts by state with the tickets: written in the same transaction, just before
    it commits (``settle``).

    The tally's rows are the one thing every ticket change shares, so they are locked last and in
    one statement. Written at once, a bulk change would hold them while it waits for its next
    ticket, which a single change holds while it waits for the tally: a deadlock.
    """
    pending = session.info.setdefault(_PENDING, Counter())
    pending.update(deltas)


def settle(session: Session) -> None:
    """Before a commit (a session hook installed by ``flows.listeners``): write the moves."""
    pending = session.info.pop(_PENDING, None)
    if not pending or not (deltas := {state: d for state, d in pending.items() if d}):
        return
    session.flush()  # every ticket row this transaction changes is locked before the tally
    change = sa.case(*((TicketTally.state == state, d) for state, d in deltas.items()), else_=0)
    updated = session.execute(
        sa.update(TicketTally)
        .where(col(TicketTally.state).in_(list(deltas)))
        .values(n=TicketTally.n + change)
        .execution_options(synchronize_session=False)
    ).rowcount
    if updated != len(deltas):  # a state with no row yet (the tally is seeded by the migration)
        recount(session)


def forget(session: Session, _previous) -> None:
    session.info.pop(_PENDING, None)


def recount(session: Session) -> dict[str, int]:
    """Rebuild the tally from the tickets themselves (after loading tickets in bulk, or a repair)."""
    session.info.pop(_PENDING, None)  # the tickets already say it
    session.flush()
    key = sa.case((col(Ticket.dismissed_reason).is_not(None), DISMISSED), else_=Ticket.state)
    rows = dict(session.exec(select(key, func.count()).group_by(key)).all())
    session.execute(sa.delete(TicketTally))
    session.execute(sa.insert(TicketTally), [{"state": k, "n": rows.get(k, 0)} for k in KEYS])
    return counts_by_state(session)
