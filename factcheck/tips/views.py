"""Readers' claims: the public form and status page (no login), and the reviewers' inbox."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from factcheck.core.errors import FactcheckError
from factcheck.models import TipDecision
from factcheck.public.links import DeskLinks
from factcheck.tips import abuse
from factcheck.tips import service as tips
from factcheck.web.deps import CsrfDep, EngineDep, FlowsDep, SessionDep, SettingsDep, UserDep
from factcheck.web.forms import Version
from factcheck.web.render import redirect, render

router = APIRouter()
PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def _public(request: Request, template: str, settings, status_code: int = 200, **context) -> HTMLResponse:
    env = request.app.state.templates.env
    page = env.get_template(template).render(
        request=request, links=DeskLinks(settings.site_url), settings=settings, **context
    )
    return HTMLResponse(page, status_code=status_code, headers=PRIVATE)


def _form(request: Request, settings, form: dict | None = None, error: str | None = None, status_code: int = 200):
    if status_code >= 400:
        request.state.failed = True
    blank = {"claim": "", "seen_where": "", "contact": "", "consent": False}
    return _public(
        request,
        "public/tip_form.html",
        settings,
        status_code=status_code,
        form=blank | (form or {}),
        error=error,
        stamp=abuse.form_stamp(request.app.state.cookie_secret),
    )


@router.get("/tips/new", response_class=HTMLResponse)
def tip_form(request: Request, settings: SettingsDep):
    return _form(request, settings)


@router.post("/tips", response_class=HTMLResponse)
def tip_send(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    claim: Annotated[str, Form(max_length=20_000)] = "",
    seen_where: Annotated[str, Form(max_length=20_000)] = "",
    contact: Annotated[str, Form(max_length=2_000)] = "",
    consent: Annotated[str, Form(max_length=10)] = "",
    stamp: Annotated[str, Form(max_length=200)] = "",
    website: Annotated[str, Form(max_length=2_000)] = "",
):
    """Every refusal comes back on the form, with what was typed and why."""
    form = {"claim": claim, "seen_where": seen_where, "contact": contact, "consent": bool(consent)}
    try:
        abuse.check_honeypot(website)
        abuse.check_stamp(request.app.state.cookie_secret, stamp)
        abuse.take_address(request.app.state.limits, request.client.host if request.client else "unknown")
        sent = tips.submit(
            session,
            settings=settings,
            submission=tips.Submission(claim, seen_where, contact, bool(consent), channel="form"),
        )
    except FactcheckError as exc:
        return _form(request, settings, form, exc.message, exc.status_code)
    return redirect(request, f"/tips/status/{sent.token}?sent=1")


@router.get("/tips/status/{token}", response_class=HTMLResponse)
def tip_status(request: Request, token: str, session: SessionDep, settings: SettingsDep, sent: int = 0):
    tip = tips.by_token(session, token[:200])
    return _public(
        request,
        "public/tip_status.html",
        settings,
        tip=tip,
        status=tips.reader_status(session, tip),
        sent=bool(sent),
        status_url=f"{settings.site_url}/tips/status/{token}",
    )


@router.get("/tips")
def tip_inbox(request: Request, session: SessionDep, user: UserDep, show: str = "new"):
    decision = TipDecision(show) if show in TipDecision.__members__ else TipDecision.new
    return render(
        request,
        "tips/inbox.html",
        user,
        entries=tips.inbox(session, decision=decision),
        show=decision,
        decisions=list(TipDecision),
        alternate=f"/api/v1/tips?show={decision.value}",
    )


def _decided(request: Request, run: Callable[[], Any], then: Callable[[Any], tuple[str, str]]):
    """Run a reviewer's decision; back to the inbox with the reason when it is refused (and
    nothing of it kept: the failed flag rolls the request's work back)."""
    try:
        done = run()
    except FactcheckError as exc:
        request.state.failed = True
        return redirect(request, "/tips", exc.message)
    return redirect(request, *then(done))


@router.post("/tips/{tip_id}/ticket", dependencies=[CsrfDep])
def tip_to_ticket(
    request: Request,
    tip_id: int,
    version: Version,
    session: SessionDep,
    user: UserDep,
    engine: EngineDep,
    flows: FlowsDep,
    settings: SettingsDep,
):
    return _decided(
        request,
        lambda: flows.tip_ticket(
            session, actor=user, engine=engine, settings=settings, tip_id=tip_id, expected_version=version
        ),
        lambda t: (
            f"/tickets/{t.id}",
            f"The readers' claim is ticket {t.id}: their links now say it is being checked.",
        ),
    )


@router.post("/tips/{tip_id}/article", dependencies=[CsrfDep])
def tip_to_article(
    request: Request,
    tip_id: int,
    version: Version,
    session: SessionDep,
    user: UserDep,
    engine: EngineDep,
    flows: FlowsDep,
    settings: SettingsDep,
):
    return _decided(
        request,
        lambda: flows.tip_article(
            session, actor=user, engine=engine, settings=settings, tip_id=tip_id, expected_version=version
        ),
        lambda a: (f"/articles/{a.id}", f"The page the readers saw is ingested as article {a.id}."),
    )


@router.post("/tips/{tip_id}/dismiss", dependencies=[CsrfDep])
def tip_dismiss(
    request: Request,
    tip_id: int,
    version: Version,
    session: SessionDep,
    user: UserDep,
    note: Annotated[str, Form(max_length=2_000)] = "",
):
    return _decided(
        request,
        lambda: len(tips.dismiss(session, actor=user, tip_id=tip_id, expected_version=version, note=note)),
        lambda n: ("/tips", f"Not checked: {n} {'tip' if n == 1 else 'tips'} closed."),
    )
