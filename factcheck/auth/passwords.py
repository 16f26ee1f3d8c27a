"""Password hashing (argon2, through argon2-cffi) and the rules a new password must meet."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from factcheck.core.errors import InvalidInput

MIN_LENGTH = 8
MAX_LENGTH = 1000

_hasher = PasswordHasher()


def check_policy(password: str) -> None:
    """Refuse a password a person should not be allowed to choose, saying why."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"The password must have at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        raise InvalidInput(f"The password must have at most {MAX_LENGTH} characters.")


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
