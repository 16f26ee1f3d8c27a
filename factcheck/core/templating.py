"""The Jinja environment for pages and reports. Autoescape is always on: article and model text is
never markup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context

from factcheck.models import (
    DraftingStatus,
    DraftKind,
    DraftStatus,
    ExtractionStatus,
    JobStatus,
    MatchKind,
    MatchStatus,
    Role,
    TicketState,
    as_utc,
)

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def _when(value: datetime | None) -> str:
    return as_utc(value).strftime("%Y-%m-%d %H:%M UTC") if value is not None else ""


def _iso(value: datetime) -> str:
    """A time for a datetime attribute or a meta tag: whole seconds, UTC (HTML allows at most
    three digits of a second)."""
    return as_utc(value).replace(microsecond=0).isoformat()


def _pct(value: float | None) -> str:
    return f"{round((value or 0) * 100)}%"


def _engine_label(engine: str | None, model: str | None = None) -> str:
    if engine == "offline":
        return "the offline rule-based engine" + (f" ({model})" if model else "")
    if engine == "human":
        return "a reviewer"
    if engine == "search":
        return f"a {model} search" if model else "a search"
    if engine == "openai":
        return "the language model" + (f" {model}" if model else "")
    return " / ".join(x for x in (engine, model) if x) or "an engine the desk did not record"


def _plural(count: int, word: str, many: str | None = None) -> str:
    """``3 claims``, ``1 claim``: the count with its noun."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


@pass_context
def _path(context: Context, name: str, **params: object) -> str:
    """The path of a desk page by its route's name (``path('ticket_detail', ticket_id=7)``): a
    renamed or removed route fails the page at once, not a reader's click. Only the pages' routes
    are looked in (an API route may share a name), and only a path: links never take the Host a
    client sent."""
    return str(context["request"].app.state.pages.url_path_for(name, **{k: str(v) for k, v in params.items()}))


def _static(name: str) -> str:
    return f"/static/{name}"


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=select_autoescape(default=True, default_for_string=True)
    )
    env.filters["when"] = _when
    env.filters["pct"] = _pct
    env.filters["iso"] = _iso
    env.globals["plural"] = _plural
    env.globals["engine_label"] = _engine_label
    env.globals["path"] = _path
    env.globals["static"] = _static
    # Templates compare with the enums, never with their spelling: a renamed value fails loudly.
    env.globals.update(
        TicketState=TicketState,
        VERDICTS=[TicketState.corroborated, TicketState.disputed],
        DraftKind=DraftKind,
        DraftStatus=DraftStatus,
        DraftingStatus=DraftingStatus,
        ExtractionStatus=ExtractionStatus,
        MatchKind=MatchKind,
        MatchStatus=MatchStatus,
        JobStatus=JobStatus,
        Role=Role,
    )
    return env
