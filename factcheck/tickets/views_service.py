"""Saved views: a queue filter under a name, a person's own or shared with the desk."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import sqlalchemy as sa
from sqlmodel import Session, select

from factcheck.auth.permissions import Action, Actor, can, require_person
from factcheck.core.errors import Forbidden, InvalidInput, NotFound
from factcheck.models import SavedView

# The filters a view may hold (the queue page's own parameter names); anything else is dropped.
KEYS = ("state", "article", "assignee", "q", "sort", "failed", "dismissed", "checked", "proposed", "needs")


def clean_query(query: str) -> str:
    pairs = [(k, v) for k, v in parse_qsl(query or "") if k in KEYS and v]
    return urlencode(pairs)


def for_user(session: Session, user: Actor) -> list[SavedView]:
    """Yours first, then the desk's shared ones, each by name."""
    uid = getattr(user, "id", None)
    stmt = select(SavedView).where(sa.or_(SavedView.owner_id == uid, SavedView.shared))
    return sorted(session.exec(stmt), key=lambda v: (v.owner_id != uid, v.name.lower()))


def save(session: Session, *, actor: Actor, name: str, query: str, shared: bool = False) -> SavedView:
    person = require_person(actor, Action.assign)  # any reviewer
    name = " ".join((name or "").split())
    if not name or len(name) > 80:
        raise InvalidInput("Name the view (1 to 80 characters).")
    query = clean_query(query)
    if not query:
        raise InvalidInput("Choose some filters first: a view of the whole queue needs no name.")
    existing = session.exec(
        select(SavedView).where(SavedView.owner_id == person.id, sa.func.lower(SavedView.name) == name.lower())
    ).first()
    view = existing or SavedView(name=name, owner_id=person.id, query=query)
    view.query, view.shared = query, shared
    session.add(view)
    session.flush()
    return view


def delete(session: Session, *, actor: Actor, view_id: int) -> None:
    person = require_person(actor, Action.assign)
    view = session.get(SavedView, view_id)
    if view is None:
        raise NotFound(f"No saved view with id {view_id}.")
    if view.owner_id != person.id and not can(person, Action.manage_users):
        raise Forbidden("Only its owner (or an admin) can delete a saved view.")
    session.delete(view)
    session.flush()
