"""Publishing: a published verdict is locked until an editor reopens it with a correction, every
correction is kept, and verdicts carry a rating from the desk's scale."""

from __future__ import annotations

import pytest
from sqlmodel import select

from factcheck.core.errors import Conflict, Forbidden, InvalidInput
from factcheck.drafts import service as drafts
from factcheck.models import Correction, DraftItem, Event
from factcheck.tickets import publishing, ratings, states
from factcheck.tickets import service as tickets
from tests.factories import ingest, make_user

WHY = "The council minutes record a 6-3 vote, not 7-2."


@pytest.fixture
def desk(session, settings):
    ticket = ingest(session, settings).tickets[0]
    ed, rita, ada = make_user(session, "ed", "editor"), make_user(session, "rita"), make_user(session, "ada", "admin")
    states.transition(
        session,
        actor=ed,
        ticket_id=ticket.id,
        to="disputed",
        rationale=WHY,
        expected_version=ticket.version,
        rating="Misleading",
    )
    session.commit()
    return ticket, ed, rita, ada


def test_a_verdict_carries_a_rating_of_its_own_kind_from_the_scale(session, desk):
    ticket, ed, *_ = desk
    assert (ticket.rating, ticket.rating_value) == ("Misleading", 2)
    assert [r.name for r in ratings.scale(session)] == ["True", "Mostly true", "Missing context", "Misleading", "False"]
    reopened = states.transition(
        session, actor=ed, ticket_id=ticket.id, to="unverified", rationale=WHY, expected_version=ticket.version
    )
    assert reopened.rating is None
    with pytest.raises(InvalidInput, match="not a rating for corroborated; choose one of: True, Mostly true"):
        states.transition(
            session,
            actor=ed,
            ticket_id=ticket.id,
            to="corroborated",
            rationale=WHY,
            expected_version=reopened.version,
            rating="False",
        )


def test_only_editors_publish_and_only_a_verdict(session, desk, settings):
    ticket, ed, rita, _ = desk
    with pytest.raises(Forbidden):
        publishing.publish(session, actor=rita, ticket_id=ticket.id, expected_version=ticket.version)
    open_ticket = ingest(session, settings).tickets[1]
    with pytest.raises(Conflict, match="no verdict to publish"):
        publishing.publish(session, actor=ed, ticket_id=open_ticket.id, expected_version=open_ticket.version)
    done = publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=ticket.version)
    assert done.published_at is not None and done.first_published_at == done.published_at
    with pytest.raises(Conflict, match="already published"):
        publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=done.version)


def test_a_published_ticket_is_locked_for_drafts_notes_proposals_and_verdicts(session, desk):
    ticket, ed, rita, _ = desk
    publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=ticket.version)
    session.commit()
    draft = session.exec(select(DraftItem).where(DraftItem.ticket_id == ticket.id)).first()
    locked = "published: reopen it with a correction first"
    for attempt in (
        lambda: drafts.approve(session, actor=rita, item_id=draft.id, expected_version=draft.version),
        lambda: drafts.add_manual(session, actor=rita, ticket_id=ticket.id, kind="question", text="Who voted?"),
        lambda: tickets.add_note(session, actor=rita, ticket_id=ticket.id, text="Minutes, p. 4", url=None),
        lambda: states.propose(
            session, actor=rita, ticket_id=ticket.id, to="corroborated", rationale=WHY, expected_version=ticket.version
        ),
        lambda: states.bulk_transition(
            session, actor=ed, selection=[(ticket.id, ticket.version)], to="unverified", rationale=WHY
        ),
        lambda: tickets.assign(
            session, actor=ed, ticket_id=ticket.id, assignee_id=rita.id, expected_version=ticket.version
        ),
        lambda: tickets.bulk_assign(session, actor=ed, selection=[(ticket.id, ticket.version)], assignee_id=None),
    ):
        with pytest.raises(Conflict, match=locked):
            attempt()
        session.rollback()


