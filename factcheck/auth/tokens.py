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


def user_for_token(session: Session, token: str) -> User:
    """The active user a token belongs to; 401 for an unknown, revoked or switched-off one."""
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == token_hash(token))).first()
    if row is None or row.revoked_at is not None:
        raise NotAuthenticated("The API token is not valid (unknown or revoked).")
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise NotAuthenticated("The API token's user is disabled.")
    now = utcnow()
    # At most one write a minute per token, and in its own short transaction: the request's unit
    # of work must not start with a write, or (on SQLite) it would hold the database's write lock
    # through everything the request does next, a model call included.
    if row.last_used_at is None or now - as_utc(row.last_used_at) > timedelta(minutes=1):
        with session.get_bind().begin() as conn:
            conn.execute(sa.update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now))
    return user
