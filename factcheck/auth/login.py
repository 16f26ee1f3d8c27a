"""Logging in with a name and a password."""

from __future__ import annotations

import unicodedata

from sqlmodel import Session, select

from factcheck.auth import passwords, sessions
from factcheck.auth.throttle import LoginThrottle
from factcheck.core.errors import NotAuthenticated
from factcheck.models import User


def find(session: Session, name: str) -> User | None:
    """The user a typed name means: as stored (names are NFKC, see users.service), or failing
    that the one name equal to it ignoring case (names are unique ignoring case)."""
    typed = unicodedata.normalize("NFKC", name).strip()
    user = session.exec(select(User).where(User.name == typed)).first()
    if user is None and typed:
        folded = typed.casefold()
        user = next((u for u in session.exec(select(User)) if u.name.casefold() == folded), None)
    return user


def authenticate(session: Session, *, name: str, password: str) -> User:
    """The active user with this name and password; the same refusal whichever part was wrong."""
    user = find(session, name)
    matches = passwords.verify(user.password_hash if user else passwords.dummy_hash(), password)
    if not matches or user is None or not user.active:
        raise NotAuthenticated("Wrong user name or password.")
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    return user


def log_in(session: Session, *, name: str, password: str, address: str, throttle: LoginThrottle,
           lifetime_seconds: int) -> tuple[User, str]:
    """``authenticate`` and start a login (its cookie key is returned); failures are counted
    for the throttle, whose wait (``throttle.admit``) the caller has already served."""
    try:
        user = authenticate(session, name=name, password=password)
    except NotAuthenticated:
        throttle.failed(name, address)
        raise
    throttle.succeeded(name)
    return user, sessions.start(session, user=user, lifetime_seconds=lifetime_seconds)
