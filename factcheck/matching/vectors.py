"""Claims' vectors, made once and kept (``ClaimVector``): a ticket's when it is matched, a
fact-check's when it is imported, and by a background job (``matching.tasks.Embed``) for every
claim the desk's encoder has not encoded yet (after an upgrade, or a change of encoder).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck import encoders
from factcheck.core.config import Settings
from factcheck.encoders import Encoder
from factcheck.jobs import service as jobs
from factcheck.matching import similarity
from factcheck.models import ClaimVector, FactCheck, MatchKind, Ticket
from factcheck.models.columns import table_of

_V = table_of(ClaimVector)
EMBED = "embed"  # the embedding job's kind (matching.tasks.Embed)
_SOURCES: dict[MatchKind, Any] = {MatchKind.ticket: Ticket, MatchKind.factcheck: FactCheck}


def encoder_for(settings: Settings) -> Encoder:
    return encoders.get(encoders.chosen(settings.encoder), settings)


def blob(unit: np.ndarray) -> bytes:
    return np.asarray(unit, dtype="<f2").tobytes()


def unblob(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<f2").astype(np.float32)


def keep(session: Session, encoder: Encoder, kind: MatchKind, claims: list[tuple[int, str]]) -> np.ndarray:
    """Encode these claims and keep their vectors in the session's transaction (the subjects are
    new in it, so no other process can have encoded them); their vectors, in order."""
    if not claims:
        return np.zeros((0, encoder.dimensions), dtype=np.float32)
    unit = similarity.vectors(encoder, [text for _, text in claims])
    known = set(
        session.exec(
            select(ClaimVector.subject_id).where(
                ClaimVector.kind == kind,
                ClaimVector.model == encoder.name,
                col(ClaimVector.subject_id).in_([i for i, _ in claims]),
            )
        )
    )
    session.add_all(
        ClaimVector(kind=kind, subject_id=i, model=encoder.name, vector=blob(unit[n]))
        for n, (i, _) in enumerate(claims)
        if i not in known
    )
    session.flush()
    return unit


def missing(session: Session, model: str, limit: int) -> list[tuple[MatchKind, int, str]]:
    """Up to ``limit`` claims without a vector from ``model``: tickets first, oldest first."""
    out: list[tuple[MatchKind, int, str]] = []
    for kind, source in _SOURCES.items():
        if len(out) >= limit:
            break
        done = select(_V.c.subject_id).where(_V.c.kind == kind, _V.c.model == model)
        rows = session.execute(
            select(source.id, source.claim).where(source.id.not_in(done)).order_by(source.id).limit(limit - len(out))
        ).all()
        out += [(kind, row[0], row[1]) for row in rows]
    return out


def newer(session: Session, model: str, after: int, ids: Iterable[int] | None = None) -> list[Any]:
    """Vectors of ``model`` with an id above ``after`` (or among ``ids``), each with its claim's
    text: (vector id, kind, subject id, text, vector)."""
    out = []
    for kind, source in _SOURCES.items():
        stmt = (
            select(_V.c.id, _V.c.kind, _V.c.subject_id, source.claim, _V.c.vector)
            .join(source, source.id == _V.c.subject_id)
            .where(_V.c.kind == kind, _V.c.model == model)
        )
        stmt = stmt.where(_V.c.id.in_(list(ids))) if ids is not None else stmt.where(_V.c.id > after)
        out += session.execute(stmt).all()
    return sorted(out, key=lambda row: row[0])


def new_ids(session: Session, model: str, after: int) -> list[int]:
    return list(session.execute(select(_V.c.id).where(_V.c.model == model, _V.c.id > after)).scalars())


def progress(session: Session, model: str) -> tuple[int, int]:
    """(claims with a vector from ``model``, claims): how far the encoding has come."""
    total = sum(session.execute(select(func.count()).select_from(source)).scalar_one() for source in _SOURCES.values())
    done = session.execute(select(func.count()).select_from(_V).where(_V.c.model == model)).scalar_one()
    return int(done), int(total)


def first_time(session: Session, kind: MatchKind, subject_ids: list[int], model: str) -> set[int]:
    """Which of these subjects had no vector from any other encoder: claims never matched yet."""
    before = session.execute(
        sa.select(_V.c.subject_id).where(_V.c.kind == kind, _V.c.subject_id.in_(subject_ids), _V.c.model != model)
    ).scalars()
    return set(subject_ids) - set(before)


def schedule(session: Session, reason: str = "embed") -> None:
    """Queue the embedding job (once: a job already waiting is enough)."""
    jobs.enqueue(session, EMBED, subject_id=None, group=EMBED, dedupe=EMBED, reason=reason)
