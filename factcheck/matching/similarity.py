"""Is this claim one we have seen? Lexical and vector similarity, combined into one probability,
over an index that grows as claims arrive.

Two ways of finding candidates, because each misses what the other finds: BM25 over the claims'
words (a figure, a name, a rare noun), and the cosine of their sentence vectors (the same claim in
other words; the encoder is the desk's, ``factcheck.encoders``). The candidates from both are scored
by a logistic model over the two similarities, fitted per encoder on public claim-matching data
(bench/tune_matching.py, README "Previously checked"), so a score means the same thing whoever asks:
the chance that the two claims are the same claim.

The index lives in memory and only grows: adding a claim touches its own words and one row of
vectors, never the rest. Vectors are kept as 8-bit integers (384 bytes a claim with the sentence
encoder). Candidates are found on 64 coarse dimensions, read in blocks: the first 64 for WordLlama,
which is trained so that a prefix is itself an embedding; for another encoder, every dimension
while the index is small, and past ``PROJECT_FROM`` claims the 64 directions that keep most of the
stored vectors' inner products (their leading singular vectors, taken once from the claims then
stored). Only the candidates are compared on every dimension.
"""

from __future__ import annotations

import json
import logging
import math
import re
from array import array
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from bm25s.stopwords import STOPWORDS_EN

from factcheck import encoders
from factcheck.core.errors import InvalidInput
from factcheck.encoders import Encoder, wordvectors

log = logging.getLogger(__name__)

_BLOCK = 1 << 16
COARSE = 64
# Below this many claims a search compares every dimension (a few milliseconds at 50,000); past
# it, the coarse projection keeps a search among a million claims within the desk's 200 ms.
PROJECT_FROM = 50_000
_BASIS_SAMPLE = 20_000
K1, B = 1.2, 0.75
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
# Links and handles say where a claim was posted, not what it claims.
_NOISE = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|@\w+|#(?=\w)")
_STOP = frozenset(STOPWORDS_EN) | {
    "said",
    "says",
    "according",
    "that",
    "this",
    "has",
    "have",
    "had",
    "was",
    "were",
    "its",
    "it",
    "he",
    "she",
    "they",
    "we",
    "his",
    "her",
    "their",
}
_MODEL_FILE = Path(__file__).with_name("matching_model.json")


def clean(text: str) -> str:
    return _NOISE.sub(" ", text)


def terms(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(clean(text).lower()) if t not in _STOP]


def vectors(encoder: Encoder, texts: list[str]) -> np.ndarray:
    """Unit-length sentence vectors of the claims, without the links and handles around them."""
    return encoder.encode([clean(t) for t in texts]).astype(np.float32)


def _prefix(encoder: Encoder) -> int:
    return COARSE if encoder.name == wordvectors.MODEL else encoder.dimensions


def _quantised(unit: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(unit * 127), -127, 127).astype(np.int8)


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


@dataclass(frozen=True)
class Weights:
    bias: float
    lexical: float
    cosine: float
    both: float

    def probability(self, lexical: np.ndarray, cosine: np.ndarray) -> np.ndarray:
        z = self.bias + self.lexical * lexical + self.cosine * cosine + self.both * lexical * cosine
        return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def method(encoder: Encoder) -> str:
    """How a match was found, kept with it as drafts keep their provenance."""
    return f"offline bm25+{encoder.name} v2"


