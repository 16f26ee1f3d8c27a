"""Hostile input, measured: the adversarial article read by the offline engine (best of 3), the
slowest search of every regular expression factcheck runs over adversarial text at two lengths,
and reading ClaimReview imports (a 1.3 MB flat array, and 2,400 real-shaped reviews).

    python bench/hostile.py
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.engines.base import ArticleInput  # noqa: E402
from factcheck.engines.offline.engine import OfflineEngine  # noqa: E402
from factcheck.matching import claimreview  # noqa: E402
from tests.hostile.articles import adversarial_article  # noqa: E402
from tests.hostile.regexes import ALPHABET, PIECES, PREFIXES, every_pattern, pumps, worst_case  # noqa: E402
from tests.hostile.test_imports import _review  # noqa: E402


def main() -> None:
    engine = OfflineEngine(budget_seconds=None)
    engine.extract(ArticleInput(text="Warm up: the council voted 7-2 on Monday."))
    text = adversarial_article()
    times = []
    for _ in range(3):
        began = time.perf_counter()
        found = engine.extract(ArticleInput(text=text))
        times.append(time.perf_counter() - began)
    print(
        f"adversarial article: {len(text):,} characters, {found.sentences} sentences, {len(found.claims)} claims; "
        f"read in {min(times):.2f} s (best of 3)"
    )

    patterns = every_pattern()
    for length, cases in (
        (240, list(itertools.product(PREFIXES, pumps()))),
        (5_000, list(itertools.product(PREFIXES[:4], [*ALPHABET, *PIECES]))),
    ):
        began = time.perf_counter()
        worst = max(((worst_case(f.pattern, f.flags, cases, length), f.where) for f in patterns), key=lambda w: w[0][0])
        (took, prefix, pump), where = worst
        print(
            f"{len(patterns)} patterns × {len(cases):,} adversarial strings of {length:,} characters: slowest "
            f"search {took * 1000:.1f} ms ({where} on {prefix!r} + {pump!r}); {time.perf_counter() - began:.0f} s"
        )

    flat = json.dumps([1] * 430_000).encode()
    began = time.process_time()
    with contextlib.suppress(claimreview.InvalidInput):
        claimreview.read_bytes(flat)
    print(
        f"ClaimReview: a flat array of 430,000 items ({len(flat) / 1e6:.1f} MB) read in "
        f"{time.process_time() - began:.2f} s of CPU (17.8 s before the reader was made linear)"
    )
    real = json.dumps([_review(i) for i in range(2_400)]).encode()
    began = time.perf_counter()
    reading = claimreview.read_bytes(real)
    print(
        f"ClaimReview: {len(reading.reviews):,} reviews ({len(real) / 1e6:.1f} MB) read in "
        f"{time.perf_counter() - began:.2f} s"
    )


if __name__ == "__main__":
    main()
