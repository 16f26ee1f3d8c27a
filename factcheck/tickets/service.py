"""Tickets: one check-worthy claim each. Creation, lookup, assignment and evidence notes."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, select

from factcheck.auth.permissions import Action, Actor, require, require_person
from factcheck.core.errors import Conflict, InvalidInput, NotFound
from factcheck.core.locks import refuse_if_published
from factcheck.core.urls import clean_url
from factcheck.engines.base import ExtractedClaim, Provenance
from factcheck.events import by, emit
from factcheck.events.tickets import ClaimAdded, NoteAdded, TicketAssigned, TicketCreated
from factcheck.models import Article, DraftingStatus, Note, Ticket, TicketState, User
from factcheck.tickets.schemas import NotePublic
from factcheck.tickets.versions import bump_version

MAX_SELECTION = 500
HUMAN = "human"  # the engine of a claim a person added
NOTE_MAX = 20_000


def create_from_claims(
    session: Session,
    *,
    article: Article,
    claims: list[ExtractedClaim],
    provenance: Provenance,
    actor: Actor | None,
    first_position: int = 0,
) -> list[Ticket]:
    """One ticket per claim, each anchored to the exact span of the article it came from: the one
    way a ticket is made, for an engine's claims and for a claim a person added (engine ``HUMAN``)."""
    tickets = []
    for position, claim in enumerate(claims, start=first_position):
        if article.text[claim.start : claim.end] != claim.quote:
            # An engine bug must never store a quote the article does not contain.
            raise InvalidInput(f"Claim {position} quotes text that is not at {claim.start}:{claim.end} in the article.")
        ticket = Ticket(
            article_id=article.id,
            position=position,
            claim=claim.claim,
            quote=claim.quote,
            start=claim.start,
            end=claim.end,
            speaker=claim.speaker,
            reported_by=claim.reported_by,
            attribution=claim.attribution,
            kind=claim.kind.value,
            score=max(0.0, min(1.0, claim.score)),
            needs_human=claim.needs_human,
            flag_reason=claim.flag_reason,
            state=TicketState.unverified,
            drafting_status=DraftingStatus.pending,
            engine=provenance.engine,
            model=provenance.model,
            prompt_name=provenance.prompt_name,
            prompt_hash=provenance.prompt_hash,
        )
        session.add(ticket)
        tickets.append(ticket)
    session.flush()
    if not tickets:
        return tickets
    for ticket in tickets:
        made = {
            "ticket_id": ticket.id,
            "article_id": article.id,
            "engine": provenance.engine,
            "model": provenance.model,
        }
        if provenance.engine == HUMAN:
            event = ClaimAdded(**by(actor), **made, claim=ticket.claim, start=ticket.start, end=ticket.end)
        else:
            event = TicketCreated(**by(actor, machine=provenance.engine), **made)
        emit(session, event)
    return tickets


def get(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"No ticket with id {ticket_id}.")
    return ticket


def for_article(session: Session, article_id: int) -> list[Ticket]:
    stmt = select(Ticket).where(Ticket.article_id == article_id).order_by(Ticket.position)
    return list(session.exec(stmt))


def all_or_nothing(
    session: Session, selection: list[tuple[int, int]], change: Callable[[Ticket, int], Ticket]
) -> list[Ticket]:
    """Apply ``change(ticket, version)`` to each selected (id, version); the first refusal names
    its ticket and, raised, rolls the whole request back."""
    if not selection:
        raise InvalidInput("Select at least one ticket.")
    if len(selection) > MAX_SELECTION:
        raise InvalidInput(f"Select at most {MAX_SELECTION} tickets at a time.")
    done = {}
    # In id order, as every writer takes ticket rows: two bulk changes over the same tickets then
    # wait for each other instead of each holding a row the other needs.
    for ticket_id, version in sorted(selection):
        ticket = get(session, ticket_id)
        try:
            done[ticket_id] = change(ticket, version)
        except (InvalidInput, Conflict) as exc:
            raise type(exc)(f"Ticket {ticket.id}: {exc.message} Nothing was changed.", details=exc.details) from None
    return [done[ticket_id] for ticket_id, _ in selection]


