"""What the API takes and gives about accounts."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from factcheck.auth.passwords import MAX_LENGTH, MIN_LENGTH
from factcheck.core.schemas import Public, Strict
from factcheck.models import Role


class UserPublic(Public):
    id: int
    name: str
    role: Role
    active: bool
    created_at: datetime


class UserCreate(Strict):
    name: str = Field(..., min_length=2, max_length=80, examples=["rita"])
    role: Role = Role.reviewer
    password: str = Field(..., min_length=MIN_LENGTH, max_length=MAX_LENGTH)


class UserUpdate(Strict):
    role: Role | None = None
    active: bool | None = Field(None, strict=True)


class PasswordChange(Strict):
    """Your own password needs your current one; an admin setting someone else's does not."""

    new_password: str = Field(..., min_length=MIN_LENGTH, max_length=MAX_LENGTH)
    current_password: str | None = Field(None, max_length=MAX_LENGTH)
    revoke_tokens: bool = Field(False, strict=True, description="Also revoke every API token of the user")


class EndLogins(Strict):
    revoke_tokens: bool = Field(False, strict=True, description="Also revoke every API token of the user")


class LoginsEnded(BaseModel):
    ended: int = Field(..., description="How many logins (browser sessions) were ended")
    revoked_tokens: int = Field(0, description="How many API tokens were revoked")


class TokenCreate(Strict):
    label: str = Field("api", min_length=1, max_length=80, examples=["cms-plugin"])


class TokenPublic(BaseModel):
    user_id: int
    label: str
    token: str = Field(..., description="Shown once; only a hash is stored.")


class TwoFactorRoles(Strict):
    roles: list[Role] = Field(
        ...,
        max_length=3,
        description="The roles that must sign in with a second factor",
        examples=[["editor", "admin"]],
    )
