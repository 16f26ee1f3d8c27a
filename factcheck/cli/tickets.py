"""Commands for tickets: list, show, verdicts, proposals, assignment, notes."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from factcheck.cli.common import actor, print_json, unit_of_work
from factcheck.models import TicketState
from factcheck.tickets import pages, service as tickets, states
from factcheck.tickets.queue import QueueFilter, queue
from factcheck.tickets.schemas import TicketPublic
from factcheck.users import service as users

app = typer.Typer(help="Work tickets: verdicts, proposals, assignment, notes.", no_args_is_help=True)

Version = Annotated[int, typer.Option("--version", help="The ticket version you saw (`tickets show`).")]
Rationale = Annotated[str, typer.Option(help="What the evidence shows (at least 10 characters).")]


@app.command("list")
def list_tickets(
    state: Annotated[Optional[TicketState], typer.Option(help="Only tickets in this state.")] = None,
    article: Annotated[Optional[int], typer.Option(help="Only this article's tickets.")] = None,
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
def show(ticket_id: Annotated[int, typer.Argument()],
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
    for d in page.questions + page.sources:
        typer.echo(f"  draft {d.id} [{d.kind.value}, {d.status.value}] {d.text}")
    for n in page.notes:
        typer.echo(f"  note by {n.author}: {n.text}")


@app.command()
def state(ctx: typer.Context, ticket_id: Annotated[int, typer.Argument()],
          to: Annotated[TicketState, typer.Option(help="The new state.")], rationale: Rationale,
          version: Version) -> None:
    """Set a verdict, or reopen (editors)."""
    with unit_of_work() as session:
        ticket = states.transition(session, actor=actor(ctx, session), ticket_id=ticket_id, to=to,
                                   rationale=rationale, expected_version=version)
        typer.echo(f"Ticket {ticket.id} is {ticket.state} (version {ticket.version}).")


@app.command()
def propose(ctx: typer.Context, ticket_id: Annotated[int, typer.Argument()],
            to: Annotated[TicketState, typer.Option(help="The verdict you propose.")], rationale: Rationale,
            version: Version) -> None:
    """Propose a verdict for an editor to decide."""
    with unit_of_work() as session:
        states.propose(session, actor=actor(ctx, session), ticket_id=ticket_id, to=to, rationale=rationale,
                       expected_version=version)
        typer.echo(f"Proposed {to.value} for ticket {ticket_id}; an editor will decide.")


@app.command()
def assign(ctx: typer.Context, ticket_id: Annotated[int, typer.Argument()],
           to: Annotated[str, typer.Option("--to", help="A user name, or 'nobody'.")], version: Version) -> None:
    """Give a ticket to a desk user, or to nobody."""
    with unit_of_work() as session:
        assignee = None if to == "nobody" else users.by_name(session, to).id
        tickets.assign(session, actor=actor(ctx, session), ticket_id=ticket_id, assignee_id=assignee,
                       expected_version=version)
        typer.echo(f"Ticket {ticket_id} assigned to {to}.")


@app.command()
def note(ctx: typer.Context, ticket_id: Annotated[int, typer.Argument()],
         text: Annotated[str, typer.Argument(help="What you found.")],
         url: Annotated[Optional[str], typer.Option(help="A link to the evidence.")] = None) -> None:
    """Add an evidence note."""
    with unit_of_work() as session:
        added = tickets.add_note(session, actor=actor(ctx, session), ticket_id=ticket_id, text=text, url=url)
        typer.echo(f"Note {added.id} added to ticket {ticket_id}.")
