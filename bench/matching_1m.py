"""Claim matching at scale: one claim matched against 1,000,000 stored claims, on one core.

The stored claims are synthetic (built from a vocabulary of names, places, figures and verbs, so
their words are spread as real claims' are, not the project's or anyone's text); the index is the
desk's own (factcheck/matching/similarity.py), grown claim by claim in batches as the desk grows it.
Prints the time to build the index, the process's peak memory, and p50/p95 of one search. Target: <= 200 ms.

    .venv/bin/python bench/matching_1m.py [--claims 1000000] [--queries 200]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time

from factcheck.matching.similarity import Index, Weights

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(20261125)
    index = Index(Weights(bias=-8.7, lexical=5.4, cosine=7.2, both=4.1))
    started = time.perf_counter()
    batch = 10_000
    for start in range(0, args.claims, batch):
        index.add((("ticket", i), claim(rng)) for i in range(start, min(start + batch, args.claims)))
    built = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(
        f"index: {len(index):,} claims built in {built:.1f} s ({len(index) / built:,.0f} claims/s); "
        f"peak resident memory of the process {rss:,.0f} MB"
    )
    times = []
    for _ in range(args.queries):
        query = claim(rng)
        t = time.perf_counter()
        index.search(query, k=5)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p50, p95 = statistics.median(times), times[int(0.95 * len(times)) - 1]
    print(
        f"search: p50 {p50:.0f} ms, p95 {p95:.0f} ms over {args.queries} queries; "
        f"target 200 ms: ratio p95/target {p95 / 200:.2f}"
    )


if __name__ == "__main__":
    main()