def parse_selection(values: list[str]) -> list[tuple[int, int]]:
    """Checked queue rows, each "ticket_id:version", as (id, the version the user saw)."""
    if len(values) > MAX_SELECTION:
        raise InvalidInput(f"Select at most {MAX_SELECTION} tickets at a time.")
    out = []
    for value in values:
        tid, _, version = value.partition(":")
        if not (tid.isascii() and tid.isdigit() and version.isascii() and version.isdigit()):
            raise InvalidInput(f"{value!r} is not a ticket selection (expected id:version).")
        out.append((int(tid), int(version)))
    return out


def _assignee(session: Session, assignee_id: int | None) -> User | None:
    if assignee_id is None:
        return None
    user = session.get(User, assignee_id)
    if user is None:
        raise NotFound(f"No user with id {assignee_id}.")
    if not user.active:
        raise InvalidInput(f"{user.name} is switched off; tickets cannot be assigned to them.")
    return user


def _assign(session: Session, *, actor: Actor, ticket: Ticket, assignee: User | None, expected_version: int) -> Ticket:
    refuse_if_published(session, ticket)
    before = ticket.assignee_id
    bump_version(
        session,
        ticket=ticket,
        expected_version=expected_version,
        values={"assignee_id": assignee.id if assignee else None},
    )
    emit(
        session,
        TicketAssigned(
            **by(actor),
            ticket_id=ticket.id,
            article_id=ticket.article_id,
            before_id=before,
            assignee=assignee.name if assignee else None,
        ),
    )
    return ticket


def assign(session: Session, *, actor: Actor, ticket_id: int, assignee_id: int | None, expected_version: int) -> Ticket:
    """Give a ticket to a desk user (or to nobody)."""
    require(actor, Action.assign)
    return _assign(
        session,
        actor=actor,
        ticket=get(session, ticket_id),
        assignee=_assignee(session, assignee_id),
        expected_version=expected_version,
    )


def bulk_assign(
    session: Session, *, actor: Actor, selection: list[tuple[int, int]], assignee_id: int | None
) -> list[Ticket]:
    """Assign several tickets at the versions the actor saw; all or nothing."""
    require(actor, Action.assign)
    assignee = _assignee(session, assignee_id)
    return all_or_nothing(
        session,
        selection,
        lambda ticket, version: _assign(
            session, actor=actor, ticket=ticket, assignee=assignee, expected_version=version
        ),
    )


def add_note(session: Session, *, actor: Actor, ticket_id: int, text: str, url: str | None) -> NotePublic:
    """An evidence note: what a checker found, with an optional link."""
    author = require_person(actor, Action.add_notes)
    ticket = get(session, ticket_id)
    refuse_if_published(session, ticket)
    text = (text or "").strip()
    if not text:
        raise InvalidInput("A note needs some text.")
    if len(text) > NOTE_MAX:
        raise InvalidInput(f"A note is limited to {NOTE_MAX:,} characters.")
    note = Note(ticket_id=ticket.id, author_id=author.id, text=text, url=clean_url(url))
    session.add(note)
    session.flush()
    emit(session, NoteAdded(**by(author), ticket_id=ticket.id, article_id=ticket.article_id, note_id=note.id))
    return _note_public(note, author.name)


def notes(session: Session, ticket_id: int) -> list[NotePublic]:
    """A ticket's evidence notes, oldest first, each with its author's name."""
    get(session, ticket_id)
    stmt = (
        select(Note, User.name)
        .join(User, User.id == Note.author_id)
        .where(Note.ticket_id == ticket_id)
        .order_by(Note.created_at, Note.id)
    )
    return [_note_public(note, name) for note, name in session.exec(stmt)]


def _note_public(note: Note, author: str) -> NotePublic:
    return NotePublic(
        id=note.id,
        ticket_id=note.ticket_id,
        author_id=note.author_id,
        author=author,
        text=note.text,
        url=note.url,
        created_at=note.created_at,
    )
