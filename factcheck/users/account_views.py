"""Pages: your own account (password, logins, API tokens, two-factor sign-in)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request

from factcheck.auth import sessions, twofactor
from factcheck.core.errors import Conflict, Forbidden, InvalidInput
from factcheck.users import service as users
from factcheck.users import twofactor as two_factor
from factcheck.web.deps import CsrfDep, SessionDep, UserDep
from factcheck.web.render import redirect, render

router = APIRouter()


@router.get("/account")
def account(request: Request, session: SessionDep, user: UserDep):
    return _account_page(request, session, user)


def _account_page(
    request: Request,
    session: SessionDep,
    user: UserDep,
    problem: str | None = None,
    two_factor_problem: str | None = None,
    recovery_codes: list[str] | None = None,
    status: int = 200,
):
    live = [t for t in users.tokens(session, actor=user, user_id=user.id) if t.revoked_at is None]
    settings = request.app.state.settings
    factor = twofactor.enabled_factor(session, user.id)
    response = render(
        request,
        "users/account.html",
        user,
        status_code=422 if problem else status,
        problem=problem,
        logins=sessions.count(session, user.id),
        tokens=live,
        factor=factor,
        recovery_left=twofactor.recovery_left(factor) if factor else 0,
        setup=None if factor else two_factor.pending_setup(session, actor=user, issuer=settings.org_name),
        required=user.role in twofactor.required_roles(session),
        two_factor_problem=two_factor_problem,
        recovery_codes=recovery_codes,
    )
    if recovery_codes:
        response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/account/two-factor/start", dependencies=[CsrfDep])
def two_factor_start(request: Request, session: SessionDep, user: UserDep):
    two_factor.start_setup(session, actor=user, issuer=request.app.state.settings.org_name)
    return redirect(request, "/account#two-factor")


@router.post("/account/two-factor/confirm", dependencies=[CsrfDep])
def two_factor_confirm(request: Request, session: SessionDep, user: UserDep, code: Annotated[str, Form(max_length=40)]):
    try:
        codes = two_factor.confirm_setup(session, actor=user, code=code)
    except (InvalidInput, Conflict) as exc:
        return _account_page(request, session, user, two_factor_problem=exc.message, status=exc.status_code)
    return _account_page(request, session, user, recovery_codes=codes)


@router.post("/account/two-factor/recovery-codes", dependencies=[CsrfDep])
def two_factor_recovery(
    request: Request, session: SessionDep, user: UserDep, code: Annotated[str, Form(max_length=40)]
):
    try:
        codes = two_factor.new_recovery_codes(session, actor=user, code=code)
    except (InvalidInput, Conflict) as exc:
        return _account_page(request, session, user, two_factor_problem=exc.message, status=exc.status_code)
    return _account_page(request, session, user, recovery_codes=codes)


@router.post("/account/two-factor/off", dependencies=[CsrfDep])
def two_factor_off(
    request: Request,
    session: SessionDep,
    user: UserDep,
    password: Annotated[str, Form(max_length=1000)],
    code: Annotated[str, Form(max_length=40)],
):
    try:
        two_factor.turn_off(session, actor=user, password=password, code=code)
    except (InvalidInput, Conflict, Forbidden) as exc:
        session.rollback()
        return _account_page(request, session, user, two_factor_problem=exc.message, status=exc.status_code)
    return redirect(request, "/account", "Two-factor sign-in is off.")


@router.post("/account/password", dependencies=[CsrfDep])
def account_password(
    request: Request,
    session: SessionDep,
    user: UserDep,
    current_password: Annotated[str, Form(max_length=1000)],
    new_password: Annotated[str, Form(max_length=1000)],
    repeat_password: Annotated[str, Form(max_length=1000)],
    revoke_tokens: Annotated[bool, Form()] = False,
):
    if new_password != repeat_password:
        return _account_page(
            request, session, user, problem="The two new passwords differ; your password is unchanged."
        )
    try:
        users.change_password(
            session,
            actor=user,
            user_id=user.id,
            new_password=new_password,
            current_password=current_password,
            revoke_tokens=revoke_tokens,
        )
    except (InvalidInput, Forbidden) as exc:
        return _account_page(request, session, user, problem=exc.message)
    request.session.clear()
    return redirect(request, "/login", "Your password is changed; log in with the new one.")


@router.post("/account/logout-everywhere", dependencies=[CsrfDep])
def account_logout_everywhere(
    request: Request, session: SessionDep, user: UserDep, revoke_tokens: Annotated[bool, Form()] = False
):
    ended, revoked = users.end_logins(session, actor=user, user_id=user.id, revoke_tokens=revoke_tokens)
    tokens = f" and {revoked} API {'token' if revoked == 1 else 'tokens'} revoked" if revoke_tokens else ""
    request.session.clear()
    return redirect(
        request, "/login", f"You are logged out of {ended} {'browser' if ended == 1 else 'browsers'}{tokens}."
    )


@router.post("/account/tokens/{token_id:int}/revoke", dependencies=[CsrfDep])
def account_token_revoke(request: Request, token_id: int, session: SessionDep, user: UserDep):
    token = users.revoke_token(session, actor=user, token_id=token_id)
    return redirect(request, "/account", f"Token {token.label!r} revoked.")
