"""Previously checked: a claim that recurs, in another article or in a published fact-check, is found
on arrival, shown on both tickets, and decided by a person."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from factcheck.articles import service as articles
from factcheck.auth.permissions import CONSOLE
from factcheck.core.errors import Conflict, Forbidden, InvalidInput
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.flows import ingest as flows_ingest
from factcheck.flows import verdicts
from factcheck.matching import claimreview, factchecks
from factcheck.matching import service as matching
from factcheck.models import ClaimMatch, Event, FactCheck, Ticket
from factcheck.tickets import corrections, states
from factcheck.tickets import queue as queues
from tests.factories import ingest, make_user

FIRST = """Riverton council raises water rates

The Riverton City Council voted 7-2 on March 3, 2025 to raise residential water rates by 12 percent, the largest increase since 2009.

Mayor Elena Vasquez said the increase would raise about $18.4 million a year for pipe replacement.
"""

# A week later, another outlet, the same vote in other words, and a claim of its own.
SECOND = """Water bills to climb in Riverton

Residential water rates in Riverton will rise 12 percent, the steepest rise since 2009, after the City Council's 7-2 vote on March 3, 2025.

The county library will stay open until 9 p.m. on weekdays from April 1, 2025, its director Sam Odhiambo said.
"""

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example.net/reviews/riverton-library-hours",
    "claimReviewed": "The county library will stay open until 9 p.m. on weekdays from April 2025.",
    "datePublished": "2025-03-20",
    "author": {"@type": "Organization", "name": "Valley Fact Check"},
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly false",
    },
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Sam Odhiambo"}},
}


def ticket_quoting(session: Session, fragment: str) -> Ticket:
    return session.exec(select(Ticket).where(Ticket.quote.contains(fragment))).one()


def test_the_same_claim_in_two_articles_is_matched_and_shown_on_both_tickets(session, settings):
    ingest(session, settings, text=FIRST)
    ingest(session, settings, text=SECOND)
    vote_first, vote_second = ticket_quoting(session, "voted 7-2"), ticket_quoting(session, "7-2 vote")

    [later_view] = matching.for_ticket(session, vote_second.id)
    assert later_view.target_id == vote_first.id and later_view.earlier and later_view.kind == "ticket"
    assert later_view.status in ("suggested", "linked") and 0 < later_view.score <= 1
    [earlier_view] = matching.for_ticket(session, vote_first.id)
    assert earlier_view.target_id == vote_second.id and not earlier_view.earlier  # the other direction of time
    # The mayor's revenue claim and the library claim are about other things: no match for them.
    assert matching.for_ticket(session, ticket_quoting(session, "Vasquez").id) == []
    assert matching.for_ticket(session, ticket_quoting(session, "library").id) == []


def test_thresholds_decide_between_a_suggestion_and_a_link(session, settings):
    eager = settings.model_copy(update={"match_link": 0.0001})  # everything over the suggestion bar is linked
    ingest(session, eager, text=FIRST)
    ingest(session, eager, text=SECOND)
    [m] = session.exec(select(ClaimMatch)).all()
    assert m.status == "linked"
    assert session.exec(select(Event).where(Event.action == "match.linked")).one().actor_name == "matching"


def test_nothing_is_matched_below_the_suggestion_threshold_or_the_minimum_length(session, settings):
    strict = settings.model_copy(update={"match_suggest": 0.9999})
    ingest(session, strict, text=FIRST)
    ingest(session, strict, text=SECOND)
    assert session.exec(select(ClaimMatch)).all() == []
    short = settings.model_copy(update={"match_suggest": 0.01, "match_min_words": 40})  # longer than any claim
    ingest(session, short, text=SECOND.replace("Residential", "Household"))
    assert session.exec(select(ClaimMatch)).all() == []


def test_a_dismissed_ticket_is_not_a_match(session, settings):
    ingest(session, settings, text=FIRST)
    first = ticket_quoting(session, "voted 7-2")
    rita = make_user(session, "rita")
    corrections.dismiss(
        session, actor=rita, ticket_id=first.id, reason="duplicate", note=None, expected_version=first.version
    )
    session.commit()
    ingest(session, settings, text=SECOND)
    assert session.exec(select(ClaimMatch)).all() == []


def test_a_reviewer_confirms_or_rejects_and_a_stale_decision_names_who_decided(session, settings):
    ingest(session, settings, text=FIRST)
    ingest(session, settings, text=SECOND)
    rita, sam = make_user(session, "rita"), make_user(session, "sam")
    [m] = session.exec(select(ClaimMatch)).all()
    matching.decide(session, actor=rita, match_id=m.id, confirm=True, expected_version=1)
    session.commit()
    with pytest.raises(Conflict, match="changed by rita"):
        matching.decide(session, actor=sam, match_id=m.id, confirm=False, expected_version=1)
    session.rollback()
    done = matching.decide(session, actor=sam, match_id=m.id, confirm=False, expected_version=2)
    assert (done.status, done.decided_by, done.version) == ("rejected", "sam", 3)
    actions = [e.action for e in session.exec(select(Event).where(Event.action.like("match.%")).order_by(Event.id))]
    assert actions[-2:] == ["match.confirmed", "match.rejected"]
    with pytest.raises(Forbidden):  # a decision carries a person's name
        matching.decide(session, actor=CONSOLE, match_id=m.id, confirm=True, expected_version=3)


def test_an_editor_reuses_an_earlier_verdict_in_one_step_naming_its_source(session, settings):
    ingest(session, settings, text=FIRST)
    ed, rita = make_user(session, "ed", "editor"), make_user(session, "rita")
    first = ticket_quoting(session, "voted 7-2")
    states.transition(
        session,
        actor=ed,
        ticket_id=first.id,
        to="corroborated",
        rationale="Council minutes of March 3, 2025, page 2: 7-2.",
        expected_version=first.version,
    )
    session.commit()
    ingest(session, settings, text=SECOND)
    second = ticket_quoting(session, "7-2 vote")
    [m] = session.exec(select(ClaimMatch)).all()
    with pytest.raises(Forbidden):
        verdicts.reuse_verdict(session, actor=rita, ticket_id=second.id, match_id=m.id, expected_version=1)
    done = verdicts.reuse_verdict(session, actor=ed, ticket_id=second.id, match_id=m.id, expected_version=1)
    assert done.state == "corroborated"
    verdict = session.exec(select(Event).where(Event.ticket_id == second.id, Event.action == "corroborate")).one()
    assert verdict.actor_name == "ed"
    assert verdict.rationale.startswith(f"Same claim as ticket {first.id}, corroborated by ed on ")
    assert "Council minutes" in verdict.rationale
    assert session.get(ClaimMatch, m.id).status == "confirmed"


def test_a_match_with_no_verdict_cannot_be_reused(session, settings):
    ingest(session, settings, text=FIRST)
    ingest(session, settings, text=SECOND)
    ed = make_user(session, "ed", "editor")
    [m] = session.exec(select(ClaimMatch)).all()
    with pytest.raises(Conflict, match="no verdict"):
        verdicts.reuse_verdict(session, actor=ed, ticket_id=m.ticket_id, match_id=m.id, expected_version=1)
    with pytest.raises(InvalidInput):
        verdicts.reuse_verdict(
            session, actor=ed, ticket_id=ticket_quoting(session, "Vasquez").id, match_id=m.id, expected_version=1
        )


def test_an_imported_fact_check_is_found_for_a_later_article_and_for_an_earlier_one(session, settings):
    rita = make_user(session, "rita")
    result = factchecks.import_reviews(session, actor=rita, reading=claimreview.read(REVIEW), settings=settings)
    session.commit()
    assert len(result.imported) == 1 and result.matches == 0  # no ticket yet
    ingest(session, settings, text=SECOND)
    library = ticket_quoting(session, "library")
    [view] = matching.for_ticket(session, library.id)
    assert (view.kind, view.publisher, view.rating, view.url) == (
        "factcheck",
        "Valley Fact Check",
        "Mostly false",
        REVIEW["url"],
    )

    # The other direction: tickets first, the fact-check imported afterwards.
    second_review = {
        **REVIEW,
        "url": "https://factcheck.example.net/reviews/riverton-water-rates",
        "claimReviewed": "Riverton's council voted 7-2 to raise residential water rates 12 percent.",
    }
    later = factchecks.import_reviews(session, actor=rita, reading=claimreview.read(second_review), settings=settings)
    session.commit()
    assert later.matches >= 1
    vote = ticket_quoting(session, "7-2 vote")
    assert any(v.kind == "factcheck" and v.url == second_review["url"] for v in matching.for_ticket(session, vote.id))


def test_the_same_review_url_is_imported_once(session, settings):
    rita = make_user(session, "rita")
    factchecks.import_reviews(session, actor=rita, reading=claimreview.read([REVIEW, REVIEW]), settings=settings)
    session.commit()  # each import is its own unit of work, as from the API or the command line
    again = factchecks.import_reviews(session, actor=rita, reading=claimreview.read(REVIEW), settings=settings)
    assert again.imported == [] and len(again.skipped) == 1
    assert again.skipped[0].startswith(f"{REVIEW['url']}: imported by rita on ") and "from api" in again.skipped[0]
    assert len(session.exec(select(FactCheck)).all()) == 1


@pytest.mark.parametrize(
    "variant",
    [
        "http://{host}{path}",
        "https://www.{host}{path}",
        "https://{host}{path}/",
        "https://{host}{path}?utm_source=x",
        "https://{host}{path}#verdict",
        "https://{host}:443{path}",
        "HTTPS://{HOST}{path}",
    ],
)
def test_a_variant_of_an_imported_pages_address_is_the_same_page(session, settings, variant):
    from urllib.parse import urlsplit

    rita = make_user(session, "rita")
    factchecks.import_reviews(session, actor=rita, reading=claimreview.read(REVIEW), settings=settings)
    session.commit()
    parts = urlsplit(REVIEW["url"])
    other = variant.format(host=parts.hostname, HOST=parts.hostname.upper(), path=parts.path)
    again = factchecks.import_reviews(
        session, actor=rita, reading=claimreview.read({**REVIEW, "url": other}), settings=settings
    )
    assert again.imported == [] and len(again.skipped) == 1


def test_a_squatted_page_is_replaced_or_withdrawn_by_an_editor_and_audited(session, settings):
    from factcheck.core.errors import Forbidden

    rita, ed = make_user(session, "rita"), make_user(session, "ed", "editor")
    fake = {**REVIEW, "claimReviewed": "Riverton cut water rates by half.", "reviewRating": {"alternateName": "True"}}
    squat = factchecks.import_reviews(
        session, actor=rita, reading=claimreview.read(fake), settings=settings, source="file fake.json"
    ).imported[0]
    session.commit()
    with pytest.raises(Forbidden):  # a reviewer cannot replace what is there
        factchecks.import_reviews(
            session, actor=rita, reading=claimreview.read(REVIEW), settings=settings, replace=True
        )
    session.rollback()
    genuine = factchecks.import_reviews(
        session,
        actor=ed,
        reading=claimreview.read(REVIEW),
        settings=settings,
        source="url " + REVIEW["url"],
        replace=True,
    )
    session.commit()
    assert [f.id for f in genuine.replaced] == [squat.id] and genuine.imported[0].rating == "Mostly false"
    session.refresh(squat)
    assert squat.withdrawn_by == "ed" and "Replaced by a review of the same page" in squat.withdrawal_note
    withdrawn = factchecks.withdraw_fact_check(
        session, actor=ed, fact_check_id=genuine.imported[0].id, note="Withdrawn while we check who published it."
    )
    session.commit()
    assert withdrawn.url_key is None
    events = [
        e.action
        for e in session.exec(select(Event).where(Event.action.in_(["factchecks.import", "factcheck.withdraw"])))
    ]
    assert events == ["factchecks.import", "factchecks.import", "factcheck.withdraw"]


def test_previously_checked_is_a_queue_filter(session, settings):
    eager = settings.model_copy(update={"match_link": 0.0001})
    ingest(session, eager, text=FIRST)
    ingest(session, eager, text=SECOND)
    page = queues.queue(session, queues.QueueFilter(previously_checked=True))
    assert {t.quote[:40] for t, _, _ in page.rows} == {
        ticket_quoting(session, "voted 7-2").quote[:40],
        ticket_quoting(session, "7-2 vote").quote[:40],
    }
    assert page.total == 2


def test_a_ticket_from_a_rolled_back_transaction_never_enters_the_index(session, settings, db):
    ingest(session, settings, text=FIRST)
    with Session(db) as other:
        result = flows_ingest.ingest(
            other, engine=OfflineEngine(), settings=settings, actor=CONSOLE, req=articles.IngestRequest(text=SECOND)
        )
        assert result.tickets  # matched against the index while the transaction was open…
        other.rollback()  # …and gone
    # The ids the rolled-back tickets had are handed out again, to other claims.
    ingest(session, settings, text=SECOND.replace("will rise 12 percent", "are going up 12 percent"))
    views = matching.for_ticket(session, ticket_quoting(session, "going up 12 percent").id)
    assert [v.claim for v in views] == [ticket_quoting(session, "voted 7-2").claim]
