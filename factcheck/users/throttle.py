"""Login throttling: after repeated failures for one name from one client, logins wait."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

from factcheck.core.errors import FactcheckError


class TooManyAttempts(FactcheckError):
    status_code = 429
    code = "too_many_attempts"


class LoginThrottle:
    """Per-process memory of failed logins; one instance per app (a restart forgets, by design)."""

    def __init__(self, max_failures: int = 5, window_seconds: float = 15 * 60) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)

    def check(self, key: tuple[str, str]) -> None:
        attempts = self._failures[key]
        while attempts and attempts[0] < time.monotonic() - self.window:
            attempts.popleft()
        if len(attempts) >= self.max_failures:
            minutes = round(self.window / 60)
            raise TooManyAttempts(f"Too many failed logins; wait {minutes} minutes and try again.")

    def failed(self, key: tuple[str, str]) -> None:
        self._failures[key].append(time.monotonic())

    def succeeded(self, key: tuple[str, str]) -> None:
        self._failures.pop(key, None)


class RateLimited(FactcheckError):
    status_code = 429
    code = "rate_limited"


class RateLimit:
    """At most ``limit`` actions per ``window_seconds`` for each key (a user), in this process.

    Several app processes each keep their own count, so the desk-wide limit is this times the
    number of processes: the point is to stop a runaway script, not to meter exactly.
    """

    def __init__(self, limit: int, window_seconds: float = 60.0, what: str = "requests") -> None:
        self.limit = limit
        self.window = window_seconds
        self.what = what
        self._hits: dict[object, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def hit(self, key: object) -> None:
        now = time.monotonic()
        with self._lock:
            hits = self._hits[key]
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                wait = max(1, round(hits[0] + self.window - now))
                per = "a minute" if self.window == 60 else f"in {self.window:g} s"
                raise RateLimited(f"Too many {self.what}: at most {self.limit} {per}. Try again in {wait} s.",
                                  details={"retry_after_seconds": wait})
            hits.append(now)
