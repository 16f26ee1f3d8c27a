"""Rendering pages with what every page needs: the user, the CSRF token, flash messages."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse

from factcheck.models import User
from factcheck.users.permissions import Action, can
from factcheck.web.deps import csrf_token


def render(request: Request, template: str, user: User | None, status_code: int = 200, **context: Any):
    flash = request.session.pop("flash", None)
    return request.app.state.templates.TemplateResponse(
        request,
        template,
        {"user": user, "csrf": csrf_token(request), "flash": flash, "can": lambda a: user and can(user, Action(a)),
         **context},
        status_code=status_code,
    )


def redirect(request: Request, url: str, message: str | None = None) -> RedirectResponse:
    """Post/redirect/get, with a one-time message for the next page."""
    if message:
        request.session["flash"] = message
    return RedirectResponse(url, status_code=303)
