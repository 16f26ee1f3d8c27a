"""Structured calls to an OpenAI-compatible endpoint.

Each call is one HTTP request and one line in the call log: the openai client's own retries are
off, because the job queue retries an endpoint's failures with a backoff that survives restarts
and honours Retry-After however long. Structured answers are asked for the strictest way the
endpoint accepts (a strict JSON schema, else JSON mode, else the schema in the prompt), learned
from its refusals and remembered per endpoint and model. Answers are read leniently (fences,
reasoning preambles, extra keys) and validated strictly, with one repair turn.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

import openai
from pydantic import BaseModel

from factcheck.core.config import Settings
from factcheck.engines.base import EngineError
from factcheck.engines.llm import faults, stream
from factcheck.engines.llm.answers import Unusable, json_in
from factcheck.engines.llm.faults import TooLong
from factcheck.engines.llm.pacing import Pacing
from factcheck.engines.llm.prompts import Prompt
from factcheck.engines.llm.schemas import bounded_json_schema, strict_json_schema
from factcheck.models import LlmCall

log = logging.getLogger(__name__)
T = TypeVar("T")


class Mode(StrEnum):
    json_schema = "json_schema"  # response_format json_schema, strict (OpenAI, vLLM, Ollama)
    grammar = "grammar"  # response_format json_object with a schema: llama.cpp's grammar
    json_object = "json_object"  # response_format json_object, the schema in the prompt
    plain = "plain"  # no response_format at all, the schema in the prompt


MODES = list(Mode)
MODE_NAMES = {
    Mode.json_schema: "a strict JSON schema (response_format json_schema)",
    Mode.grammar: "a JSON schema turned into a grammar (response_format json_object with a schema: llama.cpp)",
    Mode.json_object: "JSON mode (response_format json_object) with the schema in the prompt",
    Mode.plain: "a plain prompt with the schema in it (the endpoint takes no response_format)",
}


@dataclass(frozen=True)
class _Ask(Generic[T]):
    """One structured request, as the caller asked it (the mode it is sent in is the client's)."""

    prompt: Prompt
    values: dict
    schema: type[BaseModel]
    read: Callable[[Any], T]
    ref: CallRef
    fresh: bool
    max_tokens: int | None
    splittable: bool
    items: dict[str, int] | None


@dataclass(frozen=True)
class CallRef:
    task: str
    article_hash: str | None = None
    ticket_id: int | None = None


class LlmClient:
    def __init__(self, settings: Settings, store) -> None:
        self.settings = settings
        self.model = settings.llm_model
        self.store = store
        self.client = openai.OpenAI(
            base_url=settings.resolved_llm_base_url,
            # Local servers (Ollama, llama.cpp) accept any key; the client insists on one.
            api_key=settings.resolved_llm_api_key or "not-needed",
            # Read time-outs are the stream's deadlines' job (engines/llm/stream.py).
            timeout=openai.Timeout(settings.llm_timeout, connect=min(10.0, settings.llm_timeout)),
            max_retries=0,
        )
        self._stream_usage = True  # ask for usage in the stream until the endpoint refuses to
        # Requests in flight from this process, whatever asks for them, as many as the endpoint takes.
        self.pacing = Pacing(settings, store, self.client, self.model)
        self._mode: Mode | None = None
        self._known = False  # whether the store has a mode for this endpoint and model
        self._lock = threading.Lock()
        self._learning = threading.Lock()

    @property
    def base_url(self) -> str:
        return str(self.client.base_url)

    def mode(self) -> Mode:
        """How this endpoint takes structured answers: remembered, else the strictest."""
        with self._lock:
            if self._mode is None:
                remembered = self.store.mode(self.base_url, self.model)
                self._known = remembered is not None
                self._mode = Mode(remembered or Mode.json_schema)
            return self._mode

    def _worked(self, mode: Mode, refusals: list[str]) -> None:
        """A structured answer came back in ``mode``: remember it (once) for every worker."""
        with self._lock:
            if self._known and self._mode == mode:
                return
            self._mode, self._known = mode, True
        note = "; ".join(refusals) or "answered in this mode"
        if refusals:
            log.warning(
                "endpoint %s, model %s: structured answers through %s (%s)",
                self.base_url,
                self.model,
                MODE_NAMES[mode],
                note,
            )
        self.store.remember_mode(self.base_url, self.model, mode.value, note[:1000])

    def structured(
        self,
        prompt: Prompt,
        values: dict,
        schema: type[BaseModel],
        read: Callable[[Any], T],
        ref: CallRef,
        *,
        fresh: bool = False,
        max_tokens: int | None = None,
        splittable: bool = False,
        items: dict[str, int] | None = None,
    ) -> T:
        """Ask, read the answer with ``read`` (which raises Unusable), repair once; raise EngineError
        with a reason a person understands (TooLong when a smaller request is needed). ``fresh``
        skips the cache (a person asked again); ``max_tokens``: what the task's answer can need;
        ``splittable``: an answer cut off is TooLong (the caller asks in parts) rather than repaired;
        ``items``: top-level lists of a known length, held to it where a grammar can."""
        ask = _Ask(prompt, values, schema, read, ref, fresh, max_tokens, splittable, items)
        if not self._known_mode():
            # The first call to an endpoint learns how it takes structured answers; the calls
            # beside it wait for that instead of all sending a format it may refuse.
            with self._learning:
                return self._negotiated(ask)
        return self._negotiated(ask)

    def _known_mode(self) -> bool:
        self.mode()
        return self._known

    def _negotiated(self, ask: _Ask[T]) -> T:
        mode = self.mode()
        refusals = []
        while True:
            try:
                result = self._structured(ask, mode)
            except faults.ModeRefused as refused:
                refusals.append(f"{mode.value}: {refused}")
                if mode == Mode.plain:
                    raise EngineError(
                        "the model endpoint refuses every way of asking for a structured answer ("
                        + "; ".join(refusals)
                        + ")"
                    ) from None
                mode = MODES[MODES.index(mode) + 1]
                self._refused(mode, refusals)
                continue
            self._worked(mode, refusals)
            return result

    def _refused(self, next_mode: Mode, refusals: list[str]) -> None:
        """A mode was refused: every later call starts at the next one (remembered at once, so no
        call of any worker sends the refused mode again)."""
        with self._lock:
            if self._mode is not None and MODES.index(self._mode) >= MODES.index(next_mode):
                return
            self._mode, self._known = next_mode, False
        self.store.remember_mode(self.base_url, self.model, next_mode.value, ("refused: " + "; ".join(refusals))[:1000])

    def _structured(self, ask: _Ask[T], mode: Mode) -> T:
        prompt, schema, read, ref = ask.prompt, ask.schema, ask.read, ask.ref
        values, fresh, max_tokens, splittable, items = ask.values, ask.fresh, ask.max_tokens, ask.splittable, ask.items
        json_schema = strict_json_schema(schema)
        messages = prompt.render(**values, strict_schema=mode == Mode.json_schema, schema=json.dumps(json_schema))
        key = hashlib.sha256(json.dumps([prompt.hash, self.model, messages], ensure_ascii=False).encode()).hexdigest()
        hit = None if fresh else self.store.cached(key)
        if hit is not None:
            try:
                result = read(json.loads(hit))
                self._log(prompt, ref, "cached")
                return result
            except (Unusable, json.JSONDecodeError):
                pass  # a schema change made the old answer unusable: ask again
        response_format = _response_format(mode, schema, json_schema, items)
        budget = min(max_tokens or self.settings.llm_max_tokens, self.settings.llm_max_tokens)
        attempt = list(messages)
        problem = "no answer"
        for round_ in (1, 2):
            content, finish = self._create(prompt, ref, attempt, response_format, budget, repaired=round_ == 2)
            if finish == "length" and splittable:
                raise TooLong(f"the answer was cut off at its limit of {budget} tokens before it was complete")
            try:
                if finish == "length":
                    raise Unusable("the answer was cut off before it was complete (finish_reason=length)")
                data = json_in(content)
                result = read(data)
            except Unusable as unusable:
                problem = unusable.problem
            else:
                self.store.remember(key, self.model, prompt.name, json.dumps(data, ensure_ascii=False))
                return result
            log.warning("%s call for %s: %s", prompt.name, ref, problem)
            # One repair turn: show the model its answer and what was wrong with it.
            # The answer shown back is cut short: a repair must fit the same context window.
            attempt = messages + [
                {"role": "assistant", "content": (content or "")[:2000]},
                {
                    "role": "user",
                    "content": f"That answer could not be used: {problem}. Reply again with only "
                    "the JSON object, complete and matching the schema; be brief.",
                },
            ]
        raise EngineError(problem)

    def _create(
        self,
        prompt: Prompt,
        ref: CallRef,
        messages: list[dict],
        response_format: dict | None,
        max_tokens: int,
        *,
        repaired: bool,
    ) -> tuple[str, str | None]:
        """One streamed request: its text (content, or reasoning content when content is empty)
        and finish reason. The call is logged as "writing" while the model writes, with its tokens."""
        extra = {"response_format": response_format} if response_format else {}
        request = {
            "model": self.model,
            "messages": messages,
            "temperature": 0,
            "max_tokens": max_tokens,
            **extra,
        }
        with self.pacing.slots as mine:
            call = self._begin(prompt, ref)
            try:
                written = self._complete(request, call)
            except stream.Stalled as stalled:
                self._end(call, "stalled", 0, stalled.wrote, detail=stalled.message)
                # A model that wrote and was cut by the cap needs a smaller request, not a wait.
                if stalled.capped and stalled.wrote:
                    raise TooLong(stalled.message) from None
                raise EngineError(stalled.message, transient=True) from None
            except openai.APIError as exc:
                self._end(call, "error", 0, 0, detail=faults.describe(exc))
                raise faults.meaning(
                    exc,
                    structured=bool(response_format),
                    confirmed=self._confirmed,
                    timeout=self.settings.llm_timeout,
                    base_url=self.base_url,
                ) from None
        if written.finish is None and not written.refusal:
            self._end(call, "interrupted", written.tokens_in, written.tokens_out)
            raise self.pacing.interrupted(self.pacing.slots.others_since(mine))
        self.pacing.measured(written)
        outcome = "refused" if written.refusal else (written.finish or "stop")
        outcome = {"stop": "repaired" if repaired else "ok"}.get(outcome, outcome)
        note = None if written.counted else "no token usage reported: tokens counted from the stream"
        self._end(call, outcome, written.tokens_in, written.tokens_out, detail=note)
        if written.refusal:
            raise EngineError(f"the model refused: {written.refusal[:300]}")
        if written.finish == "content_filter":
            raise EngineError("the endpoint's content filter blocked the answer")
        return written.content, written.finish

    def _complete(self, request: dict, call: Any) -> stream.Written:
        def send(asked: dict) -> stream.Written:
            return stream.complete(
                self.client,
                asked,
                stall=self.settings.llm_stall_seconds,
                cap=self.settings.llm_timeout,
                progress=lambda tokens, seconds: self.store.progress(call[0], tokens, seconds),
            )

        if not self._stream_usage:
            return send(request)
        try:
            return send({**request, "stream_options": {"include_usage": True}})
        except openai.BadRequestError as exc:
            # Servers that predate stream_options refuse it by name: ask without it from now on.
            if "stream_options" not in str(exc):
                raise
            self._stream_usage = False
            return send(request)

    def _confirmed(self) -> bool:
        """Whether a structured answer was ever had from this endpoint and model: a generic 400 on
        the first one is taken as a refusal of the format, later ones as errors of the request."""
        self.mode()
        return self._known

    def _log(self, prompt: Prompt, ref: CallRef, outcome: str) -> None:
        """A call answered without a request (from the cache)."""
        self.store.log(self._row(prompt, ref, outcome))

    def _row(self, prompt: Prompt, ref: CallRef, outcome: str) -> LlmCall:
        return LlmCall(
            article_hash=ref.article_hash,
            ticket_id=ref.ticket_id,
            task=ref.task,
            model=self.model,
            prompt_name=prompt.name,
            prompt_hash=prompt.hash,
            outcome=outcome,
        )

    def _begin(self, prompt: Prompt, ref: CallRef) -> Any:
        """Log the call as writing (pages show it while the model writes); its handle for ``_end``."""
        return (self.store.log(self._row(prompt, ref, "writing")), time.perf_counter())

    def _end(self, call: Any, outcome: str, tokens_in: int, tokens_out: int, detail: str | None = None) -> None:
        handle, started = call
        self.store.finish(
            handle,
            outcome=str(outcome)[:20],
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            latency_ms=int((time.perf_counter() - started) * 1000),
            detail=json.dumps({"error": detail}) if detail else None,
        )

    def check(self, prompt: Prompt) -> tuple[str, str, Mode]:
        """One tiny structured call: (endpoint, model, how the endpoint takes structured answers)."""
        self.structured(prompt, {}, EndpointCheck, _read_check, CallRef("check"), fresh=True, max_tokens=50)
        return self.base_url, self.model, self.mode()


def _response_format(
    mode: Mode, schema: type[BaseModel], json_schema: dict, items: dict[str, int] | None
) -> dict | None:
    return {
        Mode.json_schema: {
            "type": "json_schema",
            "json_schema": {"name": schema.__name__, "schema": json_schema, "strict": True},
        },
        # Bounds kept: under a grammar, a list without maxItems never ends.
        Mode.grammar: {"type": "json_object", "schema": bounded_json_schema(schema, items)},
        Mode.json_object: {"type": "json_object"},
    }.get(mode)


class EndpointCheck(BaseModel):
    ok: bool


def _read_check(data: Any) -> EndpointCheck:
    try:
        return EndpointCheck.model_validate(data)
    except ValueError as err:
        raise Unusable(f"the answer did not match the schema ({err})") from None
