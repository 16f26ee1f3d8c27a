"""The webhooks page (admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request

from factcheck.core.errors import InvalidInput
from factcheck.webhooks import service as webhooks
from factcheck.web.deps import CsrfDep, SessionDep, UserDep
from factcheck.web.render import redirect, render

router = APIRouter()


@router.get("/webhooks")
def webhooks_page(request: Request, session: SessionDep, user: UserDep):
    return _page(request, session, user)


def _page(request: Request, session: SessionDep, user: UserDep, problem: str | None = None, kept: dict | None = None):
    hooks = webhooks.listed(session, actor=user)
    log = {h.id: webhooks.deliveries(session, actor=user, webhook_id=h.id, limit=10) for h in hooks}
    return render(request, "webhooks/index.html", user, status_code=422 if problem else 200, hooks=hooks, log=log,
                  events=webhooks.EVENTS, problem=problem, kept=kept or {})


@router.post("/webhooks", dependencies=[CsrfDep])
def webhooks_register(request: Request, session: SessionDep, user: UserDep, url: Annotated[str, Form()],
                      event: Annotated[list[str], Form()] = []):  # noqa: B006 (FastAPI's form default)
    try:
        hook = webhooks.register(session, actor=user, url=url, events=event)
    except InvalidInput as exc:
        return _page(request, session, user, problem=exc.message, kept={"url": url, "events": event})
    request.app.state.ensure_worker()
    return redirect(request, "/webhooks", f"Webhook {hook.id} registered; its secret is shown below.")


@router.post("/webhooks/{webhook_id:int}/active", dependencies=[CsrfDep])
def webhooks_switch(request: Request, webhook_id: int, session: SessionDep, user: UserDep,
                    active: Annotated[str, Form()]):
    hook = webhooks.switch(session, actor=user, webhook_id=webhook_id, active=active == "1")
    if hook.active:
        request.app.state.ensure_worker()
    return redirect(request, "/webhooks", f"Webhook {hook.id} switched {'on' if hook.active else 'off'}.")
