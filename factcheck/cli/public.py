"""The public pages from the command line: a static copy to publish on the newsroom's own site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import fail, unit_of_work
from factcheck.core.config import get_settings
from factcheck.core.errors import FactcheckError
from factcheck.public.export import export_site

app = typer.Typer(help="The public fact-check pages.", no_args_is_help=True)


@app.command("export")
def export(
    folder: Annotated[Path, typer.Argument(help="The folder to write (made, or replaced if it holds an export).")],
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="Where the folder will be served from, like https://news.example/factchecks "
            "(default: FACTCHECK_PUBLIC_URL/factchecks).",
        ),
    ] = None,
) -> None:
    """Write every published fact-check as static HTML, with its feed and sitemap."""
    settings = get_settings()
    base = base_url or (settings.public_url.rstrip("/") + "/factchecks" if settings.public_url else None)
    if base is None:
        fail("say where the pages will be served from: --base-url https://news.example/factchecks")
    try:
        with unit_of_work() as session:
            done = export_site(session, folder, base, settings)
    except FactcheckError as exc:
        fail(exc.message)
    except OSError as exc:
        fail(f"cannot write {folder}: {exc.strerror or exc}")
    pages = f"{done.pages} fact-check page" + ("" if done.pages == 1 else "s")
    copies = f"{done.archives} archived " + ("copy" if done.archives == 1 else "copies")
    typer.echo(f"Wrote {pages} and {copies} to {done.folder}")
