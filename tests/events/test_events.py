"""Domain events: what a service says happened, and what follows from it in the same transaction."""

from __future__ import annotations

import dataclasses

import pytest
from sqlmodel import func, select

from factcheck import events
from factcheck.events import DomainEvent, accounts, articles, drafts, matching, tickets
from factcheck.flows import listeners
from factcheck.models import Event, TicketState, Webhook, WebhookDelivery
from factcheck.tickets import states
from factcheck.tickets.tally import counts_by_state
from tests.factories import ingest, make_ticket, make_user

WHY = "The council minutes record a 6-3 vote, not 7-2."


def _all_events() -> list[type[DomainEvent]]:
    found = []
    for module in (accounts, articles, drafts, matching, tickets):
        found += [
            v
            for v in vars(module).values()
            if isinstance(v, type) and issubclass(v, DomainEvent) and v.__module__ == module.__name__
        ]
    return [kind for kind in found if kind not in (accounts.AccountEvent, accounts.WebhookEvent)]  # bases


@pytest.mark.parametrize("kind", _all_events(), ids=lambda k: k.__name__)
def test_every_event_names_its_action_and_fits_the_audit_log(kind):
    values = {}
    for f in dataclasses.fields(kind):
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
            continue
        values[f.name] = "confirmed" if f.name == "status" else _example(f.type)
        if f.name == "before" and f.type == "TicketState":
            values[f.name] = TicketState.unverified  # a move the state machine has
    event = kind(**values)
    kept = event.record()
    assert event.action and len(event.action) <= 40
    assert all(v is None or len(v) <= 200 for v in (kept.from_value, kept.to_value))


def _example(annotation: str):
    if annotation == "TicketState":
        return TicketState.disputed
    if annotation.startswith("int"):
        return 7
    if annotation.startswith("float"):
        return 0.5
    if annotation.startswith("bool"):
        return True
    if annotation.startswith("list"):
        return ["x" * 300]
    if annotation.startswith("dict"):
        return {"claim": "x" * 300}
    return "x" * 300  # longer than the log keeps: the record cuts it


def test_an_event_with_nobody_listening_is_refused_not_lost(session, monkeypatch):
    monkeypatch.setattr(events, "_LISTENERS", {})
    with pytest.raises(RuntimeError, match="install"):
        events.emit(session, tickets.NoteAdded(by="rita", ticket_id=1, note_id=1))


def test_installing_the_listeners_twice_wires_them_once(session, settings):
    listeners.install()
    listeners.install()
    ticket = ingest(session, settings).tickets[0]  # made by the service, which emits
    assert session.exec(select(func.count()).where(Event.ticket_id == ticket.id, Event.action == "create")).one() == 1


def test_a_verdict_is_audited_counted_and_sent_in_its_own_transaction(session, settings):
    ticket = make_ticket(session, "The Riverton City Council voted 7-2 on March 3, 2025")
    ed = make_user(session, "ed", "editor")
    session.add(Webhook(url="https://hooks.example.org/x", events="verdict.set", secret="s", created_by="ada"))
    session.commit()
    before = counts_by_state(session)
    states.transition(session, actor=ed, ticket_id=ticket.id, to="disputed", rationale=WHY, expected_version=1)
    session.commit()
    [entry] = session.exec(select(Event).where(Event.ticket_id == ticket.id, Event.action == "dispute")).all()
    assert (entry.actor_name, entry.actor_id, entry.from_value, entry.to_value, entry.rationale) == (
        "ed",
        ed.id,
        "unverified",
        "disputed",
        WHY,
    )
    after = counts_by_state(session)
    assert (after["unverified"], after["disputed"]) == (before["unverified"] - 1, before["disputed"] + 1)
    [delivery] = session.exec(select(WebhookDelivery)).all()
    assert delivery.event == "verdict.set" and f'"id": {ticket.id}' in delivery.payload


def test_a_change_that_rolls_back_leaves_no_entry_count_or_delivery(session, settings):
    ticket = make_ticket(session, "The Riverton City Council voted 7-2 on March 3, 2025")
    ed = make_user(session, "ed", "editor")
    session.add(Webhook(url="https://hooks.example.org/x", events="verdict.set", secret="s", created_by="ada"))
    session.commit()
    before = counts_by_state(session)
    entries = session.exec(select(func.count()).select_from(Event)).one()
    states.transition(session, actor=ed, ticket_id=ticket.id, to="disputed", rationale=WHY, expected_version=1)
    session.rollback()
    assert counts_by_state(session) == before
    assert session.exec(select(func.count()).select_from(Event)).one() == entries
    assert session.exec(select(WebhookDelivery)).all() == []


def test_a_long_value_in_the_history_is_cut_at_a_word():
    from factcheck.events import Record

    claim = "The Riverton City Council voted seven to two " * 10
    kept = Record(from_value=claim).from_value
    assert len(kept) <= 200 and kept.endswith("…") and claim.startswith(kept[:-1])
    assert kept[:-1].split()[-1] in {"The", "Riverton", "City", "Council", "voted", "seven", "to", "two"}
