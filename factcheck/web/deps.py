"""FastAPI dependencies: settings, the database session, the engine, the current user, CSRF."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlmodel import Session

from factcheck.auth import sessions, twofactor
from factcheck.auth.tokens import record_use, user_for_token
from factcheck.core.config import Settings
from factcheck.core.errors import Forbidden, NotAuthenticated, PasswordChangeRequired, SecondFactorRequired
from factcheck.engines.base import Engine
from factcheck.models import User


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_session(request: Request) -> Iterator[Session]:
    """One unit of work per request: commit on success, roll back on any error, including a page
    that answers with an error status itself (see ``render``)."""
    session = Session(request.app.state.db, expire_on_commit=False)
    try:
        yield session
        if getattr(request.state, "failed", False):
            session.rollback()
        else:
            session.commit()
        token_id = getattr(request.state, "token_used", None)
        if token_id is not None:
            # A short write of its own at the end, on this request's connection (see user_for_token).
            record_use(session, token_id)
            session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


def get_flows(request: Request) -> Any:
    """The work across domains (``flows.pipeline.Pipeline``), which routes start without importing
    the layer above their domain."""
    return request.app.state.flows


SettingsDep = Annotated[Settings, Depends(get_settings)]
# scope="function": the commit happens before the response leaves. With the default ("request")
# it would run after the client got its redirect, so the next page could be read before the
# change was committed, and a failed commit would never reach the client.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
EngineDep = Annotated[Engine, Depends(get_engine)]
FlowsDep = Annotated[Any, Depends(get_flows)]


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def _session_user(request: Request, session: Session) -> User | None:
    key = request.session.get("login")
    return sessions.user_for(session, key) if isinstance(key, str) else None


# Where a user with a temporary password may go before choosing their own.
_BEFORE_NEW_PASSWORD = ("/account", "/logout")


SECOND_FACTOR_FIRST = "Your role must sign in with a second factor on this desk: set it up first."


def current_user(request: Request, session: SessionDep) -> User:
    """The logged-in user of a page; pages redirect to the login form when there is none, and to
    the account page while an admin's temporary password is still in use, or while their role
    requires a second factor they have not set up."""
    user = _session_user(request, session)
    if user is None:
        raise NotAuthenticated("Please log in.")
    if not request.url.path.startswith(_BEFORE_NEW_PASSWORD):
        if user.must_change_password:
            raise PasswordChangeRequired("Choose your own password first: an admin gave you a temporary one.")
        if twofactor.owes_second_factor(session, user):
            raise SecondFactorRequired(SECOND_FACTOR_FIRST)
    return user


async def verify_csrf(request: Request) -> None:
    """Every state-changing form carries the session's CSRF token."""
    form = await request.form()
    sent = form.get("csrf_token")
    expected = request.session.get("csrf")
    if not expected or not isinstance(sent, str) or not secrets.compare_digest(sent, expected):
        raise Forbidden("The form's security token is missing or out of date. Reload the page and try again.")


def _api_before_new_password(request: Request, user: User) -> bool:
    """What a browser with a temporary password (or owing a second factor) may do through the API:
    see who it is, and change its own password. Nothing else (no reading, no writing, no token)."""
    path = request.url.path.removeprefix("/api/v1").removeprefix("/api")
    return (request.method == "GET" and path == "/users/me") or (
        request.method == "POST" and path == f"/users/{user.id}/password"
    )


def api_user(request: Request, session: SessionDep) -> User:
    """API callers use a Bearer token; a logged-in browser may read, and may write with its CSRF header."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        user, token_id = user_for_token(session, auth[7:].strip())
        request.state.token_used = token_id
        return user
    user = _session_user(request, session)
    if user is None:
        raise NotAuthenticated("Send an API token as 'Authorization: Bearer <token>'.")
    if not _api_before_new_password(request, user):
        if user.must_change_password:
            raise PasswordChangeRequired("Choose your own password first: an admin gave you a temporary one.")
        if twofactor.owes_second_factor(session, user):
            raise SecondFactorRequired(SECOND_FACTOR_FIRST)
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        sent = request.headers.get("x-csrf-token", "")
        expected = request.session.get("csrf", "")
        if not expected or not secrets.compare_digest(sent, expected):
            raise Forbidden("Browser requests that change data need the X-CSRF-Token header.")
    return user


def optional_user(request: Request, session: SessionDep) -> User | None:
    """Whoever is logged in, if anyone: for the few public pages (the corrections log)."""
    return _session_user(request, session)


UserDep = Annotated[User, Depends(current_user)]
OptionalUserDep = Annotated[User | None, Depends(optional_user)]
ApiUserDep = Annotated[User, Depends(api_user)]
CsrfDep = Depends(verify_csrf)
