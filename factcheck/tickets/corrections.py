"""Claims are drafts too: a person corrects what the machine found. Edit a claim, dismiss one that
is not worth checking (and restore it), merge a duplicate into the ticket it repeats, add a claim
the engine missed. Each change names the version it saw, and the history keeps every before."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core.errors import Conflict, InvalidInput, NotFound
from factcheck.core.locks import refuse_if_published
from factcheck.engines.base import ExtractedClaim, Provenance, format_attribution
from factcheck.events import by, emit
from factcheck.events.tickets import (
    ClaimEdited,
    TicketAbsorbed,
    TicketDismissed,
    TicketMerged,
    TicketRestored,
)
from factcheck.models import (
    Article,
    ClaimKind,
    DismissReason,
    DraftItem,
    DraftStatus,
    Note,
    Ticket,
    TicketState,
    utcnow,
)
from factcheck.tickets.service import HUMAN, all_or_nothing, create_from_claims, get
from factcheck.tickets.versions import bump_version, raise_stale

CLAIM_MAX = 1500
NAME_MAX = 300
NOTE_MAX = 2000


@dataclass(frozen=True)
class ClaimChanges:
    """What a person changes in a claim; a field left as None is left as it is (``clear`` names the
    attribution fields to empty)."""

    claim: str | None = None
    speaker: str | None = None
    reported_by: str | None = None
    kind: str | None = None
    clear: frozenset[str] = frozenset()


def _check_version(session: Session, ticket: Ticket, expected_version: int) -> None:
    if ticket.version != expected_version:
        raise_stale(session, ticket, expected_version)


def _require_open(ticket: Ticket, doing: str) -> None:
    if ticket.state != TicketState.unverified:
        raise Conflict(f"This ticket has a verdict ({ticket.state}): reopen it before you {doing}.")


def edit_claim(
    session: Session, *, actor: Actor, ticket_id: int, changes: ClaimChanges, expected_version: int
) -> Ticket:
    """Rewrite a claim, its attribution or its kind; the machine's version stays in the history.
    A change to what is already there changes nothing (not even the version)."""
    person = require_person(actor, Action.correct_claims)
    ticket = get(session, ticket_id)
    _check_version(session, ticket, expected_version)
    _require_open(ticket, "edit its claim (the verdict was given on the claim as it stands)")
    before = {"claim": ticket.claim, "speaker": ticket.speaker, "reported_by": ticket.reported_by, "kind": ticket.kind}
    after = dict(before)
    if changes.claim is not None:
        after["claim"] = _text(changes.claim, "The claim", CLAIM_MAX)
    for field in ("speaker", "reported_by"):
        value = getattr(changes, field)
        if field in changes.clear:
            after[field] = None
        elif value is not None:
            after[field] = _text(value, field.replace("_", " ").capitalize(), NAME_MAX)
    if changes.kind is not None:
        if changes.kind not in ClaimKind.__members__:
            raise InvalidInput(f"Unknown kind {changes.kind!r}; choose one of {', '.join(ClaimKind)}.")
        after["kind"] = changes.kind
    changed = {k: after[k] for k in after if after[k] != before[k]}
    if not changed:
        return ticket  # already as written: nothing to record, and sending it twice is harmless
    # A person rewrote it: what the machine flagged for a person has been seen to.
    bump_version(
        session,
        ticket=ticket,
        expected_version=expected_version,
        values={
            **changed,
            "attribution": format_attribution(after["speaker"], after["reported_by"]),
            "needs_human": False,
            "flag_reason": None,
        },
    )
    emit(
        session,
        ClaimEdited(**by(person), ticket_id=ticket.id, article_id=ticket.article_id, before=before, after=changed),
    )
    return ticket


def _text(value: str, what: str, limit: int) -> str:
    value = " ".join(value.split())
    if not value:
        raise InvalidInput(f"{what} cannot be empty.")
    if len(value) > limit:
        raise InvalidInput(f"{what} is limited to {limit:,} characters.")
    return value


def dismiss(
    session: Session, *, actor: Actor, ticket_id: int, reason: str, note: str | None, expected_version: int
) -> Ticket:
    """Take a ticket out of the queue, the reports and the counts of open work, saying why. It is
    not a verdict (the ticket stays unverified) and can be restored."""
    person = require_person(actor, Action.correct_claims)
    ticket = get(session, ticket_id)
    _check_version(session, ticket, expected_version)
    if reason not in DismissReason._value2member_map_:
        raise InvalidInput(f"Say why: one of {', '.join(DismissReason)}.")
    if ticket.dismissed_reason is not None:
        raise Conflict(f"This ticket is already dismissed ({ticket.dismissed_reason}).")
    _require_open(ticket, "dismiss it")
    note = " ".join((note or "").split()) or None
    if note and len(note) > NOTE_MAX:
        raise InvalidInput(f"The note is limited to {NOTE_MAX:,} characters.")
    _dismiss(session, ticket, person.name, reason, note, expected_version)
    emit(
        session,
        TicketDismissed(**by(person), ticket_id=ticket.id, article_id=ticket.article_id, reason=reason, note=note),
    )
    return ticket


def bulk_dismiss(
    session: Session, *, actor: Actor, selection: list[tuple[int, int]], reason: str, note: str | None
) -> list[Ticket]:
    """Dismiss several tickets for one reason, at the versions the reviewer saw: all or nothing."""
    return all_or_nothing(
        session,
        selection,
        lambda ticket, version: dismiss(
            session, actor=actor, ticket_id=ticket.id, reason=reason, note=note, expected_version=version
        ),
    )


def _dismiss(
    session: Session, ticket: Ticket, name: str, reason: str, note: str | None, expected_version: int, **extra
) -> None:
    bump_version(
        session,
        ticket=ticket,
        expected_version=expected_version,
        values={
            "dismissed_reason": reason,
            "dismissal_note": note,
            "dismissed_by": name,
            "dismissed_at": utcnow(),
            **extra,
        },
    )


def restore(session: Session, *, actor: Actor, ticket_id: int, expected_version: int) -> Ticket:
    """Put a dismissed ticket back in the queue (a merged duplicate stays merged: its notes and
    drafts went to the ticket it repeats)."""
    person = require_person(actor, Action.correct_claims)
    ticket = get(session, ticket_id)
    _check_version(session, ticket, expected_version)
    if ticket.dismissed_reason is None:
        raise Conflict("This ticket is not dismissed.")
    if ticket.merged_into_id is not None:
        raise Conflict(f"This ticket was merged into ticket {ticket.merged_into_id}; work on that one.")
    reason = ticket.dismissed_reason
    bump_version(
        session,
        ticket=ticket,
        expected_version=expected_version,
        values={"dismissed_reason": None, "dismissal_note": None, "dismissed_by": None, "dismissed_at": None},
    )
    emit(session, TicketRestored(**by(person), ticket_id=ticket.id, article_id=ticket.article_id, reason=reason))
    return ticket


def merge(session: Session, *, actor: Actor, ticket_id: int, into: int, expected_version: int) -> Ticket:
    """A duplicate joins the ticket it repeats: its notes and the drafts a person approved move to
    the survivor, its history stays where it was, and it points to the survivor (dismissed as a
    duplicate). Returns the survivor."""
    person = require_person(actor, Action.correct_claims)
    absorbed = get(session, ticket_id)
    _check_version(session, absorbed, expected_version)
    if into == ticket_id:
        raise Conflict("A ticket cannot be merged into itself.")
    survivor = session.get(Ticket, into)
    refuse_if_published(session, survivor)
    if survivor is None:
        raise NotFound(f"No ticket with id {into} to merge into.")
    if survivor.dismissed_reason is not None:
        raise Conflict(f"Ticket {into} is dismissed; merge into a ticket that is still open to work.")
    if absorbed.dismissed_reason is not None:
        raise Conflict(f"This ticket is already dismissed ({absorbed.dismissed_reason}).")
    _require_open(absorbed, "merge it (its verdict would be lost)")
    kept = {DraftStatus.approved, DraftStatus.edited}
    moved_drafts = session.execute(
        sa.update(DraftItem)
        .where(DraftItem.ticket_id == absorbed.id, col(DraftItem.status).in_(kept))
        .values(ticket_id=survivor.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    moved_notes = session.execute(
        sa.update(Note)
        .where(Note.ticket_id == absorbed.id)
        .values(ticket_id=survivor.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    _dismiss(
        session,
        absorbed,
        person.name,
        DismissReason.duplicate.value,
        f"Merged into ticket {survivor.id}.",
        expected_version,
        merged_into_id=survivor.id,
    )
    # The survivor changed too: whoever has it open must reload before changing it.
    bump_version(session, ticket=survivor, expected_version=survivor.version, values={})
    detail = {"drafts": moved_drafts, "notes": moved_notes}
    emit(
        session,
        TicketMerged(
            **by(person), ticket_id=absorbed.id, article_id=absorbed.article_id, survivor_id=survivor.id, moved=detail
        ),
    )
    emit(
        session,
        TicketAbsorbed(
            **by(person), ticket_id=survivor.id, article_id=survivor.article_id, absorbed_id=absorbed.id, moved=detail
        ),
    )
    return survivor


def add_claim(
    session: Session,
    *,
    actor: Actor,
    article_id: int,
    quote: str | None = None,
    start: int | None = None,
    end: int | None = None,
    claim: str | None = None,
    kind: str | None = None,
) -> Ticket:
    """A claim the engine missed, anchored to the article's own characters: by offsets (a selection
    in the page, the API), or by its words when they appear once in the article. (``flows.claims``
    then matches and drafts it like the others.)"""
    person = require_person(actor, Action.correct_claims)
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"No article with id {article_id}.")
    start, end = _span(article.text, quote, start, end)
    same = session.exec(
        select(Ticket).where(Ticket.article_id == article.id, Ticket.start == start, Ticket.end == end)
    ).first()
    if same is not None:
        raise Conflict(
            f"That passage is already ticket {same.id}"
            + (" (dismissed: restore it instead)." if same.dismissed_reason else "."),
            details={"ticket_id": same.id},
        )
    if kind is not None and kind not in ClaimKind.__members__:
        raise InvalidInput(f"Unknown kind {kind!r}; choose one of {', '.join(ClaimKind)}.")
    quote = article.text[start:end]
    position = session.exec(select(sa.func.max(Ticket.position)).where(Ticket.article_id == article.id)).one()
    added = ExtractedClaim(
        claim=_text(claim, "The claim", CLAIM_MAX) if claim and claim.strip() else " ".join(quote.split()),
        quote=quote,
        start=start,
        end=end,
        kind=ClaimKind(kind or ClaimKind.statement),
        score=1.0,  # a person found it worth checking: it goes to the top of the queue
    )
    provenance = Provenance(engine=HUMAN, model=person.name, prompt_name="added by a reviewer", prompt_hash="")
    [ticket] = create_from_claims(
        session,
        article=article,
        claims=[added],
        provenance=provenance,
        actor=person,
        first_position=(position if position is not None else -1) + 1,
    )
    return ticket


def _span(text: str, quote: str | None, start: int | None, end: int | None) -> tuple[int, int]:
    """The (start, end) a person meant, trimmed of surrounding blanks; refused when it is empty or
    outside the article, or (given as words) when the words are not there exactly once."""
    if start is None or end is None:
        words = " ".join((quote or "").split())
        if not words:
            raise InvalidInput("Select the claim's words in the article, or type them exactly as they appear.")
        first = text.find(words)
        if first < 0:
            raise InvalidInput("Those words are not in the article as typed; select them in the text instead.")
        if text.find(words, first + 1) >= 0:
            raise InvalidInput("Those words appear more than once in the article; select the one you mean.")
        start, end = first, first + len(words)
    if not 0 <= start < end <= len(text):
        raise InvalidInput(f"The passage must lie within the article (characters 0 to {len(text):,}).")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise InvalidInput("The passage is empty: select some words.")
    if quote is not None and " ".join(quote.split()) != " ".join(text[start:end].split()):
        raise InvalidInput("The words sent do not match the article at those characters; select them again.")
    return start, end
