"""Keeping a source as it was: "Archive" fetches a source's page through the same guarded fetcher
as URL ingest, reduces it to its text and stores that with a SHA-256 and the time, so a report can
cite what the page said when it was checked, whatever the page says later."""

from __future__ import annotations

import hashlib

from sqlmodel import Session

from factcheck.auth.permissions import Action, Actor, require_person
from factcheck.core import webpages
from factcheck.core.config import Settings
from factcheck.core.errors import InvalidInput
from factcheck.core.limits import shared_limits
from factcheck.core.locks import refuse_if_published
from factcheck.drafts import service as drafts
from factcheck.drafts.schemas import DraftPublic
from factcheck.events import by, emit
from factcheck.events.drafts import SourceArchived
from factcheck.models import DraftKind, Ticket, utcnow
from factcheck.users import service as users

MAX_CHARS = 200_000


def archive(session: Session, *, actor: Actor, item_id: int, settings: Settings) -> DraftPublic:
    person = require_person(actor, Action.review_drafts)
    item = drafts.get(session, item_id)
    ticket = session.get(Ticket, item.ticket_id)
    refuse_if_published(session, ticket, lock=False)
    if item.kind != DraftKind.source or not (item.url or "").startswith(("http://", "https://")):
        raise InvalidInput("Only a source with an http(s) link can be archived.")
    shared_limits(settings.database_url).per_minute(
        "archive", settings.archive_per_minute, person.id, message="Too many pages archived"
    )
    # Read, then fetch, then write: nothing is written (or locked) while the page is being fetched.
    text = webpages.fetch(item.url, settings).text[:MAX_CHARS]
    if not text.strip():
        raise InvalidInput("The page has no text to keep.")
    refuse_if_published(session, ticket)  # it may have been published while the page was fetched
    item.archived_text = text
    item.archived_sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    item.archived_at = utcnow()
    session.add(item)
    session.flush()
    emit(
        session,
        SourceArchived(
            **by(person), ticket_id=item.ticket_id, draft_id=item.id, sha256=item.archived_sha256, chars=len(text)
        ),
    )
    return drafts.public(item, users.names(session, {item.reviewed_by_id} if item.reviewed_by_id else set()))
