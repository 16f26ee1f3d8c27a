"""Pages: log in, log out, and the admin's list of users."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request

from factcheck.auth.login import log_in
from factcheck.auth.throttle import TooManyAttempts
from factcheck.core.errors import NotAuthenticated
from factcheck.users import service as users
from factcheck.web.deps import CsrfDep, SessionDep, UserDep, csrf_token
from factcheck.web.render import redirect, render, safe_next

router = APIRouter()


@router.get("/login")
def login_form(request: Request, next: str = "/"):
    return render(request, "users/login.html", None, next=safe_next(next), error=None)


@router.post("/login", dependencies=[CsrfDep])
def login(
    request: Request, session: SessionDep,
    name: Annotated[str, Form()], password: Annotated[str, Form()], next: Annotated[str, Form()] = "/",
):
    try:
        user = log_in(session, name=name, password=password, throttle=request.app.state.login_throttle,
                      client=request.client.host if request.client else "?")
    except (NotAuthenticated, TooManyAttempts) as exc:
        return render(request, "users/login.html", None, status_code=exc.status_code, next=safe_next(next),
                      error=exc.message)
    request.session.clear()
    request.session["user_id"] = user.id
    csrf_token(request)
    return redirect(request, safe_next(next))


@router.post("/logout", dependencies=[CsrfDep])
def logout(request: Request):
    request.session.clear()
    return redirect(request, "/login", "You are logged out.")


@router.get("/users")
def user_list(request: Request, session: SessionDep, user: UserDep):
    return render(request, "users/list.html", user, users=users.list_users(session, actor=user))


@router.post("/users", dependencies=[CsrfDep])
def user_create(
    request: Request, session: SessionDep, user: UserDep,
    name: Annotated[str, Form()], role: Annotated[str, Form()], password: Annotated[str, Form()],
):
    created = users.create_user(session, actor=user, name=name, role=role, password=password)
    return redirect(request, "/users", f"User {created.name} ({created.role}) created.")
