"""Password hashing (argon2, through argon2-cffi) and the rules a new password must meet."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from factcheck.core.errors import InvalidInput

MIN_LENGTH = 10
MAX_LENGTH = 1000
# zxcvbn's scale: 3 is "safely unguessable", beyond what an online attack (throttled, see
# auth/throttle.py) can reach; common passwords, keyboard walks, dates and the user's own name
# score 0–2 whatever their length.
MIN_SCORE = 3

_hasher = PasswordHasher()


def check_policy(password: str, *, related: tuple[str, ...] = ()) -> None:
    """Refuse a password a person should not be allowed to choose, saying why. ``related``: words
    an attacker would try first (the user's name, the desk's)."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"The password must have at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        raise InvalidInput(f"The password must have at most {MAX_LENGTH} characters.")
    from zxcvbn import zxcvbn  # its word lists load in ~20 ms; only password changes need them

    # zxcvbn reads at most 72 characters; a longer password is judged by its start.
    verdict = zxcvbn(password[:72], user_inputs=[*related, "factcheck"])
    if verdict["score"] < MIN_SCORE:
        feedback = verdict["feedback"]
        advice = " ".join(filter(None, [feedback.get("warning"), *feedback.get("suggestions", [])]))
        raise InvalidInput(
            "That password is too easy to guess."
            + (f" {advice}" if advice else "")
            + " A few unrelated words make a strong one."
        )


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


@cache
def dummy_hash() -> str:
    """A hash to verify against when the user does not exist, so a failed login takes as long
    whether or not the name exists. Made on first use: hashing at import slowed every command."""
    return hash_password("factcheck-dummy-password")
