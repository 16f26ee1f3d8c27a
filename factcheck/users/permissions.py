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
    change_state = "change a ticket's state"
    export = "export reports"
    manage_users = "manage users"


_RANK = {Role.reviewer: 1, Role.editor: 2, Role.admin: 3}

# The least role that may perform each action. Reviewers work tickets end to end on a small desk;
# an editor-only verdict is one line here.
MINIMUM_ROLE: dict[Action, Role] = {
    Action.ingest: Role.reviewer,
    Action.review_drafts: Role.reviewer,
    Action.add_notes: Role.reviewer,
    Action.assign: Role.reviewer,
    Action.change_state: Role.reviewer,
    Action.export: Role.reviewer,
    Action.manage_users: Role.admin,
}


def can(user: User, action: Action) -> bool:
    return user.active and _RANK[Role(user.role)] >= _RANK[MINIMUM_ROLE[action]]


def require(user: User, action: Action) -> None:
    if not can(user, action):
        raise Forbidden(f"Your role ({user.role}) may not {action.value}.")
