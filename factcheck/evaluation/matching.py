"""Measuring claim matching on CheckThat!-style data: queries, verified claims, relevance pairs.

MAP@5 and P@1 are the lab's ranking measures. At the desk's two thresholds it also counts what a
reviewer would see: suggestions (a candidate scoring at or above the first threshold) and automatic
links (at or above the second), their precision, and the share of relevant pairs they find.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.core.errors import InvalidInput
from factcheck.encoders import Encoder
from factcheck.matching import similarity
from factcheck.matching.similarity import Candidate, Index


@dataclass
class MatchingData:
    queries: list[tuple[str, str]]  # (id, text)
    claims: list[tuple[str, str]]  # (id, text)
    relevant: dict[str, set[str]]


def _tsv(path: Path) -> list[list[str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Cannot read {path}: {exc}") from None
    if len(rows) < 2 or any(len(r) < 2 for r in rows[1:] if r):
        raise InvalidInput(f"{path}: expected a header and two tab-separated columns on every line.")
    return [r for r in rows[1:] if r]


def read(queries: Path, claims: Path, qrels: Path) -> MatchingData:
    collection = []
    try:
        lines = claims.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Cannot read {claims}: {exc}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            collection.append((str(row["id"]), " ".join(filter(None, [row["claim"], row.get("title")]))))
        except (json.JSONDecodeError, KeyError, TypeError):
            raise InvalidInput(f"{claims}, line {number}: expected a JSON object with 'id' and 'claim'.") from None
    relevant: dict[str, set[str]] = {}
    for query_id, claim_id in _tsv(qrels):
        relevant.setdefault(query_id, set()).add(claim_id)
    asked = [(r[0], r[1]) for r in _tsv(queries) if r[0] in relevant]
    if not asked:
        raise InvalidInput(f"No query in {queries} has a relevance pair in {qrels}.")
    return MatchingData(queries=asked, claims=collection, relevant=relevant)


@dataclass
class Figures:
    queries: int
    map_at_5: float
    p_at_1: float
    suggested: int
    suggestions_right: int
    linked: int
    links_right: int
    relevant: int

    @property
    def suggestion_precision(self) -> float:
        return self.suggestions_right / self.suggested if self.suggested else 0.0

    @property
    def suggestion_recall(self) -> float:
        return self.suggestions_right / self.relevant if self.relevant else 0.0

    @property
    def link_precision(self) -> float:
        return self.links_right / self.linked if self.linked else 0.0

    @property
    def link_recall(self) -> float:
        return self.links_right / self.relevant if self.relevant else 0.0


def cache_folder() -> Path:
    """Where measuring runs keep the vectors they made (the same collection is encoded once)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck" / "vectors"


def encoded(encoder: Encoder, texts: list[str], cache: Path | None = None) -> np.ndarray:
    """The texts' vectors, from the cache when this encoder has already made them."""
    key = hashlib.sha256("\n".join([encoder.name, *texts]).encode()).hexdigest()[:32]
    path = cache / f"{key}.npy" if cache else None
    if path is not None and path.exists():
        return np.load(path)
    unit = similarity.vectors(encoder, texts)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, unit)
    return unit


def build_index(data: MatchingData, encoder: Encoder, cache: Path | None = None) -> Index:
    index = Index(encoder)
    index.add(data.claims, unit=encoded(encoder, [t for _, t in data.claims], cache))
    return index


def rankings(
    index: Index, data: MatchingData, *, lexical_only: bool = False, cache: Path | None = None, k: int = 5
) -> dict[str, list[Candidate]]:
    unit = encoded(index.encoder, [t for _, t in data.queries], cache)
    return {
        qid: index.search(text, k=k, lexical_only=lexical_only, unit=unit[i])
        for i, (qid, text) in enumerate(data.queries)
    }


def figures(ranked: dict[str, list[Candidate]], data: MatchingData, suggest: float, link: float) -> Figures:
    total_ap = hits_at_1 = suggested = right_s = linked = right_l = 0.0
    for qid, found in ranked.items():
        relevant = data.relevant[qid]
        hits, ap = 0, 0.0
        for rank, c in enumerate(found[:5], start=1):
            if c.key in relevant:
                hits += 1
                ap += hits / rank
        total_ap += ap / min(len(relevant), 5)
        hits_at_1 += bool(found) and found[0].key in relevant
        for c in found:
            if c.score >= suggest:
                suggested += 1
                right_s += c.key in relevant
            if c.score >= link:
                linked += 1
                right_l += c.key in relevant
    n = len(ranked)
    return Figures(
        queries=n,
        map_at_5=total_ap / n,
        p_at_1=hits_at_1 / n,
        suggested=int(suggested),
        suggestions_right=int(right_s),
        linked=int(linked),
        links_right=int(right_l),
        relevant=sum(len(data.relevant[q]) for q in ranked),
    )
