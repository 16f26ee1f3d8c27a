"""No text can make a pattern backtrack: every regular expression factcheck runs on article text,
claims, names, URLs and form input is searched over adversarial strings (every separator and word
piece the patterns accept, repeated), each in bounded time.

Short strings catch exponential backtracking ("A-" * 22 + "A x." took 5.4 s before the name
pattern was rewritten, each two more characters × 4); long ones catch quadratic scans (a run of
opening quotation marks with no closing one). Each pattern runs in a child process, so one that
backtracks for ever fails the test instead of hanging it.
"""

from __future__ import annotations

import itertools
import multiprocessing

import pytest

from tests.helpers import POSTGRES_URL
from tests.hostile.regexes import ALPHABET, PIECES, PREFIXES, Found, every_pattern, pumps, worst_case

# No database is involved: run once in CI, on the SQLite pass.
pytestmark = pytest.mark.skipif(bool(POSTGRES_URL), reason="database-independent; runs on the SQLite pass")

PATTERNS = every_pattern()
SHORT, SHORT_BOUND = 240, 0.02  # characters, seconds for one search
LONG, LONG_BOUND = 5_000, 0.05
PATTERN_TIMEOUT = 20.0  # a pattern's whole run; a backtracking one never finishes


def test_the_patterns_are_found():
    # The inventory itself: module-level patterns and literal ones in calls, from every package.
    where = {f.where.split(":")[0].rsplit(".", 1)[0] for f in PATTERNS}
    assert len(PATTERNS) >= 80
    assert {"factcheck.engines.offline", "factcheck.core", "factcheck.matching"} <= where | {
        w.rsplit(".", 1)[0] for w in where
    }
    assert any(f.where.endswith("attribution._TAG_AFTER") for f in PATTERNS)
    assert any(":" in f.where for f in PATTERNS)  # inline re.search(r"…") literals too


@pytest.fixture(scope="module")
def pool():
    ctx = multiprocessing.get_context("fork")
    made = [ctx.Pool(1)]
    yield made
    made[0].terminate()


def _run_all(pool, length: int, cases: list[tuple[str, str]], bound: float) -> list[str]:
    slow = []
    for found in PATTERNS:
        job = pool[0].apply_async(worst_case, (found.pattern, found.flags, cases, length))
        try:
            took, prefix, pump = job.get(timeout=PATTERN_TIMEOUT)
        except multiprocessing.TimeoutError:
            pool[0].terminate()
            pool[0] = multiprocessing.get_context("fork").Pool(1)
            slow.append(f"{found.where}: still running after {PATTERN_TIMEOUT:g} s")
            continue
        if took > bound:
            slow.append(f"{found.where}: {took * 1000:.0f} ms on {prefix!r} + {pump!r} × {length // len(pump)}")
    return slow


def test_no_pattern_backtracks_on_short_adversarial_text(pool):
    cases = list(itertools.product(PREFIXES, pumps()))
    assert _run_all(pool, SHORT, cases, SHORT_BOUND) == []


def test_no_pattern_scans_quadratically_on_long_adversarial_text(pool):
    cases = list(itertools.product(PREFIXES[:4], [*ALPHABET, *PIECES]))
    assert _run_all(pool, LONG, cases, LONG_BOUND) == []


def test_the_fuzzer_catches_a_backtracking_pattern(pool, monkeypatch):
    # The old name pattern, where a hyphen was both part of a word and a separator.
    old = Found("old._ACTOR", r"[A-Z][\w'.\-]*(?:[\s\-](?:[A-Z][\w'.\-]*|of|the))*\s+said", 0)
    monkeypatch.setattr("tests.hostile.test_regex_fuzz.PATTERNS", [old])
    monkeypatch.setattr("tests.hostile.test_regex_fuzz.PATTERN_TIMEOUT", 3.0)
    slow = _run_all(pool, SHORT, [("", "A-")], SHORT_BOUND)
    assert slow and slow[0].startswith("old._ACTOR")
