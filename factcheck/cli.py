"""The `factcheck` command."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.core.config import get_settings
from factcheck.core.errors import FactcheckError

app = typer.Typer(help="factcheck: a fact-check desk for newsrooms.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
users_app = typer.Typer(help="Manage users and API tokens.", no_args_is_help=True)
eval_app = typer.Typer(help="Measure claim detection and drafting against labelled data.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(users_app, name="users")
app.add_typer(eval_app, name="eval")

SAMPLE = Path(__file__).parent / "samples" / "riverton_water.txt"


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"factcheck: {message}", err=True)
    raise typer.Exit(code)


def _db():
    from factcheck.core.db import ensure_migrated, make_engine

    engine = make_engine(get_settings())
    ensure_migrated(engine)
    return engine


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Create or migrate the database to the latest schema."""
    from factcheck.core.db import upgrade

    upgrade(get_settings().database_url, revision)
    typer.echo(f"Database at {get_settings().database_url} is up to date.")


@db_app.command("current")
def db_current() -> None:
    """Show the database's migration revision."""
    from factcheck.core.db import make_engine, migration_status

    current, heads = migration_status(make_engine(get_settings()))
    typer.echo(f"current: {current or 'none'}; latest: {', '.join(sorted(heads))}")


def _read_source(source: str) -> tuple[dict, str]:
    if source.startswith(("http://", "https://")):
        return {"url": source, "fetch_url": True}, "url"
    if source == "-":
        from factcheck.articles.sources import decode

        return {"text": decode(sys.stdin.buffer.read())}, "stdin"
    path = Path(source)
    if not path.is_file():
        raise FactcheckError(f"No such file: {source}")
    from factcheck.articles.sources import decode

    raw = decode(path.read_bytes())
    if path.suffix.lower() in (".html", ".htm"):
        return {"html": raw}, "file"
    return {"text": raw}, "file"


@app.command()
def ingest(
    source: Annotated[str, typer.Argument(help="A file, a URL, or - for standard input.")],
    title: Annotated[Optional[str], typer.Option(help="The article's title.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Who published it.")] = None,
    url: Annotated[Optional[str], typer.Option(help="Where it was published.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the tickets as JSON.")] = False,
    wait: Annotated[bool, typer.Option("--wait/--no-wait",
                                       help="With a language model: find the claims and draft them now, "
                                            "or leave that to `factcheck worker`.")] = True,
) -> None:
    """Ingest an article: its check-worthy claims become tickets with drafts."""
    from sqlmodel import Session

    from factcheck.articles import service as articles
    from factcheck.engines import get_engine
    from factcheck.tickets import service as tickets

    settings = get_settings()
    try:
        pub = date.fromisoformat(published) if published else None
    except ValueError:
        fail("--published must be a date like 2025-11-24.")
    try:
        fields, _ = _read_source(source)
        if url and "url" not in fields:
            fields["url"] = url
        req = articles.IngestRequest(title=title, outlet=outlet, published=pub, **fields)
        engine = _db()
        with Session(engine, expire_on_commit=False) as session:
            drafting_engine = get_engine(settings, engine)
            result = articles.ingest(session, engine=drafting_engine, settings=settings, req=req, actor=None)
            session.commit()
        if wait and not drafting_engine.inline:
            _drain(engine, drafting_engine, settings)
            with Session(engine, expire_on_commit=False) as session:
                result = articles.IngestResult(articles.get(session, result.article.id),
                                               tickets.for_article(session, result.article.id), result.created)
    except FactcheckError as exc:
        fail(exc.message)
    if as_json:
        typer.echo(json.dumps({
            "article_id": result.article.id,
            "created": result.created,
            "extraction_status": result.article.extraction_status,
            "tickets": [{"id": t.id, "claim": t.claim, "quote": t.quote, "start": t.start, "end": t.end,
                         "attribution": t.attribution, "score": t.score, "state": t.state}
                        for t in result.tickets],
        }, ensure_ascii=False, indent=2))
        return
    verb = "Ingested" if result.created else "Already ingested"
    typer.echo(f"{verb} article {result.article.id}: {result.article.title}")
    if result.article.extraction_status == "pending":
        typer.echo("  its claims will be found by `factcheck worker` (or `factcheck serve`).")
    elif result.article.extraction_status == "failed":
        article_id = result.article.id
        fail(f"article {article_id} is stored, but {result.article.extraction_error} "
             f"(try again from its page, or POST /api/v1/articles/{article_id}/extract)")
    for t in result.tickets:
        typer.echo(f"  #{t.id} [{t.score:.2f}] {t.claim}")


