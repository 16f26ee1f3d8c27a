"""Export speed and memory: 10,000 reviewed tickets in every report format, on SQLite.

Builds a throw-away migrated SQLite database of 400 articles x 25 tickets, each ticket with a
verdict (its audit event and rationale), two approved questions with answers, one approved
source, one rejected draft and one evidence note: what an export has to read for a busy desk.
Then renders each format through the same code the API and CLI use: --repeat times for wall
time (best and median printed; these shared machines are noisy), and once more under tracemalloc
for the peak Python heap (tracing slows the run, so that one is not timed).

PDF lays out every page at once (WeasyPrint), so it is measured on --pdf-tickets tickets (one
article's worth by default), not 10,000: a 3,000-page PDF is not a report anybody reads.

    .venv/bin/python bench/export_10k.py [--tickets 10000] [--pdf-tickets 250] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, insert

from factcheck.auth.permissions import CONSOLE
from factcheck.core.config import Settings
from factcheck.core.db import make_engine, upgrade
from factcheck.exports import service as exports
from factcheck.exports.selection import Selection
from factcheck.models import Article, DraftItem, Event, Note, Ticket, User

PER_ARTICLE = 25
TARGET_SECONDS = 2.0


def populate(session: Session, tickets: int) -> None:
    now = datetime(2025, 6, 1, tzinfo=UTC)
    session.execute(
        insert(User),
        [{"id": 1, "name": "editor", "role": "editor", "password_hash": "x", "active": True, "created_at": now}],
    )
    n_articles = -(-tickets // PER_ARTICLE)
    sentence = (
        "The Riverton City Council voted 7-2 on March 3, 2025 to raise residential water rates by "
        "{n} percent, the largest increase since 2009. "
    )
    articles, rows, drafts, notes, events = [], [], [], [], []
    tid = 0
    for a in range(1, n_articles + 1):
        text = "".join(sentence.format(n=a * 100 + i) for i in range(PER_ARTICLE))
        articles.append(
            {
                "id": a,
                "title": f"Council raises water rates, part {a}",
                "outlet": "Riverton Ledger",
                "url": f"https://news.example/riverton/{a}",
                "published": now.date(),
                "text": text,
                "content_hash": f"{a:064x}",
                "source_kind": "text",
                "engine": "offline",
                "created_at": now,
            }
        )
        offset = 0
        for i in range(PER_ARTICLE):
            tid += 1
            if tid > tickets:
                break
            quote = sentence.format(n=a * 100 + i).strip()
            state = "corroborated" if tid % 3 else "disputed"
            at = now + timedelta(minutes=tid)
            rows.append(
                {
                    "id": tid,
                    "article_id": a,
                    "position": i,
                    "claim": quote,
                    "quote": quote,
                    "start": offset,
                    "end": offset + len(quote),
                    "speaker": "Elena Vasquez",
                    "reported_by": "Riverton Ledger",
                    "attribution": "Mayor Elena Vasquez, per the Ledger",
                    "kind": "quantity",
                    "score": 0.8,
                    "state": state,
                    "needs_human": False,
                    "drafting_status": "done",
                    "engine": "offline",
                    "model": "rules",
                    "prompt_name": "offline",
                    "prompt_hash": "0" * 64,
                    "version": 2,
                    "created_at": now,
                    "updated_at": at,
                    "resolved_at": at,
                }
            )
            offset += len(quote) + 1
            base = {
                "ticket_id": tid,
                "engine": "offline",
                "model": "rules",
                "prompt_name": "draft_checks",
                "prompt_hash": "1" * 64,
                "created_at": now,
            }
            drafts += [
                {
                    **base,
                    "kind": "question",
                    "text": "What do the council minutes record as the vote?",
                    "answer": "7-2, minutes of March 3, 2025",
                    "status": "approved",
                    "reviewed_by_id": 1,
                    "reviewed_at": at,
                },
                {
                    **base,
                    "kind": "question",
                    "text": "By how much do residential rates rise?",
                    "answer": "12 percent",
                    "status": "edited",
                    "original_text": "How much?",
                    "reviewed_by_id": 1,
                    "reviewed_at": at,
                },
                {
                    **base,
                    "kind": "source",
                    "text": "Council meeting minutes",
                    "source_kind": "official_record",
                    "url": "https://riverton.example/minutes/2025-03-03",
                    "search_query": "Riverton council minutes",
                    "rationale": "The primary record of the vote.",
                    "status": "approved",
                    "reviewed_by_id": 1,
                    "reviewed_at": at,
                },
                {
                    **base,
                    "kind": "source",
                    "text": "A rejected suggestion",
                    "status": "rejected",
                    "reviewed_by_id": 1,
                    "reviewed_at": at,
                },
            ]
            notes.append(
                {
                    "ticket_id": tid,
                    "author_id": 1,
                    "text": "Minutes p. 4 confirm the tally.",
                    "url": "https://riverton.example/minutes/2025-03-03#p4",
                    "created_at": at,
                }
            )
            events.append(
                {
                    "ticket_id": tid,
                    "article_id": a,
                    "actor_id": 1,
                    "actor_name": "editor",
                    "action": "corroborate" if state == "corroborated" else "dispute",
                    "from_value": "unverified",
                    "to_value": state,
                    "rationale": "Checked against the published minutes.",
                    "created_at": at,
                }
            )
    for model, data in ((Article, articles), (Ticket, rows), (DraftItem, drafts), (Note, notes), (Event, events)):
        session.execute(insert(model), data)
    session.commit()


def render(db, settings, fmt: str, sel: Selection) -> int:
    """The report as the API, the export page and the CLI make it; its size in bytes."""
    with Session(db) as session:
        report = exports.prepare(session, actor=CONSOLE, fmt=fmt, selection=sel, settings=settings)
        if report.content is not None:
            return len(report.content)
        return sum(len(chunk.encode("utf-8")) for chunk in report.stream(session))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=10_000)
    parser.add_argument("--pdf-tickets", type=int, default=250)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            database_url=f"sqlite:///{Path(tmp) / 'bench.db'}", org_name="Bench Desk", org_url="https://desk.example/"
        )
        upgrade(settings.database_url)
        db = make_engine(settings)
        t0 = time.perf_counter()
        with Session(db) as session:
            populate(session, args.tickets)
        print(
            f"database: {args.tickets} reviewed tickets in {-(-args.tickets // PER_ARTICLE)} articles "
            f"(built in {time.perf_counter() - t0:.1f} s)"
        )
        everything = Selection()
        pdf_sel = Selection(article_ids=list(range(1, -(-args.pdf_tickets // PER_ARTICLE) + 1)))
        print(f"{'format':<12}{'tickets':>8}{'best s':>8}{'median s':>10}{'MB out':>8}{'peak MB':>9}{'vs 2 s':>8}")
        for fmt in exports.FORMATS:
            sel, n = (pdf_sel, args.pdf_tickets) if fmt == "pdf" else (everything, args.tickets)
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                size = render(db, settings, fmt, sel)
                times.append(time.perf_counter() - t0)
            seconds = min(times)
            tracemalloc.start()
            render(db, settings, fmt, sel)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(
                f"{fmt:<12}{n:>8}{seconds:>8.2f}{statistics.median(times):>10.2f}{size / 1e6:>8.1f}{peak / 1e6:>9.1f}"
                f"{seconds / TARGET_SECONDS:>8.2f}"
            )
        print(
            "'vs 2 s' is the best time divided by the 2-second target (below 1.00 meets it); "
            "peak MB is the Python heap under tracemalloc."
        )


if __name__ == "__main__":
    main()
