"""Claim matching at scale with the desk's encoder: encoding speed, then one claim matched against
10,000, 100,000 and 1,000,000 stored claims, each scale in its own process (so each peak memory is
its own), on one core.

The claims are synthetic (built from a vocabulary of names, places, figures and verbs, so their
words are spread as real claims' are; none is the project's or anyone's text). A pool of them is
encoded for real; the stored vectors past the pool are pool vectors with a little noise, renormalised,
as the desk would load them from its database (encoding a million claims takes hours on two cores
and says nothing more about searching them). The index is the desk's own
(factcheck/matching/similarity.py), grown in batches from stored vectors as the desk grows it.
Prints claims encoded per second, then per scale: the index's build time, the process's peak
memory, and p50/p95 of one search (the query's encoding counted apart). Target: p95 <= 200 ms.

    .venv/bin/python bench/matching_scale.py [--scales 10000,100000,1000000] [--encoder minilm]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time

import numpy as np

from factcheck import encoders
from factcheck.matching import similarity
from factcheck.matching.similarity import Index

POOL = 4_000
PEOPLE = [
    "Mayor Elena Vasquez",
    "Governor Tom Reyes",
    "Senator Ada Nwosu",
    "the county board",
    "the city council",
    "the school district",
    "the transit agency",
    "the health department",
    "Councilman Raj Patel",
    "the port authority",
    "the state auditor",
    "Representative Lena Ortiz",
]
VERBS = [
    "raised",
    "cut",
    "spent",
    "approved",
    "rejected",
    "doubled",
    "lost",
    "added",
    "paid",
    "borrowed",
    "voted to raise",
    "voted to cut",
    "promised",
    "reported",
    "hired",
    "closed",
]
THINGS = [
    "water rates",
    "property taxes",
    "the road budget",
    "bus fares",
    "teacher salaries",
    "police overtime",
    "library hours",
    "hospital beds",
    "housing permits",
    "park funding",
    "ferry crossings",
    "bridge repairs",
    "emergency rooms",
    "school lunches",
    "pension payments",
    "broadband grants",
    "tree planting",
]
PLACES = [
    "in Riverton",
    "in Harlow County",
    "across the state",
    "in Lake Orra",
    "in the valley",
    "downtown",
    "in the north district",
    "statewide",
    "in Halden",
    "in Maple Falls",
]


def claim(rng: random.Random) -> str:
    figure = rng.choice(
        [
            f"{rng.randint(2, 95)} percent",
            f"${rng.randint(1, 900)} million",
            f"{rng.randint(100, 90000):,}",
            f"{rng.randint(2, 40)} times",
        ]
    )
    return (
        f"{rng.choice(PEOPLE).capitalize()} {rng.choice(VERBS)} {rng.choice(THINGS)} {rng.choice(PLACES)} "
        f"by {figure} in {rng.randint(1990, 2025)}."
    )


def measure(scale: int, encoder_name: str, queries: int) -> dict:
    encoder = encoders.get(encoder_name)
    rng = random.Random(20261125)
    texts = [claim(rng) for _ in range(POOL)]
    pool = similarity.vectors(encoder, texts)
    noise = np.random.default_rng(7)
    index = Index(encoder)
    started = time.perf_counter()
    batch = 10_000
    for start in range(0, scale, batch):
        n = min(batch, scale - start)
        rows = np.arange(start, start + n) % POOL
        unit = pool[rows] + noise.normal(0, 0.02, (n, pool.shape[1])).astype(np.float32)
        unit /= np.linalg.norm(unit, axis=1, keepdims=True)
        index.add(((("ticket", start + j), texts[rows[j]]) for j in range(n)), unit=unit)
    built = time.perf_counter() - started
    asked = [claim(rng) for _ in range(queries)]
    t = time.perf_counter()
    query_vectors = similarity.vectors(encoder, asked)
    encode_ms = (time.perf_counter() - t) * 1000 / queries
    times = []
    for text, unit in zip(asked, query_vectors, strict=True):
        t = time.perf_counter()
        index.search(text, k=5, unit=unit)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {
        "scale": scale,
        "built_s": built,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "p50": statistics.median(times),
        "p95": times[int(0.95 * len(times)) - 1],
        "encode_ms": encode_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--encoder", default=encoders.chosen(None), choices=sorted(encoders.ENCODERS))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: one scale
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.encoder, args.queries)))
        return
    encoder = encoders.get(args.encoder)
    rng = random.Random(1)
    sample = [claim(rng) for _ in range(2_000)]
    encoder.encode(sample[:32])  # loaded and warm
    t = time.perf_counter()
    encoder.encode(sample)
    rate = len(sample) / (time.perf_counter() - t)
    print(f"encoder: {encoder.name}: {rate:,.0f} claims encoded a second ({len(sample):,} synthetic claims, batched)")
    for scale in (int(s) for s in args.scales.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(scale), "--encoder", args.encoder, "--queries", str(args.queries)],
            capture_output=True,
            text=True,
            check=True,
        )
        m = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{scale:>9,} claims: index built in {m['built_s']:.1f} s, peak memory {m['rss_mb']:,.0f} MB; "
            f"search p50 {m['p50']:.1f} ms, p95 {m['p95']:.1f} ms (p95/target 200 ms: {m['p95'] / 200:.2f}); "
            f"encoding the query {m['encode_ms']:.1f} ms"
        )


if __name__ == "__main__":
    main()
