"""The embedding job: claims the desk's encoder has not encoded yet (after an upgrade, a change of
encoder, or a large import) are encoded a batch at a time in the background; imported fact-checks
encoded for the first time are then matched with the desk's tickets."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from sqlmodel import Session, col, select

from factcheck.core.config import Settings, get_settings
from factcheck.core.errors import RetryableError
from factcheck.jobs.tasks import Work
from factcheck.matching import similarity, vectors
from factcheck.matching.finding import match_new_fact_checks, match_new_tickets
from factcheck.models import ClaimVector, FactCheck, MatchKind, Ticket

log = logging.getLogger(__name__)

EMBED = vectors.EMBED
BATCH = 256


@dataclass(frozen=True)
class Pending:
    model: str
    claims: list[tuple[MatchKind, int, str]]


@dataclass(frozen=True)
class Encoded:
    pending: Pending
    unit: np.ndarray


def schedule_if_needed(session: Session, settings: Settings) -> bool:
    """At start-up: queue the embedding job when claims lack a vector from the desk's encoder (an
    upgrade, or another encoder configured); whether there is such work."""
    if not vectors.missing(session, vectors.encoder_for(settings).name, 1):
        return False
    vectors.schedule(session, reason="start")
    return True


class Embed:
    kind = EMBED

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings

    def load(self, session: Session, work: Work) -> Pending | None:
        encoder = vectors.encoder_for(self.settings or get_settings())
        claims = vectors.missing(session, encoder.name, BATCH)
        return Pending(encoder.name, claims) if claims else None

    def run(self, loaded: Pending) -> Encoded:
        encoder = vectors.encoder_for(self.settings or get_settings())
        return Encoded(loaded, similarity.vectors(encoder, [text for _, _, text in loaded.claims]))

    def apply(self, session: Session, work: Work, result: Encoded) -> None:
        settings = self.settings or get_settings()
        model = result.pending.model
        still = self.load(session, work)
        # Another worker may have encoded some of them meanwhile: keep only what is still missing.
        wanted = {(kind, i) for kind, i, _ in still.claims} if still is not None and still.model == model else set()
        rows = [
            (kind, i, result.unit[n]) for n, (kind, i, _) in enumerate(result.pending.claims) if (kind, i) in wanted
        ]
        # Claims no encoder has encoded before were never matched (a large import; tickets made
        # while an embedding endpoint was down): they are matched now.
        first = {
            kind: vectors.first_time(session, kind, ids, model)
            for kind in (MatchKind.ticket, MatchKind.factcheck)
            if (ids := [i for k, i, _ in rows if k == kind])
        }
        session.add_all(
            ClaimVector(kind=kind, subject_id=i, model=model, vector=vectors.blob(u)) for kind, i, u in rows
        )
        session.flush()
        for kind, ids in first.items():
            if not ids:
                continue
            source = Ticket if kind == MatchKind.ticket else FactCheck
            fresh = list(session.exec(select(source).where(col(source.id).in_(ids)).order_by(source.id)))
            unit = np.stack([u for k, i, u in sorted(rows, key=lambda r: r[1]) if k == kind and i in ids])
            if kind == MatchKind.ticket:
                match_new_tickets(session, tickets=fresh, settings=settings, unit=unit)
            else:
                match_new_fact_checks(session, fact_checks=fresh, settings=settings, unit=unit)
        if vectors.missing(session, model, 1):
            vectors.schedule(session, reason="more")
        log.info("encoded %d claims with %s", len(rows), model)

    def failed(self, session: Session, work: Work, error: RetryableError, next_try: datetime | None) -> None:
        log.warning("encoding claims: %s", error.message)
