"""The JSON API. Thin: parse, call one service, shape the answer."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from factcheck.articles import service as articles
from factcheck.audit import service as audit
from factcheck.drafts import service as drafts
from factcheck.exports import views as export_views
from factcheck.models import Article, Note, Ticket
from factcheck.tickets import service as tickets
from factcheck.core.errors import InvalidInput
from factcheck.tickets.states import bulk_transition, propose, transition
from factcheck.users import service as users
from factcheck.users.permissions import Action, require
from factcheck.web.deps import ApiUserDep, EngineDep, SessionDep, SettingsDep

router = APIRouter(tags=["api"])


# Database ids and versions are 32-bit integers (PostgreSQL's integer): anything larger is refused
# as invalid input (422) rather than reaching the driver.
INT_MAX = 2_147_483_647
PathId = Annotated[int, Path(ge=1, le=INT_MAX)]
QueryId = Annotated[int | None, Query(ge=1, le=INT_MAX)]
BodyId = Annotated[int, Field(ge=1, le=INT_MAX)]
Version = Annotated[int, Field(ge=1, le=INT_MAX, description="The ticket version you based the change on")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleCreate(Strict):
    text: str | None = Field(None, description="Plain text or HTML of the article.")
    url: str | None = Field(None, description="Where the article is published; fetched if no text is given.")
    title: str | None = Field(None, max_length=500)
    outlet: str | None = Field(None, max_length=200)
    published: date | None = None

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "The port handled 1.2 million containers in 2024, up 8 percent, according to the port authority.",
        "title": "Port traffic rises", "outlet": "Harbor Times", "published": "2025-03-02"}]})


class TicketOut(BaseModel):
    id: int
    article_id: int
    claim: str
    quote: str
    start: int
    end: int
    attribution: str | None
    speaker: str | None
    reported_by: str | None
    kind: str
    score: float
    state: str
    assignee_id: int | None
    needs_human: bool
    flag_reason: str | None
    drafting_status: str
    drafting_error: str | None
    version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, t: Ticket) -> "TicketOut":
        return cls.model_validate(t, from_attributes=True)


class ArticleOut(BaseModel):
    id: int
    title: str
    outlet: str | None
    url: str | None
    published: date | None
    content_hash: str
    created_at: datetime
    extraction_status: Literal["pending", "done", "failed"] = Field(
        description="`pending` while a worker finds the claims (model engines); the tickets follow")
    extraction_error: str | None

    @classmethod
    def of(cls, a: Article) -> "ArticleOut":
        return cls.model_validate(a, from_attributes=True)


class IngestOut(BaseModel):
    article_id: int
    created: bool
    article: ArticleOut
    tickets: list[TicketOut]


class DraftOut(BaseModel):
    id: int
    ticket_id: int
    kind: str
    text: str
    original_text: str | None
    url: str | None
    search_query: str | None
    source_kind: str | None
    rationale: str | None
    answer: str | None
    status: str
    engine: str
    model: str | None
    prompt_name: str | None
    prompt_hash: str | None
    reviewed_by_id: int | None
    reviewed_at: datetime | None


class NoteOut(BaseModel):
    id: int
    ticket_id: int
    author_id: int
    text: str
    url: str | None
    created_at: datetime


class EventOut(BaseModel):
    id: int
    ticket_id: int | None
    article_id: int | None
    actor_name: str
    action: str
    from_value: str | None
    to_value: str | None
    rationale: str | None
    created_at: datetime


class TicketPage(BaseModel):
    total: int
    per_page: int
    next_cursor: str | None
    prev_cursor: str | None
    tickets: list[TicketOut]


class StateChange(Strict):
    to: Literal["unverified", "corroborated", "disputed"]
    rationale: str = Field(..., max_length=10_000)
    expected_version: Version

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "to": "disputed",
        "rationale": "The council minutes record a 6-3 vote, not 7-2.",
        "expected_version": 1,
    }]})


class Assign(Strict):
    assignee_id: BodyId | None
    expected_version: Version

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "assignee_id": 2,
        "expected_version": 3,
    }]})


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    role: str
    active: bool
    created_at: datetime


class UserCreate(Strict):
    name: str = Field(..., min_length=2, max_length=80, examples=["rita"])
    role: Literal["reviewer", "editor", "admin"] = "reviewer"
    password: str = Field(..., min_length=8, max_length=1000)


class UserUpdate(Strict):
    role: Literal["reviewer", "editor", "admin"] | None = None
    active: bool | None = None


class TokenCreate(Strict):
    label: str = Field("api", min_length=1, max_length=80, examples=["cms-plugin"])


class TokenOut(BaseModel):
    user_id: int
    label: str
    token: str = Field(..., description="Shown once; only a hash is stored.")


class Selected(Strict):
    id: BodyId
    expected_version: Version


class BulkChange(Strict):
    """One action on several tickets, all or nothing: `state` needs `to` and `rationale`,
    `assign` needs `assignee_id` (null unassigns)."""

    action: Literal["state", "assign"]
    tickets: list[Selected] = Field(..., min_length=1, max_length=500)
    to: Literal["unverified", "corroborated", "disputed"] | None = None
    rationale: str | None = Field(None, max_length=10_000)
    assignee_id: BodyId | None = None


class NoteIn(Strict):
    text: str = Field(..., max_length=20_000)
    url: str | None = None

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "Minutes of March 3, page 4: the vote was 6-3.",
        "url": "https://council.example/minutes/2025-03-03.pdf",
    }]})


class DraftEdit(Strict):
    text: str
    url: str | None = None
    search_query: str | None = None
    answer: str | None = None

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "Did the council vote 6-3 on March 3, 2025?",
        "answer": "Yes: minutes, page 4.",
    }]})


class DraftAdd(Strict):
    kind: Literal["question", "source"]
    text: str
    url: str | None = None
    search_query: str | None = None

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "kind": "source",
        "text": "Council meeting minutes",
        "url": "https://council.example/minutes",
        "search_query": "council minutes March 3 2025",
    }]})


def _out(model, rows):
    return [model.model_validate(r, from_attributes=True) for r in rows]


@router.post("/articles", response_model=IngestOut, status_code=201)
def create_article(body: ArticleCreate, request: Request, session: SessionDep, engine: EngineDep,
                   settings: SettingsDep, user: ApiUserDep):
    """Ingest an article from text (or HTML), or fetch it from its URL; returns its tickets.
    With the offline engine the tickets are in the answer. With a model, `article.extraction_status`
    is `pending` and `tickets` empty: a worker finds the claims; poll `GET /api/v1/articles/{id}`.
    At most `FACTCHECK_INGEST_PER_MINUTE` a minute per user (429 beyond)."""
    request.app.state.ingest_limit.hit(user.id)
    req = articles.IngestRequest(
        text=body.text, url=body.url, fetch_url=body.text is None and body.url is not None,
        title=body.title, outlet=body.outlet, published=body.published,
    )
    result = articles.ingest(session, engine=engine, settings=settings, req=req, actor=user)
    return IngestOut(article_id=result.article.id, created=result.created, article=ArticleOut.of(result.article),
                     tickets=[TicketOut.of(t) for t in result.tickets])


@router.post("/articles/{article_id}/extract", response_model=IngestOut)
def retry_extraction(article_id: PathId, session: SessionDep, engine: EngineDep, user: ApiUserDep):
    """Find the claims again of an article whose extraction failed (409 otherwise)."""
    article = articles.retry_extraction(session, engine=engine, article=articles.get(session, article_id),
                                        actor=user)
    return IngestOut(article_id=article.id, created=False, article=ArticleOut.of(article),
                     tickets=[TicketOut.of(t) for t in tickets.for_article(session, article_id)])


@router.get("/articles", response_model=list[ArticleOut])
def list_articles(session: SessionDep, user: ApiUserDep, limit: int = Query(50, ge=1, le=500),
                  offset: int = Query(0, ge=0)):
    return [ArticleOut.of(a) for a, _ in articles.recent(session, limit=limit, offset=offset)]


@router.get("/articles/{article_id}", response_model=IngestOut)
def get_article(article_id: PathId, session: SessionDep, user: ApiUserDep):
    article = articles.get(session, article_id)
    return IngestOut(article_id=article.id, created=False, article=ArticleOut.of(article),
                     tickets=[TicketOut.of(t) for t in tickets.for_article(session, article_id)])


@router.get("/tickets", response_model=TicketPage)
def list_tickets(
    session: SessionDep, user: ApiUserDep, state: str | None = None, article_id: QueryId = None,
    assignee_id: QueryId = None, q: str | None = Query(None, max_length=500), sort: str = "score",
    cursor: str | None = Query(None, max_length=400, description="`next_cursor` or `prev_cursor` of a page"),
    per_page: int = Query(50, ge=1, le=200),
):
    """The triage queue, most check-worthy first; follow `next_cursor` for the next page."""
    result = tickets.queue(session, tickets.QueueFilter(
        state=state, article_id=article_id, assignee_id=assignee_id, q=q, sort=sort, cursor=cursor,
        per_page=per_page))
    page = TicketPage(total=result.total, per_page=result.per_page, next_cursor=result.next_cursor,
                      prev_cursor=result.prev_cursor, tickets=[TicketOut.of(t) for t, _, _ in result.rows])
    # Already validated above: serialise once rather than have FastAPI validate the page again
    # (half of this endpoint's time at 50 tickets a page). The schema still comes from response_model.
    return Response(page.model_dump_json(), media_type="application/json")


@router.get("/tickets/{ticket_id}", response_model=TicketOut)
def get_ticket(ticket_id: PathId, session: SessionDep, user: ApiUserDep):
    return TicketOut.of(tickets.get(session, ticket_id))


@router.post("/tickets/{ticket_id}/state", response_model=TicketOut)
def change_state(ticket_id: PathId, body: StateChange, session: SessionDep, user: ApiUserDep):
    """Move a ticket between states; 409 if `expected_version` is stale."""
    ticket = tickets.get(session, ticket_id)
    transition(session, ticket=ticket, to=body.to, actor=user, rationale=body.rationale,
               expected_version=body.expected_version)
    return TicketOut.of(ticket)


@router.post("/tickets/{ticket_id}/propose", response_model=EventOut, status_code=201)
def propose_verdict(ticket_id: PathId, body: StateChange, session: SessionDep, user: ApiUserDep):
    """A reviewer's proposed verdict for an editor to decide; the ticket itself does not change."""
    ticket = tickets.get(session, ticket_id)
    event = propose(session, ticket=ticket, to=body.to, actor=user, rationale=body.rationale,
                    expected_version=body.expected_version)
    session.flush()
    return EventOut.model_validate(event, from_attributes=True)


