"""Who may do what: the one table of role permissions, enforced by the service layer and routes."""

from __future__ import annotations

from enum import StrEnum

from factcheck.core.errors import Forbidden
from factcheck.models import Role, User


class Action(StrEnum):
    ingest = "ingest"
    review_drafts = "review drafts"
    add_notes = "add notes"
    assign = "assign tickets"
    propose_verdict = "propose a verdict"
    change_state = "change a ticket's state"
    export = "export reports"
    manage_users = "manage users"


_RANK = {Role.reviewer: 1, Role.editor: 2, Role.admin: 3}

# The least role that may perform each action. Reviewers do the checking and propose a verdict;
# an editor sets it (or reopens it) and publishes, so no verdict goes out on one person's word.
MINIMUM_ROLE: dict[Action, Role] = {
    Action.ingest: Role.reviewer,
    Action.review_drafts: Role.reviewer,
    Action.add_notes: Role.reviewer,
    Action.assign: Role.reviewer,
    Action.propose_verdict: Role.reviewer,
    Action.change_state: Role.editor,
    Action.export: Role.editor,
    Action.manage_users: Role.admin,
}


def can(user: User, action: Action) -> bool:
    return user.active and _RANK[Role(user.role)] >= _RANK[MINIMUM_ROLE[action]]


def require(user: User, action: Action) -> None:
    if not can(user, action):
        raise Forbidden(f"Your role ({user.role}) may not {action.value}.")
