"""Sentence vectors from WordLlama's static token embeddings (the encoder named "wordllama").

WordLlama (MIT) ships its 256-dimension English model (16 MB) inside the wheel, so the offline engine
gets a learned sense of what a sentence is about with no download and no GPU: a sentence vector is the
mean of its token vectors, about 30 µs a sentence.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

DIMENSIONS = 256
MODEL = f"wordllama l2_supercat {DIMENSIONS}"
MAX_CHARS = 1_000


@lru_cache(maxsize=1)
def _model() -> Any:
    import wordllama

    # WordLlama.load looks for its bundled tokenizer under "tokenizer/" but the wheel ships it under
    # "tokenizers/", which is where it looks in a cache directory: naming the package as the cache finds
    # both bundled files, and disable_download guarantees that nothing is ever fetched.
    return wordllama.WordLlama.load(
        config="l2_supercat", dim=DIMENSIONS, cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )


def embed(sentences: list[str]) -> np.ndarray:
    """One unit-length row per sentence (zeros for an empty list)."""
    if not sentences:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    # Batched in order of length: a batch is padded to its longest sentence, so one very long
    # sentence among short ones made the whole batch cost as much as it did.
    # A sentence's first MAX_CHARS say what it is about; past them, a run-on "sentence" (a list, a
    # table flattened to text) only costs time.
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    vectors = np.empty((len(sentences), DIMENSIONS), dtype=np.float32)
    vectors[order] = _model().embed([sentences[i][:MAX_CHARS] for i in order], norm=False)
    # Normalised here rather than by WordLlama, which divides by zero for a sentence with no tokens.
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


@lru_cache(maxsize=8192)
def usually_lower_case(word: str) -> bool:
    """Whether English writes ``word`` in lower case more often than with a capital, as the model's
    tokenizer learned it from a large corpus: an ordinary word is one piece in lower case and several
    capitalised ("stopping", "Stop|ping"); a name is one piece capitalised ("London", "Lond|on")."""
    if "-" not in word and any(ch.isupper() for ch in word[1:]):
        return False  # "FitHaus", "McAllister": a capital inside one word is a name's
    tokenizer = _model().tokenizer

    def pieces(text: str) -> int:
        return len(tokenizer.encode(text, add_special_tokens=False).ids)

    return pieces(word.lower()) < pieces(word)


class WordVectors:
    """The ``Encoder`` over WordLlama: fast (about 30 µs a sentence) but blind to word order."""

    name = MODEL
    dimensions = DIMENSIONS

    def encode(self, texts: list[str]) -> np.ndarray:
        return embed(texts)


def _register() -> None:
    from factcheck import encoders

    encoders.register("wordllama", lambda settings: WordVectors())


_register()
