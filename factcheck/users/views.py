"""Log in, log out, and the admin's list of users."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request

from factcheck.core.errors import NotAuthenticated
from factcheck.users import service as users
from factcheck.users.permissions import Action, require
from factcheck.users.throttle import TooManyAttempts
from factcheck.web.deps import CsrfDep, SessionDep, UserDep, csrf_token
from factcheck.web.render import redirect, render

router = APIRouter()

@router.get("/login")
def login_form(request: Request, next: str = "/"):
    return render(request, "users/login.html", None, next=_safe_next(next), error=None)


def _safe_next(target: str) -> str:
    # Only local paths: a login link must not bounce people to another site.
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.post("/login", dependencies=[CsrfDep])
def login(
    request: Request, session: SessionDep,
    name: Annotated[str, Form()], password: Annotated[str, Form()], next: Annotated[str, Form()] = "/",
):
    key = (name.strip().lower(), request.client.host if request.client else "?")
    throttle = request.app.state.login_throttle
    try:
        throttle.check(key)
        user = users.authenticate(session, name=name, password=password)
    except NotAuthenticated as exc:
        throttle.failed(key)
        return render(request, "users/login.html", None, status_code=401, next=_safe_next(next),
                      error=exc.message)
    except TooManyAttempts as exc:
        return render(request, "users/login.html", None, status_code=429, next=_safe_next(next),
                      error=exc.message)
    throttle.succeeded(key)
    request.session.clear()
    request.session["user_id"] = user.id
    csrf_token(request)
    return redirect(request, _safe_next(next))


@router.post("/logout", dependencies=[CsrfDep])
def logout(request: Request):
    request.session.clear()
    return redirect(request, "/login", "You are logged out.")


@router.get("/users")
def user_list(request: Request, session: SessionDep, user: UserDep):
    require(user, Action.manage_users)
    return render(request, "users/list.html", user, users=users.list_users(session))


@router.post("/users", dependencies=[CsrfDep])
def user_create(
    request: Request, session: SessionDep, user: UserDep,
    name: Annotated[str, Form()], role: Annotated[str, Form()], password: Annotated[str, Form()],
):
    require(user, Action.manage_users)
    created = users.create_user(session, name=name, role=role, password=password)
    return redirect(request, "/users", f"User {created.name} ({created.role}) created.")
