"""Encoders: text to unit-length vectors, for everything the desk compares (matching claims,
check-worthiness, ranking search results). One interface; each encoder registered by name.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

import numpy as np

from factcheck.core.config import Settings


class Encoder(Protocol):
    name: str  # names the vectors: stored vectors of another name are not comparable

    @property
    def dimensions(self) -> int: ...

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit-length float32 row per text (a text with nothing to encode is all zeros)."""
        ...


# Each factory is given the desk's settings (an endpoint's address and model), or None where no
# settings are at hand (measuring runs): then it uses the environment's.
ENCODERS: dict[str, Callable[[Settings | None], Encoder]] = {}


def register(name: str, factory: Callable[[Settings | None], Encoder]) -> None:
    ENCODERS[name] = factory


def get(name: str, settings: Settings | None = None) -> Encoder:
    if name not in ENCODERS:
        raise KeyError(f"No encoder named {name!r}; there are: {', '.join(sorted(ENCODERS))}.")
    return ENCODERS[name](settings)


def _endpoint(settings: Settings | None) -> Encoder:
    from factcheck.core.config import get_settings

    s = settings or get_settings()
    key = s.embedding_api_key.get_secret_value() if s.embedding_api_key else s.resolved_llm_api_key
    return _endpoint_for(s.embedding_base_url or s.resolved_llm_base_url, key, s.embedding_model, s.llm_timeout)


@lru_cache(maxsize=8)
def _endpoint_for(base_url: str | None, api_key: str | None, model: str, timeout: float) -> Encoder:
    # One per endpoint and model in a process: it learns the vectors' length once.
    return endpoint.EndpointEncoder(base_url, api_key, model, timeout)


def chosen(configured: str | None) -> str:
    """The encoder the desk uses: the one configured (``FACTCHECK_ENCODER``), else the sentence
    encoder when its weights are installed, else the word vectors."""
    if configured:
        return configured
    return "minilm" if minilm.available() else "wordllama"


from factcheck.encoders import endpoint, minilm, wordvectors  # noqa: E402  (they register themselves)

register("endpoint", _endpoint)

__all__ = ["ENCODERS", "Encoder", "endpoint", "get", "minilm", "register", "wordvectors"]
