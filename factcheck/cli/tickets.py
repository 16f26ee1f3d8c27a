"""Commands for tickets: list, show, verdicts, proposals, assignment, notes."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli.articles import drain
from factcheck.cli.common import actor, database, print_json, unit_of_work
from factcheck.core.config import get_settings
from factcheck.engines import get_engine
from factcheck.flows import claims
from factcheck.models import ClaimKind, DismissReason, TicketState
from factcheck.tickets import corrections, pages, publishing, ratings, states
from factcheck.tickets import service as tickets
from factcheck.tickets.queue import QueueFilter, queue
from factcheck.tickets.schemas import TicketPublic
from factcheck.users import service as users

app = typer.Typer(help="Work tickets: verdicts, proposals, assignment, notes.", no_args_is_help=True)

Version = Annotated[int, typer.Option("--version", help="The ticket version you saw (`tickets show`).")]
Rationale = Annotated[str, typer.Option(help="What the evidence shows (at least 10 characters).")]


@app.command("list")
def list_tickets(
    state: Annotated[TicketState | None, typer.Option(help="Only tickets in this state.")] = None,
    article: Annotated[int | None, typer.Option(help="Only this article's tickets.")] = None,
    limit: Annotated[int, typer.Option(help="How many, most check-worthy first.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The triage queue, most check-worthy first."""
    with unit_of_work() as session:
        page = queue(session, QueueFilter(state=state, article_id=article, per_page=limit))
        rows = [TicketPublic.model_validate(t) for t, _, _ in page.rows]
    if as_json:
        print_json([r.model_dump(mode="json") for r in rows])
        return
    for t in rows:
        typer.echo(f"#{t.id}\tv{t.version}\t{t.state.value}\t{t.score:.2f}\t{t.claim}")


@app.command()
def show(
    ticket_id: Annotated[int, typer.Argument()],
    as_json: Annotated[bool, typer.Option("--json", help="Everything the ticket page shows, as JSON.")] = False,
) -> None:
    """One ticket: the claim, its state and version, drafts and notes."""
    with unit_of_work() as session:
        page = pages.ticket_page(session, ticket_id)
    if as_json:
        print_json(page)
        return
    t = page.ticket
    typer.echo(f"#{t.id} {t.state.value} (version {t.version}): {t.claim}")
    typer.echo(f"  quote: “{t.quote}”" + (f"  attribution: {t.attribution}" if t.attribution else ""))
    if t.dismissal:
        typer.echo(f"  dismissed: {t.dismissal.reason.value}" + (f" ({t.dismissal.note})" if t.dismissal.note else ""))
    for d in page.questions + page.sources:
        typer.echo(f"  draft {d.id} v{d.version} [{d.kind.value}, {d.status.value}] {d.text}")
    for n in page.notes:
        typer.echo(f"  note by {n.author}: {n.text}")


@app.command()
def state(
    ctx: typer.Context,
    ticket_id: Annotated[int, typer.Argument()],
    to: Annotated[TicketState, typer.Option(help="The new state.")],
    rationale: Rationale,
    version: Version,
    rating: Annotated[str | None, typer.Option(help="A rating from `factcheck tickets ratings`.")] = None,
    correction: Annotated[
        str | None, typer.Option(help="Required to change a published verdict: what was wrong.")
    ] = None,
) -> None:
    """Set a verdict (with a rating), or reopen (editors)."""
    with unit_of_work() as session:
        ticket = states.transition(
            session,
            actor=actor(ctx, session),
            ticket_id=ticket_id,
            to=to,
            rationale=rationale,
            expected_version=version,
            rating=rating,
            correction=correction,
        )
        rated = f", rated {ticket.rating}" if ticket.rating else ""
        typer.echo(f"Ticket {ticket.id} is {ticket.state}{rated} (version {ticket.version}).")


@app.command()
def publish(ctx: typer.Context, ticket_id: Annotated[int, typer.Argument()], version: Version) -> None:
    """Publish a ticket's verdict (editors): it is locked until corrected."""
    with unit_of_work() as session:
        ticket = publishing.publish(session, actor=actor(ctx, session), ticket_id=ticket_id, expected_version=version)
        typer.echo(f"Ticket {ticket.id} published ({ticket.state}, version {ticket.version}).")


@app.command("ratings")
def rating_scale() -> None:
    """The rating scale: each rating, its verdict and its ClaimReview value."""
    with unit_of_work() as session:
        for r in ratings.scale(session):
            typer.echo(f"{r.name}\t{r.state}\t{r.value}")


@app.command()
def propose(
    ctx: typer.Context,
    ticket_id: Annotated[int, typer.Argument()],
    to: Annotated[TicketState, typer.Option(help="The verdict you propose.")],
    rationale: Rationale,
    version: Version,
) -> None:
    """Propose a verdict for an editor to decide."""
    with unit_of_work() as session:
        states.propose(
            session,
            actor=actor(ctx, session),
            ticket_id=ticket_id,
            to=to,
            rationale=rationale,
            expected_version=version,
        )
        typer.echo(f"Proposed {to.value} for ticket {ticket_id}; an editor will decide.")


