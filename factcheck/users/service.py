"""Desk accounts: users, their roles, their API tokens. Every change is checked and audited here,
whichever door it came through (a page, the API, the command line)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import sqlalchemy as sa
from confusable_homoglyphs import categories
from sqlmodel import Session, col, select

from factcheck.auth import passwords, sessions
from factcheck.auth.permissions import Action, Actor, require, require_self_or
from factcheck.auth.tokens import new_token, token_hash
from factcheck.core.errors import Conflict, Forbidden, InvalidInput, NotFound, PasswordChangeRequired
from factcheck.events import by, emit
from factcheck.events.accounts import (
    LoggedOutEverywhere,
    PasswordChanged,
    TokenIssued,
    TokenRevoked,
    TokensRevoked,
    UserCreated,
    UserUpdated,
)
from factcheck.models import ApiToken, Role, User, utcnow

_NAME = re.compile(r"^[\w.@-]{2,80}$")
ROLES = ", ".join(r.value for r in Role)
# Scripts that are written together (Unicode's "highly restrictive" profile); any other mix in
# one name is refused: "аdmin" with a Cyrillic а must not pass for "admin".
_SCRIPT_FAMILIES = ({"HAN", "HIRAGANA", "KATAKANA"}, {"HAN", "BOPOMOFO"}, {"HAN", "HANGUL"})


def normalise_name(name: str) -> str:
    """A user name as stored: NFKC (full-width "ｒｉｔａ" is "rita"), trimmed, checked."""
    name = unicodedata.normalize("NFKC", name).strip()
    if not _NAME.match(name):
        raise InvalidInput("A user name is 2–80 letters, digits or . @ - _ (no spaces).")
    scripts = categories.unique_aliases(name) - {"COMMON", "INHERITED"}
    if len(scripts) > 1 and not any(scripts <= family for family in _SCRIPT_FAMILIES):
        raise InvalidInput(
            f"A user name is written in one script; this one mixes {', '.join(sorted(scripts)).lower()} "
            "letters (a look-alike of another name?)."
        )
    return name


def create_user(session: Session, *, actor: Actor, name: str, role: str, password: str) -> User:
    """Add a user (admins, or the console); names are unique, ignoring case."""
    require(actor, Action.manage_users)
    name = normalise_name(name)
    _check_role(role)
    passwords.check_policy(password, related=(name,))
    folded = name.casefold()
    taken = next((n for n in session.exec(select(User.name)) if n.casefold() == folded), None)
    if taken:
        raise Conflict(f"A user named {taken!r} already exists.")
    user = User(name=name, role=role, password_hash=passwords.hash_password(password))
    session.add(user)
    session.flush()
    emit(session, UserCreated(**by(actor), user_id=user.id, name=user.name, role=user.role))
    return user


def change_password(
    session: Session,
    *,
    actor: Actor,
    user_id: int,
    new_password: str,
    current_password: str | None = None,
    temporary: bool = False,
    revoke_tokens: bool = False,
) -> User:
    """A new password: your own (with your current one), or anyone's (admins, the console). Every
    login of that user ends, so a stolen session does not outlive the password it came with; with
    ``revoke_tokens`` their API tokens end too. A temporary password (an admin resetting an
    account) always revokes them: whoever held the account before must not keep a way in."""
    user = get_user(session, user_id)
    require_self_or(actor, user, Action.manage_users)
    if temporary:
        require(actor, Action.manage_users)  # only an admin hands out a temporary password
    if actor.id == user.id and not passwords.verify(user.password_hash, current_password or ""):
        raise Forbidden("Your current password is not right; your password is unchanged.")
    passwords.check_policy(new_password, related=(user.name,))
    user.password_hash = passwords.hash_password(new_password)
    # Someone choosing their own password is done with a temporary one; an admin setting it is not.
    user.must_change_password = temporary or (actor.id != user.id and user.must_change_password)
    session.add(user)
    ended = sessions.end_all(session, user.id)
    revoked = _revoke_all(session, user) if (revoke_tokens or temporary) else 0
    emit(
        session,
        PasswordChanged(
            **by(actor),
            user_id=user.id,
            name=user.name,
            temporary=temporary,
            logins_ended=ended,
            tokens_revoked=revoked,
        ),
    )
    return user


def end_logins(session: Session, *, actor: Actor, user_id: int, revoke_tokens: bool = False) -> tuple[int, int]:
    """Log a user out everywhere (yourself, or anyone for admins), and with ``revoke_tokens`` end
    their API tokens too; (logins ended, tokens revoked)."""
    user = get_user(session, user_id)
    require_self_or(actor, user, Action.manage_users)
    ended = sessions.end_all(session, user.id)
    revoked = _revoke_all(session, user) if revoke_tokens else 0
    emit(
        session,
        LoggedOutEverywhere(**by(actor), user_id=user.id, name=user.name, logins_ended=ended, tokens_revoked=revoked),
    )
    return ended, revoked


def update_user(
    session: Session, *, actor: Actor, user_id: int, role: str | None = None, active: bool | None = None
) -> User:
    """Change a user's role or switch them off (which revokes their API tokens and ends their logins).

    An admin cannot demote or switch off themselves: a desk must never lock out its last admin
    by accident.
    """
    require(actor, Action.manage_users)
    user = get_user(session, user_id)
    if role is not None:
        _check_role(role)
    if user.id == actor.id and ((role is not None and role != Role.admin) or active is False):
        raise Conflict("You cannot demote or switch off your own account; ask another admin.")
    if user.role == Role.admin and user.active and ((role is not None and role != Role.admin) or active is False):
        _keep_an_admin(session, actor=actor, losing=user)
    before = f"{user.role}/{user.active}"
    if role is not None:
        user.role = role
    if active is not None:
        user.active = active
        if not active:
            _revoke_all(session, user)
            sessions.end_all(session, user.id)
    session.add(user)
    session.flush()
    emit(
        session,
        UserUpdated(**by(actor), user_id=user.id, name=user.name, before=before, after=f"{user.role}/{user.active}"),
    )
    return user


def _keep_an_admin(session: Session, *, actor: Actor, losing: User) -> None:
    """A desk always keeps an active admin, however many admins change each other at once.

    The admins' rows are written (to what they hold) before they are counted: on PostgreSQL that
    locks them, so of two admins demoting each other the second waits, then counts afresh and finds
    itself demoted; on SQLite it takes the database's write lock first (its driver reads outside
    any transaction until the first write, so a count made before it could be stale by then).
    """
    session.execute(
        sa.update(User)
        .where(User.role == Role.admin, col(User.active).is_(True))
        .values(role=User.role)
        .execution_options(synchronize_session=False)
    )
    admins = set(session.exec(select(User.id).where(User.role == Role.admin, col(User.active).is_(True))))
    if isinstance(actor, User) and actor.id not in admins:
        raise Forbidden("You are no longer an admin: another admin changed your account a moment ago.")
    if not admins - {losing.id}:
        raise Conflict(f"{losing.name} is the desk's last active admin; make someone else an admin first.")


@dataclass(frozen=True)
class IssuedToken:
    user: User
    label: str
    token: str  # shown once: only its hash is stored


def issue_token(session: Session, *, actor: Actor, user_id: int, label: str = "api") -> IssuedToken:
    """A new API token for yourself, or (admins) for anyone; not while your own password is a
    temporary one (a token would outlive the password change)."""
    user = get_user(session, user_id)
    require_self_or(actor, user, Action.manage_users)
    if isinstance(actor, User) and actor.must_change_password:
        raise PasswordChangeRequired("Choose your own password first: an admin gave you a temporary one.")
    label = (label or "").strip()[:80] or "api"
    token = new_token()
    session.add(ApiToken(user_id=user.id, label=label, token_hash=token_hash(token)))
    session.flush()
    emit(session, TokenIssued(**by(actor), user_id=user.id, name=user.name, label=label))
    return IssuedToken(user=user, label=label, token=token)


def revoke_tokens(session: Session, *, actor: Actor, user_id: int) -> int:
    """Revoke every API token of yourself, or (admins) of anyone; how many were revoked."""
    user = get_user(session, user_id)
    require_self_or(actor, user, Action.manage_users)
    revoked = _revoke_all(session, user)
    emit(session, TokensRevoked(**by(actor), user_id=user.id, name=user.name, count=revoked))
    return revoked


def tokens(session: Session, *, actor: Actor, user_id: int) -> list[ApiToken]:
    """A user's API tokens, newest first (yourself, or anyone for admins); never the tokens themselves."""
    user = get_user(session, user_id)
    require_self_or(actor, user, Action.manage_users)
    return list(session.exec(select(ApiToken).where(ApiToken.user_id == user.id).order_by(col(ApiToken.id).desc())))


