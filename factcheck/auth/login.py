"""Logging in with a name and a password, and a second factor where the user has one."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlmodel import Session, select

from factcheck.auth import passwords, sessions, twofactor
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


@dataclass(frozen=True)
class Attempt:
    user: User
    # The new login's key for the cookie; None while the user still owes their second factor.
    key: str | None


def log_in(
    session: Session, *, name: str, password: str, address: str, throttle: LoginThrottle, lifetime_seconds: int
) -> Attempt:
    """``authenticate`` and start a login, unless the user signs in with a second factor too
    (``second_factor`` finishes it). Failures are counted for the throttle, whose wait
    (``throttle.admit``) the caller has already served."""
    try:
        user = authenticate(session, name=name, password=password)
    except NotAuthenticated:
        throttle.failed(name, address)
        raise
    if twofactor.enabled_factor(session, user.id) is not None:
        return Attempt(user, None)  # the failure count stands until the second factor is right too
    throttle.succeeded(name)
    return Attempt(user, sessions.start(session, user=user, lifetime_seconds=lifetime_seconds))


def second_factor(
    session: Session, *, user_id: int, code: str, address: str, throttle: LoginThrottle, lifetime_seconds: int
) -> Attempt:
    """The second step of a login: a current code from the user's app, or one of their recovery
    codes (each works once). A wrong one counts as a failed login."""
    user = session.get(User, user_id)
    factor = twofactor.enabled_factor(session, user_id) if user is not None and user.active else None
    if factor is None:
        raise NotAuthenticated("Log in again.")
    if not (twofactor.accept_code(factor, code) or twofactor.use_recovery_code(factor, code)):
        throttle.failed(user.name, address)
        raise NotAuthenticated(
            "That code is not right (or was used already). Type the code your app shows now, "
            "or one of your recovery codes."
        )
    session.add(factor)
    throttle.succeeded(user.name)
    return Attempt(user, sessions.start(session, user=user, lifetime_seconds=lifetime_seconds))
