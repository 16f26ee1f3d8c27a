"""Invite links: an admin adds a user without inventing a password for them. The link is shown
once, works once, and expires; its holder chooses their own password (the desk's policy applies)
and then logs in. Until then the account has no usable password."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from factcheck.auth import passwords
from factcheck.auth.permissions import Action, Actor, require
from factcheck.core.errors import Conflict, InvalidInput, NotFound
from factcheck.events import by, emit
from factcheck.events.accounts import PasswordChanged
from factcheck.models import User, as_utc, utcnow
from factcheck.users.service import create_user, get_user

VALID_FOR = timedelta(hours=72)


@dataclass(frozen=True)
class Invite:
    user: User
    token: str  # in the link, shown once; the desk keeps its digest


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _issue(user: User) -> str:
    token = secrets.token_urlsafe(32)
    user.invite_sha256, user.invite_expires_at = _digest(token), utcnow() + VALID_FOR
    # Nobody knows this password: the account is reached through the link alone.
    user.password_hash = passwords.hash_password(secrets.token_urlsafe(32))
    return token


def invite(session: Session, *, actor: Actor, name: str, role: str) -> Invite:
    """A new user and the link with which they choose their password (admins)."""
    user = create_user(session, actor=actor, name=name, role=role, password=secrets.token_urlsafe(32))
    token = _issue(user)
    session.add(user)
    session.flush()
    return Invite(user, token)


def reissue(session: Session, *, actor: Actor, user_id: int) -> Invite:
    """A new link for someone who has not used theirs (the old one stops working)."""
    require(actor, Action.manage_users)
    user = get_user(session, user_id)
    if user.invite_sha256 is None:
        raise Conflict(f"{user.name} has already chosen a password: give a temporary one instead.")
    token = _issue(user)
    session.add(user)
    return Invite(user, token)


def pending(session: Session, token: str) -> User:
    """The user a link invites, or why it does not work."""
    user = session.exec(select(User).where(User.invite_sha256 == _digest(token or ""))).first() if token else None
    if user is None:
        raise NotFound("This invite link does not work: it was used already, replaced by a newer one, or mistyped.")
    if not user.active:
        raise NotFound("This account is switched off: ask an admin.")
    if as_utc(user.invite_expires_at) < utcnow():
        raise InvalidInput("This invite link has expired: ask an admin for a new one.")
    return user


def accept(session: Session, *, token: str, password: str, again: str) -> User:
    """The invited person's own password; the link stops working."""
    user = pending(session, token)
    if password != again:
        raise InvalidInput("The two passwords are not the same: type the same password twice.")
    passwords.check_policy(password, related=(user.name,))
    user.password_hash = passwords.hash_password(password)
    user.invite_sha256 = user.invite_expires_at = None
    user.must_change_password = False
    session.add(user)
    session.flush()
    emit(
        session,
        PasswordChanged(**by(user), user_id=user.id, name=user.name, temporary=False, logins_ended=0, tokens_revoked=0),
    )
    return user