def revoke_token(session: Session, *, actor: Actor, token_id: int) -> ApiToken:
    """Revoke one API token (its owner, or an admin)."""
    token = session.get(ApiToken, token_id)
    if token is None:
        raise NotFound(f"No API token with id {token_id}.")
    user = get_user(session, token.user_id)
    require_self_or(actor, user, Action.manage_users)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.add(token)
        emit(session, TokenRevoked(**by(actor), user_id=user.id, name=user.name, label=token.label, token_id=token.id))
    session.flush()
    return token


def _revoke_all(session: Session, user: User) -> int:
    rows = session.exec(select(ApiToken).where(ApiToken.user_id == user.id, col(ApiToken.revoked_at).is_(None))).all()
    for row in rows:
        row.revoked_at = utcnow()
        session.add(row)
    session.flush()
    return len(rows)


def _check_role(role: str) -> None:
    if role not in Role.__members__:
        raise InvalidInput(f"Unknown role {role!r}; choose one of {ROLES}.")


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"No user with id {user_id}.")
    return user


def by_name(session: Session, name: str) -> User:
    user = session.exec(select(User).where(User.name == unicodedata.normalize("NFKC", name).strip())).first()
    if user is None:
        raise NotFound(f"No user named {name!r}.")
    return user


def list_users(session: Session, *, actor: Actor) -> list[User]:
    """Every account with its role (admins)."""
    require(actor, Action.manage_users)
    return list(session.exec(select(User).order_by(User.name)))


def directory(session: Session, *, include_inactive: bool = False) -> list[User]:
    """Users by name: the active ones (whom a ticket can be assigned to), or everyone who ever
    worked here (to find their past work)."""
    stmt = select(User).order_by(User.name)
    return list(session.exec(stmt if include_inactive else stmt.where(User.active)))


def names(session: Session, ids: set[int]) -> dict[int, str]:
    """Display names of the given users."""
    if not ids:
        return {}
    return dict(session.exec(select(User.id, User.name).where(col(User.id).in_(ids))).all())
