"""The webhooks page (admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request

from factcheck.core.errors import InvalidInput
from factcheck.web.deps import CsrfDep, SessionDep, SettingsDep, UserDep
from factcheck.web.render import redirect, render
from factcheck.webhooks import service as webhooks

router = APIRouter()


@router.get("/webhooks")
def webhooks_page(request: Request, session: SessionDep, user: UserDep):
    return _page(request, session, user)


def _page(
    request: Request,
    session: SessionDep,
    user: UserDep,
    problem: str | None = None,
    kept: dict | None = None,
    revealed: tuple[int, str] | None = None,
):
    """``revealed``: a secret just made, (webhook id, secret): this answer is the only place it is shown."""
    hooks = webhooks.listed(session, actor=user)
    log = {h.id: webhooks.deliveries(session, actor=user, webhook_id=h.id, limit=10) for h in hooks}
    response = render(
        request,
        "webhooks/index.html",
        user,
        status_code=422 if problem else 200,
        hooks=hooks,
        log=log,
        events=webhooks.EVENTS,
        problem=problem,
        kept=kept or {},
        revealed=revealed,
    )
    if revealed:
        response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/webhooks", dependencies=[CsrfDep])
def webhooks_register(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: UserDep,
    url: Annotated[str, Form(max_length=2000)],
    event: Annotated[list[str], Form()] = [],  # noqa: B006 (FastAPI's form default)
):
    try:
        hook = webhooks.register(session, actor=user, url=url, events=event, settings=settings)
    except InvalidInput as exc:
        return _page(request, session, user, problem=exc.message, kept={"url": url, "events": event})
    request.app.state.ensure_worker()
    return _page(request, session, user, revealed=(hook.id, hook.secret))


@router.post("/webhooks/{webhook_id:int}/rotate", dependencies=[CsrfDep])
def webhooks_rotate(request: Request, webhook_id: int, session: SessionDep, user: UserDep):
    hook = webhooks.rotate(session, actor=user, webhook_id=webhook_id)
    return _page(request, session, user, revealed=(hook.id, hook.secret))


@router.post("/webhooks/{webhook_id:int}/test", dependencies=[CsrfDep])
def webhooks_test(request: Request, webhook_id: int, session: SessionDep, user: UserDep):
    delivery = webhooks.send_test(session, actor=user, webhook_id=webhook_id)
    request.app.state.ensure_worker()
    return redirect(request, "/webhooks", f"Test delivery {delivery.id} queued: its outcome appears in the log.")


@router.post("/webhooks/{webhook_id:int}/delete", dependencies=[CsrfDep])
def webhooks_delete(request: Request, webhook_id: int, session: SessionDep, user: UserDep):
    webhooks.delete(session, actor=user, webhook_id=webhook_id)
    return redirect(request, "/webhooks", f"Webhook {webhook_id} removed, with its delivery log.")


@router.post("/webhooks/{webhook_id:int}/active", dependencies=[CsrfDep])
def webhooks_switch(
    request: Request, webhook_id: int, session: SessionDep, user: UserDep, active: Annotated[str, Form()]
):
    hook = webhooks.switch(session, actor=user, webhook_id=webhook_id, active=active == "1")
    if hook.active:
        request.app.state.ensure_worker()
    return redirect(request, "/webhooks", f"Webhook {hook.id} switched {'on' if hook.active else 'off'}.")