@router.post("/tickets/bulk", response_model=list[TicketOut])
def bulk(body: BulkChange, session: SessionDep, user: ApiUserDep):
    """Assign, or change the state of, several tickets at once; one stale ticket refuses them all."""
    selected = [(tickets.get(session, s.id), s.expected_version) for s in body.tickets]
    if body.action == "assign":
        target = users.get_user(session, body.assignee_id) if body.assignee_id else None
        done = tickets.bulk_assign(session, tickets=selected, assignee=target, actor=user)
    else:
        if body.to is None:
            raise InvalidInput("A bulk state change needs 'to'.")
        done = bulk_transition(session, tickets=selected, to=body.to, actor=user, rationale=body.rationale or "")
    return [TicketOut.of(t) for t in done]


@router.post("/tickets/{ticket_id}/assign", response_model=TicketOut)
def assign(ticket_id: PathId, body: Assign, session: SessionDep, user: ApiUserDep):
    ticket = tickets.get(session, ticket_id)
    target = users.get_user(session, body.assignee_id) if body.assignee_id else None
    tickets.assign(session, ticket=ticket, assignee=target, actor=user, expected_version=body.expected_version)
    return TicketOut.of(ticket)


@router.get("/tickets/{ticket_id}/drafts", response_model=list[DraftOut])
def list_drafts(ticket_id: PathId, session: SessionDep, user: ApiUserDep):
    tickets.get(session, ticket_id)
    return _out(DraftOut, drafts.for_ticket(session, ticket_id))


