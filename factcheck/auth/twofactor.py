"""Second-factor sign-in: time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 seconds,
what every authenticator app reads from a QR code) and single-use recovery codes.

Newsroom accounts are phishing targets: with a second factor a stolen password alone opens
nothing. A code is accepted within one step either side of now (clocks drift), and never twice.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time

import pyotp
import segno
from sqlmodel import Session

from factcheck.models import DeskSetting, TwoFactor, User

STEP = 30
RECOVERY_CODES = 10


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, *, account: str, issuer: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=issuer)


def qr_data_uri(uri: str) -> str:
    """The QR code an authenticator app scans, as an SVG data: URI (no script, no network)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, dark="#111", light="#fff")


def _clean(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def accept_code(factor: TwoFactor, code: str, *, now: float | None = None) -> bool:
    """True, and the step remembered, for a current code not used before."""
    code = _clean(code)
    if not (len(code) == 6 and code.isdigit()):
        return False
    now = time.time() if now is None else now
    totp = pyotp.TOTP(factor.secret)
    current = int(now // STEP)
    for step in (current - 1, current, current + 1):
        if step > factor.last_step and hmac.compare_digest(totp.at(step * STEP), code):
            factor.last_step = step
            return True
    return False


def new_recovery_codes(factor: TwoFactor) -> list[str]:
    """Ten fresh codes, shown once; only their hashes are kept (the old ones stop working)."""
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    factor.recovery_hashes = json.dumps([_hash(c) for c in codes])
    return codes


def use_recovery_code(factor: TwoFactor, code: str) -> bool:
    hashes = json.loads(factor.recovery_hashes)
    digest = _hash(code)
    if digest not in hashes:
        return False
    hashes.remove(digest)
    factor.recovery_hashes = json.dumps(hashes)
    return True


def recovery_left(factor: TwoFactor) -> int:
    return len(json.loads(factor.recovery_hashes))


def _hash(code: str) -> str:
    return hashlib.sha256(_clean(code).encode()).hexdigest()


# Which roles must sign in with a second factor: a desk setting admins change (users.twofactor).
REQUIRED_ROLES = "two_factor_roles"


def enabled_factor(session: Session, user_id: int) -> TwoFactor | None:
    factor = session.get(TwoFactor, user_id)
    return factor if factor is not None and factor.enabled_at is not None else None


def required_roles(session: Session) -> set[str]:
    setting = session.get(DeskSetting, REQUIRED_ROLES)
    return {r for r in (setting.value.split(",") if setting else []) if r}


def owes_second_factor(session: Session, user: User) -> bool:
    """True for someone whose role must use a second factor and who has not set one up: until
    they do, they can only reach their account page."""
    return user.role in required_roles(session) and enabled_factor(session, user.id) is None
