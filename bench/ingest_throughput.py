"""Offline engine throughput: extraction and drafting of ~800-word articles on one core.

Articles are generated from the project's own sample (factcheck/samples/), shuffled and
repeated to ~800 words each, so every article is distinct text. Prints articles per second and
sentences per second for extraction alone and for extraction plus drafting (what ingest does,
without the database), after the one-off load of the check-worthiness model's word vectors.

    .venv/bin/python bench/ingest_throughput.py [--articles 200]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date

from factcheck.cli.server import SAMPLE
from factcheck.engines.base import ArticleInput, ClaimContext
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.engines.offline.segment import paragraphs, sentences


def corpus(n: int, words: int = 800, seed: int = 7) -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    paras = [text[s:e] for s, e in paragraphs(text)][1:-4]  # the story, without headline and page tail
    rng = random.Random(seed)
    out = []
    for i in range(n):
        body, count = [], 0
        while count < words:
            p = rng.choice(paras).replace("Riverton", rng.choice(["Riverton", "Halden", "Marlow", "Easton"]))
            p = p.replace("214", str(100 + i % 400))
            body.append(p)
            count += len(p.split())
        out.append("\n\n".join(body))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    articles = corpus(args.articles)
    words = sum(len(a.split()) for a in articles) / len(articles)
    n_sentences = sum(len(sentences(a)) for a in articles)
    engine = OfflineEngine()
    # Loading the word vectors (16 MB) and the sentence encoder happens once per process; timed apart.
    t0 = time.perf_counter()
    engine.checkworthiness(["warm-up"])
    engine.load_models()  # and the sentence encoder that tells restated claims apart, once per process
    t_load = time.perf_counter() - t0

    t0 = time.perf_counter()
    extractions = [engine.extract(ArticleInput(text=a, published=date(2025, 3, 4))) for a in articles]
    t_extract = time.perf_counter() - t0
    t0 = time.perf_counter()
    claims = 0
    for ex in extractions:
        for c in ex.claims:
            engine.draft(
                ClaimContext(
                    claim=c.claim,
                    quote=c.quote,
                    kind=c.kind,
                    speaker=c.speaker,
                    reported_by=c.reported_by,
                    context=c.quote,
                )
            )
            claims += 1
    t_draft = time.perf_counter() - t0
    total = t_extract + t_draft
    print(f"articles: {len(articles)} of {words:.0f} words on average; {n_sentences} sentences; {claims} claims")
    print(f"one-off model load: {t_load * 1000:.0f} ms")
    print(
        f"extraction:            {len(articles) / t_extract:7.1f} articles/s  "
        f"{n_sentences / t_extract:8.0f} sentences/s"
    )
    print(f"extraction + drafting: {len(articles) / total:7.1f} articles/s  {n_sentences / total:8.0f} sentences/s")
    print(f"target: 50 articles/s; ratio achieved/target: {len(articles) / total / 50:.2f}")


if __name__ == "__main__":
    main()