@app.command()
def assign(
    ctx: typer.Context,
    ticket_id: Annotated[int, typer.Argument()],
    to: Annotated[str, typer.Option("--to", help="A user name, or 'nobody'.")],
    version: Version,
) -> None:
    """Give a ticket to a desk user, or to nobody."""
    with unit_of_work() as session:
        assignee = None if to == "nobody" else users.by_name(session, to).id
        tickets.assign(
            session, actor=actor(ctx, session), ticket_id=ticket_id, assignee_id=assignee, expected_version=version
        )
        typer.echo(f"Ticket {ticket_id} assigned to {to}.")


@app.command("edit")
def edit_claim(
    ctx: typer.Context,
    ticket_id: Annotated[int, typer.Argument()],
    version: Version,
    claim: Annotated[str | None, typer.Option(help="The claim, standing on its own.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Who says it ('' to clear).")] = None,
    reported_by: Annotated[str | None, typer.Option(help="Who relays it ('' to clear).")] = None,
    kind: Annotated[ClaimKind | None, typer.Option(help="quote, quantity, event or statement.")] = None,
) -> None:
    """Correct a claim, its attribution or its kind (the machine's version stays in the history)."""
    changes = corrections.ClaimChanges(
        claim=claim,
        speaker=speaker or None,
        reported_by=reported_by or None,
        kind=kind.value if kind else None,
        clear=frozenset(f for f, v in (("speaker", speaker), ("reported_by", reported_by)) if v == ""),
    )
    with unit_of_work() as session:
        ticket = corrections.edit_claim(
            session, actor=actor(ctx, session), ticket_id=ticket_id, changes=changes, expected_version=version
        )
        typer.echo(f"Ticket {ticket.id} now says: {ticket.claim} (version {ticket.version}).")


@app.command()
def dismiss(
    ctx: typer.Context,
    ticket_id: Annotated[int, typer.Argument()],
    version: Version,
    reason: Annotated[DismissReason, typer.Option(help="Why it is not worth checking.")],
    note: Annotated[str | None, typer.Option(help="A word more, for the record.")] = None,
) -> None:
    """Take a ticket out of the queue and the reports (not a verdict; it can be restored)."""
    with unit_of_work() as session:
        corrections.dismiss(
            session,
            actor=actor(ctx, session),
            ticket_id=ticket_id,
            reason=reason.value,
            note=note,
            expected_version=version,
        )
        typer.echo(f"Ticket {ticket_id} dismissed ({reason.value}).")


@app.command()
def restore(ctx: typer.Context, ticket_id: Annotated[int, typer.Argument()], version: Version) -> None:
    """Put a dismissed ticket back in the queue."""
    with unit_of_work() as session:
        corrections.restore(session, actor=actor(ctx, session), ticket_id=ticket_id, expected_version=version)
        typer.echo(f"Ticket {ticket_id} is back in the queue.")


@app.command()
def merge(
    ctx: typer.Context,
    ticket_id: Annotated[int, typer.Argument()],
    version: Version,
    into: Annotated[int, typer.Option(help="The ticket this one repeats.")],
) -> None:
    """Merge a duplicate into the ticket it repeats (notes and approved drafts move there)."""
    with unit_of_work() as session:
        corrections.merge(session, actor=actor(ctx, session), ticket_id=ticket_id, into=into, expected_version=version)
        typer.echo(f"Ticket {ticket_id} merged into ticket {into}.")


@app.command()
def add(
    ctx: typer.Context,
    article_id: Annotated[int, typer.Argument(help="The article the claim is in.")],
    quote: Annotated[str | None, typer.Option(help="The claim's words, exactly as in the article.")] = None,
    start: Annotated[int | None, typer.Option(help="Or: where they start in the article's text.")] = None,
    end: Annotated[int | None, typer.Option(help="… and where they end.")] = None,
    claim: Annotated[str | None, typer.Option(help="The claim standing on its own (default: the words).")] = None,
    kind: Annotated[ClaimKind | None, typer.Option(help="quote, quantity, event or statement.")] = None,
) -> None:
    """Add a claim the engine missed; it is drafted like the others."""
    settings = get_settings()
    db = database()
    engine = get_engine(settings, db)
    with unit_of_work(db) as session:
        ticket = claims.add_claim(
            session,
            actor=actor(ctx, session),
            engine=engine,
            settings=settings,
            article_id=article_id,
            quote=quote,
            start=start,
            end=end,
            claim=claim,
            kind=kind.value if kind else None,
        )
        typer.echo(f"Ticket {ticket.id} added: {ticket.claim}")
    drain(db, engine, settings, article_id)


@app.command()
def note(
    ctx: typer.Context,
    ticket_id: Annotated[int, typer.Argument()],
    text: Annotated[str, typer.Argument(help="What you found.")],
    url: Annotated[str | None, typer.Option(help="A link to the evidence.")] = None,
) -> None:
    """Add an evidence note."""
    with unit_of_work() as session:
        added = tickets.add_note(session, actor=actor(ctx, session), ticket_id=ticket_id, text=text, url=url)
        typer.echo(f"Note {added.id} added to ticket {ticket_id}.")
