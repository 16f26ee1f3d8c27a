"""Pages: the admin's list of users."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request

from factcheck.auth import twofactor
from factcheck.core.errors import Conflict, InvalidInput
from factcheck.models import Role, as_utc, utcnow
from factcheck.users import invites
from factcheck.users import service as users
from factcheck.users import twofactor as two_factor
from factcheck.web.deps import CsrfDep, SessionDep, SettingsDep, UserDep
from factcheck.web.render import redirect, render

router = APIRouter()


@router.get("/users")
def user_list(request: Request, session: SessionDep, user: UserDep):
    return _users_page(request, session, user)


def _users_page(
    request: Request,
    session: SessionDep,
    user: UserDep,
    problem: str | None = None,
    status_code: int = 200,
    kept: dict | None = None,
    invite: tuple | None = None,
):
    """``invite``: (name, link, how long it works) of a link just made: shown on this answer only."""
    everyone = users.list_users(session, actor=user)
    tokens = {u.id: users.tokens(session, actor=user, user_id=u.id) for u in everyone}
    two_factor_on = {u.id for u in everyone if twofactor.enabled_factor(session, u.id)}
    return render(
        request,
        "users/list.html",
        user,
        status_code=status_code,
        users=everyone,
        tokens=tokens,
        problem=problem,
        kept=kept or {},
        two_factor_on=two_factor_on,
        required_roles=twofactor.required_roles(session),
        roles=list(Role),
        invite=invite,
        expired_invites={u.id for u in everyone if u.invite_sha256 and as_utc(u.invite_expires_at) < utcnow()},
    )


@router.post("/users/two-factor", dependencies=[CsrfDep])
def users_two_factor_required(
    request: Request,
    session: SessionDep,
    user: UserDep,
    role: Annotated[list[str], Form()] = [],  # noqa: B006 (FastAPI's form default)
):
    said = ", ".join(role) or "nobody"
    return _admin_act(
        request,
        session,
        user,
        lambda: two_factor.require_for(session, actor=user, roles=role),
        f"Two-factor sign-in is now required of: {said}.",
    )


@router.post("/users/{user_id:int}/two-factor/reset", dependencies=[CsrfDep])
def user_two_factor_reset(request: Request, user_id: int, session: SessionDep, user: UserDep):
    return _admin_act(
        request,
        session,
        user,
        lambda: two_factor.reset(session, actor=user, user_id=user_id),
        "Their second factor is removed and their logins have ended.",
    )


def _admin_act(request: Request, session: SessionDep, user: UserDep, action, message: str, kept: dict | None = None):
    """One admin change; a refusal (a weak password, demoting yourself) comes back on the page,
    with what was typed (``kept``; never a password)."""
    try:
        action()
    except (InvalidInput, Conflict) as exc:
        session.rollback()
        return _users_page(request, session, user, problem=exc.message, status_code=exc.status_code, kept=kept)
    return redirect(request, "/users", message)


@router.post("/users", dependencies=[CsrfDep])
def user_create(
    request: Request,
    session: SessionDep,
    user: UserDep,
    name: Annotated[str, Form()],
    role: Annotated[str, Form()],
    password: Annotated[str, Form()],
):
    return _admin_act(
        request,
        session,
        user,
        lambda: users.create_user(session, actor=user, name=name, role=role, password=password),
        f"User {name} ({role}) created.",
        kept={"name": name, "role": role},
    )


@router.post("/users/{user_id:int}/role", dependencies=[CsrfDep])
def user_role(request: Request, user_id: int, session: SessionDep, user: UserDep, role: Annotated[str, Form()]):
    changed = users.get_user(session, user_id).name
    return _admin_act(
        request,
        session,
        user,
        lambda: users.update_user(session, actor=user, user_id=user_id, role=role),
        f"{changed} is now {role}.",
    )


@router.post("/users/{user_id:int}/active", dependencies=[CsrfDep])
def user_active(request: Request, user_id: int, session: SessionDep, user: UserDep, active: Annotated[str, Form()]):
    on = active == "1"
    changed = users.get_user(session, user_id).name
    return _admin_act(
        request,
        session,
        user,
        lambda: users.update_user(session, actor=user, user_id=user_id, active=on),
        f"{changed} is switched {'on' if on else 'off'}" + ("." if on else "; their tokens and logins ended."),
    )


@router.post("/users/{user_id:int}/temporary-password", dependencies=[CsrfDep])
def user_temporary_password(
    request: Request, user_id: int, session: SessionDep, user: UserDep, password: Annotated[str, Form(max_length=1000)]
):
    changed = users.get_user(session, user_id).name
    return _admin_act(
        request,
        session,
        user,
        lambda: users.change_password(session, actor=user, user_id=user_id, new_password=password, temporary=True),
        f"{changed} has a temporary password; they choose their own at their next login. "
        "Their logins have ended and their API tokens are revoked.",
    )


@router.post("/users/tokens/{token_id:int}/revoke", dependencies=[CsrfDep])
def user_token_revoke(request: Request, token_id: int, session: SessionDep, user: UserDep):
    token = users.revoke_token(session, actor=user, token_id=token_id)
    return redirect(request, "/users", f"Token {token.label!r} revoked.")


@router.post("/users/invite", dependencies=[CsrfDep])
def user_invite(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: UserDep,
    name: Annotated[str, Form(max_length=200)],
    role: Annotated[str, Form(max_length=20)],
):
    """A new user without a password: the link to choose one is on this answer only."""
    try:
        made = invites.invite(session, actor=user, name=name, role=role)
    except (InvalidInput, Conflict) as exc:
        return _users_page(request, session, user, exc.message, exc.status_code, kept={"name": name, "role": role})
    return _revealed(request, session, user, settings, made)


@router.post("/users/{user_id:int}/invite", dependencies=[CsrfDep])
def user_reinvite(request: Request, user_id: int, session: SessionDep, settings: SettingsDep, user: UserDep):
    try:
        made = invites.reissue(session, actor=user, user_id=user_id)
    except Conflict as exc:
        return _users_page(request, session, user, exc.message, exc.status_code)
    return _revealed(request, session, user, settings, made)


def _revealed(request: Request, session: SessionDep, user: UserDep, settings, made: invites.Invite):
    link = f"{settings.site_url}/invite/{made.token}"
    response = _users_page(request, session, user, invite=(made.user.name, link, invites.VALID_FOR))
    response.headers["Cache-Control"] = "no-store"
    return response
