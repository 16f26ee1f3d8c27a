"""Pages about published verdicts: the public corrections log (and its Atom feed), and the rating
scale (admins edit it)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated
from xml.sax.saxutils import escape

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from factcheck.core.errors import InvalidInput
from factcheck.models import RATING_BEST, RATING_WORST
from factcheck.tickets import publishing, ratings
from factcheck.web.deps import CsrfDep, OptionalUserDep, SessionDep, SettingsDep, UserDep
from factcheck.web.render import redirect, render

router = APIRouter()


@router.get("/corrections")
def corrections_page(request: Request, session: SessionDep, user: OptionalUserDep):
    """Public, like the verdicts it corrects: readers can see every correction without an account."""
    return render(request, "publishing/corrections.html", user, entries=publishing.corrections_log(session))


@router.get("/corrections.atom")
def corrections_feed(request: Request, session: SessionDep, settings: SettingsDep):
    entries = publishing.corrections_log(session, limit=50)
    base = str(request.base_url).rstrip("/")
    updated = max((e.at for e in entries), default=datetime(2025, 1, 1, tzinfo=timezone.utc))
    items = "".join(
        f"<entry><id>{base}/corrections#c{e.id}</id><title>{escape(e.claim[:200])}</title>"
        f"<updated>{e.at.isoformat()}</updated><link href=\"{base}/corrections#c{e.id}\"/>"
        f"<summary>{escape(f'Was {e.was_state}' + (f' ({e.was_rating})' if e.was_rating else '') + f'. {e.note}')}"
        f"</summary></entry>" for e in entries)
    xml = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
           f"<id>{base}/corrections</id><title>{escape(settings.org_name)}: corrections</title>"
           f"<updated>{updated.isoformat()}</updated><link rel=\"self\" href=\"{base}/corrections.atom\"/>"
           f"{items}</feed>")
    return Response(xml, media_type="application/atom+xml; charset=utf-8")


@router.get("/ratings")
def ratings_page(request: Request, session: SessionDep, user: UserDep):
    return _ratings_page(request, session, user)


def _ratings_page(request: Request, session: SessionDep, user: UserDep, problem: str | None = None):
    return render(request, "publishing/ratings.html", user, status_code=422 if problem else 200, problem=problem,
                  scale=ratings.scale(session), best=RATING_BEST, worst=RATING_WORST)


@router.post("/ratings", dependencies=[CsrfDep])
def ratings_save(request: Request, session: SessionDep, user: UserDep,
                 name: Annotated[list[str], Form()], state: Annotated[list[str], Form()],
                 value: Annotated[list[str], Form()]):
    """One row per rating; a row with no name is dropped (that is how a rating is retired)."""
    try:
        rows = [(n, s, v) for n, s, v in zip(name, state, value, strict=True) if n.strip()]
        steps = [ratings.Step(n, s, int(v) if v.strip().lstrip("-").isdigit() else 0) for n, s, v in rows]
        ratings.replace_scale(session, actor=user, steps=steps)
    except (InvalidInput, ValueError) as exc:
        return _ratings_page(request, session, user, problem=getattr(exc, "message", "Each row needs a name, a "
                                                                    "verdict and a value."))
    return redirect(request, "/ratings", "The rating scale is saved.")
