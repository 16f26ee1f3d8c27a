"""Reading an OpenAI-compatible endpoint's refusals the same way wherever the desk calls one (chat
completions, embeddings): the reason a person reads, and how long the endpoint asked us to wait."""

from __future__ import annotations

import math
import re
import time
from email.utils import parsedate_to_datetime

import openai

_PYDANTIC_MSG = re.compile(r"""'msg': (['"])(.*?)\1""")


def message(exc: openai.APIError) -> str:
    """The endpoint's reason, on one line: a server's validation error (llama-cpp-python answers
    with pydantic's, a traceback after it) is reduced to its message."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        body = body.get("error", body)
        if isinstance(body, dict):
            body = body.get("message")
    text = str(body or getattr(exc, "message", "") or "")
    said = _PYDANTIC_MSG.search(text)
    if said:
        text = f"{text.splitlines()[0].strip()}: {said.group(2)}"
    return " ".join(text.split())[:300]


def retry_after(exc: openai.APIError) -> float | None:
    """Seconds from the answer's Retry-After header (a number or an HTTP date), if it has one."""
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return None
    return max(0.0, seconds) if math.isfinite(seconds) else None


def is_transient(status: int) -> bool:
    """An overloaded or failing endpoint, worth waiting out (unlike a refusal of the request)."""
    return status in (408, 409, 425, 429) or status >= 500
