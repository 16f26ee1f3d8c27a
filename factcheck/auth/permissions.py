"""Who may do what: the one table of role permissions, enforced by the service layer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from factcheck.core.errors import Forbidden
from factcheck.models import Role, User


class Action(StrEnum):
    ingest = "ingest"
    review_drafts = "review drafts"
    correct_claims = "correct claims"
    add_notes = "add notes"
    assign = "assign tickets"
    propose_verdict = "propose a verdict"
    change_state = "change a ticket's state"
    publish = "publish verdicts"
    manage_ratings = "edit the rating scale"
    export = "export reports"
    manage_users = "manage users"
    triage_tips = "triage readers' claims"


_RANK = {Role.reviewer: 1, Role.editor: 2, Role.admin: 3}

# The least role that may perform each action. Reviewers do the checking and propose a verdict;
# an editor sets it (or reopens it) and publishes, so no verdict goes out on one person's word.
MINIMUM_ROLE: dict[Action, Role] = {
    Action.ingest: Role.reviewer,
    Action.review_drafts: Role.reviewer,
    Action.correct_claims: Role.reviewer,
    Action.add_notes: Role.reviewer,
    Action.assign: Role.reviewer,
    Action.propose_verdict: Role.reviewer,
    Action.change_state: Role.editor,
    Action.publish: Role.editor,
    Action.manage_ratings: Role.admin,
    Action.export: Role.editor,
    Action.manage_users: Role.admin,
    Action.triage_tips: Role.reviewer,
}


@dataclass(frozen=True)
class Operator:
    """Whoever runs factcheck's command line on the server without ``--as``.

    They own the database (they could edit it directly), so no role stops them; the audit log
    names them "console". Work that must carry a person's name (a verdict, a note, a draft
    review) is refused to them: see ``require_person``.
    """

    name: str = "console"
    role: str = "operator"
    id: None = None
    active: bool = True


CONSOLE = Operator()
Actor = User | Operator


def can(actor: Actor, action: Action) -> bool:
    if isinstance(actor, Operator):
        return True
    return actor.active and _RANK[Role(actor.role)] >= _RANK[MINIMUM_ROLE[action]]


def require(actor: Actor, action: Action) -> None:
    if not can(actor, action):
        raise Forbidden(f"Your role ({actor.role}) may not {action.value}.")


def require_person(actor: Actor, action: Action) -> User:
    """The acting desk user, for work the record must attribute to a person (and their role's right)."""
    if isinstance(actor, Operator):
        raise Forbidden(f"To {action.value}, act as a desk user: on the command line, add --as NAME.")
    require(actor, action)
    return actor


def require_self_or(actor: Actor, user: User, action: Action) -> None:
    """Allowed on your own account; on anyone else's only with ``action``'s right."""
    if isinstance(actor, User) and actor.id == user.id and actor.active:
        return
    require(actor, action)
