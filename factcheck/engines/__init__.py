"""Engines turn articles into claims and claims into drafts."""

from __future__ import annotations

from factcheck.core.config import Settings
from factcheck.engines.base import Engine


def get_engine(settings: Settings) -> Engine:
    from factcheck.engines.offline.engine import OfflineEngine

    return OfflineEngine(threshold=settings.min_checkworthiness)
