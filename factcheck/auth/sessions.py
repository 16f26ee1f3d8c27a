"""Browser logins, kept server-side: the cookie carries a random key, the database says whose it
is and until when. Ending a login deletes its row, so every copy of the cookie stops working."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from factcheck.models import LoginSession, User, utcnow


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def start(session: Session, *, user: User, lifetime_seconds: int) -> str:
    """A new login for ``user``; returns the key for the cookie (never stored as such). Logins
    that have run out are cleared on the way, so the table holds only live ones."""
    now = utcnow()
    session.execute(
        sa.delete(LoginSession).where(LoginSession.expires_at < now).execution_options(synchronize_session=False)
    )
    key = secrets.token_urlsafe(32)
    session.add(
        LoginSession(
            user_id=user.id, key_hash=_hash(key), created_at=now, expires_at=now + timedelta(seconds=lifetime_seconds)
        )
    )
    session.flush()
    return key


def user_for(session: Session, key: str) -> User | None:
    """The active user whose unexpired login this key is; None otherwise (one query)."""
    return session.exec(
        select(User)
        .join(LoginSession, LoginSession.user_id == User.id)
        .where(LoginSession.key_hash == _hash(key), LoginSession.expires_at > utcnow(), User.active)
    ).first()


def end(session: Session, key: str) -> None:
    session.execute(
        sa.delete(LoginSession).where(LoginSession.key_hash == _hash(key)).execution_options(synchronize_session=False)
    )


def end_all(session: Session, user_id: int) -> int:
    """End every login of a user (log out everywhere, a new password, an account switched off)."""
    return session.execute(
        sa.delete(LoginSession).where(LoginSession.user_id == user_id).execution_options(synchronize_session=False)
    ).rowcount


def count(session: Session, user_id: int) -> int:
    return len(
        session.exec(
            select(LoginSession.id).where(LoginSession.user_id == user_id, LoginSession.expires_at > utcnow())
        ).all()
    )
