"""Plain-function factories for tests."""

from __future__ import annotations

from sqlmodel import Session

from factcheck.articles import service as articles
from factcheck.auth.permissions import CONSOLE
from factcheck.core.config import Settings
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.flows import ingest as flows_ingest

ARTICLE = """Riverton council raises water rates

The Riverton City Council voted 7-2 on March 3, 2025 to raise residential water rates by 12 percent, the largest increase since 2009.

Mayor Elena Vasquez said the increase would raise about $18.4 million a year for pipe replacement.

According to the Public Works Department, the city recorded 214 water-main breaks in 2024.
"""


def ingest(session: Session, settings: Settings, text: str = ARTICLE, actor=CONSOLE, **kw):
    result = flows_ingest.ingest(
        session,
        engine=OfflineEngine(),
        settings=settings,
        actor=actor,
        req=articles.IngestRequest(text=text, **kw),
    )
    session.commit()
    return result
