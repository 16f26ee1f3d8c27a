"""The tasks a worker runs, by kind: each domain's, built with what it needs (an engine, settings)."""

from __future__ import annotations

from factcheck.core.config import Settings
from factcheck.engines.base import Engine
from factcheck.flows.drafting import DraftTicket
from factcheck.flows.ingest import ExtractClaims
from factcheck.jobs.tasks import Task
from factcheck.matching.tasks import Embed
from factcheck.search.tasks import SearchTicket
from factcheck.tips.notify import Notify
from factcheck.webhooks.tasks import Deliver


def registry(engine: Engine, settings: Settings | None = None) -> dict[str, Task]:
    """An article's claims are found, each ticket drafted, then searched; webhooks are delivered;
    claims not yet encoded are encoded; readers are told their claim is published."""
    tasks: list[Task] = [
        ExtractClaims(engine, settings),
        DraftTicket(engine, settings),
        SearchTicket(engine, settings),
        Deliver(settings),
        Embed(settings),
        Notify(settings),
    ]
    return {task.kind: task for task in tasks}
