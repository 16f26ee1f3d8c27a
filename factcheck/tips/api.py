"""The tips API: a newsroom's bot posts readers' claims; reviewers read the inbox."""

from __future__ import annotations

from fastapi import APIRouter, Request

from factcheck.auth.permissions import Action, require
from factcheck.core.config import Settings
from factcheck.models import TipDecision
from factcheck.tips import service as tips
from factcheck.tips.schemas import AnswerPublic, TipDecided, TipDecisionIn, TipGroup, TipIn, TipPublic, TipSent
from factcheck.web.deps import ApiUserDep, EngineDep, FlowsDep, SessionDep, SettingsDep
from factcheck.web.params import PathId

router = APIRouter(tags=["tips"])
API_PER_MINUTE = 120


def _answer(answer: tips.Answer | None, settings: Settings) -> AnswerPublic | None:
    if answer is None:
        return None
    return AnswerPublic(
        ticket_id=answer.ticket_id, claim=answer.claim, verdict=answer.verdict, url=settings.site_url + answer.path
    )


@router.post("/tips", response_model=TipSent, status_code=201)
def send_tip(request: Request, body: TipIn, session: SessionDep, settings: SettingsDep, user: ApiUserDep):
    """Keep a reader's claim for the reviewers' inbox. The answer holds the reader's private status
    link (pass it on) and, when the desk already published a fact-check of the same claim, that
    fact-check, to answer the reader at once. Limits and checks are the form's, except the ones
    meant for browsers (the token's owner is trusted to have filtered its channel)."""
    require(user, Action.triage_tips)
    request.app.state.limits.per_minute("tip.api", API_PER_MINUTE, user.id, message="Too many tips from this token")
    channel = f"api {user.name}" + (f" ({body.channel.strip()})" if body.channel and body.channel.strip() else "")
    sent = tips.submit(
        session,
        settings=settings,
        submission=tips.Submission(body.claim, body.seen_where, body.contact, body.consent, channel=channel),
    )
    status = tips.reader_status(session, sent.tip)
    return TipSent(
        id=sent.tip.id,
        status=status.stage,
        status_url=f"{settings.site_url}/tips/status/{sent.token}",
        answer=_answer(sent.answer, settings),
        grouped_with=sent.tip.group_id,
    )


@router.get("/tips", response_model=list[TipGroup])
def list_tips(session: SessionDep, settings: SettingsDep, user: ApiUserDep, show: TipDecision = TipDecision.new):
    """The inbox: groups of tips that say the same thing, the most sent first."""
    require(user, Action.triage_tips)
    return [
        TipGroup(
            leader=TipPublic.model_validate(e.leader),
            count=e.count,
            tips=[TipPublic.model_validate(t) for t in e.tips],
            answer=_answer(e.answer, settings),
        )
        for e in tips.inbox(session, decision=show)
    ]


@router.post("/tips/{tip_id:int}/ticket", response_model=TipDecided)
def tip_to_ticket(
    tip_id: PathId,
    body: TipDecisionIn,
    session: SessionDep,
    settings: SettingsDep,
    user: ApiUserDep,
    engine: EngineDep,
    flows: FlowsDep,
):
    """Make the tip's whole group one ticket. 409 when the tip changed since `expected_version`."""
    ticket = flows.tip_ticket(
        session, actor=user, engine=engine, settings=settings, tip_id=tip_id, expected_version=body.expected_version
    )
    return TipDecided(decided=tips.for_ticket(session, ticket.id), ticket_id=ticket.id, article_id=ticket.article_id)


@router.post("/tips/{tip_id:int}/dismiss", response_model=TipDecided)
def dismiss_tip(tip_id: PathId, body: TipDecisionIn, session: SessionDep, user: ApiUserDep):
    """Decide not to check the tip's group (the note stays on the desk)."""
    done = tips.dismiss(session, actor=user, tip_id=tip_id, expected_version=body.expected_version, note=body.note)
    return TipDecided(decided=[t.id for t in done])
