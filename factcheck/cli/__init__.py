"""The `factcheck` command: one module per group of commands, each a thin call into the services."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli import (
    articles,
    drafts,
    evaluation,
    exports,
    factchecks,
    labels,
    llm,
    matches,
    public,
    server,
    tickets,
    users,
)
from factcheck.flows import listeners

app = typer.Typer(
    help="factcheck: a fact-check desk for newsrooms.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def root(
    ctx: typer.Context,
    as_user: Annotated[
        str | None,
        typer.Option(
            "--as",
            envvar="FACTCHECK_CLI_USER",
            metavar="NAME",
            help="Act as this desk user: their role is checked and the audit log names them. "
            "Without it you act as the console (the server's operator).",
        ),
    ] = None,
) -> None:
    listeners.install()
    ctx.obj = {"as": as_user}


app.command()(articles.ingest)
app.command()(articles.extract)
app.command()(drafts.redraft)
app.command()(exports.export)
app.command()(server.serve)
app.command()(server.worker)
app.command()(server.demo)
app.add_typer(tickets.app, name="tickets")
app.add_typer(drafts.app, name="drafts")
app.add_typer(users.app, name="users")
app.add_typer(labels.app, name="labels")
app.add_typer(factchecks.app, name="import")
app.add_typer(matches.app, name="matches")
app.add_typer(server.db_app, name="db")
app.add_typer(evaluation.app, name="eval")
app.add_typer(llm.llm_app, name="llm")
app.add_typer(public.app, name="public")

SAMPLE = server.SAMPLE


def main() -> None:
    app()
