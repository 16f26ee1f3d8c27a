"""Published fact-checks: importing their ClaimReview, so matching finds them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import actor, fail, unit_of_work
from factcheck.core import netguard
from factcheck.core.config import get_settings
from factcheck.core.errors import FactcheckError
from factcheck.matching import claimreview, service as matching

app = typer.Typer(help="Import data into the desk.", no_args_is_help=True)

ACCEPT = ("application/json", "application/ld+json", "text/html", "application/xhtml+xml", "text/plain")


@app.command("claimreview")
def import_claimreview(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="A JSON or JSON-LD file, an HTML page saved to disk, "
                                               "- for stdin, or an http(s) URL of a fact-check page.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Store published fact-checks (ClaimReview: one object, an array, or an @graph) and match them
    with the desk's tickets. The same review URL twice is skipped."""
    settings = get_settings()
    try:
        reading = _read(source, settings)
    except FactcheckError as exc:
        fail(exc.message)
    with unit_of_work() as session:
        result = matching.import_reviews(session, actor=actor(ctx, session), reading=reading, settings=settings)
        summary = {"imported": [{"id": f.id, "claim": f.claim, "url": f.url} for f in result.imported],
                   "skipped": result.skipped, "refused": result.refused, "matches": result.matches}
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    typer.echo(f"Imported {len(result.imported)} fact-checks; skipped {len(result.skipped)} already in the desk; "
               f"{result.matches} tickets repeat an imported claim.")
    for reason in result.refused:
        typer.echo(f"refused: {reason}", err=True)


def _read(source: str, settings) -> claimreview.Reading:
    if source.startswith(("http://", "https://")):
        # The same guard as ingesting a URL: public addresses only, one deadline, a size cap.
        page = netguard.fetch(source, netguard.Limits(
            timeout=settings.fetch_timeout, max_bytes=settings.fetch_max_bytes,
            allow_private=settings.allow_private_urls, accept=ACCEPT))
        return claimreview.read_fetched(page)
    if source == "-":
        return claimreview.read_bytes(sys.stdin.buffer.read())
    path = Path(source)
    try:
        body = path.read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}")
    return claimreview.read_bytes(body, "text/html" if path.suffix.lower() in (".html", ".htm") else "application/json")
