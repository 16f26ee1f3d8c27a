"""Login throttling that slows guessing without locking anyone out.

Two counts of failed logins, kept with the ``limits`` library (moving windows) in the desk's
database (``core.limits``), so every app process on it counts the same failures:

- **per account**: from the fourth failure within an hour, each attempt on that name waits
  first, 1 s, then 2, 4 … up to 30 s. The wait comes before the password is checked and applies
  whoever is asking, so guessing is slowed, while the account's owner with the right password is
  only ever delayed, never refused (a lockout would let anyone lock an editor out).
- **per address**: an address with 30 failures in 15 minutes is refused until the window moves.
  Its owner can still log in from anywhere else.

The address is the connection's peer, or what a trusted proxy says (FACTCHECK_TRUSTED_PROXIES):
a header anyone can send must not choose the key it is counted under.
"""

from __future__ import annotations

import math
import time
import unicodedata

from limits import RateLimitItemPerHour, RateLimitItemPerMinute
from limits.storage import MemoryStorage, Storage
from limits.strategies import MovingWindowRateLimiter

from factcheck.core.errors import TooManyRequests

FREE_FAILURES = 3
MAX_DELAY = 30.0
ADDRESS_FAILURES = 30
ADDRESS_WINDOW_MINUTES = 15


class TooManyAttempts(TooManyRequests):
    code = "too_many_attempts"


class LoginThrottle:
    """One per app; ``storage`` is where the counts live (the app gives its database's; memory
    only for a throttle that is never shared)."""

    # Large enough never to be reached: the account window only counts.
    _account = RateLimitItemPerHour(1_000_000)
    _address = RateLimitItemPerMinute(ADDRESS_FAILURES, ADDRESS_WINDOW_MINUTES)

    def __init__(self, base_delay: float = 1.0, max_delay: float = MAX_DELAY, storage: Storage | None = None) -> None:
        self.base_delay, self.max_delay = base_delay, max_delay
        self.use(storage or MemoryStorage())

    def use(self, storage: Storage) -> None:
        self._limiter = MovingWindowRateLimiter(storage)

    @staticmethod
    def _name(name: str) -> str:
        return unicodedata.normalize("NFKC", name).strip().casefold()

    def admit(self, name: str, address: str) -> float:
        """Seconds this attempt must wait before its password is checked; refused outright only
        when the address has failed too often."""
        if not self._limiter.test(self._address, "address", address):
            stats = self._limiter.get_window_stats(self._address, "address", address)
            wait = max(1, math.ceil(stats.reset_time - time.time()))
            raise TooManyAttempts(
                f"Too many failed logins from your network; try again in {math.ceil(wait / 60)} minutes.",
                details={"retry_after_seconds": wait},
            )
        return self.delay(name)

    def delay(self, name: str) -> float:
        stats = self._limiter.get_window_stats(self._account, "account", self._name(name))
        failures = self._account.amount - stats.remaining
        if failures < FREE_FAILURES:
            return 0.0
        return min(self.max_delay, self.base_delay * 2.0 ** (failures - FREE_FAILURES))

    def failed(self, name: str, address: str) -> None:
        self._limiter.hit(self._account, "account", self._name(name))
        self._limiter.hit(self._address, "address", address)

    def succeeded(self, name: str) -> None:
        self._limiter.clear(self._account, "account", self._name(name))