@router.post("/tickets/{ticket_id}/drafts", response_model=DraftOut, status_code=201)
def add_draft(ticket_id: PathId, body: DraftAdd, session: SessionDep, user: ApiUserDep):
    ticket = tickets.get(session, ticket_id)
    item = drafts.add_manual(session, ticket=ticket, actor=user, kind=body.kind, text=body.text,
                             url=body.url, search_query=body.search_query)
    return DraftOut.model_validate(item, from_attributes=True)


@router.post("/tickets/{ticket_id}/redraft", response_model=TicketOut)
def redraft(ticket_id: PathId, session: SessionDep, engine: EngineDep, user: ApiUserDep):
    """Draft the ticket again; unreviewed machine drafts are replaced, reviewed ones kept."""
    ticket = articles.redraft(session, engine=engine, ticket=tickets.get(session, ticket_id), actor=user)
    return TicketOut.of(ticket)


@router.post("/drafts/{item_id}/approve", response_model=DraftOut)
def approve_draft(item_id: PathId, session: SessionDep, user: ApiUserDep):
    item = drafts.approve(session, item=drafts.get(session, item_id), actor=user)
    return DraftOut.model_validate(item, from_attributes=True)


@router.post("/drafts/{item_id}/reject", response_model=DraftOut)
def reject_draft(item_id: PathId, session: SessionDep, user: ApiUserDep):
    item = drafts.reject(session, item=drafts.get(session, item_id), actor=user)
    return DraftOut.model_validate(item, from_attributes=True)


