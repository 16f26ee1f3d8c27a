"""What every form on the ticket page does with its answer, whichever domain owns the form.

A form makes one service call. On success the person goes back to the ticket (or elsewhere) with a
message; when the change is refused because someone changed the ticket first (409) or the input
will not do (422), the ticket page comes back with the message and what was typed still in its
form: no rationale or rewrite is ever lost to a conflict.

The ticket page itself is the tickets domain's: the app hands its renderer over
(``app.state.ticket_page``), so the drafts', matching's and search's forms use it without
importing a peer that imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Form, Request
from sqlmodel import Session

from factcheck.core.errors import Conflict, InvalidInput
from factcheck.models import User
from factcheck.web.render import redirect

Text = Annotated[str, Form()]
Version = Annotated[int, Form()]


def act(
    request: Request,
    session: Session,
    user: User,
    ticket_id: int,
    kept: dict,
    action: Callable[[], Any],
    message: Callable[[Any], str],
    anchor: str = "",
    goto: Callable[[Any], str] | None = None,
):
    """Do ``action``; on success to the ticket (or ``goto(result)``) with ``message``, on a conflict
    or bad input the ticket page again, with the problem and ``kept`` (the form and what was typed)."""
    try:
        result = action()
    except (Conflict, InvalidInput) as exc:
        return request.app.state.ticket_page(
            request, session, user, ticket_id, status_code=exc.status_code, problem=exc.message, kept=kept
        )
    return redirect(request, goto(result) if goto else f"/tickets/{ticket_id}{anchor}", message(result))
