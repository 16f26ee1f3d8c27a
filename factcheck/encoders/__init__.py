"""Encoders: text to unit-length vectors, for everything the desk compares (matching claims,
check-worthiness, ranking search results). One interface; each encoder registered by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import numpy as np


class Encoder(Protocol):
    name: str  # names the vectors: stored vectors of another name are not comparable
    dimensions: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit-length float32 row per text (a text with nothing to encode is all zeros)."""
        ...


ENCODERS: dict[str, Callable[[], Encoder]] = {}


def register(name: str, factory: Callable[[], Encoder]) -> None:
    ENCODERS[name] = factory


def get(name: str) -> Encoder:
    if name not in ENCODERS:
        raise KeyError(f"No encoder named {name!r}; there are: {', '.join(sorted(ENCODERS))}.")
    return ENCODERS[name]()


from factcheck.encoders import wordvectors  # noqa: E402  (registers itself)

__all__ = ["ENCODERS", "Encoder", "get", "register", "wordvectors"]
