"""Vectors from an OpenAI-compatible ``/v1/embeddings`` endpoint (the encoder named "endpoint"):
for desks that run an embedding server (Ollama, vLLM, llama.cpp, TEI) or use OpenAI's.

Faults are handled as the chat path handles them: the openai client's own retries are off, an
unreachable, slow or overloaded endpoint is a transient ``EncoderError`` (queued work waits it out,
honouring Retry-After), anything else a failure with the endpoint's reason. The answer is untrusted
input: one finite vector per text, all of one length, or the answer is refused.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import openai

from factcheck.core import openai_faults
from factcheck.core.errors import RetryableError

# Texts per request: servers cap a batch (llama.cpp by its context, OpenAI at 2048 inputs).
BATCH = 64
# Characters of one text sent at most: a claim is a sentence, and servers refuse inputs past
# their context rather than truncating them.
MAX_CHARS = 2_000


class EncoderError(RetryableError):
    """The embedding endpoint could not encode; the reason is for people."""

    code = "encoder_failed"


class EndpointEncoder:
    """The ``Encoder`` over an embeddings endpoint. Its vectors are named after the model, so a
    change of model re-encodes the desk's claims in the background (``matching.tasks``)."""

    def __init__(self, base_url: str | None, api_key: str | None, model: str, timeout: float = 60.0) -> None:
        if not model:
            raise EncoderError("FACTCHECK_EMBEDDING_MODEL is not set: name the embedding model the endpoint serves.")
        self.model = model
        self.name = f"endpoint {model}"[:80]
        self.timeout = timeout
        self.client = openai.OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=0)
        self._dimensions: int | None = None
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return str(self.client.base_url)

    @property
    def dimensions(self) -> int:
        """The model's vector length, learned from its first answer (asked for here if need be)."""
        if self._dimensions is None:
            self.encode(["dimensions"])
        assert self._dimensions is not None
        return self._dimensions

    def encode(self, texts: list[str]) -> np.ndarray:
        rows: list[np.ndarray] = []
        for start in range(0, len(texts), BATCH):
            rows.append(self._batch(texts[start : start + BATCH]))
        if not rows:
            return np.zeros((0, self._dimensions or 0), dtype=np.float32)
        return np.concatenate(rows)

    def _batch(self, texts: list[str]) -> np.ndarray:
        # An empty input is refused by most servers: send a space and zero its vector afterwards.
        sent = [t[:MAX_CHARS] if t.strip() else " " for t in texts]
        try:
            answer = self.client.embeddings.create(model=self.model, input=sent, encoding_format="float")
        except openai.APIError as exc:
            raise self._error(exc) from None
        vectors = self._read(answer, len(sent))
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        out = vectors / np.where(norms > 0, norms, 1.0)
        out[[i for i, t in enumerate(texts) if not t.strip()]] = 0.0
        return out.astype(np.float32)

    def _read(self, answer: Any, expected: int) -> np.ndarray:
        data = getattr(answer, "data", None)
        if not isinstance(data, list) or len(data) != expected:
            got = len(data) if isinstance(data, list) else "no"
            raise EncoderError(f"the embedding endpoint answered {got} vectors for {expected} texts")
        ordered: list[Any] = [None] * expected
        for n, item in enumerate(data):
            index = getattr(item, "index", n)
            if not isinstance(index, int) or not 0 <= index < expected or ordered[index] is not None:
                raise EncoderError("the embedding endpoint's answer numbers its vectors wrongly")
            ordered[index] = getattr(item, "embedding", None)
        try:
            vectors = np.array(ordered, dtype=np.float64)
        except (TypeError, ValueError):
            raise EncoderError("the embedding endpoint's vectors are not lists of numbers of one length") from None
        if vectors.ndim != 2 or not vectors.shape[1] or not np.isfinite(vectors).all():
            raise EncoderError("the embedding endpoint's vectors are not lists of finite numbers of one length")
        with self._lock:
            if self._dimensions is None:
                self._dimensions = int(vectors.shape[1])
            elif vectors.shape[1] != self._dimensions:
                raise EncoderError(
                    f"the embedding endpoint answered vectors of {vectors.shape[1]} numbers, "
                    f"earlier of {self._dimensions}: was the model changed behind the same name?"
                )
        return vectors

    def _error(self, exc: openai.APIError) -> EncoderError:
        if isinstance(exc, openai.APITimeoutError):
            return EncoderError(f"the embedding endpoint did not answer within {self.timeout:g} s", transient=True)
        if isinstance(exc, openai.APIConnectionError):
            return EncoderError(f"cannot reach the embedding endpoint at {self.base_url}", transient=True)
        status = getattr(exc, "status_code", None) or 0
        said = openai_faults.message(exc)
        reason = f"the embedding endpoint answered HTTP {status}" + (f": {said}" if said else "")
        transient = openai_faults.is_transient(status)
        return EncoderError(
            reason, transient=transient, retry_after=openai_faults.retry_after(exc) if transient else None
        )