def _drain(db, engine, settings) -> int:
    """Do the queued jobs (claims, then drafts) in this process, showing progress on stderr."""
    from factcheck.jobs.worker import Worker

    from sqlmodel import Session

    from factcheck.jobs import service as jobs

    worker = Worker(db, engine, lease_seconds=settings.job_lease_seconds)
    done = 0
    while worker.run_one():
        done += 1
        typer.echo(f"jobs: {done} done", err=True)
    with Session(db) as session:
        waiting = jobs.counts(session)["queued"]
    if waiting:
        typer.echo(f"jobs: {waiting} waiting to try again (see the article and its tickets); "
                   "`factcheck worker` finishes them.", err=True)
    return done


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="User name (no spaces).")],
    role: Annotated[str, typer.Option(help="reviewer, editor or admin.")] = "reviewer",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from standard input.")] = False,
) -> None:
    """Add a user; the password is asked for, or read from standard input."""
    from sqlmodel import Session

    from factcheck.users import service as users

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        with Session(_db()) as session:
            user = users.create_user(session, name=name, role=role, password=password)
            session.commit()
            typer.echo(f"Added {user.name} ({user.role}).")
    except FactcheckError as exc:
        fail(exc.message)


@users_app.command("token")
def users_token(
    name: Annotated[str, typer.Argument(help="Whose token.")],
    label: Annotated[str, typer.Option(help="What the token is for.")] = "api",
) -> None:
    """Issue an API token for a user (shown once)."""
    from sqlmodel import Session

    from factcheck.users import service as users

    try:
        with Session(_db()) as session:
            token = users.issue_token(session, user=users.by_name(session, name), label=label)
            session.commit()
    except FactcheckError as exc:
        fail(exc.message)
    typer.echo(token)


@users_app.command("revoke")
def users_revoke(name: Annotated[str, typer.Argument(help="Whose tokens to revoke.")]) -> None:
    """Revoke every API token of a user."""
    from sqlmodel import Session

    from factcheck.users import service as users

    try:
        with Session(_db()) as session:
            n = users.revoke_tokens(session, user=users.by_name(session, name))
            session.commit()
    except FactcheckError as exc:
        fail(exc.message)
    typer.echo(f"Revoked {n} token(s).")


@users_app.command("list")
def users_list() -> None:
    """List users and their roles."""
    from sqlmodel import Session

    from factcheck.users import service as users

    try:
        with Session(_db()) as session:
            for u in users.list_users(session):
                typer.echo(f"{u.name}\t{u.role}")
    except FactcheckError as exc:
        fail(exc.message)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="md, html, csv, json, claimreview or pdf.")] = "md",
    article: Annotated[Optional[list[int]], typer.Option(help="Article id (repeatable).")] = None,
    state: Annotated[Optional[str], typer.Option(help="Only tickets in this state.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Changed on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Changed on or before YYYY-MM-DD.")] = None,
    include_open: Annotated[bool, typer.Option("--include-open", help="List unverified tickets too.")] = False,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file.")] = None,
) -> None:
    """Export a verdict report."""
    from sqlmodel import Session

    from factcheck.core.templating import make_templates
    from factcheck.exports import service as exports
    from factcheck.exports.views import parse_selection, render_report, report_bytes

    settings = get_settings()
    if format not in exports.FORMATS:
        fail(f"unknown format {format!r}; choose one of {', '.join(exports.FORMATS)}.")
    if format == "pdf" and output is None:
        fail("a PDF goes to a file: add -o report.pdf")
    try:
        sel = parse_selection([str(a) for a in article or []], state or "", since or "", until or "", "",
                              "1" if include_open else "")
        exports.validate(sel)
        env = make_templates().env
        with Session(_db()) as session:
            if format in ("pdf", "claimreview"):
                data = report_bytes(session, settings, format, sel, env)
                if output:
                    output.write_bytes(data)
                else:
                    sys.stdout.write(data.decode("utf-8"))
            else:
                out = output.open("w", encoding="utf-8") if output else sys.stdout
                try:
                    for chunk in render_report(session, settings, format, sel, env):
                        out.write(chunk)
                finally:
                    if output:
                        out.close()
    except FactcheckError as exc:
        fail(exc.message)
    if output:
        typer.echo(f"Wrote {output}", err=True)


