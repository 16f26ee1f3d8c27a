"""What a database error means for the person whose request met it.

Every door (a page, the API, the command line) rolls its transaction back on any error, so each
message can say that nothing was saved. Three kinds are worth one more try: a deadlock and a
serialization failure are PostgreSQL choosing a loser between two transactions, SQLite's
BUSY_SNAPSHOT is SQLite doing the same, and the loser usually succeeds at once when run again (or,
seeing the winner's change, refuses for a reason a person can read).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy.exc as sa_exc

from factcheck.core.errors import FactcheckError

# SQLSTATE classes and codes (PostgreSQL appendix A).
_RETRYABLE = {"40P01": "deadlock", "40001": "serialization failure"}
_DISK_FULL = "53100"


@dataclass(frozen=True)
class Problem:
    status: int
    code: str
    message: str
    retryable: bool = False

    def as_error(self) -> FactcheckError:
        error = FactcheckError(self.message)
        error.status_code, error.code = self.status, self.code
        return error


def _sqlstate(exc: sa_exc.DBAPIError) -> str:
    orig = exc.orig
    return str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")


_CONCURRENT = Problem(
    409,
    "concurrent_change",
    "Someone else changed the same tickets at the same moment, and your change was "
    "undone to keep both consistent. Nothing of yours was saved: reload and try again.",
    retryable=True,
)


def classify(exc: BaseException) -> Problem | None:
    """The person-facing meaning of a database error; None for anything that is not one."""
    if isinstance(exc, sa_exc.TimeoutError):
        # No connection came free from the pool: the admission queue is meant to prevent it, so
        # it is load beyond the pool's size (or a leak), and waiting is the cure.
        return Problem(
            503, "database_busy", "Every database connection is in use; nothing was saved. Try again in a moment."
        )
    if not isinstance(exc, sa_exc.DBAPIError):
        return None
    state, text = _sqlstate(exc), str(exc.orig).lower()
    if state in _RETRYABLE or getattr(exc.orig, "sqlite_errorname", "") == "SQLITE_BUSY_SNAPSHOT":
        # SQLite's own loser: a transaction that read before another committed cannot then write
        # (in WAL mode); run again, it reads what the other wrote and decides on that.
        return _CONCURRENT
    if state == _DISK_FULL or "disk is full" in text or "no space left" in text:
        return Problem(
            503,
            "storage_full",
            "The desk's database has no room left (its disk is full), so nothing was saved. "
            "Tell whoever runs the desk; your work is still in the form.",
        )
    if isinstance(exc, sa_exc.IntegrityError):
        return Problem(
            409,
            "conflict",
            "This clashes with something saved at the same moment (the same thing twice, "
            "or something just deleted). Nothing was saved: reload and try again.",
        )
    if isinstance(exc, sa_exc.DataError):
        return Problem(
            422,
            "invalid_value",
            "A value in the request is not one the database can hold (a number out of range, "
            "or text it cannot store). Nothing was saved.",
        )
    if isinstance(exc, sa_exc.OperationalError):
        if "locked" in text or "busy" in text:
            return Problem(
                503, "database_busy", "The database is busy with other work; nothing was saved. Try again in a moment."
            )
        return Problem(
            503, "database_unavailable", "The database could not be reached; nothing was saved. Try again in a moment."
        )
    return None
