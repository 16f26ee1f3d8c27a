"""Users, passwords (argon2) and API tokens."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlmodel import Session, select

from factcheck.core.errors import Conflict, InvalidInput, NotAuthenticated, NotFound
from factcheck.models import ApiToken, Role, User, as_utc, utcnow

_hasher = PasswordHasher()
_NAME = re.compile(r"^[\w.@-]{2,80}$")
MIN_PASSWORD = 8
# Verifying against a fixed hash when the user does not exist keeps the timing of a failed login
# the same whether or not the name exists.
_DUMMY_HASH = _hasher.hash("factcheck-dummy-password")


def create_user(session: Session, *, name: str, role: str, password: str) -> User:
    """Create a user; names are unique, passwords at least 8 characters."""
    name = name.strip()
    if not _NAME.match(name):
        raise InvalidInput("A user name is 2–80 letters, digits or . @ - _ (no spaces).")
    if role not in Role.__members__:
        raise InvalidInput(f"Unknown role {role!r}; choose reviewer, editor or admin.")
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"The password must have at least {MIN_PASSWORD} characters.")
    if session.exec(select(User).where(User.name == name)).first():
        raise Conflict(f"A user named {name!r} already exists.")
    user = User(name=name, role=role, password_hash=_hasher.hash(password))
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, *, name: str, password: str) -> User:
    user = session.exec(select(User).where(User.name == name.strip())).first()
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        raise NotAuthenticated("Wrong user name or password.") from None
    if user is None or not user.active:
        raise NotAuthenticated("Wrong user name or password.")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"No user with id {user_id}.")
    return user


def by_name(session: Session, name: str) -> User:
    user = session.exec(select(User).where(User.name == name)).first()
    if user is None:
        raise NotFound(f"No user named {name!r}.")
    return user


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.name)))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, *, user: User, label: str = "api") -> str:
    """Create an API token; the plain token is returned once and never stored."""
    token = "fc_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, label=label[:80], token_hash=_token_hash(token)))
    session.flush()
    return token


def user_for_token(session: Session, token: str) -> User:
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == _token_hash(token))).first()
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


def revoke_tokens(session: Session, *, user: User) -> int:
    rows = session.exec(
        select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
    ).all()
    for row in rows:
        row.revoked_at = utcnow()
    return len(rows)


def update_user(session: Session, *, user: User, actor: User, role: str | None = None,
                active: bool | None = None) -> User:
    """Change a user's role or switch them off (switching off also revokes their API tokens).

    An admin cannot demote or switch off themselves: a desk must never lock out its last admin
    by accident.
    """
    from factcheck.audit import service as audit
    from factcheck.users.permissions import Action, require

    require(actor, Action.manage_users)
    if role is not None and role not in Role.__members__:
        raise InvalidInput(f"Unknown role {role!r}; choose reviewer, editor or admin.")
    if user.id == actor.id and ((role is not None and role != Role.admin) or active is False):
        raise InvalidInput("You cannot demote or switch off your own account; ask another admin.")
    before = {"role": user.role, "active": user.active}
    if role is not None:
        user.role = role
    if active is not None:
        user.active = active
        if not active:
            revoke_tokens(session, user=user)
    session.add(user)
    session.flush()
    audit.record(session, actor=actor, action="user.update", from_value=f"{before['role']}/{before['active']}",
                 to_value=f"{user.role}/{user.active}", detail={"user_id": user.id, "name": user.name})
    return user
