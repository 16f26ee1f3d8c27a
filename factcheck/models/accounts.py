"""Tables of accounts: people, their logins, tokens and second factors, and the desk's own secrets
and settings."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from factcheck.models.columns import _ts, enum_column, utcnow


class Role(StrEnum):
    reviewer = "reviewer"
    editor = "editor"
    admin = "admin"


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=sa.Column(sa.String(80), nullable=False, unique=True))
    role: Role = Field(sa_column=enum_column(Role, 16, nullable=False))
    password_hash: str = Field(sa_column=sa.Column(sa.String(255), nullable=False))
    active: bool = True
    # Set by an admin's temporary password: the pages ask for a new one before anything else.
    must_change_password: bool = Field(
        default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false())
    )
    # An invite link not yet used (only its SHA-256 kept): its holder chooses the password.
    invite_sha256: str | None = Field(default=None, sa_column=sa.Column(sa.String(64), unique=True))
    invite_expires_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    label: str = Field(sa_column=sa.Column(sa.String(80), nullable=False))
    # Only a SHA-256 of the token is kept: a leaked database does not leak working tokens.
    token_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False, unique=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    last_used_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    revoked_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class LoginSession(SQLModel, table=True):
    """A browser's login, kept here so that logging out (or a password change, or switching the
    user off) ends every copy of its cookie, not just the one in the browser that asked."""

    __tablename__ = "login_session"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    # The cookie holds a random key; only its SHA-256 is kept, like an API token's.
    key_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False, unique=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    expires_at: datetime = Field(sa_column=_ts(nullable=False))


class TwoFactor(SQLModel, table=True):
    """A user's time-based one-time-password key (RFC 6238, as authenticator apps use it), and
    the recovery codes for a lost phone. Until ``enabled_at`` it is being set up."""

    __tablename__ = "two_factor"

    user_id: int = Field(foreign_key="user.id", primary_key=True)
    secret: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    enabled_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    # The 30-second step of the last code accepted: a code seen once is never accepted again.
    last_step: int = Field(default=0, sa_column=sa.Column(sa.BigInteger, nullable=False, server_default="0"))
    # SHA-256 of each unused recovery code, as JSON; a code used is removed.
    recovery_hashes: str = Field(default="[]", sa_column=sa.Column(sa.Text, nullable=False))


class DeskSetting(SQLModel, table=True):
    """A desk-wide choice an admin makes in the desk (not in the environment), shared by every
    process: which roles must sign in with a second factor."""

    __tablename__ = "desk_setting"

    name: str = Field(sa_column=sa.Column(sa.String(60), primary_key=True))
    value: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    updated_by: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class InstanceSecret(SQLModel, table=True):
    """Secrets a desk makes for itself on first start (the cookie-signing key), shared by every
    process on the database, unless the environment gives one."""

    __tablename__ = "instance_secret"

    name: str = Field(sa_column=sa.Column(sa.String(40), primary_key=True))
    value: str = Field(sa_column=sa.Column(sa.String(200), nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
