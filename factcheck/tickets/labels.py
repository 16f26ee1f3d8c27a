"""Every correction is labelled data: what reviewers dismissed, added and rewrote, as sentences
with a check-worthiness label and the reason, so the claim finder can be refitted on the desk's
own decisions (`bench/tune_checkworthy.py --labels FILE`)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from sqlmodel import Session, col, select

from factcheck.auth.permissions import Action, Actor, require
from factcheck.models import Article, DismissReason, Event, Ticket

COLUMNS = ["ticket_id", "article_id", "article", "reason", "text", "label"]
# A duplicate is not a judgment on the sentence: the one it repeats keeps the label.
_NOT_CHECKWORTHY = {DismissReason.not_a_claim, DismissReason.opinion, DismissReason.out_of_scope}


@dataclass(frozen=True)
class Label:
    ticket_id: int
    article_id: int
    article: str
    reason: str
    text: str  # the article's own words the claim was found in
    label: str  # "Yes": check-worthy; "No": not


def labels(session: Session, *, actor: Actor) -> list[Label]:
    """The desk's corrections as labelled sentences, oldest ticket first."""
    require(actor, Action.export)
    titles = dict(session.exec(select(Article.id, Article.title)).all())
    edits: dict[int, Event] = {}
    for event in session.exec(select(Event).where(Event.action == "claim.edit").order_by(col(Event.id).desc())):
        edits.setdefault(event.ticket_id, event)  # the latest edit of each ticket
    out = []
    for t in session.exec(select(Ticket).order_by(Ticket.id)):
        label = _label(t, edits.get(t.id))
        if label:
            reason, value = label
            out.append(Label(t.id, t.article_id, titles.get(t.article_id, ""), reason, t.quote, value))
    return out


def _label(ticket: Ticket, edit: Event | None) -> tuple[str, str] | None:
    if ticket.dismissed_reason:
        if ticket.dismissed_reason not in _NOT_CHECKWORTHY:
            return None
        note = f": {ticket.dismissal_note}" if ticket.dismissal_note else ""
        return f"dismissed as {ticket.dismissed_reason}{note}", "No"
    if ticket.engine == "human":
        return "added by a reviewer: the engine missed it", "Yes"
    if edit is not None:
        before = json.loads(edit.detail or "{}").get("before", {})
        was = f" (it read: {before['claim']})" if "claim" in before else ""
        return f"the claim was rewritten by a reviewer{was}", "Yes"
    return None


def to_tsv(rows: list[Label]) -> str:
    """Tab-separated, a header row, the label last: the form `factcheck eval checkworthy` and the
    tuner read. Tabs and line breaks inside a field become spaces."""

    def cell(value) -> str:
        return " ".join(str(value).split())

    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join(cell(getattr(row, c)) for c in COLUMNS) for row in rows]
    return "\n".join(lines) + "\n"


def to_json(rows: list[Label]) -> list[dict]:
    return [asdict(row) for row in rows]