@eval_app.command("checkworthy")
def eval_checkworthy(
    file: Annotated[Path, typer.Argument(help="A TSV file: header row, a text column, Yes/No or 1/0 label last.")],
    engine_name: Annotated[str, typer.Option("--engine", help="offline (more engines as configured).")] = "offline",
) -> None:
    """Score each labelled sentence; print precision, recall, F1, average precision and P@10/20."""
    from factcheck.evaluation.checkworthy import evaluate, read_tsv

    engine = _engine_named(engine_name)
    try:
        rows = read_tsv(file)
    except FactcheckError as exc:
        fail(exc.message)
    s = evaluate([r.label for r in rows], engine.checkworthiness([r.text for r in rows]), engine.threshold)
    typer.echo(f"file: {file.name}  sentences: {s.n}  check-worthy: {s.positives}  engine: {engine.name}  "
               f"threshold: {engine.threshold}")
    typer.echo(f"precision: {s.precision:.3f}  recall: {s.recall:.3f}  F1: {s.f1:.3f}")
    at = "  ".join(f"P@{k}: {v:.3f}" for k, v in s.precision_at.items())
    typer.echo(f"average precision: {s.average_precision:.3f}  {at}")


@eval_app.command("questions")
def eval_questions(
    file: Annotated[Path, typer.Argument(help="A JSONL file of claims with reference questions (ClaimDecomp form).")],
    engine_name: Annotated[str, typer.Option("--engine", help="offline (more engines as configured).")] = "offline",
) -> None:
    """Draft questions for each claim and report how many reference questions they cover."""
    from factcheck.engines.base import ClaimContext
    from factcheck.evaluation.questions import COVER_THRESHOLD, coverage, read_jsonl
    from factcheck.models import ClaimKind

    engine = _engine_named(engine_name)
    try:
        examples = read_jsonl(file)
    except FactcheckError as exc:
        fail(exc.message)
    covered = total = drafted = 0
    for ex in examples:
        drafts = engine.draft(ClaimContext(
            claim=ex.claim, quote=ex.claim, kind=ClaimKind.statement, speaker=ex.person, reported_by=None,
            context=ex.claim))
        questions = [q.text for q in drafts.questions]
        drafted += len(questions)
        total += len(ex.references)
        covered += sum(coverage(ref, questions) >= COVER_THRESHOLD for ref in ex.references)
    typer.echo(f"file: {file.name}  claims: {len(examples)}  reference questions: {total}  "
               f"drafted: {drafted}  engine: {engine.name}")
    typer.echo(f"covered: {covered} of {total} ({covered / max(total, 1):.1%}); a reference counts as covered "
               f"when one drafted question contains ≥{COVER_THRESHOLD:.0%} of its content words")


def _engine_named(name: str):
    from factcheck.engines import get_engine

    settings = get_settings()
    if name != settings.engine_name:
        settings = settings.model_copy(update={"engine": name})
    try:
        return get_engine(settings)
    except FactcheckError as exc:
        fail(exc.message)


@app.command()
def redraft(ticket_id: Annotated[int, typer.Argument(help="The ticket to draft again.")]) -> None:
    """Draft a ticket's questions and sources again (after a failure, or with another engine)."""
    from sqlmodel import Session

    from factcheck.articles import service as articles
    from factcheck.engines import get_engine
    from factcheck.tickets import service as tickets

    settings = get_settings()
    try:
        db = _db()
        engine = get_engine(settings, db)
        with Session(db, expire_on_commit=False) as session:
            ticket = articles.redraft(session, engine=engine, ticket=tickets.get(session, ticket_id), actor=None)
            session.commit()
        if not engine.inline:
            _drain(db, engine, settings)
            with Session(db) as session:
                ticket = tickets.get(session, ticket_id)
    except FactcheckError as exc:
        fail(exc.message)
    if ticket.drafting_status == "failed":
        fail(f"ticket {ticket_id}: {ticket.drafting_error}")
    typer.echo(f"Ticket {ticket_id} drafted again.")


