"""Claims are drafts too: a person edits, dismisses, restores, merges and adds claims; every change
names the version it saw and leaves its before in the history."""

import json

import pytest
from sqlmodel import select

from factcheck.core.errors import Conflict, InvalidInput
from factcheck.drafts import service as drafts
from factcheck.evaluation.checkworthy import read_tsv
from factcheck.exports import service as exports
from factcheck.exports.selection import Selection
from factcheck.flows import claims
from factcheck.models import DraftItem, Event, Note
from factcheck.tickets import corrections, labels
from factcheck.tickets import service as tickets
from factcheck.tickets.queue import QueueFilter, queue
from factcheck.tickets.states import InvalidTransition, transition
from factcheck.tickets.tally import counts_by_state
from factcheck.tickets.versions import StaleVersion
from tests.factories import ingest, make_user

RATIONALE = "The council minutes record the vote."


@pytest.fixture
def desk(session, settings):
    result = ingest(session, settings)
    return result, make_user(session, "rita", "reviewer"), make_user(session, "ed", "editor")


def history(session, ticket_id, action):
    return session.exec(select(Event).where(Event.ticket_id == ticket_id, Event.action == action)).all()


def test_an_edited_claim_keeps_the_machines_words_in_the_history(session, desk):
    result, rita, _ = desk
    ticket = result.tickets[0]
    machine = ticket.claim
    corrections.edit_claim(
        session,
        actor=rita,
        ticket_id=ticket.id,
        expected_version=1,
        changes=corrections.ClaimChanges(
            claim="The Riverton City Council voted 7-2 on March 3, 2025 to raise water rates 12 percent.",
            speaker="the Riverton City Council",
            kind="event",
        ),
    )
    session.commit()
    assert (ticket.kind, ticket.version, ticket.attribution) == ("event", 2, "The Riverton City Council")
    (event,) = history(session, ticket.id, "claim.edit")
    assert event.actor_name == "rita" and json.loads(event.detail)["before"]["claim"] == machine
    with pytest.raises(StaleVersion, match="changed by rita"):
        corrections.edit_claim(
            session,
            actor=rita,
            ticket_id=ticket.id,
            expected_version=1,
            changes=corrections.ClaimChanges(claim="Something else entirely happened."),
        )


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (corrections.ClaimChanges(claim="   "), "cannot be empty"),
        (corrections.ClaimChanges(claim="x" * 1501), "1,500"),
        (corrections.ClaimChanges(kind="rumour"), "Unknown kind"),
    ],
)
def test_a_claim_edit_that_will_not_do_is_refused_and_changes_nothing(session, desk, changes, problem):
    result, rita, _ = desk
    with pytest.raises(InvalidInput, match=problem):
        corrections.edit_claim(session, actor=rita, ticket_id=result.tickets[0].id, changes=changes, expected_version=1)


def test_editing_a_claim_resolves_its_flag_and_a_verdict_must_be_reopened_first(session, desk):
    result, rita, ed = desk
    first, second = result.tickets[:2]
    first.needs_human, first.flag_reason = True, "“They” does not name who it refers to."
    session.commit()
    corrections.edit_claim(
        session,
        actor=rita,
        ticket_id=first.id,
        expected_version=1,
        changes=corrections.ClaimChanges(speaker="Mayor Elena Vasquez"),
    )
    assert first.needs_human is False and first.flag_reason is None
    transition(session, actor=ed, ticket_id=second.id, to="disputed", rationale=RATIONALE, expected_version=1)
    with pytest.raises(Conflict, match="reopen it"):
        corrections.edit_claim(
            session,
            actor=rita,
            ticket_id=second.id,
            expected_version=2,
            changes=corrections.ClaimChanges(claim="A different claim about water rates."),
        )


