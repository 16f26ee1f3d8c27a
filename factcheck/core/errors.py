"""The errors factcheck raises on purpose; each carries an HTTP status and a plain message."""

from __future__ import annotations

from typing import Any


class FactcheckError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(self, message: str, *, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class InvalidInput(FactcheckError):
    status_code = 422
    code = "invalid_input"


class NotFound(FactcheckError):
    status_code = 404
    code = "not_found"


class PasswordChangeRequired(FactcheckError):
    """A temporary password was set: the pages send the user to choose their own first."""

    status_code = 403
    code = "password_change_required"


class SecondFactorRequired(FactcheckError):
    """The user's role must sign in with a second factor and they have none yet: the pages send
    them to set one up first."""

    status_code = 403
    code = "two_factor_required"


class NotAuthenticated(FactcheckError):
    status_code = 401
    code = "not_authenticated"


class Forbidden(FactcheckError):
    status_code = 403
    code = "forbidden"


class Conflict(FactcheckError):
    status_code = 409
    code = "conflict"


class TooLarge(FactcheckError):
    status_code = 413
    code = "too_large"


class UnsupportedMedia(FactcheckError):
    status_code = 415
    code = "unsupported_media_type"


class FetchError(FactcheckError):
    status_code = 422
    code = "fetch_failed"


class DatabaseNotMigrated(FactcheckError):
    status_code = 503
    code = "database_not_migrated"


class TooManyRequests(FactcheckError):
    status_code = 429
    code = "rate_limited"


class RetryableError(FactcheckError):
    """Work that could not be done now (a model's answer, a search, a delivery); queued work is
    tried again. ``transient`` marks a failure of something outside (an endpoint, a receiver:
    unreachable, timed out, overloaded) rather than of the work's answer: it is waited out however
    long it lasts, and not before ``retry_after`` seconds when the other side said so."""

    status_code = 502
    code = "not_done"

    def __init__(
        self,
        message: str,
        *,
        details: dict[str, Any] | None = None,
        transient: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, details=details)
        self.transient = transient
        self.retry_after = retry_after
