"""Draft items: machine-suggested verification questions and sources, and a reviewer's verdict on each.

A draft is a suggestion until a person approves or edits it; its provenance stays with it either way.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from sqlmodel import Session, select

from factcheck.audit import service as audit
from factcheck.core.errors import InvalidInput, NotFound
from factcheck.engines.base import ClaimContext, Drafts, ExtractedClaim
from factcheck.models import (
    Article,
    ClaimKind,
    DraftingStatus,
    DraftItem,
    DraftKind,
    DraftStatus,
    Ticket,
    User,
    utcnow,
)
from factcheck.tickets import service as tickets
from factcheck.users.permissions import Action, require

MAX_TEXT = 2_000


def safe_url(url: str | None) -> str | None:
    """An http(s) URL with a host, or None: anything else (javascript:, data:, …) is dropped."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or len(url) > 2000:
        return None
    return url


def clean_url(url: str | None) -> str | None:
    """Like safe_url, for what a person typed: a bad link is refused with a reason, not dropped."""
    if not url or not url.strip():
        return None
    cleaned = safe_url(url)
    if cleaned is None:
        raise InvalidInput("Links must be complete http:// or https:// addresses.")
    return cleaned


def claim_context(article: Article, claim: Ticket | ExtractedClaim, ticket_id: int | None = None) -> ClaimContext:
    """What a drafter may see: the claim and its paragraph, not the whole article."""
    ctx = tickets.span_context(article.text, claim.start, claim.end)
    return ClaimContext(
        claim=claim.claim,
        quote=claim.quote,
        kind=ClaimKind(claim.kind),
        speaker=claim.speaker,
        reported_by=claim.reported_by,
        context=(ctx.before + ctx.quote + ctx.after).strip(),
        article_title=article.title,
        outlet=article.outlet,
        published=article.published,
        article_hash=article.content_hash,
        ticket_id=ticket_id,
    )


def store(session: Session, *, ticket: Ticket, drafts: Drafts) -> list[DraftItem]:
    """Save an engine's drafts for a ticket and mark its drafting done."""
    prov = drafts.provenance
    items = [
        DraftItem(
            ticket_id=ticket.id, kind=DraftKind.question, text=q.text[:MAX_TEXT], rationale=q.rationale,
            status=DraftStatus.proposed, engine=prov.engine, model=prov.model,
            prompt_name=prov.prompt_name, prompt_hash=prov.prompt_hash,
        )
        for q in drafts.questions
    ] + [
        DraftItem(
            ticket_id=ticket.id, kind=DraftKind.source, text=s.name[:MAX_TEXT], rationale=s.rationale,
            source_kind=s.source_kind, url=safe_url(s.url), search_query=s.search_query[:500],
            status=DraftStatus.proposed, engine=prov.engine, model=prov.model,
            prompt_name=prov.prompt_name, prompt_hash=prov.prompt_hash,
        )
        for s in drafts.sources
    ]
    session.add_all(items)
    ticket.drafting_status = DraftingStatus.done
    ticket.drafting_error = None
    session.flush()
    audit.record(
        session, actor=None, actor_name=prov.engine, action="draft", ticket_id=ticket.id,
        article_id=ticket.article_id,
        detail={"questions": len(drafts.questions), "sources": len(drafts.sources),
                "engine": prov.engine, "model": prov.model, "prompt": prov.prompt_name},
    )
    return items


def discard_unreviewed(session: Session, *, ticket: Ticket) -> int:
    """Delete a ticket's machine drafts nobody has reviewed yet (before drafting it again)."""
    stale = session.exec(select(DraftItem).where(
        DraftItem.ticket_id == ticket.id, DraftItem.status == DraftStatus.proposed,
        DraftItem.created_by_id.is_(None))).all()
    for item in stale:
        session.delete(item)
    session.flush()
    return len(stale)


def for_ticket(session: Session, ticket_id: int) -> list[DraftItem]:
    stmt = select(DraftItem).where(DraftItem.ticket_id == ticket_id).order_by(DraftItem.kind, DraftItem.id)
    return list(session.exec(stmt))


def get(session: Session, item_id: int) -> DraftItem:
    item = session.get(DraftItem, item_id)
    if item is None:
        raise NotFound(f"No draft item with id {item_id}.")
    return item


def _review(session: Session, item: DraftItem, actor: User, status: DraftStatus, detail: dict | None = None):
    require(actor, Action.review_drafts)
    before = item.status
    item.status = status
    item.reviewed_by_id = actor.id
    item.reviewed_at = utcnow()
    ticket = session.get(Ticket, item.ticket_id)
    audit.record(
        session, actor=actor, action=f"draft.{status.value}", ticket_id=item.ticket_id,
        article_id=ticket.article_id if ticket else None, from_value=before, to_value=status.value,
        detail={"draft_id": item.id, "kind": item.kind, **(detail or {})},
    )
    session.flush()
    return item


def approve(session: Session, *, item: DraftItem, actor: User) -> DraftItem:
    """A reviewer accepts a suggestion as it stands."""
    return _review(session, item, actor, DraftStatus.approved)


def reject(session: Session, *, item: DraftItem, actor: User) -> DraftItem:
    """A reviewer discards a suggestion; it stays in the history, out of reports."""
    return _review(session, item, actor, DraftStatus.rejected)


def edit(
    session: Session, *, item: DraftItem, actor: User, text: str, url: str | None = None,
    search_query: str | None = None, answer: str | None = None,
) -> DraftItem:
    """A reviewer rewrites a suggestion; the machine's wording is kept as ``original_text``."""
    text = _clean_text(text)
    if item.original_text is None and item.created_by_id is None:
        item.original_text = item.text
    changed = {"text": text != item.text}
    item.text = text
    if item.kind == DraftKind.source:
        item.url = clean_url(url)
        item.search_query = (search_query or "").strip()[:500] or None
    if answer is not None:
        item.answer = answer.strip()[:MAX_TEXT * 5] or None
    return _review(session, item, actor, DraftStatus.edited, {"changed": changed})


def add_manual(
    session: Session, *, ticket: Ticket, actor: User, kind: str, text: str,
    url: str | None = None, search_query: str | None = None,
) -> DraftItem:
    """A reviewer's own question or source: approved by its author from the start."""
    require(actor, Action.review_drafts)
    if kind not in DraftKind.__members__:
        raise InvalidInput("Choose whether this is a question or a source.")
    item = DraftItem(
        ticket_id=ticket.id, kind=kind, text=_clean_text(text),
        url=clean_url(url) if kind == DraftKind.source else None,
        search_query=(search_query or "").strip()[:500] or None if kind == DraftKind.source else None,
        status=DraftStatus.approved, engine="human", created_by_id=actor.id,
        reviewed_by_id=actor.id, reviewed_at=utcnow(),
    )
    session.add(item)
    session.flush()
    audit.record(session, actor=actor, action="draft.added", ticket_id=ticket.id,
                 article_id=ticket.article_id, detail={"draft_id": item.id, "kind": kind})
    return item


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput("The text cannot be empty.")
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"Keep it under {MAX_TEXT} characters.")
    return text
