"""The export command: verdict reports to a file or standard output."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import actor, fail, unit_of_work
from factcheck.core.config import get_settings
from factcheck.exports import selection
from factcheck.exports import service as exports


def export(
    ctx: typer.Context,
    format: Annotated[str, typer.Option("--format", "-f", help="md, html, csv, json, claimreview or pdf.")] = "md",
    article: Annotated[list[int] | None, typer.Option(help="Article id (repeatable).")] = None,
    state: Annotated[str | None, typer.Option(help="Only tickets in this state.")] = None,
    since: Annotated[str | None, typer.Option(help="Changed on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Changed on or before YYYY-MM-DD.")] = None,
    reviewer: Annotated[int | None, typer.Option(help="Only tickets this user id worked on.")] = None,
    include_open: Annotated[bool, typer.Option("--include-open", help="List unverified tickets too.")] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None,
) -> None:
    """Export a verdict report."""
    if format == "pdf" and output is None:
        fail("a PDF goes to a file: add -o report.pdf")
    with unit_of_work() as session:
        sel = selection.parse(
            [str(a) for a in article or []],
            state or "",
            since or "",
            until or "",
            str(reviewer) if reviewer else "",
            "1" if include_open else "",
        )
        report = exports.prepare(session, actor=actor(ctx, session), fmt=format, selection=sel, settings=get_settings())
        if report.content is not None:
            if output:
                output.write_bytes(report.content)
            else:
                sys.stdout.write(report.content.decode("utf-8"))
        else:
            with output.open("w", encoding="utf-8") if output else nullcontext(sys.stdout) as out:
                for chunk in report.stream(session):
                    out.write(chunk)
    if output:
        typer.echo(f"Wrote {output}", err=True)
