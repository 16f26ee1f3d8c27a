"""The language-model endpoint: is it there and how does it answer (`llm check`), and what did the
desk's calls to it cost and how did they end (`llm calls`)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from sqlmodel import Session, col, select

from factcheck.cli.common import database, fail
from factcheck.core.config import get_settings
from factcheck.core.errors import FactcheckError
from factcheck.engines.llm import usage
from factcheck.models import Article, LlmCall, as_utc

llm_app = typer.Typer(help="The language-model endpoint.", no_args_is_help=True)


@llm_app.command("check")
def llm_check() -> None:
    """Make one tiny call and say which endpoint and model answered."""
    from factcheck.engines.llm.client import MODE_NAMES
    from factcheck.engines.llm.engine import OpenAIEngine
    from factcheck.engines.llm.store import DatabaseStore

    settings = get_settings()
    if settings.engine_name != "openai":
        fail("no LLM endpoint is configured; set FACTCHECK_LLM_BASE_URL (and FACTCHECK_LLM_MODEL).")
    db = database()
    engine = OpenAIEngine(settings, DatabaseStore(db))
    try:
        endpoint, model, mode = engine.check()
    except FactcheckError as exc:
        fail(exc.message)
    typer.echo(f"OK: {endpoint} answered with model {model}")
    typer.echo(f"structured answers: {MODE_NAMES[mode]}")
    speed, parallel = engine.measure()
    if speed is None:
        typer.echo("speed: not measured (the endpoint did not answer a short plain request)")
        return
    typer.echo(f"speed: about {speed:g} tokens a second for one request")
    if parallel == 1:
        typer.echo(
            "requests at once: one (a second request waited for, or cut off, the first): the desk sends one at a time"
        )
    else:
        typer.echo(f"requests at once: two answered side by side; the desk sends up to {settings.llm_concurrency}")


@llm_app.command("calls")
def llm_calls(
    article: Annotated[int | None, typer.Option(help="Only the calls for this article (its id).")] = None,
    ticket: Annotated[int | None, typer.Option(help="Only the calls for this ticket.")] = None,
    model: Annotated[str | None, typer.Option(help="Only the calls to this model.")] = None,
    outcome: Annotated[
        str | None, typer.Option(help="Only calls that ended so: ok, repaired, cached, error, stalled, length, ...")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many of the latest calls to list.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="The calls and totals as JSON.")] = False,
) -> None:
    """The model call log, latest first: task, model, outcome, tokens, time and why a call failed;
    then the totals of the calls selected (all of them, not only those listed)."""
    with Session(database()) as session:
        stmt = select(LlmCall)
        if article is not None:
            found = session.get(Article, article)
            if found is None:
                fail(f"no article with id {article}.")
            stmt = stmt.where(LlmCall.article_hash == found.content_hash)
        if ticket is not None:
            stmt = stmt.where(LlmCall.ticket_id == ticket)
        if model:
            stmt = stmt.where(LlmCall.model == model)
        if outcome:
            stmt = stmt.where(LlmCall.outcome == outcome)
        rows = list(session.exec(stmt.order_by(col(LlmCall.id).desc())))
    since = min((as_utc(r.created_at) for r in rows), default=None)
    totals = usage.of(rows, since=since) if since else None
    shown = rows[: max(0, limit)]
    if as_json:
        calls = [r.model_dump(mode="json") for r in shown]
        typer.echo(json.dumps({"calls": calls, "totals": totals}, default=str, indent=1))
        return
    if not rows:
        typer.echo("no model calls match.")
        return
    for r in shown:
        why = json.loads(r.detail).get("error") if r.detail else ""
        where = f"article {r.article_hash[:8]}" if r.article_hash else ""
        where += f" ticket {r.ticket_id}" if r.ticket_id else ""
        typer.echo(
            f"#{r.id} {as_utc(r.created_at):%Y-%m-%d %H:%M:%S} {r.task:<8} {r.model} {r.outcome:<11} "
            f"{r.tokens_in} in / {r.tokens_out} out, {r.latency_ms / 1000:.1f} s {where.strip()}"
            + (f": {why}" if why else "")
        )
    assert totals is not None
    failed = ", ".join(f"{n} {how}" for how, n in sorted(totals["failed_by"].items()))
    typer.echo(
        f"{len(rows)} calls ({totals['cached']} from cache), {totals['failed']} failed"
        + (f" ({failed})" if failed else "")
        + "; "
        f"{totals['tokens_in']} tokens in, {totals['tokens_out']} out; {totals['model_seconds']:.1f} s with the model"
        + ("" if totals["usage_reported"] else " (the endpoint did not report all token counts)")
    )
