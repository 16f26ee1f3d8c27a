"""The in-memory index: what a search finds does not depend on how the index finds candidates
(every dimension while small, 64 projected dimensions once large), and it grows claim by claim."""

from __future__ import annotations

import numpy as np

from factcheck import encoders
from factcheck.matching import similarity
from factcheck.matching.similarity import Index


def random_unit(rng: np.random.Generator, n: int, d: int) -> np.ndarray:
    # Vectors with a few strong directions, as sentence vectors have, not uniform noise.
    rows = rng.normal(size=(n, 8)) @ rng.normal(size=(8, d)) + 0.3 * rng.normal(size=(n, d))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_a_large_index_finds_the_same_nearest_claims_on_its_projection(monkeypatch):
    encoder = encoders.get("wordllama")  # its name only decides the prefix; the vectors are given
    monkeypatch.setattr(encoder, "name", "a sentence encoder", raising=False)
    monkeypatch.setattr(encoder, "dimensions", 384, raising=False)
    rng = np.random.default_rng(3)
    stored = random_unit(rng, 3_000, 384)
    texts = [f"claim {n}" for n in range(len(stored))]
    exact = Index(encoder)
    exact.add(enumerate(texts), unit=stored)
    monkeypatch.setattr(similarity, "PROJECT_FROM", 1_000)
    projected = Index(encoder)
    projected.add(enumerate(texts[:2_000]), unit=stored[:2_000])
    assert projected._basis is not None and exact._basis is None
    projected.add(enumerate(texts[2_000:], start=2_000), unit=stored[2_000:])  # after the projection was taken

    for n in (5, 1_500, 2_500):
        query = stored[n] + 0.05 * rng.normal(size=384).astype(np.float32)
        query /= np.linalg.norm(query)
        best = [c.key for c in exact.search("nothing shared", k=5, unit=query)]
        assert [c.key for c in projected.search("nothing shared", k=5, unit=query)] == best
        assert best[0] == n
