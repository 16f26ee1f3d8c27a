"""Pages: log in, log out, and the admin's list of users."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.concurrency import run_in_threadpool

from factcheck.auth import sessions
from factcheck.auth.login import log_in
from factcheck.auth.throttle import TooManyAttempts
from factcheck.core.errors import Conflict, Forbidden, InvalidInput, NotAuthenticated
from factcheck.users import service as users
from factcheck.web.admission import wait_aside
from factcheck.web.deps import CsrfDep, SessionDep, SettingsDep, UserDep, csrf_token
from factcheck.web.render import redirect, render, safe_next

router = APIRouter()


@router.get("/login")
def login_form(request: Request, next: str = "/"):
    return render(request, "users/login.html", None, next=safe_next(next), error=None)


@router.post("/login", dependencies=[CsrfDep])
async def login(
    request: Request, session: SessionDep, settings: SettingsDep,
    name: Annotated[str, Form(max_length=200)], password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "/",
):
    throttle = request.app.state.login_throttle
    address = request.client.host if request.client else "unknown"
    try:
        # Repeated failures on a name make the next attempt wait here, holding no thread and no
        # place in the request queue (the counts are in the database: read in a thread).
        await wait_aside(request.scope, await run_in_threadpool(throttle.admit, name, address))
        user, key = await run_in_threadpool(log_in, session, name=name, password=password, address=address,
                                            throttle=throttle, lifetime_seconds=settings.session_max_age)
    except (NotAuthenticated, TooManyAttempts) as exc:
        response = render(request, "users/login.html", None, status_code=exc.status_code, next=safe_next(next),
                          error=exc.message)
        if wait := exc.details.get("retry_after_seconds"):
            response.headers["Retry-After"] = str(wait)
        return response
    # A new login key and a new CSRF token: nothing from before the login carries over, and a login
    # this browser held before (someone else's, perhaps) ends.
    if isinstance(previous := request.session.get("login"), str):
        await run_in_threadpool(sessions.end, session, previous)
    request.session.clear()
    request.session["login"] = key
    csrf_token(request)
    return redirect(request, safe_next(next))


@router.post("/logout", dependencies=[CsrfDep])
def logout(request: Request, session: SessionDep):
    key = request.session.get("login")
    if isinstance(key, str):
        sessions.end(session, key)  # every copy of this cookie stops working, not just this one
    request.session.clear()
    return redirect(request, "/login", "You are logged out.")


@router.get("/account")
def account(request: Request, session: SessionDep, user: UserDep):
    return _account_page(request, session, user)


def _account_page(request: Request, session: SessionDep, user: UserDep, problem: str | None = None):
    return render(request, "users/account.html", user, status_code=422 if problem else 200, problem=problem,
                  logins=sessions.count(session, user.id))


@router.post("/account/password", dependencies=[CsrfDep])
def account_password(
    request: Request, session: SessionDep, user: UserDep,
    current_password: Annotated[str, Form(max_length=1000)], new_password: Annotated[str, Form(max_length=1000)],
    repeat_password: Annotated[str, Form(max_length=1000)],
):
    if new_password != repeat_password:
        return _account_page(request, session, user, problem="The two new passwords differ; your password is unchanged.")
    try:
        users.change_password(session, actor=user, user_id=user.id, new_password=new_password,
                              current_password=current_password)
    except (InvalidInput, Forbidden) as exc:
        return _account_page(request, session, user, problem=exc.message)
    request.session.clear()
    return redirect(request, "/login", "Your password is changed; log in with the new one.")


@router.post("/account/logout-everywhere", dependencies=[CsrfDep])
def account_logout_everywhere(request: Request, session: SessionDep, user: UserDep):
    ended = users.end_logins(session, actor=user, user_id=user.id)
    request.session.clear()
    return redirect(request, "/login", f"You are logged out of {ended} {'browser' if ended == 1 else 'browsers'}.")


@router.get("/users")
def user_list(request: Request, session: SessionDep, user: UserDep):
    return _users_page(request, session, user)


def _users_page(request: Request, session: SessionDep, user: UserDep, problem: str | None = None,
                status_code: int = 200):
    everyone = users.list_users(session, actor=user)
    tokens = {u.id: users.tokens(session, actor=user, user_id=u.id) for u in everyone}
    return render(request, "users/list.html", user, status_code=status_code, users=everyone, tokens=tokens,
                  problem=problem)


def _admin_act(request: Request, session: SessionDep, user: UserDep, action, message: str):
    """One admin change; a refusal (a weak password, demoting yourself) comes back on the page."""
    try:
        action()
    except (InvalidInput, Conflict) as exc:
        session.rollback()
        return _users_page(request, session, user, problem=exc.message, status_code=exc.status_code)
    return redirect(request, "/users", message)


@router.post("/users", dependencies=[CsrfDep])
def user_create(
    request: Request, session: SessionDep, user: UserDep,
    name: Annotated[str, Form()], role: Annotated[str, Form()], password: Annotated[str, Form()],
):
    return _admin_act(request, session, user,
                      lambda: users.create_user(session, actor=user, name=name, role=role, password=password),
                      f"User {name} ({role}) created.")


@router.post("/users/{user_id:int}/role", dependencies=[CsrfDep])
def user_role(request: Request, user_id: int, session: SessionDep, user: UserDep, role: Annotated[str, Form()]):
    changed = users.get_user(session, user_id).name
    return _admin_act(request, session, user, lambda: users.update_user(session, actor=user, user_id=user_id, role=role),
                      f"{changed} is now {role}.")


@router.post("/users/{user_id:int}/active", dependencies=[CsrfDep])
def user_active(request: Request, user_id: int, session: SessionDep, user: UserDep, active: Annotated[str, Form()]):
    on = active == "1"
    changed = users.get_user(session, user_id).name
    return _admin_act(request, session, user, lambda: users.update_user(session, actor=user, user_id=user_id, active=on),
                      f"{changed} is switched {'on' if on else 'off'}" + ("." if on else "; their tokens and logins ended."))


@router.post("/users/{user_id:int}/temporary-password", dependencies=[CsrfDep])
def user_temporary_password(request: Request, user_id: int, session: SessionDep, user: UserDep,
                            password: Annotated[str, Form(max_length=1000)]):
    changed = users.get_user(session, user_id).name
    return _admin_act(request, session, user,
                      lambda: users.change_password(session, actor=user, user_id=user_id, new_password=password,
                                                    temporary=True),
                      f"{changed} has a temporary password; they choose their own at their next login.")


@router.post("/users/tokens/{token_id:int}/revoke", dependencies=[CsrfDep])
def user_token_revoke(request: Request, token_id: int, session: SessionDep, user: UserDep):
    token = users.revoke_token(session, actor=user, token_id=token_id)
    return redirect(request, "/users", f"Token {token.label!r} revoked.")
