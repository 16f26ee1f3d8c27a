"""Login throttling: after repeated failures for one name from one client, logins wait."""

from __future__ import annotations

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
