"""Ingest rate on the annotated news articles (bench/data/news), both ways a desk receives them:
pasted text, and a saved web page (HTML through the page-parts pruning and trafilatura). Each
article is read, its claims found and drafted by the offline engine, as ingest does without the
database. Runs on one core and on N worker processes (default 2, the CI machine's cores) and
prints articles per second for each path; the target is 20 articles/s on 2 cores.

The .txt articles are also wrapped in a page with a newsletter box, a caption and a related-story
box for the HTML path, so both paths read every story.

    .venv/bin/python bench/ingest_news.py [--rounds 20] [--processes 2]
"""

from __future__ import annotations

import argparse
import html
import multiprocessing
import time
from datetime import date
from pathlib import Path

from factcheck.core import webpages
from factcheck.engines.base import ArticleInput, ClaimContext
from factcheck.engines.offline.engine import OfflineEngine

NEWS = Path(__file__).parent / "data" / "news"
TARGET = 20.0
_engine: OfflineEngine | None = None


def pages() -> tuple[list[str], list[str]]:
    """(pasted texts, saved pages) for every annotated article."""
    texts, htmls = [], []
    for path in sorted(NEWS.glob("*.txt")) + sorted(NEWS.glob("*.html")):
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            htmls.append(raw)
            texts.append(webpages.from_html(raw).text)
        else:
            texts.append(raw)
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in raw.split("\n\n")[1:])
            htmls.append(
                f"<html><head><title>{html.escape(raw.splitlines()[0])} | Example News</title></head><body>"
                "<aside class='newsletter'>Sign up for our newsletter</aside><article>"
                f"<h1>{html.escape(raw.splitlines()[0])}</h1>{paras}<figure><figcaption>A photo. Credit: Example"
                "</figcaption></figure></article><section class='related'><p>Related: more news</p></section>"
                "</body></html>"
            )
    return texts, htmls


def _warm() -> None:
    global _engine
    _engine = OfflineEngine()
    _engine.extract(ArticleInput(text="The council voted 7-2 on Monday to raise fares by 5 percent."))
    _engine.load_models()  # word vectors and sentence encoder, once per process, as a server does


def ingest(job: tuple[str, str]) -> int:
    """One article as ingest handles it; the number of claims drafted."""
    kind, raw = job
    engine = _engine or OfflineEngine()
    text = webpages.from_html(raw).text if kind == "html" else webpages.from_raw(raw).text
    found = engine.extract(ArticleInput(text=text, published=date(2025, 3, 4)))
    for c in found.claims:
        engine.draft(ClaimContext(c.claim, c.quote, c.kind, c.speaker, c.reported_by, context=c.quote))
    return len(found.claims)


def rate(jobs: list[tuple[str, str]], processes: int) -> float:
    if processes == 1:
        _warm()
        began = time.perf_counter()
        for job in jobs:
            ingest(job)
        return len(jobs) / (time.perf_counter() - began)
    with multiprocessing.get_context("fork").Pool(processes, initializer=_warm) as pool:
        pool.map(ingest, jobs[:processes], chunksize=1)  # every worker has loaded its models
        began = time.perf_counter()
        pool.map(ingest, jobs, chunksize=4)
        return len(jobs) / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="how many times each article is ingested")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    texts, htmls = pages()
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"articles: {len(texts)} real-style news stories of {words:.0f} words on average, x{args.rounds} rounds")
    for kind, corpus in (("pasted text", texts), ("saved HTML", htmls)):
        jobs = [("html" if kind == "saved HTML" else "text", raw) for raw in corpus] * args.rounds
        one = rate(jobs, 1)
        many = rate(jobs, args.processes)
        print(
            f"{kind:12s} 1 core: {one:6.1f} articles/s   {args.processes} processes: {many:6.1f} articles/s   "
            f"target {TARGET:g}/s on 2 cores: ratio {many / TARGET:.2f}"
        )


if __name__ == "__main__":
    main()
