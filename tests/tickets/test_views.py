"""Queue views: built-in ones for decisions and flags, saved ones by name, and n/p that walk the
view a reviewer came from."""

from __future__ import annotations

import re

from sqlmodel import select

from factcheck.models import SavedView, Ticket
from factcheck.tickets import queue as queues
from factcheck.tickets import states
from tests.factories import ingest, make_ticket, make_user
from tests.helpers import login

WHY = "The council minutes record a 6-3 vote, not 7-2."
VOTE = "The Riverton City Council voted 7-2 on March 3, 2025"
BREAKS = "the city recorded 214 water-main breaks in 2024"


def test_waiting_for_my_decision_lists_open_proposals_only(session):
    waiting, decided = make_ticket(session, VOTE), make_ticket(session, BREAKS)
    rita, ed = make_user(session, "rita"), make_user(session, "ed", "editor")
    states.propose(session, actor=rita, ticket_id=waiting.id, to="disputed", rationale=WHY, expected_version=1)
    states.propose(session, actor=rita, ticket_id=decided.id, to="disputed", rationale=WHY, expected_version=1)
    states.transition(session, actor=ed, ticket_id=decided.id, to="disputed", rationale=WHY, expected_version=2)
    session.commit()
    page = queues.queue(session, queues.QueueFilter(proposed=True))
    assert [t.id for t, _, _ in page.rows] == [waiting.id] and page.total == 1


def test_needs_a_person_lists_flagged_tickets(session):
    flagged = make_ticket(session, VOTE, needs_human=True, flag_reason="whose vote?")
    make_ticket(session, BREAKS)
    page = queues.queue(session, queues.QueueFilter(needs_human=True))
    assert [t.id for t, _, _ in page.rows] == [flagged.id]


def test_next_and_previous_walk_the_view_the_ticket_was_opened_from(client, session, settings):
    tickets = ingest(session, settings).tickets
    make_user(session, "rita")
    login(client, "rita")
    mine = [tickets[0].id, tickets[2].id]
    for t in session.exec(select(Ticket).where(Ticket.id.in_(mine))):
        t.assignee_id = 1
        session.add(t)
    session.commit()
    queue_page = client.get("/?assignee=me").text
    links = re.findall(r'href="/tickets/(\d+)\?view=assignee%3Dme"', queue_page)
    assert sorted(map(int, links)) == sorted(mine)
    first = client.get(f"/tickets/{links[0]}?view=assignee%3Dme").text
    walk = re.findall(r'id="(?:prev|next)-ticket" rel="(?:prev|next)" href="/tickets/(\d+)\?view=assignee%3Dme"', first)
    assert walk == [links[1]]  # the only other ticket in the view, whatever lies between in the queue
    whole = client.get(f"/tickets/{links[0]}").text
    assert "?view=" not in whole.split('class="walk"')[1][:400]


def test_a_saved_view_is_kept_by_name_and_shared_when_asked(client, session, settings):
    ingest(session, settings)
    make_user(session, "rita"), make_user(session, "sam")
    csrf = login(client, "rita")
    client.post("/views", data={"csrf_token": csrf, "name": "My disputes", "query": "state=disputed&bogus=1"})
    client.post("/views", data={"csrf_token": csrf, "name": "Flagged", "query": "needs=1", "shared": "1"})
    views = {v.name: v for v in session.exec(select(SavedView))}
    assert views["My disputes"].query == "state=disputed" and not views["My disputes"].shared
    assert 'href="/?state=disputed"' in client.get("/").text
    other = client.__class__(client.app)
    login(other, "sam")
    page = other.get("/").text
    assert "Flagged" in page and "My disputes" not in page
    refused = other.post(f"/views/{views['Flagged'].id}/delete", data={"csrf_token": login(other, "sam")})
    assert refused.status_code == 403


def test_the_history_reads_as_words_and_counts_agree_with_their_nouns(client, session, settings):
    from factcheck.tickets import states
    from tests.factories import ingest, make_user
    from tests.helpers import login

    ticket = ingest(session, settings).tickets[0]
    ed = make_user(session, "ed", "editor")
    states.transition(
        session, actor=ed, ticket_id=ticket.id, to="disputed", rationale="The minutes say 6-3.", expected_version=1
    )
    session.commit()
    login(client, "ed")
    page = client.get(f"/tickets/{ticket.id}").text
    history = page.split('id="h-h"', 1)[1]
    assert "marked it disputed" in history and "made this ticket" in history
    assert "dispute\n" not in history and ">create<" not in history and "draft.approved" not in history
    assert "Extracted by unknown" not in page
    empty = client.get("/?state=corroborated").text
    assert "No tickets match these filters" in empty and "1 tickets" not in client.get("/").text


def test_the_ticket_page_says_who_else_is_on_it_and_when_it_changed(client, session, settings):
    """Every few seconds the page asks; the answer names the others with it open and, once the
    ticket moved on from the version the page shows, who changed it, before a save is refused."""
    from tests.factories import ingest, make_user
    from tests.helpers import login

    ticket = ingest(session, settings).tickets[0]
    make_user(session, "rita")
    ed = make_user(session, "ed", "editor")
    login(client, "rita")
    page = client.get(f"/tickets/{ticket.id}").text
    assert f'hx-get="/tickets/{ticket.id}/presence?version=1"' in page and 'hx-trigger="every 15s"' in page
    from factcheck.tickets import presence, states

    presence.here(session, user=ed, ticket_id=ticket.id, seen_version=1)
    session.commit()
    live = client.get(f"/tickets/{ticket.id}/presence?version=1").text
    assert "Also on this ticket now: ed." in live and "Changed since" not in live
    states.transition(
        session, actor=ed, ticket_id=ticket.id, to="disputed", rationale="The minutes say 6-3.", expected_version=1
    )
    session.commit()
    live = client.get(f"/tickets/{ticket.id}/presence?version=1").text
    assert "Changed since you opened it</strong>: ed marked it disputed" in live
    # The person's own page, opened now, is not told of its own view.
    assert "Changed since" not in client.get(f"/tickets/{ticket.id}/presence?version=2").text


def test_merging_offers_the_likely_duplicates_the_desk_found(client, session, settings):
    from factcheck.models import ClaimMatch, MatchKind, MatchStatus, Ticket
    from tests.factories import ingest, make_user
    from tests.helpers import login

    first, second, third = ingest(session, settings).tickets[:3]
    session.add(
        ClaimMatch(
            ticket_id=second.id,
            target_ticket_id=first.id,
            kind=MatchKind.ticket,
            score=0.91,
            method="test",
            status=MatchStatus.suggested,
        )
    )
    session.add(
        ClaimMatch(
            ticket_id=second.id,
            target_ticket_id=third.id,
            kind=MatchKind.ticket,
            score=0.4,
            method="test",
            status=MatchStatus.rejected,
        )
    )
    session.commit()
    make_user(session, "rita")
    csrf = login(client, "rita")
    page = client.get(f"/tickets/{second.id}").text
    merge_box = page[page.index('id="merge"') :]
    assert f"Merge into ticket {first.id}</button>" in merge_box and "91% likely" in merge_box
    assert f"Merge into ticket {third.id}</button>" not in merge_box  # a reviewer said it is not the same
    done = client.post(f"/tickets/{second.id}/merge", data={"csrf_token": csrf, "into": first.id, "version": 1})
    assert done.status_code in (200, 303)
    session.expire_all()
    assert session.get(Ticket, second.id).merged_into_id == first.id
