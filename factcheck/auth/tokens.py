"""API tokens: made here, only their SHA-256 kept, and turned back into a user on every API call."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from factcheck.core.errors import NotAuthenticated
from factcheck.models import ApiToken, User, as_utc, utcnow

PREFIX = "fc_"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return PREFIX + secrets.token_urlsafe(32)


USE_RESOLUTION = timedelta(minutes=1)


def user_for_token(session: Session, token: str) -> tuple[User, int | None]:
    """The active user a token belongs to, and the token's id when its use should be recorded
    (at most once a minute); 401 for an unknown, revoked or switched-off token.

    Nothing is written here: the caller records the use with ``record_use`` once the request's
    work is done, on the request's own connection. Writing first would (on SQLite) hold the write
    lock through the whole request; writing through a second connection made a burst of requests
    wait on each other for the pool until they failed.
    """
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == token_hash(token))).first()
    if row is None or row.revoked_at is not None:
        raise NotAuthenticated("The API token is not valid (unknown or revoked).")
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise NotAuthenticated("The API token's user is disabled.")
    stale = row.last_used_at is None or utcnow() - as_utc(row.last_used_at) > USE_RESOLUTION
    return user, row.id if stale else None


def record_use(session: Session, token_id: int) -> None:
    """Note that a token was used now (the caller commits)."""
    session.execute(
        sa.update(ApiToken)
        .where(ApiToken.id == token_id)
        .values(last_used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
