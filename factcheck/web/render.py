"""Rendering pages with what every page needs: the user, the CSRF token, flash messages, and the
address of the page's JSON twin."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates

from factcheck.auth.permissions import Action, can
from factcheck.core.templating import make_environment
from factcheck.events import labels
from factcheck.models import User
from factcheck.web.deps import csrf_token


def make_templates() -> Jinja2Templates:
    env = make_environment()
    env.filters["action"] = labels.describe  # the history in words
    return Jinja2Templates(env=env)


def render(
    request: Request,
    template: str,
    user: User | None,
    status_code: int = 200,
    *,
    alternate: str | None = None,
    **context: Any,
):
    """A page. ``alternate``: where the same data is served as JSON (announced in a Link header
    and a <link rel="alternate"> for automation)."""
    if status_code >= 400:
        # A page that shows an error (a form sent back with its message) stores nothing.
        request.state.failed = True
    flash = request.session.pop("flash", None)
    response = request.app.state.templates.TemplateResponse(
        request,
        template,
        {
            "user": user,
            "csrf": csrf_token(request),
            "flash": flash,
            "alternate": alternate,
            "can": lambda name: user is not None and can(user, Action[name]),  # by name: can("export")
            **context,
        },
        status_code=status_code,
    )
    if alternate:
        response.headers["Link"] = f'<{alternate}>; rel="alternate"; type="application/json"'
    return response


def redirect(request: Request, url: str, message: str | None = None) -> RedirectResponse:
    """Post/redirect/get, with a one-time message for the next page."""
    if message:
        request.session["flash"] = message
    return RedirectResponse(url, status_code=303)


def safe_next(target: str) -> str:
    """Only local paths: a link must not bounce people to another site."""
    return target if target.startswith("/") and not target.startswith("//") else "/"
