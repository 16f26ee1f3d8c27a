"""Correcting an article's details (title, outlet, date, address) after it was ingested: editors,
versioned like everything a person edits, every change in the audit log. The text is not
editable: tickets are anchored to its characters; a corrected text is a new article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col

from factcheck.articles.service import MAX_OUTLET, MAX_TITLE, get
from factcheck.audit import service as audit
from factcheck.auth.permissions import Action, Actor, require
from factcheck.core.errors import InvalidInput
from factcheck.core.urls import clean_url
from factcheck.events import by, emit
from factcheck.events.articles import ArticleEdited
from factcheck.models import Article, as_utc
from factcheck.tickets.versions import StaleVersion


@dataclass(frozen=True)
class Details:
    title: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None


def _clean(d: Details) -> dict:
    title = " ".join(d.title.split())
    if not title:
        raise InvalidInput("An article needs a title.")
    if len(title) > MAX_TITLE:
        raise InvalidInput(f"The title has {len(title):,} characters; at most {MAX_TITLE} are kept. Shorten it.")
    outlet = " ".join((d.outlet or "").split()) or None
    if outlet and len(outlet) > MAX_OUTLET:
        raise InvalidInput(f"The outlet has {len(outlet):,} characters; at most {MAX_OUTLET} are kept. Shorten it.")
    url = clean_url(d.url) if (d.url or "").strip() else None
    return {"title": title, "outlet": outlet, "url": url, "published": d.published}


def edit(session: Session, *, actor: Actor, article_id: int, expected_version: int, details: Details) -> Article:
    """Change what differs; nothing (not even the version) when nothing does. 409, naming who
    changed the article, when it changed since ``expected_version``."""
    require(actor, Action.change_state)
    article = get(session, article_id)
    after = _clean(details)
    before = {k: getattr(article, k) for k in after}
    changed = {k: v for k, v in after.items() if v != before[k]}
    if article.version != expected_version:
        _stale(session, article, expected_version)
    if not changed:
        return article
    done = session.execute(
        sa.update(Article)
        .where(col(Article.id) == article_id, col(Article.version) == expected_version)
        .values(**changed, version=expected_version + 1)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        _stale(session, article, expected_version)
    session.refresh(article)
    emit(
        session,
        ArticleEdited(
            **by(actor),
            article_id=article.id,
            before={k: _plain(before[k]) for k in changed},
            after={k: _plain(v) for k, v in changed.items()},
        ),
    )
    return article


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _stale(session: Session, article: Article, expected_version: int) -> None:
    session.refresh(article)
    last = audit.latest_article_change(session, article.id)
    who = f" by {last.actor_name} at {as_utc(last.created_at):%Y-%m-%d %H:%M} UTC" if last else ""
    raise StaleVersion(
        f"This article's details were changed{who} after you opened it (you saw version {expected_version}, "
        f"it is now version {article.version}). Reload it and try again.",
        details={"current_version": article.version},
    )
