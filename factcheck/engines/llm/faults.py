"""What an OpenAI-compatible endpoint's refusal means: a structured format it does not take, a
request too long for its model, a pause to wait out, or a fault of the request."""

from __future__ import annotations

from collections.abc import Callable

import openai

from factcheck.core.openai_faults import is_transient, message, retry_after
from factcheck.engines.base import EngineError

# How servers say a request does not fit the model's context window (OpenAI, vLLM, llama.cpp,
# llama-cpp-python, Ollama): never a refusal of the structured format.
_CONTEXT_WORDS = (
    "context length",
    "context window",
    "maximum context",
    "n_ctx",
    "exceeds the context",
    "prompt is too long",
    "too many tokens",
    "reduce the length",
)
_FORMAT_WORDS = ("response_format", "json_schema", "json schema", "structured output", "json_object", "guided")


class ModeRefused(Exception):
    """The endpoint refused the way we asked for structure; try the next mode."""


class TooLong(EngineError):
    """The request and its answer do not fit: the prompt is over the model's context window, or
    the answer was cut off. Asking again the same way cannot help; a smaller request can."""


def meaning(
    exc: openai.APIError, *, structured: bool, confirmed: Callable[[], bool], timeout: float, base_url: str
) -> Exception:
    """``confirmed``: whether a structured answer was ever had from this endpoint and model (a
    generic 400 on the first one is taken as a refusal of the format, later ones as errors)."""
    text = str(exc).lower()
    if isinstance(exc, openai.APITimeoutError):
        return EngineError(f"the model endpoint did not answer within {timeout:g} s", transient=True)
    if isinstance(exc, openai.APIConnectionError):
        return EngineError(f"cannot reach the model endpoint at {base_url}", transient=True)
    status = getattr(exc, "status_code", None) or 0
    if status in (400, 413, 422, 500) and any(w in text for w in _CONTEXT_WORDS):
        return TooLong(f"the request does not fit the model's context window ({message(exc)})")
    if (
        structured
        and status in (400, 422, 500, 501)
        and (any(w in text for w in _FORMAT_WORDS) or (status == 400 and not confirmed()))
    ):
        return ModeRefused(f"HTTP {status}: {message(exc)}")
    reason = f"the model endpoint answered HTTP {status}" + (f": {message(exc)}" if message(exc) else "")
    transient = is_transient(status)
    return EngineError(reason, transient=transient, retry_after=retry_after(exc) if transient else None)


def describe(exc: openai.APIError) -> str:
    status = getattr(exc, "status_code", None)
    return f"HTTP {status}: {message(exc)}" if status else type(exc).__name__
