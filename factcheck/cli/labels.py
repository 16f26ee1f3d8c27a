"""The desk's corrections as labelled data, for refitting the claim finder."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import actor, unit_of_work
from factcheck.tickets import labels
from factcheck.trackrecord import service as record

app = typer.Typer(help="The desk's corrections as labelled data.", no_args_is_help=True)


@app.command("export")
def export(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of tab-separated values.")] = False,
) -> None:
    """Dismissed (No), added and rewritten (Yes) claims with their sentence and reason; the TSV is what
    `bench/tune_checkworthy.py --labels FILE` and `factcheck eval checkworthy` read."""
    with unit_of_work() as session:
        rows = labels.labels(session, actor=actor(ctx, session))
    text = json.dumps(labels.to_json(rows), ensure_ascii=False, indent=2) + "\n" if as_json else labels.to_tsv(rows)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"Wrote {len(rows)} labelled sentences to {output}", err=True)
    else:
        sys.stdout.write(text)


@app.command("drafts")
def drafts(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None,
) -> None:
    """Every machine draft a reviewer approved, edited or rejected, one JSON object a line: the
    claim, what was drafted, what was kept, the outcome, and the engine, model and prompt hash."""
    with unit_of_work() as session:
        rows = record.draft_outcomes(session)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"Wrote {len(rows)} reviewed drafts to {output}", err=True)
    else:
        sys.stdout.write(text)
