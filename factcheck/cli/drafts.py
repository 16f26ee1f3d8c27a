"""Commands for drafts: review suggestions, add your own, draft again."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli.articles import drain
from factcheck.cli.common import actor, database, fail, unit_of_work
from factcheck.core.config import get_settings
from factcheck.drafts import service as drafts
from factcheck.engines import get_engine
from factcheck.flows import drafting
from factcheck.models import DraftKind

app = typer.Typer(help="Review drafted questions and sources.", no_args_is_help=True)


Version = Annotated[int, typer.Option("--version", help="The draft's version you saw (`tickets show`).")]


@app.command()
def approve(ctx: typer.Context, draft_id: Annotated[int, typer.Argument()], version: Version) -> None:
    """Approve a suggestion as it stands."""
    with unit_of_work() as session:
        drafts.approve(session, actor=actor(ctx, session), item_id=draft_id, expected_version=version)
        typer.echo(f"Draft {draft_id} approved.")


@app.command()
def reject(ctx: typer.Context, draft_id: Annotated[int, typer.Argument()], version: Version) -> None:
    """Reject a suggestion (it stays in the history, out of reports)."""
    with unit_of_work() as session:
        drafts.reject(session, actor=actor(ctx, session), item_id=draft_id, expected_version=version)
        typer.echo(f"Draft {draft_id} rejected.")


@app.command()
def edit(
    ctx: typer.Context,
    draft_id: Annotated[int, typer.Argument()],
    version: Version,
    text: Annotated[str, typer.Option(help="The new wording.")],
    url: Annotated[str | None, typer.Option(help="A source's link.")] = None,
    query: Annotated[str | None, typer.Option(help="A source's search query.")] = None,
    answer: Annotated[str | None, typer.Option(help="A question's answer.")] = None,
) -> None:
    """Rewrite a suggestion (the machine's wording is kept)."""
    with unit_of_work() as session:
        drafts.edit(
            session,
            actor=actor(ctx, session),
            item_id=draft_id,
            expected_version=version,
            text=text,
            url=url,
            search_query=query,
            answer=answer,
        )
        typer.echo(f"Draft {draft_id} edited.")


@app.command()
def add(
    ctx: typer.Context,
    ticket_id: Annotated[int, typer.Argument()],
    kind: Annotated[DraftKind, typer.Option(help="question or source.")],
    text: Annotated[str, typer.Option(help="The question, or the source's name.")],
    url: Annotated[str | None, typer.Option(help="A source's link.")] = None,
    query: Annotated[str | None, typer.Option(help="A source's search query.")] = None,
) -> None:
    """Add your own question or source to a ticket."""
    with unit_of_work() as session:
        item = drafts.add_manual(
            session, actor=actor(ctx, session), ticket_id=ticket_id, kind=kind, text=text, url=url, search_query=query
        )
        typer.echo(f"Draft {item.id} added to ticket {ticket_id}.")


def redraft(ctx: typer.Context, ticket_id: Annotated[int, typer.Argument(help="The ticket to draft again.")]) -> None:
    """Draft a ticket's questions and sources again (after a failure, or with another engine)."""
    settings = get_settings()
    db = database()
    engine = get_engine(settings, db)
    with unit_of_work(db) as session:
        article_id = drafting.redraft(
            session, engine=engine, actor=actor(ctx, session), ticket_id=ticket_id, settings=settings
        ).article_id
    drain(db, engine, settings, article_id)
    with unit_of_work(db) as session:
        ticket = drafts.get_ticket(session, ticket_id)
        if ticket.drafting_status == "failed":
            fail(f"ticket {ticket_id}: {ticket.drafting_error}")
    typer.echo(f"Ticket {ticket_id} drafted again.")
