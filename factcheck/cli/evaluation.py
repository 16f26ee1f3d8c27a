"""Commands that measure claim detection and drafting against labelled data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import fail, unit_of_work
from factcheck.core.config import get_settings
from factcheck.core.errors import FactcheckError
from factcheck.engines import get_engine
from factcheck.engines.base import ClaimContext
from factcheck.evaluation import matching as match_eval
from factcheck.evaluation.checkworthy import evaluate, read_tsv
from factcheck.evaluation.questions import COVER_THRESHOLD, read_jsonl, score_questions
from factcheck.models import ClaimKind
from factcheck.trackrecord import report
from factcheck.trackrecord import service as record

app = typer.Typer(help="Measure claim detection and drafting against labelled data.", no_args_is_help=True)


@app.command("checkworthy")
def eval_checkworthy(
    file: Annotated[Path, typer.Argument(help="A TSV file: header row, a text column, Yes/No or 1/0 label last.")],
    engine_name: Annotated[str, typer.Option("--engine", help="offline (more engines as configured).")] = "offline",
) -> None:
    """Score each labelled sentence; print precision, recall, F1, average precision and P@10/20."""
    engine = _engine_named(engine_name)
    try:
        rows = read_tsv(file)
    except FactcheckError as exc:
        fail(exc.message)
    s = evaluate([r.label for r in rows], engine.checkworthiness([r.text for r in rows]), engine.threshold)
    typer.echo(
        f"file: {file.name}  sentences: {s.n}  check-worthy: {s.positives}  engine: {engine.name}  "
        f"threshold: {engine.threshold}"
    )
    typer.echo(f"precision: {s.precision:.3f}  recall: {s.recall:.3f}  F1: {s.f1:.3f}")
    at = "  ".join(f"P@{k}: {v:.3f}" for k, v in s.precision_at.items())
    typer.echo(f"average precision: {s.average_precision:.3f}  {at}")


@app.command("questions")
def eval_questions(
    file: Annotated[Path, typer.Argument(help="A JSONL file of claims with reference questions (ClaimDecomp form).")],
    engine_name: Annotated[str, typer.Option("--engine", help="offline (more engines as configured).")] = "offline",
) -> None:
    """Draft questions for each claim and report how many reference questions they cover."""
    engine = _engine_named(engine_name)
    try:
        examples = read_jsonl(file)
    except FactcheckError as exc:
        fail(exc.message)
    drafted = [
        [
            q.text
            for q in engine.draft(
                ClaimContext(
                    claim=ex.claim,
                    quote=ex.claim,
                    kind=ClaimKind.statement,
                    speaker=ex.person,
                    reported_by=None,
                    context=ex.claim,
                )
            ).questions
        ]
        for ex in examples
    ]
    s = score_questions(examples, drafted)
    pct = lambda n, d: f"{n / max(d, 1):.1%}"  # noqa: E731
    typer.echo(
        f"file: {file.name}  claims: {s.claims}  reference questions: {s.references}  "
        f"drafted: {s.drafted}  engine: {engine.name}"
    )
    typer.echo(
        f"covered: {s.covered} of {s.references} ({pct(s.covered, s.references)}); a reference counts as "
        f"covered when one drafted question contains ≥{COVER_THRESHOLD:.0%} of its content words"
    )
    typer.echo(
        f"echo baseline (the claim itself as the only question): {s.echo_covered} of {s.references} "
        f"({pct(s.echo_covered, s.references)})"
    )
    typer.echo(
        f"beyond the echo: {s.beyond_echo} of the {s.echo_missed} references the claim alone misses "
        f"({pct(s.beyond_echo, s.echo_missed)})"
    )
    typer.echo(f"drafted questions that cover a reference: {s.useful} of {s.drafted} ({pct(s.useful, s.drafted)})")


@app.command("matching")
def eval_matching(
    queries: Annotated[Path, typer.Argument(help="Claims to look up: a TSV with a header, `id<TAB>text`.")],
    claims: Annotated[Path, typer.Argument(help='The collection: JSONL, one {"id", "claim", "title"?} a line.')],
    qrels: Annotated[Path, typer.Argument(help="Relevant pairs: a TSV with a header, `query_id<TAB>claim_id`.")],
) -> None:
    """Rank the collection for each query as the desk matches claims; print MAP@5 and P@1 beside a
    BM25 baseline, and the precision and recall of suggestions and automatic links at the desk's
    thresholds (FACTCHECK_MATCH_SUGGEST, FACTCHECK_MATCH_LINK)."""
    from factcheck.matching import vectors
    from factcheck.matching.finding import thresholds

    try:
        data = match_eval.read(queries, claims, qrels)
    except FactcheckError as exc:
        fail(exc.message)
    settings = get_settings()
    suggest, link = thresholds(settings)
    encoder = vectors.encoder_for(settings)
    index = match_eval.build_index(data, encoder)
    base = match_eval.figures(match_eval.rankings(index, data, lexical_only=True), data, 2.0, 2.0)
    f = match_eval.figures(match_eval.rankings(index, data), data, suggest, link)
    typer.echo(f"queries: {f.queries}  collection: {len(data.claims)}  relevant pairs: {f.relevant}")
    typer.echo(f"BM25 baseline: MAP@5 {base.map_at_5:.3f}  P@1 {base.p_at_1:.3f}")
    typer.echo(f"desk (BM25 + {encoder.name}): MAP@5 {f.map_at_5:.3f}  P@1 {f.p_at_1:.3f}")
    typer.echo(
        f"suggestions (score >= {suggest:g}): {f.suggested}, precision {f.suggestion_precision:.3f}, "
        f"recall {f.suggestion_recall:.3f}"
    )
    typer.echo(
        f"automatic links (score >= {link:g}): {f.linked}, precision {f.link_precision:.3f}, recall {f.link_recall:.3f}"
    )


def _engine_named(name: str):
    settings = get_settings()
    if name != settings.engine_name:
        settings = settings.model_copy(update={"engine": name})
    try:
        # No job queue here to wait out an endpoint's failures: the engine tries again itself.
        return get_engine(settings, retries=settings.llm_max_retries)
    except FactcheckError as exc:
        fail(exc.message)


@app.command("desk")
def eval_desk(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as JSON (as GET /api/v1/track-record).")
    ] = False,
) -> None:
    """The machine's track record on this desk: what reviewers did with each engine, model and
    prompt version's claims, questions and sources, and with suggested matches."""
    with unit_of_work() as session:
        found = record.track_record(session)
    if as_json:
        typer.echo(json.dumps(found.as_dict(), ensure_ascii=False, indent=2))
        return
    for line in report.lines(found):
        typer.echo(line)


