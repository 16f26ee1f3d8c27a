"""The Jinja environment for pages and reports. Autoescape is always on: article and model text is
never markup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from factcheck.models import as_utc

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def _when(value: datetime | None) -> str:
    return as_utc(value).strftime("%Y-%m-%d %H:%M UTC") if value else ""


def _pct(value: float | None) -> str:
    return f"{round((value or 0) * 100)}%"


def _engine_label(engine: str | None, model: str | None = None) -> str:
    if engine == "offline":
        return "the offline rule-based engine" + (f" ({model})" if model else "")
    if engine == "human":
        return "a reviewer"
    if engine == "search":
        return f"a {model} search" if model else "a search"
    return " / ".join(x for x in (engine, model) if x) or "unknown"


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=select_autoescape(default=True, default_for_string=True)
    )
    env.filters["when"] = _when
    env.filters["pct"] = _pct
    env.globals["engine_label"] = _engine_label
    return env
