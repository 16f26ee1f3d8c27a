"""The tickets API: the queue, a ticket and its page, verdicts, proposals, assignment, notes, history."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Response

from factcheck.audit import service as audit
from factcheck.audit.schemas import EventPublic
from factcheck.matching import service as matching
from factcheck.matching.schemas import MatchPublic
from factcheck.models import RATING_BEST, RATING_WORST, TicketState
from factcheck.tickets import corrections, labels, pages, publishing, ratings, states
from factcheck.tickets import service as tickets
from factcheck.tickets.publishing_schemas import CorrectionPublic, RatingPublic, RatingScale, ScaleIn
from factcheck.tickets.queue import QueueFilter, queue
from factcheck.tickets.schemas import (
    Assign,
    BulkAssign,
    BulkChange,
    BulkPublish,
    ClaimAdd,
    ClaimEdit,
    DismissIn,
    LabelPublic,
    MergeIn,
    NoteIn,
    NotePublic,
    ProposalMade,
    ReuseVerdict,
    StateChange,
    TicketDetail,
    TicketList,
    TicketPage,
    TicketPublic,
    VersionIn,
)
from factcheck.web.deps import ApiUserDep, EngineDep, FlowsDep, SessionDep, SettingsDep
from factcheck.web.params import PathId, QueryId

router = APIRouter(tags=["tickets"])


@router.get("/tickets", response_model=TicketList)
def list_tickets(
    session: SessionDep,
    user: ApiUserDep,
    state: TicketState | None = None,
    article_id: QueryId = None,
    assignee_id: QueryId = None,
    q: str | None = Query(None, max_length=500),
    sort: str = "score",
    cursor: str | None = Query(None, max_length=400, description="`next_cursor` or `prev_cursor` of a page"),
    per_page: int = Query(50, ge=1, le=200),
    dismissed: bool = Query(False, description="Only the dismissed tickets (left out otherwise)"),
    previously_checked: bool = Query(False, description="Only tickets with a linked or confirmed match"),
):
    """The triage queue, most check-worthy first; follow `next_cursor` for the next page."""
    result = queue(
        session,
        QueueFilter(
            state=state,
            article_id=article_id,
            assignee_id=assignee_id,
            q=q,
            sort=sort,
            cursor=cursor,
            per_page=per_page,
            dismissed=dismissed,
            previously_checked=previously_checked,
        ),
    )
    page = TicketList(
        total=result.total,
        per_page=result.per_page,
        next_cursor=result.next_cursor,
        prev_cursor=result.prev_cursor,
        tickets=[TicketPublic.model_validate(t) for t, _, _ in result.rows],
    )
    # Already validated above: serialise once rather than have FastAPI validate the page again
    # (half of this endpoint's time at 50 tickets a page). The schema still comes from response_model.
    return Response(page.model_dump_json(), media_type="application/json")


@router.get("/tickets/{ticket_id:int}", response_model=TicketDetail)
def get_ticket(ticket_id: PathId, session: SessionDep, user: ApiUserDep):
    """The ticket, with `matches`: the same claim in other tickets or in published fact-checks."""
    ticket = TicketPublic.model_validate(tickets.get(session, ticket_id))
    return TicketDetail(
        **ticket.model_dump(exclude={"dismissed"}),
        matches=[MatchPublic.model_validate(m) for m in matching.for_ticket(session, ticket_id)],
    )


@router.post("/tickets/{ticket_id:int}/reuse-verdict", response_model=TicketPublic)
def reuse_verdict(ticket_id: PathId, body: ReuseVerdict, session: SessionDep, user: ApiUserDep, flows: FlowsDep):
    """Give this ticket the verdict of the earlier ticket a match names (editors), recorded as your
    decision with the source ticket named; the match is confirmed with it. 409 if stale."""
    return flows.reuse_verdict(
        session, actor=user, ticket_id=ticket_id, match_id=body.match_id, expected_version=body.expected_version
    )


@router.patch("/tickets/{ticket_id:int}", response_model=TicketPublic)
def edit_claim(ticket_id: PathId, body: ClaimEdit, session: SessionDep, user: ApiUserDep):
    """Correct the claim, its attribution or its kind; the machine's version stays in the history.
    409 if `expected_version` is stale or the ticket has a verdict (reopen it first)."""
    sent = body.model_fields_set
    changes = corrections.ClaimChanges(
        claim=body.claim,
        speaker=body.speaker,
        reported_by=body.reported_by,
        kind=body.kind.value if body.kind else None,
        clear=frozenset(f for f in ("speaker", "reported_by") if f in sent and getattr(body, f) is None),
    )
    return corrections.edit_claim(
        session, actor=user, ticket_id=ticket_id, changes=changes, expected_version=body.expected_version
    )


@router.post("/tickets/{ticket_id:int}/dismiss", response_model=TicketPublic)
def dismiss(ticket_id: PathId, body: DismissIn, session: SessionDep, user: ApiUserDep):
    """Not worth checking: out of the queue, the reports and the counts of open work (not a verdict);
    409 if the ticket has a verdict (reopen it first)."""
    return corrections.dismiss(
        session,
        actor=user,
        ticket_id=ticket_id,
        reason=body.reason.value,
        note=body.note,
        expected_version=body.expected_version,
    )


@router.post("/tickets/{ticket_id:int}/restore", response_model=TicketPublic)
def restore(ticket_id: PathId, body: VersionIn, session: SessionDep, user: ApiUserDep):
    """Back in the queue after a dismissal."""
    return corrections.restore(session, actor=user, ticket_id=ticket_id, expected_version=body.expected_version)


@router.post("/tickets/{ticket_id:int}/merge", response_model=TicketPublic)
def merge(ticket_id: PathId, body: MergeIn, session: SessionDep, user: ApiUserDep):
    """This ticket repeats `into`: its notes and approved drafts move there, it points there, and the
    surviving ticket is returned."""
    return corrections.merge(
        session, actor=user, ticket_id=ticket_id, into=body.into, expected_version=body.expected_version
    )


@router.post("/articles/{article_id:int}/tickets", response_model=TicketPublic, status_code=201)
def add_claim(
    article_id: PathId,
    body: ClaimAdd,
    session: SessionDep,
    engine: EngineDep,
    flows: FlowsDep,
    settings: SettingsDep,
    user: ApiUserDep,
):
    """A claim the engine missed: its quote is the article's characters `start` to `end`; drafted like
    the others. 409 (with that ticket's id) if the passage is already a ticket."""
    return flows.add_claim(
        session,
        actor=user,
        engine=engine,
        settings=settings,
        article_id=article_id,
        start=body.start,
        end=body.end,
        claim=body.claim,
        kind=body.kind.value if body.kind else None,
    )


@router.get("/tickets/{ticket_id:int}/page", response_model=TicketPage)
def ticket_page(ticket_id: PathId, session: SessionDep, user: ApiUserDep):
    """Everything the ticket's page shows, as JSON: the claim in context, drafts, notes, history."""
    return pages.ticket_page(session, ticket_id)


@router.post("/tickets/{ticket_id:int}/state", response_model=TicketPublic)
def change_state(ticket_id: PathId, body: StateChange, session: SessionDep, user: ApiUserDep):
    """Move a ticket between states (editors), with a `rating` from the scale for a verdict; 409 if
    `expected_version` is stale. A published verdict changes only with a `correction` (422 without)."""
    return states.transition(
        session,
        actor=user,
        ticket_id=ticket_id,
        to=body.to,
        rationale=body.rationale,
        expected_version=body.expected_version,
        rating=body.rating,
        correction=body.correction,
    )


@router.post("/tickets/{ticket_id:int}/publish", response_model=TicketPublic)
def publish(ticket_id: PathId, body: VersionIn, session: SessionDep, user: ApiUserDep):
    """Publish the ticket's verdict (editors): claim, drafts, notes and state are locked until it is
    reopened with a correction. 409 if stale, if it has no verdict or is already published."""
    return publishing.publish(session, actor=user, ticket_id=ticket_id, expected_version=body.expected_version)


@router.get("/ratings", response_model=RatingScale)
def rating_scale(session: SessionDep, user: ApiUserDep):
    """The desk's rating scale, in order: each rating's verdict and ClaimReview value."""
    return RatingScale(
        best=RATING_BEST, worst=RATING_WORST, ratings=[RatingPublic.model_validate(r) for r in ratings.scale(session)]
    )


@router.put("/ratings", response_model=RatingScale)
def replace_rating_scale(body: ScaleIn, session: SessionDep, user: ApiUserDep):
    """Replace the scale (admins). A rating left out is retired; verdicts given with it keep it."""
    steps = [ratings.Step(r.name, r.state, r.value) for r in body.ratings]
    return RatingScale(
        best=RATING_BEST,
        worst=RATING_WORST,
        ratings=[RatingPublic.model_validate(r) for r in ratings.replace_scale(session, actor=user, steps=steps)],
    )


@router.get("/corrections", response_model=list[CorrectionPublic])
def corrections_log(session: SessionDep, user: ApiUserDep):
    """Every correction of a published verdict, newest first."""
    return publishing.corrections_log(session)


@router.post("/tickets/{ticket_id:int}/propose", response_model=ProposalMade, status_code=201)
def propose_verdict(ticket_id: PathId, body: StateChange, session: SessionDep, user: ApiUserDep):
    """A reviewer's proposed verdict for an editor to decide. Its state stays as it is; its version
    changes (`ticket_version`), so an editor deciding from an older page is told of the proposal."""
    return states.propose(
        session,
        actor=user,
        ticket_id=ticket_id,
        to=body.to,
        rationale=body.rationale,
        expected_version=body.expected_version,
        rating=body.rating,
    )


@router.post("/tickets/bulk", response_model=list[TicketPublic])
def bulk(body: BulkChange, session: SessionDep, user: ApiUserDep):
    """Assign, or change the state of, several tickets at once; one stale ticket refuses them all."""
    selection = [(s.id, s.expected_version) for s in body.tickets]
    if isinstance(body, BulkAssign):
        return tickets.bulk_assign(session, actor=user, selection=selection, assignee_id=body.assignee_id)
    if isinstance(body, BulkPublish):
        return publishing.bulk_publish(session, actor=user, selection=selection)
    return states.bulk_transition(
        session, actor=user, selection=selection, to=body.to, rationale=body.rationale, rating=body.rating
    )


@router.post("/tickets/{ticket_id:int}/assign", response_model=TicketPublic)
def assign(ticket_id: PathId, body: Assign, session: SessionDep, user: ApiUserDep):
    return tickets.assign(
        session, actor=user, ticket_id=ticket_id, assignee_id=body.assignee_id, expected_version=body.expected_version
    )


@router.post("/tickets/{ticket_id:int}/redraft", response_model=TicketPublic)
def redraft(
    ticket_id: PathId, session: SessionDep, engine: EngineDep, flows: FlowsDep, settings: SettingsDep, user: ApiUserDep
):
    """Draft the ticket again; unreviewed machine drafts are replaced, reviewed ones kept."""
    return flows.redraft(session, engine=engine, actor=user, ticket_id=ticket_id, settings=settings)


@router.get("/tickets/{ticket_id:int}/notes", response_model=list[NotePublic])
def list_notes(ticket_id: PathId, session: SessionDep, user: ApiUserDep):
    return tickets.notes(session, ticket_id)


@router.post("/tickets/{ticket_id:int}/notes", response_model=NotePublic, status_code=201)
def add_note(ticket_id: PathId, body: NoteIn, session: SessionDep, user: ApiUserDep):
    return tickets.add_note(session, actor=user, ticket_id=ticket_id, text=body.text, url=body.url)


@router.get(
    "/labels",
    response_model=list[LabelPublic],
    responses={200: {"content": {"text/tab-separated-values": {"schema": {"type": "string"}}}}},
)
def list_labels(session: SessionDep, user: ApiUserDep, format: Literal["json", "tsv"] = "json"):
    """The desk's corrections as labelled sentences (editors): dismissed claims are "No", added and
    rewritten ones "Yes". `format=tsv` gives the file `bench/tune_checkworthy.py --labels` reads."""
    rows = labels.labels(session, actor=user)
    if format == "tsv":
        return Response(
            labels.to_tsv(rows),
            media_type="text/tab-separated-values; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="factcheck-labels.tsv"'},
        )
    return labels.to_json(rows)


@router.get("/tickets/{ticket_id:int}/events", response_model=list[EventPublic])
def list_events(ticket_id: PathId, session: SessionDep, user: ApiUserDep):
    tickets.get(session, ticket_id)
    return audit.ticket_history(session, ticket_id)
