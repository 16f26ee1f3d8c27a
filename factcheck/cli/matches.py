"""Commands for matches: say whether two claims are the same claim, reuse an earlier verdict."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli.common import actor, unit_of_work
from factcheck.flows import verdicts
from factcheck.matching import service as matching

app = typer.Typer(help="Previously checked: matches between claims.", no_args_is_help=True)

Version = Annotated[int, typer.Option("--version", help="The version you saw (`tickets show --json`).")]


@app.command()
def confirm(ctx: typer.Context, match_id: Annotated[int, typer.Argument()], version: Version) -> None:
    """The two claims are the same claim."""
    with unit_of_work() as session:
        matching.decide(session, actor=actor(ctx, session), match_id=match_id, confirm=True, expected_version=version)
        typer.echo(f"Match {match_id} confirmed.")


@app.command()
def reject(ctx: typer.Context, match_id: Annotated[int, typer.Argument()], version: Version) -> None:
    """The two claims are not the same claim."""
    with unit_of_work() as session:
        matching.decide(session, actor=actor(ctx, session), match_id=match_id, confirm=False, expected_version=version)
        typer.echo(f"Match {match_id} rejected.")


@app.command("reuse-verdict")
def reuse_verdict(
    ctx: typer.Context,
    ticket_id: Annotated[int, typer.Argument()],
    match_id: Annotated[int, typer.Option("--match", help="The match naming the earlier ticket.")],
    version: Annotated[int, typer.Option("--version", help="The ticket's version you saw.")],
) -> None:
    """Give a ticket the verdict of the earlier ticket it repeats (editors)."""
    with unit_of_work() as session:
        ticket = verdicts.reuse_verdict(
            session, actor=actor(ctx, session), ticket_id=ticket_id, match_id=match_id, expected_version=version
        )
        typer.echo(f"Ticket {ticket.id} is {ticket.state} (version {ticket.version}).")
