"""The ticket state machine: allowed moves, rationale, optimistic concurrency, one audit event each."""

import pytest
from sqlmodel import select

from factcheck.core.errors import Forbidden, InvalidInput
from factcheck.models import Event, Proposal, TicketState
from factcheck.models.tickets import ProposalOutcome
from factcheck.tickets.states import (
    InvalidTransition,
    StaleVersion,
    bulk_transition,
    open_proposals,
    propose,
    transition,
)
from tests.factories import ingest, make_ticket, make_user

U, C, D = TicketState.unverified, TicketState.corroborated, TicketState.disputed
RATIONALE = "The council minutes record the vote."


def _ticket_in(session, settings, state):
    ticket = make_ticket(session, "The Riverton City Council voted 7-2 on March 3, 2025")
    actor = make_user(session, "setup", "editor")
    if state != U:
        transition(
            session, actor=actor, ticket_id=ticket.id, to=state, rationale=RATIONALE, expected_version=ticket.version
        )
        session.commit()
    return ticket


@pytest.mark.parametrize(
    ("start", "to", "allowed"),
    [
        (U, C, True),
        (U, D, True),
        (C, U, True),
        (D, U, True),
        (C, D, True),
        (D, C, True),
        (U, U, False),
        (C, C, False),
        (D, D, False),
    ],
)
def test_transition_matrix(session, settings, start, to, allowed):
    ticket = _ticket_in(session, settings, start)
    user = make_user(session, "erin", "editor")
    if allowed:
        transition(
            session, actor=user, ticket_id=ticket.id, to=to, rationale=RATIONALE, expected_version=ticket.version
        )
        assert ticket.state == to
    else:
        with pytest.raises(InvalidTransition):
            transition(
                session, actor=user, ticket_id=ticket.id, to=to, rationale=RATIONALE, expected_version=ticket.version
            )
        assert ticket.state == start


def test_an_editor_changes_one_verdict_for_the_other_as_a_reopen_and_a_verdict(session, settings):
    ticket = _ticket_in(session, settings, C)
    erin = make_user(session, "erin", "editor")
    transition(
        session,
        actor=erin,
        ticket_id=ticket.id,
        to=D,
        rationale="The second audit contradicts it.",
        expected_version=ticket.version,
    )
    session.commit()
    events = session.exec(
        select(Event).where(Event.ticket_id == ticket.id, Event.actor_id == erin.id).order_by(Event.id)
    ).all()
    assert [(e.action, e.from_value, e.to_value) for e in events] == [
        ("reopen", "corroborated", "unverified"),
        ("dispute", "unverified", "disputed"),
    ]
    assert {e.rationale for e in events} == {"The second audit contradicts it."}
    assert ticket.state == D and ticket.version == 4  # set up at 2, then two changes


def test_every_change_needs_a_rationale(session, settings):
    ticket = _ticket_in(session, settings, U)
    user = make_user(session, "erin", "editor")
    with pytest.raises(InvalidInput, match="rationale"):
        transition(session, actor=user, ticket_id=ticket.id, to=C, rationale="  ok ", expected_version=1)


def test_a_stale_version_is_refused_and_names_who_changed_it(session, settings):
    ticket = _ticket_in(session, settings, U)
    rita, sam = make_user(session, "rita", "editor"), make_user(session, "sam", "editor")
    transition(session, actor=rita, ticket_id=ticket.id, to=C, rationale=RATIONALE, expected_version=1)
    session.commit()
    with pytest.raises(StaleVersion) as err:
        transition(session, actor=sam, ticket_id=ticket.id, to=U, rationale=RATIONALE, expected_version=1)
    assert err.value.status_code == 409
    assert "rita" in err.value.message
    assert ticket.state == C and ticket.version == 2


def test_each_change_writes_exactly_one_audit_event(session, settings):
    ticket = _ticket_in(session, settings, U)
    user = make_user(session, "erin", "editor")
    transition(session, actor=user, ticket_id=ticket.id, to=D, rationale=RATIONALE, expected_version=1)
    transition(
        session, actor=user, ticket_id=ticket.id, to=U, rationale="New records were published.", expected_version=2
    )
    session.commit()
    events = session.exec(
        select(Event).where(Event.ticket_id == ticket.id, Event.actor_id == user.id).order_by(Event.id)
    ).all()
    assert [(e.action, e.from_value, e.to_value) for e in events] == [
        ("dispute", "unverified", "disputed"),
        ("reopen", "disputed", "unverified"),
    ]
    assert events[0].rationale == RATIONALE
    assert ticket.resolved_at is None and ticket.version == 3


def test_an_inactive_user_cannot_change_state(session, settings):
    ticket = _ticket_in(session, settings, U)
    user = make_user(session, "erin", "editor")
    user.active = False
    with pytest.raises(Forbidden):
        transition(session, actor=user, ticket_id=ticket.id, to=C, rationale=RATIONALE, expected_version=1)


