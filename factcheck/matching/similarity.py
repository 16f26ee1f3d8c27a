"""Is this claim one we have seen? Lexical and vector similarity, combined into one probability,
over an index that grows as claims arrive.

Two ways of finding candidates, because each misses what the other finds: BM25 over the claims'
words (a figure, a name, a rare noun), and the cosine of their WordLlama vectors (the same claim in
other words). The candidates from both are scored by a logistic model over the two similarities,
fitted on public claim-matching data (bench/tune_matching.py, README "Previously checked"), so a
score means the same thing whoever asks: the chance that the two claims are the same claim.

The index lives in memory and only grows: adding a claim touches its own words and one row of
vectors, never the rest. Vectors are kept as 8-bit integers (256 bytes a claim: 256 MB for a
million). Candidates come from the first 64 dimensions (WordLlama is trained so that a prefix is
itself an embedding), read in blocks; only the candidates are compared on all 256.
"""

from __future__ import annotations

import json
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

from factcheck.encoders import wordvectors

DIMENSIONS = wordvectors.DIMENSIONS
PREFIX = 64
_BLOCK = 1 << 16
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


def vectors(texts: list[str]) -> np.ndarray:
    """Unit-length WordLlama sentence vectors."""
    return wordvectors.embed([clean(t) for t in texts]).astype(np.float32)


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


METHOD = "offline bm25+wordllama v1"


@lru_cache(maxsize=1)
def _fitted_file() -> dict:
    return json.loads(_MODEL_FILE.read_text(encoding="utf-8"))


def fitted() -> Weights:
    return Weights(**_fitted_file()["weights"])


def thresholds() -> tuple[float, float]:
    """The (suggest, link) thresholds measured with the fitted model."""
    data = _fitted_file()
    return float(data["suggest"]), float(data["link"])


@dataclass(frozen=True)
class Candidate:
    key: Hashable
    score: float  # the chance that it is the same claim, 0..1
    lexical: float
    cosine: float


class Index:
    """Claims by key (any hashable: ("ticket", 12), a data set's id), searchable by similarity."""

    def __init__(self, weights: Weights | None = None):
        self.weights = weights
        self.keys: list[Hashable] = []
        self._postings: dict[str, tuple[array, array]] = {}
        self._lengths = array("f")
        self._total_length = 0.0
        self._vectors = np.zeros((0, DIMENSIONS), dtype=np.int8)
        self._prefix_norms = np.zeros(0, dtype=np.float32)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, items: Iterable[tuple[Hashable, str]], *, batch: int = 4096) -> None:
        items = list(items)
        for start in range(0, len(items), batch):
            chunk = items[start : start + batch]
            self._grow(len(chunk))
            q = _quantised(vectors([t for _, t in chunk]))
            self._vectors[self._size : self._size + len(chunk)] = q
            self._prefix_norms[self._size : self._size + len(chunk)] = np.linalg.norm(
                q[:, :PREFIX].astype(np.float32), axis=1
            )
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

    def _grow(self, extra: int) -> None:
        if self._size + extra > len(self._vectors):
            rows = max(2 * len(self._vectors), self._size + extra, 1024)
            bigger = np.zeros((rows, DIMENSIONS), dtype=np.int8)
            bigger[: self._size] = self._vectors[: self._size]
            self._vectors = bigger
            norms = np.ones(rows, dtype=np.float32)
            norms[: self._size] = self._prefix_norms[: self._size]
            self._prefix_norms = norms

    def search(self, text: str, *, k: int = 5, pool: int = 100, lexical_only: bool = False) -> list[Candidate]:
        """The k indexed claims most likely to be the same claim as ``text``, best first."""
        if not self._size:
            return []
        lexical = self._bm25(text)
        query = vectors([text])[0]
        near = self._prefix_cosines(query)
        pool = min(pool, self._size)
        found = np.union1d(np.argpartition(-lexical, pool - 1)[:pool], np.argpartition(-near, pool - 1)[:pool])
        cosine = _unit(self._vectors[found].astype(np.float32)) @ query
        if lexical_only:  # the baseline every method is compared with
            scores = lexical[found]
        else:
            scores = (self.weights or fitted()).probability(lexical[found], cosine)
        return [
            Candidate(self.keys[found[j]], float(scores[j]), float(lexical[found[j]]), float(cosine[j]))
            for j in np.argsort(-scores, kind="stable")[:k]
        ]

    def _prefix_cosines(self, query: np.ndarray) -> np.ndarray:
        """Cosine of every claim's 64-dimension prefix with the query's, a block at a time (the
        8-bit rows are widened one block at a time, never all at once)."""
        prefix = query[:PREFIX] / (np.linalg.norm(query[:PREFIX]) or 1.0)
        out = np.empty(self._size, dtype=np.float32)
        for start in range(0, self._size, _BLOCK):
            end = min(start + _BLOCK, self._size)
            out[start:end] = self._vectors[start:end, :PREFIX].astype(np.float32) @ prefix
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