def test_reopening_a_published_verdict_needs_a_correction_which_is_kept(session, desk):
    ticket, ed, *_ = desk
    published = publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=ticket.version)
    first = published.first_published_at
    session.commit()
    with pytest.raises(InvalidInput, match="needs a correction note"):
        states.transition(
            session, actor=ed, ticket_id=ticket.id, to="unverified", rationale=WHY, expected_version=published.version
        )
    session.rollback()
    fixed = states.transition(
        session,
        actor=ed,
        ticket_id=ticket.id,
        to="corroborated",
        rationale=WHY,
        expected_version=published.version,
        rating="Mostly true",
        correction="We misread the minutes: the vote was 7-2 after all.",
    )
    assert (fixed.state, fixed.rating, fixed.published_at) == ("corroborated", "Mostly true", None)
    [c] = session.exec(select(Correction)).all()
    assert (c.was_state, c.was_rating, c.by) == ("disputed", "Misleading", "ed")
    again = publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=fixed.version)
    assert again.first_published_at == first and again.published_at > first
    actions = [e.action for e in session.exec(select(Event).where(Event.ticket_id == ticket.id).order_by(Event.id))]
    assert actions[-5:] == ["publish", "correction", "reopen", "corroborate", "publish"]
    [entry] = publishing.corrections_log(session)
    assert entry.now_state == "corroborated" and entry.republished and "misread" in entry.note


def test_a_correction_on_an_unpublished_verdict_is_refused(session, desk):
    ticket, ed, *_ = desk
    with pytest.raises(InvalidInput, match="not published"):
        states.transition(
            session,
            actor=ed,
            ticket_id=ticket.id,
            to="unverified",
            rationale=WHY,
            expected_version=ticket.version,
            correction="Nothing was published yet, though.",
        )


def test_admins_replace_the_scale_and_retired_ratings_stay_on_old_verdicts(session, desk):
    ticket, ed, rita, ada = desk
    with pytest.raises(Forbidden):
        ratings.replace_scale(session, actor=ed, steps=[])
    new = ratings.replace_scale(
        session,
        actor=ada,
        steps=[ratings.Step("Accurate", "corroborated", 5), ratings.Step("Inaccurate", "disputed", 1)],
    )
    assert [(r.name, r.value) for r in new] == [("Accurate", 5), ("Inaccurate", 1)]
    session.refresh(ticket)
    assert ticket.rating == "Misleading"  # what was given stays given
    with pytest.raises(InvalidInput, match="at least one rating for disputed"):
        ratings.replace_scale(session, actor=ada, steps=[ratings.Step("Accurate", "corroborated", 5)])
    with pytest.raises(InvalidInput, match="between 1 and 5"):
        ratings.replace_scale(
            session, actor=ada, steps=[ratings.Step("A", "corroborated", 9), ratings.Step("B", "disputed", 1)]
        )


def test_a_search_that_ends_after_the_ticket_was_published_adds_nothing(session, desk, settings, db):
    from factcheck.engines.offline.engine import OfflineEngine
    from factcheck.jobs.tasks import Work
    from factcheck.models import Job
    from factcheck.search import service as search
    from factcheck.search.connectors import Result
    from factcheck.search.tasks import Searched, SearchTicket

    ticket, ed, *_ = desk
    search.enqueue(session, [ticket])
    session.commit()
    task = SearchTicket(OfflineEngine(), settings)
    job = session.exec(select(Job).where(Job.kind == search.SEARCH, Job.subject_id == ticket.id)).one()
    # The job read the ticket and ran its search; meanwhile an editor published the verdict.
    found = Searched(results=[Result("searxng", "q", "https://riverton.example/minutes", "Council minutes")])
    publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=ticket.version)
    session.commit()
    before = len(drafts.for_ticket(session, ticket.id))
    task.apply(session, Work.of(job), found)
    session.commit()
    assert len(drafts.for_ticket(session, ticket.id)) == before
    # At least once: on the shared PostgreSQL test database a worker left running by an earlier test
    # may take the same job and skip it too (seen in a full run); what matters is that nothing is added.
    assert session.exec(select(Event).where(Event.ticket_id == ticket.id, Event.action == "search.skipped")).all()


def test_a_reviewer_proposes_a_rating_and_the_editor_finds_it_chosen(client, session, settings):
    """The rating is proposed with the verdict, checked against the scale like an editor's, shown on
    the ticket, and preselected in the editor's form."""
    from tests.helpers import login

    ticket = ingest(session, settings).tickets[0]
    rita, _ = make_user(session, "rita"), make_user(session, "ed", "editor")
    with pytest.raises(InvalidInput, match="not a rating for disputed"):
        states.propose(
            session, actor=rita, ticket_id=ticket.id, to="disputed", rationale=WHY, expected_version=1, rating="True"
        )
    session.rollback()
    made = states.propose(
        session, actor=rita, ticket_id=ticket.id, to="disputed", rationale=WHY, expected_version=1, rating="Misleading"
    )
    session.commit()
    assert made.rating == "Misleading"
    login(client, "ed")
    page = client.get(f"/tickets/{ticket.id}").text
    assert "proposes <strong>disputed</strong>, rated <strong>Misleading</strong>" in page
    assert '<option value="Misleading" selected>' in page
