"""Logging in with a name and a password."""

from __future__ import annotations

from sqlmodel import Session, select

from factcheck.auth import passwords
from factcheck.auth.throttle import LoginThrottle
from factcheck.core.errors import NotAuthenticated
from factcheck.models import User


def authenticate(session: Session, *, name: str, password: str) -> User:
    """The active user with this name and password; the same refusal whichever part was wrong."""
    user = session.exec(select(User).where(User.name == name.strip())).first()
    matches = passwords.verify(user.password_hash if user else passwords.dummy_hash(), password)
    if not matches or user is None or not user.active:
        raise NotAuthenticated("Wrong user name or password.")
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    return user


def log_in(session: Session, *, name: str, password: str, client: str, throttle: LoginThrottle) -> User:
    """``authenticate``, with repeated failures for one name from one client slowed down."""
    key = (name.strip().lower(), client)
    throttle.check(key)
    try:
        user = authenticate(session, name=name, password=password)
    except NotAuthenticated:
        throttle.failed(key)
        raise
    throttle.succeeded(key)
    return user
