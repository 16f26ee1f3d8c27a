"""Published fact-checks: importing their ClaimReview, so matching finds them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import actor, fail, unit_of_work
from factcheck.core import netguard
from factcheck.core.config import Settings, get_settings
from factcheck.core.errors import FactcheckError
from factcheck.matching import claimreview, factchecks

app = typer.Typer(help="Import data into the desk.", no_args_is_help=True)

ACCEPT = ("application/json", "application/ld+json", "text/html", "application/xhtml+xml", "text/plain")


@app.command("claimreview")
def import_claimreview(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(
            help="A JSON or JSON-LD file, an HTML page saved to disk, "
            "- for stdin, or an http(s) URL of a fact-check page."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Editors: withdraw a page already imported and keep this review of it instead."),
    ] = False,
) -> None:
    """Store published fact-checks (ClaimReview: one object, an array, or an @graph) and match them
    with the desk's tickets. A page already imported is skipped (addresses compared normalised)."""
    settings = get_settings()
    try:
        reading = _read(source, settings)
    except FactcheckError as exc:
        fail(exc.message)
    where = (
        f"url {source}"
        if source.startswith(("http://", "https://"))
        else ("stdin" if source == "-" else f"file {Path(source).name}")
    )
    with unit_of_work() as session:
        result = factchecks.import_reviews(
            session, actor=actor(ctx, session), reading=reading, settings=settings, source=where, replace=replace
        )
        summary = {
            "imported": [{"id": f.id, "claim": f.claim, "url": f.url} for f in result.imported],
            "skipped": result.skipped,
            "refused": result.refused,
            "matches": result.matches,
        }
    if result.matching_later:
        _encode_and_match(settings)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    typer.echo(
        f"Imported {len(result.imported)} fact-checks; skipped {len(result.skipped)} already in the desk; "
        f"{result.matches} tickets repeat an imported claim."
    )
    for reason in result.refused:
        typer.echo(f"refused: {reason}", err=True)


@app.command("withdraw")
def withdraw(
    ctx: typer.Context,
    fact_check_id: Annotated[int, typer.Argument(help="The imported fact-check's id.")],
    note: Annotated[str, typer.Option(help="Why it is withdrawn (at least 10 characters).")],
) -> None:
    """Withdraw an imported fact-check (editors): kept, with who and why, but no longer matched."""
    with unit_of_work() as session:
        fc = factchecks.withdraw_fact_check(session, actor=actor(ctx, session), fact_check_id=fact_check_id, note=note)
        typer.echo(f"Withdrawn: fact-check {fc.id} ({fc.url}).")


def _read(source: str, settings) -> claimreview.Reading:
    if source.startswith(("http://", "https://")):
        # The same guard as ingesting a URL: public addresses only, one deadline, a size cap.
        page = netguard.fetch(
            source,
            netguard.Limits(
                timeout=settings.fetch_timeout,
                max_bytes=settings.fetch_max_bytes,
                allow_private=settings.allow_private_urls,
                accept=ACCEPT,
            ),
        )
        return claimreview.read_fetched(page)
    if source == "-":
        return claimreview.read_bytes(sys.stdin.buffer.read())
    path = Path(source)
    try:
        body = path.read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}")
    return claimreview.read_bytes(body, "text/html" if path.suffix.lower() in (".html", ".htm") else "application/json")


def _encode_and_match(settings: Settings) -> None:
    """A large import is encoded and matched by the embedding job: done here, in this process."""
    from factcheck.core.db import make_engine
    from factcheck.engines import get_engine
    from factcheck.flows import tasks
    from factcheck.jobs.worker import Worker
    from factcheck.matching.tasks import EMBED

    db = make_engine(settings)
    worker = Worker(db, tasks.registry(get_engine(settings, db), settings), concurrency=1)
    typer.echo("Encoding the imported claims and matching them with the desk's tickets…", err=True)
    worker.run_until_idle(group=EMBED)