def test_a_reviewer_proposes_and_only_an_editor_decides(session, settings):
    ticket = _ticket_in(session, settings, U)
    rita, erin = make_user(session, "rita", "reviewer"), make_user(session, "erin", "editor")
    with pytest.raises(Forbidden, match="reviewer"):
        transition(session, actor=rita, ticket_id=ticket.id, to=D, rationale=RATIONALE, expected_version=1)
    proposal = propose(session, actor=rita, ticket_id=ticket.id, to=D, rationale=RATIONALE, expected_version=1)
    session.commit()
    assert ticket.state == U and proposal.ticket_version == ticket.version == 2  # the state waits for an editor
    assert open_proposals(session, [ticket.id])[ticket.id].id == proposal.id
    with pytest.raises(InvalidInput, match="rationale"):
        propose(session, actor=rita, ticket_id=ticket.id, to=C, rationale="sure", expected_version=2)
    transition(session, actor=erin, ticket_id=ticket.id, to=D, rationale=RATIONALE, expected_version=2)
    session.commit()
    assert open_proposals(session, [ticket.id]) == {}  # decided: the proposal is closed
    decided = session.get(Proposal, proposal.id)
    assert decided.outcome == ProposalOutcome.accepted and decided.decided_at is not None
    assert (ticket.verdict_rationale, ticket.verdict_by, ticket.verdict_by_id) == (RATIONALE, "erin", erin.id)


def test_an_editor_deciding_from_a_page_opened_before_a_proposal_is_told_of_it(session, settings):
    ticket = _ticket_in(session, settings, U)
    rita, erin = make_user(session, "rita", "reviewer"), make_user(session, "erin", "editor")
    seen = ticket.version  # erin opens the ticket
    propose(session, actor=rita, ticket_id=ticket.id, to=C, rationale=RATIONALE, expected_version=seen)
    session.commit()
    with pytest.raises(StaleVersion, match="by rita"):
        transition(session, actor=erin, ticket_id=ticket.id, to=D, rationale=RATIONALE, expected_version=seen)
    session.rollback()
    transition(session, actor=erin, ticket_id=ticket.id, to=D, rationale=RATIONALE, expected_version=seen + 1)
    session.commit()
    [overruled] = session.exec(select(Proposal).where(Proposal.ticket_id == ticket.id)).all()
    assert overruled.outcome == ProposalOutcome.overruled


def test_a_new_proposal_replaces_the_open_one_and_a_reopen_clears_the_verdict(session, settings):
    ticket = _ticket_in(session, settings, U)
    rita, erin = make_user(session, "rita", "reviewer"), make_user(session, "erin", "editor")
    first = propose(session, actor=rita, ticket_id=ticket.id, to=C, rationale=RATIONALE, expected_version=1)
    second = propose(session, actor=rita, ticket_id=ticket.id, to=D, rationale=RATIONALE, expected_version=2)
    assert session.get(Proposal, first.id).outcome == ProposalOutcome.superseded
    assert open_proposals(session, [ticket.id])[ticket.id].id == second.id
    transition(session, actor=erin, ticket_id=ticket.id, to=D, rationale=RATIONALE, expected_version=3)
    transition(session, actor=erin, ticket_id=ticket.id, to=U, rationale="Reopened: new minutes.", expected_version=4)
    assert ticket.verdict_rationale is None and ticket.verdict_by is None and ticket.resolved_at is None


def test_a_bulk_change_is_all_or_nothing(session, settings):
    result = ingest(session, settings)
    first, second = result.tickets[:2]
    erin = make_user(session, "erin", "editor")
    transition(session, actor=erin, ticket_id=second.id, to=C, rationale=RATIONALE, expected_version=1)
    session.commit()
    with pytest.raises(StaleVersion, match=f"Ticket {second.id}.*Nothing was changed"):
        bulk_transition(session, actor=erin, selection=[(first.id, 1), (second.id, 1)], to=D, rationale=RATIONALE)
    session.rollback()
    session.refresh(first)
    assert first.state == U and first.version == 1
    done = bulk_transition(session, actor=erin, selection=[(first.id, 1)], to=D, rationale=RATIONALE)
    assert [t.state for t in done] == [D]


def actual_counts(session) -> dict[str, int]:
    from sqlmodel import func

    from factcheck.models import Ticket

    counts = {s.value: 0 for s in TicketState}
    counts.update(
        session.exec(
            select(Ticket.state, func.count()).where(Ticket.dismissed_reason.is_(None)).group_by(Ticket.state)
        ).all()
    )
    counts["dismissed"] = session.exec(select(func.count()).where(Ticket.dismissed_reason.is_not(None))).one()
    return counts


def test_the_counts_by_state_follow_every_change_and_every_rollback(session, settings):
    from factcheck.tickets.tally import counts_by_state

    result = ingest(session, settings)
    session.commit()
    erin = make_user(session, "erin", "editor")
    first, second, third = result.tickets[:3]
    assert counts_by_state(session) == actual_counts(session) == {U: len(result.tickets), C: 0, D: 0, "dismissed": 0}
    transition(session, actor=erin, ticket_id=first.id, to=C, rationale=RATIONALE, expected_version=1)
    bulk_transition(session, actor=erin, selection=[(second.id, 1), (third.id, 1)], to=D, rationale=RATIONALE)
    transition(session, actor=erin, ticket_id=third.id, to=U, rationale=RATIONALE, expected_version=2)
    session.commit()
    assert (
        counts_by_state(session) == actual_counts(session) == {U: len(result.tickets) - 2, C: 1, D: 1, "dismissed": 0}
    )
    # A change that is refused half-way leaves the counts where the tickets are.
    with pytest.raises(StaleVersion):
        bulk_transition(session, actor=erin, selection=[(first.id, 2), (second.id, 1)], to=U, rationale=RATIONALE)
    session.rollback()
    assert counts_by_state(session) == actual_counts(session)
