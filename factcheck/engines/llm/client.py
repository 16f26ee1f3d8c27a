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
from typing import Any, TypeVar

import openai
from pydantic import BaseModel

from factcheck.core.config import Settings
from factcheck.core.openai_faults import is_transient
from factcheck.core.openai_faults import message as _message
from factcheck.core.openai_faults import retry_after as _retry_after
from factcheck.engines.base import EngineError
from factcheck.engines.llm.answers import Unusable, json_in
from factcheck.engines.llm.prompts import Prompt
from factcheck.engines.llm.schemas import strict_json_schema
from factcheck.models import LlmCall

log = logging.getLogger(__name__)
T = TypeVar("T")


class Mode(StrEnum):
    json_schema = "json_schema"  # response_format json_schema, strict
    json_object = "json_object"  # response_format json_object, the schema in the prompt
    plain = "plain"  # no response_format at all, the schema in the prompt


MODES = list(Mode)
MODE_NAMES = {
    Mode.json_schema: "a strict JSON schema (response_format json_schema)",
    Mode.json_object: "JSON mode (response_format json_object) with the schema in the prompt",
    Mode.plain: "a plain prompt with the schema in it (the endpoint takes no response_format)",
}
_FORMAT_WORDS = ("response_format", "json_schema", "json schema", "structured output", "json_object", "guided")


@dataclass(frozen=True)
class CallRef:
    task: str
    article_hash: str | None = None
    ticket_id: int | None = None


class _ModeRefused(Exception):
    """The endpoint refused the way we asked for structure; try the next mode."""