@lru_cache(maxsize=4)
def _fitted_file(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("models", {})
    except (OSError, ValueError, AttributeError) as exc:
        raise InvalidInput(f"FACTCHECK_MATCHING_MODEL: cannot read {path} ({exc}).") from None


# A model fitted for another encoder, used (and said so in the log) for an encoder nobody fitted one
# for: its cosine weighs most, and every sentence encoder puts the same claim near 1.
_STAND_IN = "all-MiniLM-L6-v2"


def _fitted_for(encoder: Encoder) -> dict:
    from factcheck.core.config import get_settings

    own = get_settings().matching_model
    models = {**_fitted_file(_MODEL_FILE), **(_fitted_file(Path(own)) if own else {})}
    if encoder.name in models:
        return dict(models[encoder.name])
    if encoder.name not in _warned:
        _warned.add(encoder.name)
        log.warning(
            "no matching model fitted for the encoder %r: using the one fitted for %s until one is "
            "(bench/tune_matching.py --encoder endpoint --write FILE, then FACTCHECK_MATCHING_MODEL=FILE)",
            encoder.name,
            _STAND_IN,
        )
    return dict(models[_STAND_IN])


_warned: set[str] = set()


def fitted(encoder: Encoder) -> Weights:
    return Weights(**_fitted_for(encoder)["weights"])


def thresholds(encoder: Encoder) -> tuple[float, float]:
    """The (suggest, link) thresholds measured with the encoder's fitted model."""
    data = _fitted_for(encoder)
    return float(data["suggest"]), float(data["link"])


@dataclass(frozen=True)
class Candidate:
    key: Hashable
    score: float  # the chance that it is the same claim, 0..1
    lexical: float
    cosine: float


class Index:
    """Claims by key (any hashable: ("ticket", 12), a data set's id), searchable by similarity."""

    def __init__(self, encoder: Encoder | None = None, weights: Weights | None = None):
        self.encoder = encoder or encoders.get("wordllama")
        self.weights = weights
        self.dimensions = self.encoder.dimensions
        self.prefix = _prefix(self.encoder)
        self.keys: list[Hashable] = []
        self._postings: dict[str, tuple[array, array]] = {}
        self._lengths = array("f")
        self._total_length = 0.0
        self._vectors = np.zeros((0, self.dimensions), dtype=np.int8)
        # The coarse rows candidates are found on: a prefix of the vectors, or their projection
        # on ``_basis`` once the index is large (then kept apart, 64 bytes a claim).
        self._basis: np.ndarray | None = None
        self._coarse = np.zeros((0, COARSE), dtype=np.int8)
        self._prefix_norms = np.zeros(0, dtype=np.float32)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, items: Iterable[tuple[Hashable, str]], *, unit: np.ndarray | None = None, batch: int = 4096) -> None:
        """Index claims (key, text); ``unit``: their vectors when already made (stored ones), in order."""
        items = list(items)
        for start in range(0, len(items), batch):
            chunk = items[start : start + batch]
            self._grow(len(chunk))
            made = unit[start : start + batch] if unit is not None else vectors(self.encoder, [t for _, t in chunk])
            q = _quantised(made)
            self._vectors[self._size : self._size + len(chunk)] = q
            self._set_coarse(self._size, q)
            for key, text in chunk:
                doc = self._size
                counts = Counter(terms(text))
                for term, tf in counts.items():
                    docs, tfs = self._postings.setdefault(term, (array("i"), array("f")))
                    docs.append(doc)
                    tfs.append(tf)
                length = float(sum(counts.values()))
                self._lengths.append(length)
                self._total_length += length
                self.keys.append(key)
                self._size += 1
            if self._basis is None and self.prefix == self.dimensions and self._size >= PROJECT_FROM:
                self._project()

    def _set_coarse(self, start: int, q: np.ndarray) -> None:
        """The coarse rows (and their norms) of the quantised vectors ``q`` stored from ``start``."""
        if self._basis is not None:
            coarse = _quantised(q.astype(np.float32) @ self._basis / 127)
            self._coarse[start : start + len(q)] = coarse
        else:
            coarse = q[:, : self.prefix]
        self._prefix_norms[start : start + len(q)] = np.linalg.norm(coarse.astype(np.float32), axis=1)

    def _project(self) -> None:
        """Take the coarse directions from the claims stored so far and project every claim on them."""
        sample = self._vectors[: min(self._size, _BASIS_SAMPLE)].astype(np.float32) / 127
        basis = np.linalg.svd(sample, full_matrices=False)[2][:COARSE].T
        self._basis = np.ascontiguousarray(basis, dtype=np.float32)
        self._coarse = np.zeros((len(self._vectors), COARSE), dtype=np.int8)
        for start in range(0, self._size, _BLOCK):
            self._set_coarse(start, self._vectors[start : min(start + _BLOCK, self._size)])

    def _grow(self, extra: int) -> None:
        if self._size + extra > len(self._vectors):
            rows = max(2 * len(self._vectors), self._size + extra, 1024)
            bigger = np.zeros((rows, self.dimensions), dtype=np.int8)
            bigger[: self._size] = self._vectors[: self._size]
            self._vectors = bigger
            if self._basis is not None:
                coarse = np.zeros((rows, COARSE), dtype=np.int8)
                coarse[: self._size] = self._coarse[: self._size]
                self._coarse = coarse
            norms = np.ones(rows, dtype=np.float32)
            norms[: self._size] = self._prefix_norms[: self._size]
            self._prefix_norms = norms

    def search(
        self,
        text: str,
        *,
        k: int = 5,
        pool: int = 100,
        lexical_only: bool = False,
        unit: np.ndarray | None = None,
    ) -> list[Candidate]:
        """The k indexed claims most likely to be the same claim as ``text``, best first (``unit``:
        its vector, when already made)."""
        if not self._size:
            return []
        lexical = self._bm25(text)
        query = unit if unit is not None else vectors(self.encoder, [text])[0]
        near = self._prefix_cosines(query)
        pool = min(pool, self._size)
        found = np.union1d(np.argpartition(-lexical, pool - 1)[:pool], np.argpartition(-near, pool - 1)[:pool])
        cosine = _unit(self._vectors[found].astype(np.float32)) @ query
        if lexical_only:  # the baseline every method is compared with
            scores = lexical[found]
        else:
            scores = (self.weights or fitted(self.encoder)).probability(lexical[found], cosine)
        return [
            Candidate(self.keys[found[j]], float(scores[j]), float(lexical[found[j]]), float(cosine[j]))
            for j in np.argsort(-scores, kind="stable")[:k]
        ]

    def _prefix_cosines(self, query: np.ndarray) -> np.ndarray:
        """Cosine of every claim's prefix with the query's, a block at a time (the 8-bit rows are
        widened one block at a time, never all at once)."""
        if self._basis is not None:
            rows, coarse = self._coarse, query @ self._basis
        else:
            rows, coarse = self._vectors[:, : self.prefix], query[: self.prefix]
        coarse = coarse / (np.linalg.norm(coarse) or 1.0)
        out = np.empty(self._size, dtype=np.float32)
        for start in range(0, self._size, _BLOCK):
            end = min(start + _BLOCK, self._size)
            out[start:end] = rows[start:end].astype(np.float32) @ coarse
        return out / np.where(self._prefix_norms[: self._size] > 0, self._prefix_norms[: self._size], 1.0)

    def _bm25(self, text: str) -> np.ndarray:
        """BM25 of every indexed claim against ``text``, divided by what a claim identical to
        ``text`` would score: 1.0 is all of its words, as often; the scale is the same for every query."""
        scores = np.zeros(self._size, dtype=np.float32)
        query = Counter(terms(text))
        if not query:
            return scores
        n, average = self._size, self._total_length / self._size
        lengths = np.frombuffer(self._lengths, dtype=np.float32)[: self._size]
        own_length = sum(query.values())
        ideal = 0.0
        for term, qtf in query.items():
            docs, tfs = self._postings.get(term, (None, None))
            df = len(docs) if docs is not None else 0
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            ideal += idf * qtf * (K1 + 1) / (qtf + K1 * (1 - B + B * own_length / average))
            if not df:
                continue
            d = np.frombuffer(docs, dtype=np.int32)
            tf = np.frombuffer(tfs, dtype=np.float32)
            # Each claim appears once in a term's postings, so plain fancy-index addition is exact.
            scores[d] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[d] / average))
        return scores / ideal if ideal else scores
