"""The accounts API: who you are; users and tokens."""

from __future__ import annotations

from fastapi import APIRouter

from factcheck.users import service as users
from factcheck.users.schemas import (
    LoginsEnded, PasswordChange, TokenCreate, TokenPublic, UserCreate, UserPublic, UserUpdate,
)
from factcheck.web.deps import ApiUserDep, SessionDep
from factcheck.web.params import PathId

router = APIRouter(tags=["users"])


@router.get("/users/me", response_model=UserPublic)
def who_am_i(user: ApiUserDep):
    return user


@router.get("/users", response_model=list[UserPublic])
def list_users(session: SessionDep, user: ApiUserDep):
    """Every user (admins only)."""
    return users.list_users(session, actor=user)


@router.post("/users", response_model=UserPublic, status_code=201)
def create_user(body: UserCreate, session: SessionDep, user: ApiUserDep):
    """Add a user (admins only); 409 if the name is taken."""
    return users.create_user(session, actor=user, name=body.name, role=body.role, password=body.password)


@router.patch("/users/{user_id:int}", response_model=UserPublic)
def update_user(user_id: PathId, body: UserUpdate, session: SessionDep, user: ApiUserDep):
    """Change a role, or switch a user off (which revokes their tokens and ends their logins); admins only."""
    return users.update_user(session, actor=user, user_id=user_id, role=body.role, active=body.active)


@router.post("/users/{user_id:int}/tokens", response_model=TokenPublic, status_code=201)
def issue_token(user_id: PathId, body: TokenCreate, session: SessionDep, user: ApiUserDep):
    """A new API token for yourself, or (admins) for anyone; the token is shown only here."""
    issued = users.issue_token(session, actor=user, user_id=user_id, label=body.label)
    return TokenPublic(user_id=issued.user.id, label=issued.label, token=issued.token)


@router.post("/users/{user_id:int}/tokens/revoke")
def revoke_tokens(user_id: PathId, session: SessionDep, user: ApiUserDep) -> dict[str, int]:
    """Revoke every API token of yourself, or (admins) of anyone."""
    return {"revoked": users.revoke_tokens(session, actor=user, user_id=user_id)}


@router.post("/users/{user_id:int}/password", response_model=UserPublic)
def change_password(user_id: PathId, body: PasswordChange, session: SessionDep, user: ApiUserDep):
    """A new password for yourself (send `current_password`) or, for admins, anyone; every login of
    that user ends. 422 when the password is too easy to guess, with advice."""
    return users.change_password(session, actor=user, user_id=user_id, new_password=body.new_password,
                                 current_password=body.current_password)


@router.post("/users/{user_id:int}/logins/end", response_model=LoginsEnded)
def end_logins(user_id: PathId, session: SessionDep, user: ApiUserDep):
    """Log yourself (or, for admins, anyone) out of every browser; API tokens are not touched."""
    return LoginsEnded(ended=users.end_logins(session, actor=user, user_id=user_id))
