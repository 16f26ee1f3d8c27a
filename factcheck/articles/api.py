"""The articles API: ingest (text, HTML or a URL), articles with their tickets and progress."""

from __future__ import annotations

from fastapi import APIRouter, Query

from factcheck.articles import details, pages
from factcheck.articles import service as articles
from factcheck.articles.schemas import ArticleCreate, ArticleDetail, ArticleDetailsEdit, ArticlePage, ArticlePublic
from factcheck.web.deps import ApiUserDep, EngineDep, FlowsDep, SessionDep, SettingsDep
from factcheck.web.params import PathId

router = APIRouter(tags=["articles"])


@router.post("/articles", response_model=ArticleDetail, status_code=201)
def create_article(
    body: ArticleCreate,
    session: SessionDep,
    engine: EngineDep,
    flows: FlowsDep,
    settings: SettingsDep,
    user: ApiUserDep,
):
    """Ingest an article from text (or HTML), or fetch it from its URL; returns its tickets.
    With the offline engine the tickets are in the answer. With a model, `article.extraction_status`
    is `pending` and `tickets` empty: a worker finds the claims; poll `GET /api/v1/articles/{id}`.
    At most `FACTCHECK_INGEST_PER_MINUTE` new articles a minute per user (429 beyond)."""
    req = articles.IngestRequest(
        text=body.text,
        url=body.url,
        fetch_url=body.text is None and body.url is not None,
        title=body.title,
        outlet=body.outlet,
        published=body.published,
    )
    result = flows.ingest(session, engine=engine, settings=settings, actor=user, req=req)
    return pages.detail(session, result.article.id, created=result.created)


@router.post("/articles/{article_id:int}/extract", response_model=ArticleDetail)
def retry_extraction(
    article_id: PathId, session: SessionDep, engine: EngineDep, flows: FlowsDep, settings: SettingsDep, user: ApiUserDep
):
    """Find the claims again of an article whose extraction failed (409 otherwise)."""
    flows.retry_extraction(session, engine=engine, actor=user, article_id=article_id, settings=settings)
    return pages.detail(session, article_id)


@router.get("/articles", response_model=list[ArticlePublic])
def list_articles(
    session: SessionDep,
    user: ApiUserDep,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=2_000_000_000),
):
    return [a for a, _ in articles.recent(session, limit=limit, offset=offset)]


@router.get("/articles/{article_id:int}", response_model=ArticleDetail)
def get_article(article_id: PathId, session: SessionDep, user: ApiUserDep):
    """The article, its tickets, the progress of work on it and what a model cost."""
    return pages.detail(session, article_id)


@router.patch("/articles/{article_id:int}", response_model=ArticleDetail)
def edit_article(article_id: PathId, body: ArticleDetailsEdit, session: SessionDep, user: ApiUserDep):
    """Correct the title, outlet, address or publication date (editors). All four are set as sent:
    leave one out and it is emptied. 409 when the article changed since `expected_version`."""
    details.edit(
        session,
        actor=user,
        article_id=article_id,
        expected_version=body.expected_version,
        details=details.Details(body.title, body.outlet, body.url, body.published),
    )
    return pages.detail(session, article_id)


@router.get("/articles/{article_id:int}/page", response_model=ArticlePage)
def article_page(article_id: PathId, session: SessionDep, user: ApiUserDep):
    """Everything the article's page shows, as JSON: the detail and the text with its claims marked."""
    return pages.page(session, article_id)
