"""Pages: the article list, the new-article form, an article with its claims highlighted."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException

from factcheck.articles import details, pages
from factcheck.articles import service as articles
from factcheck.core.errors import Conflict, FactcheckError, InvalidInput
from factcheck.models import ClaimKind, User
from factcheck.web.deps import CsrfDep, EngineDep, FlowsDep, SessionDep, SettingsDep, UserDep, verify_csrf
from factcheck.web.render import redirect, render

router = APIRouter()


@router.get("/articles")
def article_list(request: Request, session: SessionDep, user: UserDep, page: int = 1, archived: int = 0):
    page = max(page, 1)
    rows = articles.recent(session, limit=50, offset=(page - 1) * 50, archived=bool(archived))
    return render(request, "articles/list.html", user, rows=rows, page=page, archived=bool(archived))


@router.post("/articles/{article_id:int}/archive", dependencies=[CsrfDep])
def article_archive(
    request: Request,
    article_id: int,
    session: SessionDep,
    user: UserDep,
    flows: FlowsDep,
    version: Annotated[int, Form()],
    restore: Annotated[str, Form(max_length=5)] = "",
):
    change = flows.restore_article if restore == "1" else flows.archive_article
    try:
        n = change(session, actor=user, article_id=article_id, expected_version=version)
    except FactcheckError as exc:
        request.state.failed = True  # nothing of it is kept
        return redirect(request, f"/articles/{article_id}", exc.message)
    if restore == "1":
        return redirect(request, f"/articles/{article_id}", f"Restored, with {n} ticket{'' if n == 1 else 's'}.")
    said = f"Archived: {n} open ticket{'' if n == 1 else 's'} dismissed as out of scope (restoring brings them back)."
    return redirect(request, "/articles", said)


@router.get("/articles/new")
def article_new(request: Request, user: UserDep):
    return render(request, "articles/new.html", user, form={}, error=None)


# Starlette refuses any form field over 1 MB before a route can answer: the article form reads
# with room for a long paste, so an oversized one comes back as the form, with the limit named.
FORM_PART_LIMIT = 16 * 1024 * 1024
FIELDS = ("text", "url", "title", "outlet", "published")


async def article_form(request: Request) -> dict[str, str] | None:
    """The new-article form's fields; None when even a 16 MB field could not hold the text."""
    try:
        form = await request.form(max_part_size=FORM_PART_LIMIT)
    except (HTTPException, MultiPartException):
        return None
    await verify_csrf(request)  # the form just read, from the request's cache
    return {name: str(form.get(name) or "") for name in FIELDS}


@router.post("/articles")
def article_create(
    request: Request,
    session: SessionDep,
    engine: EngineDep,
    flows: FlowsDep,
    settings: SettingsDep,
    user: UserDep,
    form: Annotated[dict[str, str] | None, Depends(article_form)],
):
    limit = settings.max_article_chars
    if form is None:
        return render(
            request,
            "articles/new.html",
            user,
            status_code=413,
            form={},
            error=f"The text sent is larger than 16 MB, so none of it could be kept. The desk takes articles of up "
            f"to {limit:,} characters: paste the part to check.",
        )
    if len(form["text"]) > limit:
        # Kept up to the limit, so the person trims what they pasted instead of pasting it again.
        kept = form | {"text": form["text"][:limit]}
        return render(
            request,
            "articles/new.html",
            user,
            status_code=413,
            form=kept,
            error=f"The article has {len(form['text']):,} characters; the limit is {limit:,} "
            f"(FACTCHECK_MAX_ARTICLE_CHARS). The box keeps the first {limit:,}: cut it to the part to check, "
            "or split it into several articles.",
        )
    text, url = form["text"], form["url"]
    try:
        req = articles.IngestRequest(
            text=text if text.strip() else None,
            url=url.strip() or None,
            fetch_url=not text.strip() and bool(url.strip()),
            title=form["title"].strip() or None,
            outlet=form["outlet"].strip() or None,
            published=_parse_date(form["published"]),
        )
        result = flows.ingest(session, engine=engine, settings=settings, actor=user, req=req)
    except FactcheckError as exc:
        # The form comes back with what was typed; nothing was stored (the request's unit of work
        # rolls back on the error status).
        return render(request, "articles/new.html", user, status_code=exc.status_code, form=form, error=exc.message)
    return redirect(request, f"/articles/{result.article.id}", _ingested(req, result))


def _ingested(req: articles.IngestRequest, result) -> str:
    """What the person is told once the article is in (or was already)."""
    if not result.created:
        message = "This article was already ingested; here it is."
        differs = [n for n in ("title", "outlet") if getattr(req, n) and getattr(req, n) != getattr(result.article, n)]
        if differs:
            were = "it was" if len(differs) == 1 else "they were"
            message += (
                f" Its {' and '.join(differs)} stayed as {were}: an editor corrects details under “Edit details”."
            )
    elif result.article.extraction_status == "pending":
        message = "Stored. The language model is finding its claims; this page updates by itself."
    else:
        n = len(result.tickets)
        message = f"Ingested: {n} claim{'' if n == 1 else 's'} became ticket{'' if n == 1 else 's'}."
    return message


