"""Pages: log in (with a second factor where the user has one) and log out."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.concurrency import run_in_threadpool

from factcheck.auth import sessions
from factcheck.auth.login import log_in, second_factor
from factcheck.auth.throttle import TooManyAttempts
from factcheck.core.errors import FactcheckError, NotAuthenticated
from factcheck.users import invites
from factcheck.web.admission import wait_aside
from factcheck.web.deps import CsrfDep, SessionDep, SettingsDep, csrf_token
from factcheck.web.render import redirect, render, safe_next

router = APIRouter()


@router.get("/login")
def login_form(request: Request, next: str = "/"):
    return render(request, "users/login.html", None, next=safe_next(next), error=None)


@router.post("/login", dependencies=[CsrfDep])
async def login(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    name: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "/",
):
    throttle = request.app.state.login_throttle
    address = request.client.host if request.client else "unknown"
    try:
        # Repeated failures on a name make the next attempt wait here, holding no thread and no
        # place in the request queue (the counts are in the database: read in a thread).
        await wait_aside(request.scope, await run_in_threadpool(throttle.admit, name, address))
        attempt = await run_in_threadpool(
            log_in,
            session,
            name=name,
            password=password,
            address=address,
            throttle=throttle,
            lifetime_seconds=settings.session_max_age,
        )
    except (NotAuthenticated, TooManyAttempts) as exc:
        return _refused(request, "users/login.html", exc, next=safe_next(next))
    if attempt.key is None:
        # The password was right; the second factor is owed. The signed cookie remembers whose
        # for five minutes (nothing else carries over: a fresh CSRF token too).
        request.session.clear()
        request.session["second_factor"] = {
            "user": attempt.user.id,
            "name": attempt.user.name,
            "until": time.time() + SECOND_FACTOR_SECONDS,
            "next": safe_next(next),
        }
        csrf_token(request)
        return redirect(request, "/login/code")
    return await _logged_in(request, session, attempt.key, next)


SECOND_FACTOR_SECONDS = 300


def _refused(request: Request, template: str, exc: NotAuthenticated | TooManyAttempts, **context):
    response = render(request, template, None, status_code=exc.status_code, error=exc.message, **context)
    if wait := exc.details.get("retry_after_seconds"):
        response.headers["Retry-After"] = str(wait)
    return response


async def _logged_in(request: Request, session: SessionDep, key: str, next: str):
    # A new login key and a new CSRF token: nothing from before the login carries over, and a login
    # this browser held before (someone else's, perhaps) ends.
    if isinstance(previous := request.session.get("login"), str):
        await run_in_threadpool(sessions.end, session, previous)
    request.session.clear()
    request.session["login"] = key
    csrf_token(request)
    return redirect(request, safe_next(next))


def _pending(request: Request) -> dict | None:
    pending = request.session.get("second_factor")
    if not isinstance(pending, dict) or pending.get("until", 0) < time.time():
        return None
    return pending


@router.get("/login/code")
def second_factor_form(request: Request):
    if _pending(request) is None:
        return redirect(request, "/login", "Log in again: the code must follow the password within five minutes.")
    return render(request, "users/login_code.html", None, error=None)


@router.post("/login/code", dependencies=[CsrfDep])
async def second_factor_login(
    request: Request, session: SessionDep, settings: SettingsDep, code: Annotated[str, Form(max_length=40)]
):
    pending = _pending(request)
    if pending is None:
        return redirect(request, "/login", "Log in again: the code must follow the password within five minutes.")
    throttle = request.app.state.login_throttle
    address = request.client.host if request.client else "unknown"
    try:
        await wait_aside(request.scope, await run_in_threadpool(throttle.admit, pending["name"], address))
        attempt = await run_in_threadpool(
            second_factor,
            session,
            user_id=pending["user"],
            code=code,
            address=address,
            throttle=throttle,
            lifetime_seconds=settings.session_max_age,
        )
    except (NotAuthenticated, TooManyAttempts) as exc:
        return _refused(request, "users/login_code.html", exc)
    return await _logged_in(request, session, attempt.key, pending["next"])


@router.post("/logout", dependencies=[CsrfDep])
def logout(request: Request, session: SessionDep):
    key = request.session.get("login")
    if isinstance(key, str):
        sessions.end(session, key)  # every copy of this cookie stops working, not just this one
    request.session.clear()
    return redirect(request, "/login", "You are logged out.")


@router.get("/invite/{token}")
def invite_form(request: Request, token: str, session: SessionDep):
    """The invited person chooses their password (no login: the link is the proof)."""
    try:
        invited = invites.pending(session, token[:200])
    except FactcheckError as exc:
        return render(request, "users/invite.html", None, status_code=exc.status_code, invited=None, error=exc.message)
    response = render(request, "users/invite.html", None, invited=invited, token=token, error=None)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@router.post("/invite/{token}", dependencies=[CsrfDep])
def invite_accept(
    request: Request,
    token: str,
    session: SessionDep,
    password: Annotated[str, Form(max_length=1000)],
    again: Annotated[str, Form(max_length=1000)],
):
    try:
        invited = invites.accept(session, token=token[:200], password=password, again=again)
    except FactcheckError as exc:
        try:
            invited = invites.pending(session, token[:200])
        except FactcheckError:
            invited = None
        return render(
            request,
            "users/invite.html",
            None,
            status_code=exc.status_code,
            invited=invited,
            token=token,
            error=exc.message,
        )
    return redirect(request, "/login?next=/", f"Welcome, {invited.name}: your password is set. Log in with it.")
