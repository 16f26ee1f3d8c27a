"""Two-factor sign-in for people: setting it up (a key for their app, confirmed with a first code,
then recovery codes shown once), new recovery codes, turning it off, an admin's reset for a lost
phone, and which roles must use it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from factcheck.auth import passwords, sessions, twofactor
from factcheck.auth.permissions import Action, Actor, require, require_person
from factcheck.core.errors import Conflict, Forbidden, InvalidInput
from factcheck.events import by, emit
from factcheck.events.accounts import (
    RecoveryCodesRenewed,
    TwoFactorReset,
    TwoFactorRolesSet,
    TwoFactorTurnedOff,
    TwoFactorTurnedOn,
)
from factcheck.models import DeskSetting, Role, TwoFactor, User, utcnow
from factcheck.users.service import get_user


@dataclass(frozen=True)
class Setup:
    """What the account page shows while a user sets up their app."""

    secret: str
    uri: str
    qr: str  # an SVG data: URI


def start_setup(session: Session, *, actor: Actor, issuer: str) -> Setup:
    """A new key for the user's app; nothing changes until a first code from it confirms it."""
    person = require_person(actor, Action.ingest)
    factor = session.get(TwoFactor, person.id)
    if factor is not None and factor.enabled_at is not None:
        raise Conflict("Two-factor sign-in is already on for your account.")
    secret = twofactor.new_secret()
    if factor is None:
        factor = TwoFactor(user_id=person.id, secret=secret)
    factor.secret, factor.last_step = secret, 0
    session.add(factor)
    session.flush()
    uri = twofactor.provisioning_uri(secret, account=person.name, issuer=issuer)
    return Setup(secret=secret, uri=uri, qr=twofactor.qr_data_uri(uri))


def pending_setup(session: Session, *, actor: Actor, issuer: str) -> Setup | None:
    """The key being set up, if a set-up was started and not confirmed (a page reload shows it again)."""
    person = require_person(actor, Action.ingest)
    factor = session.get(TwoFactor, person.id)
    if factor is None or factor.enabled_at is not None:
        return None
    uri = twofactor.provisioning_uri(factor.secret, account=person.name, issuer=issuer)
    return Setup(secret=factor.secret, uri=uri, qr=twofactor.qr_data_uri(uri))


def confirm_setup(session: Session, *, actor: Actor, code: str) -> list[str]:
    """Turn it on with a first code from the app; the recovery codes, to show once."""
    person = require_person(actor, Action.ingest)
    factor = session.get(TwoFactor, person.id)
    if factor is None or factor.enabled_at is not None:
        raise Conflict("Start setting up two-factor sign-in first.")
    if not twofactor.accept_code(factor, code):
        raise InvalidInput(
            "That code is not right. Check that your phone's clock is right, and type the code the app shows now."
        )
    factor.enabled_at = utcnow()
    codes = twofactor.new_recovery_codes(factor)
    session.add(factor)
    session.flush()
    emit(session, TwoFactorTurnedOn(**by(person), user_id=person.id, name=person.name))
    return codes


def new_recovery_codes(session: Session, *, actor: Actor, code: str) -> list[str]:
    """Ten new recovery codes (the old ones stop working), for a current code from the app."""
    person = require_person(actor, Action.ingest)
    factor = _enabled(session, person)
    if not twofactor.accept_code(factor, code):
        raise InvalidInput("That code is not right; your recovery codes are unchanged.")
    codes = twofactor.new_recovery_codes(factor)
    session.add(factor)
    emit(session, RecoveryCodesRenewed(**by(person), user_id=person.id, name=person.name))
    return codes


def turn_off(session: Session, *, actor: Actor, password: str, code: str) -> None:
    """Turn two-factor sign-in off (with the password and a current code), unless the user's
    role must use it."""
    person = require_person(actor, Action.ingest)
    factor = _enabled(session, person)
    if person.role in twofactor.required_roles(session):
        raise Conflict(f"Two-factor sign-in is required for {person.role}s on this desk; it cannot be turned off.")
    if not passwords.verify(person.password_hash, password):
        raise Forbidden("Your password is not right; two-factor sign-in is still on.")
    if not (twofactor.accept_code(factor, code) or twofactor.use_recovery_code(factor, code)):
        raise InvalidInput("That code is not right; two-factor sign-in is still on.")
    session.delete(factor)
    session.flush()
    emit(session, TwoFactorTurnedOff(**by(person), user_id=person.id, name=person.name))


def reset(session: Session, *, actor: Actor, user_id: int) -> User:
    """For a lost phone (admins): the user's second factor is removed and their logins end; they
    set it up again at their next login if their role requires it."""
    require(actor, Action.manage_users)
    user = get_user(session, user_id)
    factor = session.get(TwoFactor, user.id)
    if factor is None:
        raise Conflict(f"{user.name} has no second factor to reset.")
    session.delete(factor)
    ended = sessions.end_all(session, user.id)
    session.flush()
    emit(session, TwoFactorReset(**by(actor), user_id=user.id, name=user.name, logins_ended=ended))
    return user


def require_for(session: Session, *, actor: Actor, roles: list[str]) -> set[str]:
    """Which roles must sign in with a second factor (admins). Someone of such a role without one
    can reach only their account page until they set it up."""
    require(actor, Action.manage_users)
    unknown = set(roles) - set(Role.__members__)
    if unknown:
        raise InvalidInput(f"Unknown roles: {', '.join(sorted(unknown))}; choose among {', '.join(Role)}.")
    if isinstance(actor, User) and actor.role in roles and twofactor.enabled_factor(session, actor.id) is None:
        raise Conflict(
            "Set up two-factor sign-in for your own account first: you would be locked out of "
            "everything but your account page."
        )
    setting = session.get(DeskSetting, twofactor.REQUIRED_ROLES) or DeskSetting(
        name=twofactor.REQUIRED_ROLES, value="", updated_by=actor.name
    )
    before = setting.value
    setting.value, setting.updated_by, setting.updated_at = ",".join(sorted(set(roles))), actor.name, utcnow()
    session.add(setting)
    session.flush()
    emit(session, TwoFactorRolesSet(**by(actor), before=before, after=setting.value))
    return set(roles)


def _enabled(session: Session, person: User) -> TwoFactor:
    factor = twofactor.enabled_factor(session, person.id)
    if factor is None:
        raise Conflict("Two-factor sign-in is not on for your account.")
    return factor
