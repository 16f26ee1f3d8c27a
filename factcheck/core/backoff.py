"""How long to wait before trying a failing endpoint again."""

from __future__ import annotations

import random

START, CAP = 2.0, 300.0
# A Retry-After longer than this is taken as a fault of its own, not as advice.
RETRY_AFTER_CAP = 3600.0


def backoff_seconds(
    failures: int, *, start: float = START, cap: float = CAP, retry_after: float | None = None
) -> float:
    """The wait after the ``failures``-th failure in a row: ``start`` doubling up to ``cap``, with
    jitter (so the workers one outage stopped do not all come back in the same second), and never
    sooner than the endpoint's own Retry-After (itself capped at an hour)."""
    wait = min(cap, start * 2 ** max(0, failures - 1))
    wait = wait / 2 + random.uniform(0, wait / 2)
    if retry_after:
        wait = max(wait, min(retry_after, RETRY_AFTER_CAP))
    return float(wait)