def test_a_dismissed_ticket_leaves_the_queue_the_reports_and_the_open_count_and_can_be_restored(
    session, settings, desk
):
    result, rita, ed = desk
    ticket, other = result.tickets[:2]
    open_before = counts_by_state(session)["unverified"]
    corrections.dismiss(
        session, actor=rita, ticket_id=ticket.id, reason="opinion", note="The mayor's view.", expected_version=1
    )
    transition(session, actor=ed, ticket_id=other.id, to="corroborated", rationale=RATIONALE, expected_version=1)
    session.commit()
    assert ticket.state == "unverified" and ticket.dismissed_by == "rita"  # not a verdict
    assert counts_by_state(session)["unverified"] == open_before - 2 and counts_by_state(session)["dismissed"] == 1
    assert ticket.id not in [t.id for t, _, _ in queue(session, QueueFilter()).rows]
    assert [t.id for t, _, _ in queue(session, QueueFilter(dismissed=True)).rows] == [ticket.id]
    report = exports.prepare(session, actor=ed, fmt="json", selection=Selection(include_open=True), settings=settings)
    reported = [t["id"] for t in json.loads("".join(report.stream(session)))["tickets"]]
    assert ticket.id not in reported and other.id in reported
    with pytest.raises(InvalidTransition, match="restore it"):
        transition(session, actor=ed, ticket_id=ticket.id, to="disputed", rationale=RATIONALE, expected_version=2)
    corrections.restore(session, actor=rita, ticket_id=ticket.id, expected_version=2)
    session.commit()
    assert ticket.dismissed_reason is None and counts_by_state(session)["dismissed"] == 0
    assert [
        e.action for e in session.exec(select(Event).where(Event.ticket_id == ticket.id, Event.actor_id == rita.id))
    ] == ["dismiss", "restore"]


def test_a_ticket_with_a_verdict_must_be_reopened_before_it_is_dismissed(session, desk):
    result, rita, ed = desk
    ticket = result.tickets[0]
    transition(session, actor=ed, ticket_id=ticket.id, to="corroborated", rationale=RATIONALE, expected_version=1)
    with pytest.raises(Conflict, match="reopen it"):
        corrections.dismiss(session, actor=rita, ticket_id=ticket.id, reason="opinion", note=None, expected_version=2)


def test_a_merged_duplicate_gives_its_notes_and_approved_drafts_to_the_ticket_it_repeats(session, desk):
    result, rita, _ = desk
    survivor, duplicate = result.tickets[:2]
    approved, proposed = drafts.for_ticket(session, duplicate.id)[:2]
    drafts.approve(session, actor=rita, item_id=approved.id, expected_version=1)
    tickets.add_note(session, actor=rita, ticket_id=duplicate.id, text="Same vote, other words.", url=None)
    kept = corrections.merge(session, actor=rita, ticket_id=duplicate.id, into=survivor.id, expected_version=1)
    session.commit()
    assert kept.id == survivor.id and survivor.version == 2  # whoever had it open must reload
    assert (duplicate.merged_into_id, duplicate.dismissed_reason) == (survivor.id, "duplicate")
    assert session.get(DraftItem, approved.id).ticket_id == survivor.id
    assert session.get(DraftItem, proposed.id).ticket_id == duplicate.id  # a suggestion nobody took stays
    assert session.exec(select(Note.ticket_id)).all() == [survivor.id]
    assert history(session, duplicate.id, "merge")[0].to_value == f"#{survivor.id}"
    assert history(session, survivor.id, "merge.absorbed")[0].from_value == f"#{duplicate.id}"
    with pytest.raises(Conflict, match=f"merged into ticket {survivor.id}"):
        corrections.restore(session, actor=rita, ticket_id=duplicate.id, expected_version=duplicate.version)
    with pytest.raises(Conflict, match="itself"):
        corrections.merge(session, actor=rita, ticket_id=survivor.id, into=survivor.id, expected_version=2)


