"""The tips API: a newsroom's bot posts readers' claims; reviewers read the inbox."""

from __future__ import annotations

from fastapi import APIRouter

from factcheck.auth.permissions import Action, require
from factcheck.core.config import Settings
from factcheck.models import TipDecision
from factcheck.tips import service as tips
from factcheck.tips.schemas import AnswerPublic, TipGroup, TipIn, TipPublic, TipSent
from factcheck.web.deps import ApiUserDep, SessionDep, SettingsDep

router = APIRouter(tags=["tips"])


def _answer(answer: tips.Answer | None, settings: Settings) -> AnswerPublic | None:
    if answer is None:
        return None
    return AnswerPublic(
        ticket_id=answer.ticket_id, claim=answer.claim, verdict=answer.verdict, url=settings.site_url + answer.path
    )


@router.post("/tips", response_model=TipSent, status_code=201)
def send_tip(body: TipIn, session: SessionDep, settings: SettingsDep, user: ApiUserDep):
    """Keep a reader's claim for the reviewers' inbox. The answer holds the reader's private status
    link (pass it on) and, when the desk already published a fact-check of the same claim, that
    fact-check, to answer the reader at once. Limits and checks are the form's, except the ones
    meant for browsers (the token's owner is trusted to have filtered its channel)."""
    require(user, Action.triage_tips)
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