@app.command("ingest")
def eval_ingest(
    folder: Annotated[Path, typer.Argument(help="Annotated articles: NAME.txt or NAME.html beside NAME.json.")],
    split: Annotated[str, typer.Option("--split", help="Which annotated split (dev, test, …), or all.")] = "all",
    engine_name: Annotated[str, typer.Option("--engine", help="offline (more engines as configured).")] = "offline",
    show: Annotated[bool, typer.Option("--show", help="List every ticket, miss and error.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the totals as JSON.")] = False,
) -> None:
    """Ingest each annotated article as the desk would and read the tickets against the annotation:
    precision, recall, junk, duplicates, who said it (right, flagged for a person, wrong) and dates."""
    from factcheck.evaluation import ingest as ingest_eval

    engine = _engine_named(engine_name)
    try:
        items = ingest_eval.read_folder(folder, split)
    except FactcheckError as exc:
        fail(exc.message)
    totals = ingest_eval.Totals()
    for item in items:
        found = engine.extract(item.article)
        result = ingest_eval.score(item, found.claims, item.article.title)
        totals.add(result)
        if show:
            for line in ingest_eval.report_lines(item, result):
                typer.echo(line)
    figures = totals.as_dict()
    if as_json:
        typer.echo(json.dumps({"folder": str(folder), "split": split, "engine": engine.name, **figures}, indent=2))
        return
    for line in ingest_eval.summary_lines(figures, split=split, engine=engine.name):
        typer.echo(line)