def test_a_missed_claim_is_added_from_the_articles_own_characters_and_drafted(session, settings, desk, engine):
    result, rita, _ = desk
    text = result.article.text
    start, end = 0, text.index("\n")  # the headline: the engine leaves headlines alone
    assert not [t for t in result.tickets if t.start < end]
    added = claims.add_claim(
        session, actor=rita, engine=engine, article_id=result.article.id, start=start, end=end + 2
    )  # a sloppy selection: the blank line after it
    session.commit()
    assert text[added.start : added.end] == added.quote == text[start:end]
    assert (added.engine, added.score, added.claim, added.drafting_status) == ("human", 1.0, added.quote, "done")
    assert session.exec(select(DraftItem).where(DraftItem.ticket_id == added.id)).first() is not None
    with pytest.raises(Conflict, match=f"already ticket {added.id}") as again:
        claims.add_claim(session, actor=rita, engine=engine, article_id=result.article.id, start=start, end=end)
    assert again.value.details == {"ticket_id": added.id}


@pytest.mark.parametrize(
    ("where", "problem"),
    [
        (lambda text: {"start": 5, "end": 5}, "within the article"),
        (lambda text: {"start": 0, "end": 10**6}, "within the article"),
        (lambda text: {"start": text.index("\n\n"), "end": text.index("\n\n") + 2}, "empty"),
        (lambda text: {"quote": "the council secretly doubled the budget"}, "not in the article"),
        (lambda text: {"quote": "water"}, "more than once"),
    ],
    ids=["no characters", "past the end", "only blanks", "words not there", "words there twice"],
)
def test_a_passage_that_is_not_the_articles_is_refused(session, desk, engine, where, problem):
    result, rita, _ = desk
    with pytest.raises(InvalidInput, match=problem):
        claims.add_claim(session, actor=rita, engine=engine, article_id=result.article.id, **where(result.article.text))


def test_typed_words_that_appear_once_are_found(session, desk, engine):
    result, rita, _ = desk
    added = claims.add_claim(
        session,
        actor=rita,
        engine=engine,
        article_id=result.article.id,
        quote="the  largest increase since 2009",
        claim="It was Riverton's largest residential water rate increase since 2009.",
    )
    assert added.quote == "the largest increase since 2009"
    assert added.claim == "It was Riverton's largest residential water rate increase since 2009."


def test_the_console_cannot_correct_claims_without_a_name(session, desk):
    from factcheck.auth.permissions import CONSOLE
    from factcheck.core.errors import Forbidden

    result, _, _ = desk
    with pytest.raises(Forbidden, match="--as NAME"):
        corrections.dismiss(
            session, actor=CONSOLE, ticket_id=result.tickets[0].id, reason="opinion", note=None, expected_version=1
        )


def test_every_correction_is_labelled_data_the_tuner_reads(session, settings, desk, engine, tmp_path):
    result, rita, ed = desk
    dismissed, edited, duplicate = result.tickets[:3]
    corrections.dismiss(
        session, actor=rita, ticket_id=dismissed.id, reason="not a claim", note="A headline.", expected_version=1
    )
    corrections.edit_claim(
        session,
        actor=rita,
        ticket_id=edited.id,
        expected_version=1,
        changes=corrections.ClaimChanges(claim="Mayor Elena Vasquez said the increase raises $18.4 million a year."),
    )
    corrections.merge(session, actor=rita, ticket_id=duplicate.id, into=edited.id, expected_version=1)
    text = result.article.text
    added = claims.add_claim(
        session, actor=rita, engine=engine, article_id=result.article.id, quote="the largest increase since 2009"
    )
    session.commit()
    rows = {row.ticket_id: row for row in labels.labels(session, actor=ed)}
    assert set(rows) == {dismissed.id, edited.id, added.id}  # a duplicate says nothing of its sentence
    assert (rows[dismissed.id].label, rows[dismissed.id].reason) == ("No", "dismissed as not a claim: A headline.")
    assert rows[edited.id].label == rows[added.id].label == "Yes"
    assert rows[added.id].text in text
    path = tmp_path / "labels.tsv"
    path.write_text(labels.to_tsv(list(rows.values())), encoding="utf-8")
    read = read_tsv(path)
    assert [(r.text, r.label) for r in read] == [(row.text, row.label == "Yes") for row in rows.values()]


