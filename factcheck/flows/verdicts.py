"""Work across matching and tickets: a ticket takes the verdict of the earlier ticket it repeats."""

from __future__ import annotations

from sqlmodel import Session

from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.errors import InvalidInput
from factcheck.matching import service as matching
from factcheck.models import MatchKind, MatchStatus, Ticket, verdict_of
from factcheck.tickets import ratings, states
from factcheck.tickets.service import get

RATIONALE_LIMIT = 5000  # the rationale quotes the source's, cut to the schema's bound


def reuse_verdict(session: Session, *, actor: Actor, ticket_id: int, match_id: int, expected_version: int) -> Ticket:
    """An editor gives a ticket the verdict of the earlier ticket it repeats, in one step: the match
    is confirmed and the verdict recorded as the editor's, its rationale naming the source ticket."""
    person = require_person(actor, Action.change_state)
    get(session, ticket_id)  # 404 before anything else: the ticket must exist
    match = matching.get(session, match_id)
    if ticket_id not in (match.ticket_id, match.target_ticket_id) or match.kind != MatchKind.ticket:
        raise InvalidInput(f"Match {match_id} does not link ticket {ticket_id} to another ticket.")
    if match.status == MatchStatus.rejected:
        raise states.InvalidTransition("This match was rejected as not the same claim; confirm it first.")
    source_id = match.target_ticket_id if match.ticket_id == ticket_id else match.ticket_id
    source = get(session, source_id)
    verdict = verdict_of(source)
    if verdict is None:
        raise states.InvalidTransition(f"Ticket {source_id} has no verdict to reuse (it is {source.state}).")
    why = f" by {verdict.by} on {verdict.at:%Y-%m-%d}: {verdict.rationale}" if verdict.by and verdict.at else "."
    rationale = f"Same claim as ticket {source_id}, {verdict.state}{why}"[:RATIONALE_LIMIT]
    if match.status != MatchStatus.confirmed:
        matching.decide(session, actor=person, match_id=match.id, confirm=True, expected_version=match.version)
    rating = verdict.rating if verdict.rating and ratings.exists(session, verdict.rating, verdict.state) else None
    return states.transition(
        session,
        actor=person,
        ticket_id=ticket_id,
        to=verdict.state,
        rationale=rationale,
        expected_version=expected_version,
        rating=rating,
    )