llm_app = typer.Typer(help="The language-model endpoint.", no_args_is_help=True)
app.add_typer(llm_app, name="llm")


@llm_app.command("check")
def llm_check() -> None:
    """Make one tiny call and say which endpoint and model answered."""
    from factcheck.engines.llm.engine import OpenAIEngine
    from factcheck.engines.llm.store import MemoryStore

    settings = get_settings()
    if settings.engine_name != "openai":
        fail("no LLM endpoint is configured; set FACTCHECK_LLM_BASE_URL (and FACTCHECK_LLM_MODEL).")
    try:
        endpoint, model = OpenAIEngine(settings, MemoryStore()).check()
    except FactcheckError as exc:
        fail(exc.message)
    typer.echo(f"OK: {endpoint} answered with model {model}")


@app.command()
def serve(
    host: Annotated[Optional[str], typer.Option(help="Address to listen on.")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port.")] = None,
) -> None:
    """Run the web desk."""
    import uvicorn

    from factcheck.web.app import create_app

    settings = get_settings()
    try:
        _db()
    except FactcheckError as exc:
        fail(exc.message)
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port,
                log_level="info")


@app.command()
def worker(
    once: Annotated[bool, typer.Option("--once", help="Do the jobs that are ready, then exit.")] = False,
) -> None:
    """Run a drafting worker: takes queued jobs until stopped (Ctrl-C or SIGTERM).

    Run several, on several machines, against one PostgreSQL database; on SQLite one is enough.
    """
    import signal
    import threading

    from factcheck.engines import get_engine
    from factcheck.jobs import service as jobs
    from factcheck.jobs.worker import Worker

    settings = get_settings()
    try:
        db = _db()
        engine = get_engine(settings, db)
    except FactcheckError as exc:
        fail(exc.message)
    w = Worker(db, engine, lease_seconds=settings.job_lease_seconds, poll_seconds=settings.worker_poll_seconds)
    if once:
        typer.echo(f"{w.run_until_idle()} jobs done.")
        return
    stop = threading.Event()

    def _stop(*_):
        stop.set()
        jobs.work_available.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    typer.echo(f"worker {w.name} taking drafting jobs (engine: {engine.name}); Ctrl-C stops it.", err=True)
    w.run_forever(stop)


@app.command()
def demo(
    serve_after: Annotated[bool, typer.Option("--serve/--no-serve", help="Start the server afterwards.")] = True,
    port: Annotated[Optional[int], typer.Option(help="Port.")] = None,
) -> None:
    """Set up a demo desk: migrated database, a sample article, a demo user; then serve it."""
    from sqlmodel import Session, select

    from factcheck.articles import service as articles
    from factcheck.core.db import upgrade
    from factcheck.engines import get_engine
    from factcheck.models import User
    from factcheck.users import service as users

    settings = get_settings()
    upgrade(settings.database_url)
    engine = _db()
    with Session(engine, expire_on_commit=False) as session:
        if not session.exec(select(User).where(User.name == "demo")).first():
            users.create_user(session, name="demo", role="admin", password="demo-password")
        result = articles.ingest(
            session, engine=get_engine(settings, engine), settings=settings, actor=None,
            req=articles.IngestRequest(text=SAMPLE.read_text(encoding="utf-8"), outlet="Riverton Ledger (sample)",
                                       published=date(2025, 3, 4)),
        )
        session.commit()
    port = port or settings.port
    typer.echo(f"Demo article {result.article.id} has {len(result.tickets)} tickets.")
    typer.echo(f"Log in at http://{settings.host}:{port}/ as demo / demo-password")
    if serve_after:
        serve(host=settings.host, port=port)


def main() -> None:
    app()
