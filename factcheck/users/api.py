"""The accounts API: who you are; users and tokens."""

from __future__ import annotations

from fastapi import APIRouter

from factcheck.users import service as users
from factcheck.users import twofactor as two_factor
from factcheck.users.schemas import (
    EndLogins,
    LoginsEnded,
    PasswordChange,
    TokenCreate,
    TokenPublic,
    TwoFactorRoles,
    UserCreate,
    UserPublic,
    UserUpdate,
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
    that user ends, and with `revoke_tokens` their API tokens too. 422 when the password is too easy
    to guess, with advice."""
    return users.change_password(
        session,
        actor=user,
        user_id=user_id,
        new_password=body.new_password,
        current_password=body.current_password,
        revoke_tokens=body.revoke_tokens,
    )


@router.post("/users/{user_id:int}/logins/end", response_model=LoginsEnded)
def end_logins(user_id: PathId, session: SessionDep, user: ApiUserDep, body: EndLogins | None = None):
    """Log yourself (or, for admins, anyone) out of every browser; with `revoke_tokens`, end every
    API token of theirs too (this one included, if it is theirs)."""
    ended, revoked = users.end_logins(
        session, actor=user, user_id=user_id, revoke_tokens=bool(body and body.revoke_tokens)
    )
    return LoginsEnded(ended=ended, revoked_tokens=revoked)


@router.put("/users/two-factor-roles", response_model=TwoFactorRoles)
def require_two_factor(body: TwoFactorRoles, session: SessionDep, user: ApiUserDep):
    """Which roles must sign in with a second factor (admins). People of those roles who have not set
    one up can only reach their account page (and, through the API, `GET /users/me`) until they do."""
    return TwoFactorRoles(roles=sorted(two_factor.require_for(session, actor=user, roles=list(body.roles))))


@router.post("/users/{user_id:int}/two-factor/reset", response_model=UserPublic)
def reset_two_factor(user_id: PathId, session: SessionDep, user: ApiUserDep):
    """Remove a user's second factor (admins; a lost phone): their logins end."""
    return two_factor.reset(session, actor=user, user_id=user_id)