@router.post("/drafts/{item_id}/edit", response_model=DraftOut)
def edit_draft(item_id: PathId, body: DraftEdit, session: SessionDep, user: ApiUserDep):
    item = drafts.edit(session, item=drafts.get(session, item_id), actor=user, text=body.text,
                       url=body.url, search_query=body.search_query, answer=body.answer)
    return DraftOut.model_validate(item, from_attributes=True)


@router.get("/tickets/{ticket_id}/notes", response_model=list[NoteOut])
def list_notes(ticket_id: PathId, session: SessionDep, user: ApiUserDep):
    tickets.get(session, ticket_id)
    return [NoteOut.model_validate(n, from_attributes=True) for n, _ in tickets.notes(session, ticket_id)]


@router.post("/tickets/{ticket_id}/notes", response_model=NoteOut, status_code=201)
def add_note(ticket_id: PathId, body: NoteIn, session: SessionDep, user: ApiUserDep):
    ticket = tickets.get(session, ticket_id)
    note: Note = tickets.add_note(session, ticket=ticket, actor=user, text=body.text, url=body.url)
    return NoteOut.model_validate(note, from_attributes=True)


@router.get("/tickets/{ticket_id}/events", response_model=list[EventOut])
def list_events(ticket_id: PathId, session: SessionDep, user: ApiUserDep):
    tickets.get(session, ticket_id)
    return _out(EventOut, audit.ticket_history(session, ticket_id))


@router.get("/export")
def export(
    request: Request, settings: SettingsDep, user: ApiUserDep,
    format: str = "json", article: list[str] | None = Query(None), state: str = "", since: str = "",
    until: str = "", reviewer: str = "", include_open: str = "",
):
    """Download a report: md, html, csv, json or claimreview (JSON-LD)."""
    require(user, Action.export)
    sel = export_views.parse_selection(article, state, since, until, reviewer, include_open)
    return export_views.download(request.app.state.db, settings, format, sel, request.app.state.templates.env)




@router.get("/users/me", response_model=UserOut)
def who_am_i(user: ApiUserDep):
    return UserOut.model_validate(user)


@router.get("/users", response_model=list[UserOut])
def list_users(session: SessionDep, user: ApiUserDep):
    """Every user (admins only)."""
    require(user, Action.manage_users)
    return [UserOut.model_validate(u) for u in users.list_users(session)]


@router.post("/users", response_model=UserOut, status_code=201)
def create_user(body: UserCreate, session: SessionDep, user: ApiUserDep):
    """Add a user (admins only); 409 if the name is taken."""
    require(user, Action.manage_users)
    created = users.create_user(session, name=body.name, role=body.role, password=body.password)
    audit.record(session, actor=user, action="user.create", to_value=created.role,
                 detail={"user_id": created.id, "name": created.name})
    return UserOut.model_validate(created)


@router.patch("/users/{user_id}", response_model=UserOut)
def update_user(user_id: PathId, body: UserUpdate, session: SessionDep, user: ApiUserDep):
    """Change a role, or switch a user off (which revokes their tokens); admins only."""
    target = users.get_user(session, user_id)
    return UserOut.model_validate(users.update_user(session, user=target, actor=user, role=body.role,
                                                    active=body.active))


@router.post("/users/{user_id}/tokens", response_model=TokenOut, status_code=201)
def issue_token(user_id: PathId, body: TokenCreate, session: SessionDep, user: ApiUserDep):
    """A new API token for yourself, or (admins) for anyone; the token is shown only here."""
    target = users.get_user(session, user_id)
    if target.id != user.id:
        require(user, Action.manage_users)
    token = users.issue_token(session, user=target, label=body.label)
    return TokenOut(user_id=target.id, label=body.label, token=token)


@router.post("/users/{user_id}/tokens/revoke")
def revoke_tokens(user_id: PathId, session: SessionDep, user: ApiUserDep) -> dict[str, int]:
    """Revoke every API token of yourself, or (admins) of anyone."""
    target = users.get_user(session, user_id)
    if target.id != user.id:
        require(user, Action.manage_users)
    return {"revoked": users.revoke_tokens(session, user=target)}
