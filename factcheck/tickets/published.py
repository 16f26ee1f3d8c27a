"""Pages about published verdicts: the public corrections log (and its Atom feed), and the rating
scale (admins edit it)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from factcheck.core.errors import InvalidInput
from factcheck.models import RATING_BEST, RATING_WORST
from factcheck.tickets import feeds, publishing, ratings
from factcheck.web.deps import CsrfDep, OptionalUserDep, SessionDep, SettingsDep, UserDep
from factcheck.web.render import redirect, render

router = APIRouter()


@router.get("/corrections")
def corrections_page(request: Request, session: SessionDep, user: OptionalUserDep):
    """Public, like the verdicts it corrects: readers can see every correction without an account
    (what was published and the note; never a reopened ticket's work in progress)."""
    return render(request, "publishing/corrections.html", user, entries=publishing.corrections_log(session))


@router.get("/corrections.atom")
def corrections_feed(session: SessionDep, settings: SettingsDep):
    """The corrections log as Atom (RFC 4287). Links come from the configured public address, never
    from the Host header a client sent (a cache behind a proxy would keep the client's version)."""
    return Response(
        feeds.corrections_atom(publishing.corrections_log(session, limit=50), settings),
        media_type="application/atom+xml; charset=utf-8",
    )


@router.get("/ratings")
def ratings_page(request: Request, session: SessionDep, user: UserDep):
    return _ratings_page(request, session, user)


def _ratings_page(request: Request, session: SessionDep, user: UserDep, problem: str | None = None):
    return render(
        request,
        "publishing/ratings.html",
        user,
        status_code=422 if problem else 200,
        problem=problem,
        scale=ratings.scale(session),
        best=RATING_BEST,
        worst=RATING_WORST,
    )


@router.post("/ratings", dependencies=[CsrfDep])
def ratings_save(
    request: Request,
    session: SessionDep,
    user: UserDep,
    name: Annotated[list[str], Form()],
    state: Annotated[list[str], Form()],
    value: Annotated[list[str], Form()],
):
    """One row per rating; a row with no name is dropped (that is how a rating is retired)."""
    try:
        rows = [(n, s, v) for n, s, v in zip(name, state, value, strict=True) if n.strip()]
        steps = [ratings.Step(n, s, int(v) if v.strip().lstrip("-").isdigit() else 0) for n, s, v in rows]
        ratings.replace_scale(session, actor=user, steps=steps)
    except (InvalidInput, ValueError) as exc:
        return _ratings_page(
            request, session, user, problem=getattr(exc, "message", "Each row needs a name, a verdict and a value.")
        )
    return redirect(request, "/ratings", "The rating scale is saved.")
