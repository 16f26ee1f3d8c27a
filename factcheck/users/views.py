"""Log in, log out, and the admin's list of users."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from typing import Annotated

from fastapi import APIRouter, Form, Request

from factcheck.core.errors import FactcheckError, NotAuthenticated
from factcheck.users import service as users
from factcheck.users.permissions import Action, require
from factcheck.web.deps import CsrfDep, SessionDep, UserDep, csrf_token
from factcheck.web.render import redirect, render

router = APIRouter()

# Failed logins per (name, client) in the last 15 minutes; past the limit, logins wait.
_FAILURES: dict[tuple[str, str], deque[float]] = defaultdict(deque)
MAX_FAILURES, WINDOW = 5, 15 * 60


class TooManyAttempts(FactcheckError):
    status_code = 429
    code = "too_many_attempts"


def _throttle(key: tuple[str, str]) -> None:
    attempts = _FAILURES[key]
    while attempts and attempts[0] < time.monotonic() - WINDOW:
        attempts.popleft()
    if len(attempts) >= MAX_FAILURES:
        raise TooManyAttempts("Too many failed logins; wait 15 minutes and try again.")


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
    try:
        _throttle(key)
        user = users.authenticate(session, name=name, password=password)
    except NotAuthenticated as exc:
        _FAILURES[key].append(time.monotonic())
        return render(request, "users/login.html", None, status_code=401, next=_safe_next(next),
                      error=exc.message)
    except TooManyAttempts as exc:
        return render(request, "users/login.html", None, status_code=429, next=_safe_next(next),
                      error=exc.message)
    _FAILURES.pop(key, None)
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