def test_labels_are_for_editors(session, desk):
    from factcheck.core.errors import Forbidden

    _, rita, _ = desk
    with pytest.raises(Forbidden):
        labels.labels(session, actor=rita)


def test_twenty_concurrent_reviews_of_one_draft_one_wins_and_the_log_agrees(session, settings, db, desk):
    import threading
    from collections import Counter

    from sqlmodel import Session

    result, _, _ = desk
    reviewers = [make_user(session, f"rev{i}", "reviewer") for i in range(20)]
    item = drafts.for_ticket(session, result.tickets[0].id)[0]
    barrier, outcomes, lock = threading.Barrier(20), [], threading.Lock()

    def review(i):
        with Session(db, expire_on_commit=False) as s:
            barrier.wait()
            try:
                if i % 3 == 0:
                    drafts.approve(s, actor=reviewers[i], item_id=item.id, expected_version=1)
                elif i % 3 == 1:
                    drafts.reject(s, actor=reviewers[i], item_id=item.id, expected_version=1)
                else:
                    drafts.edit(s, actor=reviewers[i], item_id=item.id, expected_version=1, text=f"Edit {i}?")
                s.commit()
                outcome = "won"
            except Conflict:
                s.rollback()
                outcome = "stale"
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=review, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert Counter(outcomes) == {"won": 1, "stale": 19}
    session.expire_all()
    final = session.get(DraftItem, item.id)
    events = session.exec(select(Event).where(Event.action.like("draft.%"), Event.actor_name.like("rev%"))).all()
    assert len(events) == 1 and events[0].to_value == final.status and events[0].from_value == "proposed"
    assert final.version == 2


def test_a_corrected_claim_marks_its_drafts_stale_and_keeps_them_out_of_reports(session, desk, settings, client):
    result, rita, ed = desk
    ticket = result.tickets[0]
    items = drafts.for_ticket(session, ticket.id)
    approved = drafts.approve(session, actor=rita, item_id=items[0].id, expected_version=items[0].version)
    drafts.reject(session, actor=rita, item_id=items[1].id, expected_version=items[1].version)
    session.commit()

    def report() -> str:
        out = exports.prepare(session, actor=ed, fmt="md", selection=Selection(include_open=True), settings=settings)
        return out.content.decode() if out.content is not None else "".join(out.stream(session))

    assert approved.text in report()
    corrections.edit_claim(
        session,
        actor=rita,
        ticket_id=ticket.id,
        expected_version=ticket.version,
        changes=corrections.ClaimChanges(speaker="the Riverton Public Works Department"),
    )
    session.commit()
    after = {d.id: d for d in drafts.for_ticket(session, ticket.id)}
    assert after[approved.id].stale and not after[items[1].id].stale  # a rejected one stays as it was
    assert all(d.stale for d in after.values() if d.status != "rejected")
    assert approved.text not in report()  # written for the claim as it was

    from tests.helpers import login

    login(client, "rita")
    page = client.get(f"/tickets/{ticket.id}").text
    assert "Written for the claim before it was corrected" in page and "Draft again" in page
    assert "Approve again" in page

    again = drafts.approve(session, actor=rita, item_id=approved.id, expected_version=after[approved.id].version)
    session.commit()
    assert not again.stale and approved.text in report()  # a person looked at it again


def test_a_change_of_kind_alone_leaves_the_drafts_as_they_are(session, desk):
    result, rita, _ = desk
    ticket = result.tickets[0]
    corrections.edit_claim(
        session,
        actor=rita,
        ticket_id=ticket.id,
        expected_version=ticket.version,
        changes=corrections.ClaimChanges(kind="statement" if ticket.kind != "statement" else "event"),
    )
    session.commit()
    assert not any(d.stale for d in drafts.for_ticket(session, ticket.id))
