"""One completion, streamed, with deadlines that follow the model's progress.

A model on a CPU writes a few tokens a second: one total time-out per request either cuts off an
answer that was coming or waits minutes for an endpoint that died. Streamed, a call is given up
only when the model stops writing (no token for ``stall`` seconds once it has started), when the
whole call passes ``cap`` seconds, or when nothing at all came within ``cap`` (a server that
queues requests writes nothing until their turn: that is not a stall). Closing the stream also
stops the generation on servers that notice a client leaving (llama.cpp, vLLM, Ollama), so an
abandoned answer does not keep the server busy. While the model writes, ``progress`` is told
every few seconds (tokens so far), which the desk shows on the article and ticket pages.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import openai

PROGRESS_EVERY = 5.0
log = logging.getLogger(__name__)


@dataclass
class Written:
    content: str
    finish: str | None
    refusal: str | None
    tokens_in: int
    tokens_out: int
    counted: bool  # the endpoint reported its usage (else the tokens are the chunks counted)
    first_token: float | None  # seconds until the first token
    seconds: float


class Stalled(Exception):
    """The call was given up: the model stopped writing, or the call passed its cap."""

    def __init__(self, message: str, *, wrote: int, capped: bool) -> None:
        super().__init__(message)
        self.message = message
        self.wrote = wrote  # tokens written before it was given up
        self.capped = capped  # by the cap on the whole call (else: it stopped writing)


@dataclass
class _Watch:
    started: float = field(default_factory=time.monotonic)
    last: float | None = None
    tokens: int = 0
    reason: str | None = None
    capped: bool = False
    done: threading.Event = field(default_factory=threading.Event)


def complete(
    client: openai.OpenAI,
    request: dict[str, Any],
    *,
    stall: float,
    cap: float,
    progress: Callable[[int, float], None] | None = None,
) -> Written:
    """``request``: the chat.completions.create arguments (stream is added). Raises Stalled, or
    the openai client's errors."""
    watch = _Watch()
    holder: dict[str, Any] = {}
    watcher = threading.Thread(target=_watch, args=(watch, holder, stall, cap, progress), daemon=True)
    watcher.start()
    got = _Got()
    try:
        stream = client.chat.completions.create(**request, stream=True)
        holder["stream"] = stream
        for chunk in stream:
            got.take(chunk, watch)
    except Exception:
        if watch.reason:
            raise Stalled(watch.reason, wrote=watch.tokens, capped=watch.capped) from None
        raise
    finally:
        watch.done.set()
        opened = holder.get("stream")
        if opened is not None:
            opened.close()  # on an error mid-stream too: the connection is not left open
    if watch.reason and got.finish is None:  # closed by the watch between chunks
        raise Stalled(watch.reason, wrote=watch.tokens, capped=watch.capped)
    usage = got.usage
    return Written(
        content="".join(got.parts) or "".join(got.reasoning),
        finish=got.finish,
        refusal="".join(got.refusal) or None,
        tokens_in=(usage.prompt_tokens or 0) if usage else 0,
        tokens_out=(usage.completion_tokens or 0) if usage else watch.tokens,
        counted=usage is not None,
        first_token=got.first,
        seconds=time.monotonic() - watch.started,
    )


@dataclass
class _Got:
    """What the stream has brought so far."""

    parts: list[str] = field(default_factory=list)
    reasoning: list[str] = field(default_factory=list)
    refusal: list[str] = field(default_factory=list)
    finish: str | None = None
    usage: Any = None
    first: float | None = None

    def take(self, chunk: Any, watch: _Watch) -> None:
        now = time.monotonic()
        if getattr(chunk, "usage", None):
            self.usage = chunk.usage
        for choice in chunk.choices or []:
            delta = choice.delta
            extra = (getattr(delta, "model_extra", None) or {}).get("reasoning_content")
            for text, into in ((delta.content, self.parts), (extra, self.reasoning), (delta.refusal, self.refusal)):
                if text:
                    into.append(text)
                    watch.tokens += 1
                    watch.last = now
                    if self.first is None:
                        self.first = now - watch.started
            if choice.finish_reason:
                self.finish = choice.finish_reason


def _watch(
    watch: _Watch, holder: dict[str, Any], stall: float, cap: float, progress: Callable[[int, float], None] | None
) -> None:
    told = watch.started
    while not watch.done.wait(0.2):
        now = time.monotonic()
        if now - watch.started > cap:
            watch.capped = True
            watch.reason = (
                f"the model endpoint did not finish within {cap:g} s ({watch.tokens} tokens written)"
                if watch.tokens
                else f"the model endpoint did not answer within {cap:g} s"
            )
        elif watch.last is not None and now - watch.last > stall:
            watch.reason = f"the model stopped writing for {stall:g} s ({watch.tokens} tokens written)"
        if watch.reason:
            stream = holder.get("stream")
            if stream is not None:
                stream.close()  # also tells the server to stop generating
            return
        if progress is not None and watch.tokens and now - told >= PROGRESS_EVERY:
            told = now
            try:
                progress(watch.tokens, now - watch.started)
            except Exception:  # progress is for people watching; the call goes on without it
                log.warning("could not record a model call's progress", exc_info=True)