def _parse_date(value: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput("Give the publication date as YYYY-MM-DD.") from None


@router.post("/articles/{article_id:int}/details", dependencies=[CsrfDep])
def article_details(
    request: Request,
    article_id: int,
    session: SessionDep,
    user: UserDep,
    version: Annotated[int, Form()],
    title: Annotated[str, Form(max_length=2_000)] = "",
    outlet: Annotated[str, Form(max_length=2_000)] = "",
    url: Annotated[str, Form(max_length=4_000)] = "",
    published: Annotated[str, Form(max_length=40)] = "",
):
    kept = {"title": title, "outlet": outlet, "url": url, "published": published}
    try:
        d = details.Details(title, outlet, url, _parse_date(published))
        details.edit(session, actor=user, article_id=article_id, expected_version=version, details=d)
    except FactcheckError as exc:
        return _show(
            request, session, user, article_id, status_code=exc.status_code, editing=kept | {"problem": exc.message}
        )
    return redirect(request, f"/articles/{article_id}", "The article's details are saved.")


@router.get("/articles/{article_id:int}")
def article_detail(request: Request, article_id: int, session: SessionDep, user: UserDep):
    return _show(request, session, user, article_id)


def _show(
    request: Request,
    session: SessionDep,
    user: User,
    article_id: int,
    *,
    status_code: int = 200,
    problem: str | None = None,
    kept: dict | None = None,
    editing: dict | None = None,
):
    """``kept``: the add-a-claim form as typed; ``editing``: the details form as typed, and why not."""
    page = pages.page(session, article_id)
    return render(
        request,
        "articles/detail.html",
        user,
        status_code=status_code,
        problem=problem,
        kept=kept,
        editing=editing,
        alternate=f"/api/v1/articles/{article_id}/page",
        kinds=list(ClaimKind),
        page=page,
        **dict(page),
    )


@router.post("/articles/{article_id:int}/tickets", dependencies=[CsrfDep])
def add_claim(
    request: Request,
    article_id: int,
    session: SessionDep,
    engine: EngineDep,
    flows: FlowsDep,
    settings: SettingsDep,
    user: UserDep,
    quote: Annotated[str, Form()],
    start: Annotated[str, Form()] = "",
    end: Annotated[str, Form()] = "",
    claim: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "",
):
    """A claim the engine missed: selected in the text (with its place) or typed (found in it)."""
    kept = {"quote": quote, "start": start, "end": end, "claim": claim, "kind": kind}
    try:
        ticket = flows.add_claim(
            session,
            actor=user,
            engine=engine,
            settings=settings,
            article_id=article_id,
            quote=quote,
            claim=claim or None,
            kind=kind or None,
            start=int(start) if start.isascii() and start.isdigit() else None,
            end=int(end) if end.isascii() and end.isdigit() else None,
        )
    except (Conflict, InvalidInput) as exc:
        return _show(request, session, user, article_id, status_code=exc.status_code, problem=exc.message, kept=kept)
    return redirect(request, f"/tickets/{ticket.id}", "Your claim is a ticket now, drafted like the others.")


@router.get("/articles/{article_id:int}/progress")
def article_progress(request: Request, article_id: int, session: SessionDep, user: UserDep, shown: str = "draft"):
    """The progress box (claims being found, then drafted), polled by htmx while work is under way.

    ``shown`` is the stage the polling page shows: when it has moved on, the page reloads once so
    its claim list shows the new tickets (after extraction) or drafts and states (at the end).
    """
    article = articles.get(session, article_id)
    progress = articles.progress(session, article)
    response = render(
        request,
        "articles/_progress.html",
        user,
        progress=progress,
        article_id=article_id,
        extraction_job=articles.latest_extraction(session, article_id),
    )
    if not progress.busy or (shown == "extract" and progress.extraction != "pending"):
        response.headers["HX-Refresh"] = "true"
    return response


@router.post("/articles/{article_id:int}/extract", dependencies=[CsrfDep])
def article_extract(
    request: Request,
    article_id: int,
    session: SessionDep,
    engine: EngineDep,
    flows: FlowsDep,
    settings: SettingsDep,
    user: UserDep,
):
    """Try again to find the claims of an article whose extraction failed."""
    article = flows.retry_extraction(session, engine=engine, actor=user, article_id=article_id, settings=settings)
    message = (
        "Finding its claims again; this page updates by itself."
        if article.extraction_status == "pending"
        else "Its claims were found again."
    )
    return redirect(request, f"/articles/{article_id}", message)