class LlmClient:
    def __init__(self, settings: Settings, store) -> None:
        self.settings = settings
        self.model = settings.llm_model
        self.store = store
        self.client = openai.OpenAI(
            base_url=settings.resolved_llm_base_url,
            # Local servers (Ollama, llama.cpp) accept any key; the client insists on one.
            api_key=settings.resolved_llm_api_key or "not-needed",
            timeout=settings.llm_timeout,
            max_retries=0,
        )
        # FACTCHECK_LLM_CONCURRENCY: requests in flight from this process, whatever asks for them.
        self._slots = threading.BoundedSemaphore(max(1, settings.llm_concurrency))
        self._mode: Mode | None = None
        self._known = False  # whether the store has a mode for this endpoint and model
        self._lock = threading.Lock()

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
    ) -> T:
        """Ask, read the answer with ``read`` (which raises Unusable), repair once; raise EngineError
        with a reason a person understands. ``fresh`` skips the cache (a person asked again)."""
        mode = self.mode()
        refusals = []
        while True:
            try:
                result = self._structured(prompt, values, schema, read, ref, mode, fresh)
            except _ModeRefused as refused:
                refusals.append(f"{mode.value}: {refused}")
                if mode == Mode.plain:
                    raise EngineError(
                        "the model endpoint refuses every way of asking for a structured answer ("
                        + "; ".join(refusals)
                        + ")"
                    ) from None
                mode = MODES[MODES.index(mode) + 1]
                continue
            self._worked(mode, refusals)
            return result

    def _structured(
        self,
        prompt: Prompt,
        values: dict,
        schema: type[BaseModel],
        read: Callable[[Any], T],
        ref: CallRef,
        mode: Mode,
        fresh: bool,
    ) -> T:
        json_schema = strict_json_schema(schema)
        messages = prompt.render(**values, strict_schema=mode == Mode.json_schema, schema=json.dumps(json_schema))
        key = hashlib.sha256(json.dumps([prompt.hash, self.model, messages], ensure_ascii=False).encode()).hexdigest()
        hit = None if fresh else self.store.cached(key)
        if hit is not None:
            try:
                result = read(json.loads(hit))
                self._log(prompt, ref, "cached", 0, 0, 0.0)
                return result
            except (Unusable, json.JSONDecodeError):
                pass  # a schema change made the old answer unusable: ask again
        response_format = {
            Mode.json_schema: {
                "type": "json_schema",
                "json_schema": {"name": schema.__name__, "schema": json_schema, "strict": True},
            },
            Mode.json_object: {"type": "json_object"},
        }.get(mode)
        attempt = list(messages)
        problem = "no answer"
        for round_ in (1, 2):
            content, finish = self._create(prompt, ref, attempt, response_format, repaired=round_ == 2)
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
            attempt = messages + [
                {"role": "assistant", "content": (content or "")[:20000]},
                {
                    "role": "user",
                    "content": f"That answer could not be used: {problem}. Reply again with only "
                    "the JSON object, complete and matching the schema; be brief.",
                },
            ]
        raise EngineError(problem)

    def _create(
        self, prompt: Prompt, ref: CallRef, messages: list[dict], response_format: dict | None, *, repaired: bool
    ) -> tuple[str, str | None]:
        """One HTTP request: its text (content, or reasoning_content when content is empty) and
        finish reason."""
        extra = {"response_format": response_format} if response_format else {}
        with self._slots:
            started = time.perf_counter()
            try:
                resp = self.client.chat.completions.create(
                    model=self.model, messages=messages, temperature=0, max_tokens=self.settings.llm_max_tokens, **extra
                )
            except openai.APIError as exc:
                self._log(prompt, ref, "error", 0, 0, started, detail=_describe(exc))
                raise self._error(exc, structured=bool(response_format)) from None
        choice = resp.choices[0] if resp.choices else None
        usage = resp.usage
        tokens = (usage.prompt_tokens or 0, usage.completion_tokens or 0) if usage else (0, 0)
        if choice is None:
            self._log(prompt, ref, "error", *tokens, started, detail="no choices")
            raise EngineError("the model endpoint returned no answer")
        message = choice.message
        refusal = getattr(message, "refusal", None)
        outcome = "refused" if refusal else (choice.finish_reason or "stop")
        outcome = {"stop": "repaired" if repaired else "ok"}.get(outcome, outcome)
        self._log(prompt, ref, outcome, *tokens, started, detail=None if usage else "no token usage reported")
        if refusal:
            raise EngineError(f"the model refused: {refusal[:300]}")
        if choice.finish_reason == "content_filter":
            raise EngineError("the endpoint's content filter blocked the answer")
        content = message.content or (message.model_extra or {}).get("reasoning_content") or ""
        return content, choice.finish_reason

    def _error(self, exc: openai.APIError, *, structured: bool) -> Exception:
        """What an endpoint's refusal means: a structure it does not take, a pause, or a fault."""
        text = str(exc).lower()
        if isinstance(exc, openai.APITimeoutError):
            return EngineError(
                f"the model endpoint did not answer within {self.settings.llm_timeout:g} s", transient=True
            )
        if isinstance(exc, openai.APIConnectionError):
            return EngineError(f"cannot reach the model endpoint at {self.base_url}", transient=True)
        status = getattr(exc, "status_code", None) or 0
        if (
            structured
            and status in (400, 422, 500, 501)
            and (any(w in text for w in _FORMAT_WORDS) or (status == 400 and not self._confirmed()))
        ):
            return _ModeRefused(f"HTTP {status}: {_message(exc)}")
        reason = f"the model endpoint answered HTTP {status}" + (f": {_message(exc)}" if _message(exc) else "")
        transient = is_transient(status)
        return EngineError(reason, transient=transient, retry_after=_retry_after(exc) if transient else None)

    def _confirmed(self) -> bool:
        """Whether a structured answer was ever had from this endpoint and model: a generic 400 on
        the first one is taken as a refusal of the format, later ones as errors of the request."""
        self.mode()
        return self._known

    def _log(
        self,
        prompt: Prompt,
        ref: CallRef,
        outcome: str,
        tokens_in: int,
        tokens_out: int,
        started: float,
        detail: str | None = None,
    ) -> None:
        latency = int((time.perf_counter() - started) * 1000) if started else 0
        self.store.log(
            LlmCall(
                article_hash=ref.article_hash,
                ticket_id=ref.ticket_id,
                task=ref.task,
                model=self.model,
                prompt_name=prompt.name,
                prompt_hash=prompt.hash,
                tokens_in=tokens_in,
                tokens_out=tokens_out,
                latency_ms=latency,
                outcome=str(outcome)[:20],
                detail=json.dumps({"error": detail}) if detail else None,
            )
        )

    def check(self, prompt: Prompt) -> tuple[str, str, Mode]:
        """One tiny structured call: (endpoint, model, how the endpoint takes structured answers)."""
        self.structured(prompt, {}, EndpointCheck, _read_check, CallRef("check"), fresh=True)
        return self.base_url, self.model, self.mode()


class EndpointCheck(BaseModel):
    ok: bool


def _read_check(data: Any) -> EndpointCheck:
    try:
        return EndpointCheck.model_validate(data)
    except ValueError as err:
        raise Unusable(f"the answer did not match the schema ({err})") from None


def _describe(exc: openai.APIError) -> str:
    status = getattr(exc, "status_code", None)
    return f"HTTP {status}: {_message(exc)}" if status else type(exc).__name__
