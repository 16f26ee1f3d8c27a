"""LLM engine speed and cost: an article with 12 claims against a scripted OpenAI-compatible
server that answers every request after 300 ms (factcheck.devtools.scripted_llm, on 127.0.0.1).

Prints wall time divided by one call's latency for drafting the 12 tickets (target <= 2.5 with the
default concurrency of 8) and for the whole ingest (extraction + drafting), the number of calls,
and prompt and completion tokens; then ingests the same article again with the cache warm.

    .venv/bin/python bench/llm_drafting.py [--delay 0.3] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, select

from factcheck.articles import service as articles
from factcheck.auth.permissions import CONSOLE
from factcheck.core.config import Settings
from factcheck.core.db import make_engine, upgrade
from factcheck.devtools.scripted_llm import Script, ScriptedServer
from factcheck.engines.llm.engine import OpenAIEngine
from factcheck.engines.llm.store import DatabaseStore
from factcheck.models import LlmCall

FACTS = [
    "The city council approved a budget of $412 million on March 3, 2025.",
    "Mayor Elena Vasquez said the budget adds 45 police officers.",
    "According to the finance office, property taxes rise 3.2 percent.",
    "The school district received $38 million, up from $35 million in 2024.",
    "Transit ridership grew 11 percent in 2024, the agency reported.",
    "The library system will close 2 branches by June 2025.",
    "Council member Marcus Hale said road repairs were cut by $6 million.",
    "The fire department answered 18,400 calls in 2024, according to its annual report.",
    "Water rates rise 12 percent starting July 1, 2025.",
    "The city's pension fund is 68 percent funded, the state auditor said.",
    "Parks spending falls to $21 million from $24 million.",
    "Unemployment in the city was 4.1 percent in January 2025, the labor department reported.",
]


def run(delay: float, concurrency: int) -> None:
    article = "City budget passes\n\n" + "\n\n".join(FACTS)
    with tempfile.TemporaryDirectory() as tmp, ScriptedServer(Script(delay=delay)) as server:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        settings = Settings(database_url=url, engine="openai", llm_base_url=server.base_url,
                            llm_model="scripted", llm_concurrency=concurrency, llm_chunk_sentences=13)
        upgrade(url)
        db = make_engine(settings)
        engine = OpenAIEngine(settings, DatabaseStore(db))

        # One call alone, for the latency unit.
        t0 = time.perf_counter()
        engine.check()
        one_call = time.perf_counter() - t0

        with Session(db, expire_on_commit=False) as session:
            t0 = time.perf_counter()
            result = articles.ingest(session, engine=engine, settings=settings,
                                     req=articles.IngestRequest(text=article), actor=CONSOLE)
            session.commit()
            ingest_time = time.perf_counter() - t0
            calls = session.exec(select(LlmCall).where(LlmCall.article_hash == result.article.content_hash)).all()
            drafts = [c for c in calls if c.task == "draft"]
            # Drafting alone: from the first drafting request sent to the last answer.
            first = min(c.created_at for c in drafts).timestamp() - max(c.latency_ms for c in drafts) / 1000
            draft_wall = max(c.created_at for c in drafts).timestamp() - first
            print(f"claims: {len(result.tickets)}; one call: {one_call * 1000:.0f} ms; concurrency: {concurrency}")
            print(f"drafting: {draft_wall:.2f} s = {draft_wall / one_call:.2f} x one call (target <= 2.5)")
            print(f"whole ingest (extraction + drafting): {ingest_time:.2f} s = {ingest_time / one_call:.2f} x one call")
            print(f"calls: {len(calls)} ({sum(c.task == 'extract' for c in calls)} extraction, {len(drafts)} drafting); "
                  f"prompt tokens: {sum(c.tokens_in for c in calls)}; completion tokens: {sum(c.tokens_out for c in calls)}")

            # Forget the article (not the cache) so the same text is ingested afresh.
            for table in ("event", "draft_item", "note", "ticket", "article"):
                session.execute(sa.text(f"DELETE FROM {table}"))
            session.commit()
            session.expunge_all()
            sent = len(server.script.requests)
            t0 = time.perf_counter()
            articles.ingest(session, engine=engine, settings=settings,
                            req=articles.IngestRequest(text=article), actor=CONSOLE)
            session.commit()
            print(f"same article again, cache warm: {time.perf_counter() - t0:.2f} s, "
                  f"{len(server.script.requests) - sent} requests sent")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.3)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    run(args.delay, args.concurrency)


if __name__ == "__main__":
    main()
