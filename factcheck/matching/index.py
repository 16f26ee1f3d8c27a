"""The desk's similarity index: one per database and encoder in each process, built from the
stored vectors (never encoding again what another process encoded) and topped up from committed
rows whenever it is used, so every app and worker process sees what the others stored. Vectors of
claims created by the running transaction are searched but not indexed until they are committed
(a rollback must not leave a claim in the index under an id that may be reused).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np
from sqlmodel import Session

from factcheck.encoders import Encoder
from factcheck.matching import similarity, vectors

# A vector committed this many ids behind the newest one already indexed is still picked up
# (PostgreSQL hands out ids before commit, so they can commit out of order).
_LATE_COMMITS = 2_000


@dataclass
class DeskIndex:
    index: similarity.Index
    seen: set[int] = field(default_factory=set)  # vector ids already indexed
    lock: threading.Lock = field(default_factory=threading.Lock)


_INDEXES: dict[tuple[str, str], DeskIndex] = {}
_INDEXES_LOCK = threading.Lock()


def desk_index(session: Session, encoder: Encoder, *, uncommitted: set[tuple[str, int]]) -> DeskIndex:
    """This database's index for ``encoder``, topped up with every stored vector it has not seen,
    except those of ``uncommitted`` claims (kind, id)."""
    url = session.get_bind().url.render_as_string(hide_password=False)
    with _INDEXES_LOCK:
        desk = _INDEXES.setdefault((url, encoder.name), DeskIndex(similarity.Index(encoder)))
    with desk.lock:
        floor = max(desk.seen, default=0) - _LATE_COMMITS
        ids = [i for i in vectors.new_ids(session, encoder.name, floor) if i not in desk.seen]
        for start in range(0, len(ids), 5_000):  # texts and vectors only for what is new, a chunk at a time
            rows = [
                r
                for r in vectors.newer(session, encoder.name, 0, ids[start : start + 5_000])
                if (r[1], r[2]) not in uncommitted
            ]
            if rows:
                unit = np.stack([vectors.unblob(r[4]) for r in rows])
                desk.index.add((((str(r[1]), r[2]), r[3]) for r in rows), unit=unit)
                desk.seen.update(r[0] for r in rows)
    return desk


def reset_indexes() -> None:
    """Forget every in-memory index (tests that empty the database between runs)."""
    with _INDEXES_LOCK:
        _INDEXES.clear()
