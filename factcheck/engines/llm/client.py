"""Structured calls to an OpenAI-compatible endpoint: strict JSON schema first, JSON mode as the
fallback, answers validated, one repair turn, a cache, and a log line for every call."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass

import openai
from pydantic import BaseModel, ValidationError

from factcheck.core.config import Settings
from factcheck.engines.base import EngineError
from factcheck.engines.llm.prompts import Prompt
from factcheck.engines.llm.schemas import strict_json_schema
from factcheck.models import LlmCall

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CallRef:
    task: str
    article_hash: str | None = None
    ticket_id: int | None = None


class _SchemaUnsupported(Exception):
    pass


def _summarise(err: ValidationError, limit: int = 6) -> str:
    parts = []
    for e in err.errors()[:limit]:
        where = ".".join(str(p) for p in e["loc"]) or "answer"
        parts.append(f"{where}: {e['msg']}")
    return "; ".join(parts)


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
            # The client retries 408/409/429/5xx, timeouts and dropped connections with exponential
            # backoff, honouring Retry-After: the well-kept implementation, not ours.
            max_retries=settings.llm_max_retries,
        )
        self.json_mode_only = False
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return str(self.client.base_url)

    def structured(self, prompt: Prompt, values: dict, schema: type[BaseModel], ref: CallRef) -> BaseModel:
        """Ask, validate, repair once; raise EngineError with a reason a person understands."""
        try:
            return self._structured(prompt, values, schema, ref, strict=not self.json_mode_only)
        except _SchemaUnsupported:
            with self._lock:
                self.json_mode_only = True
            log.info("endpoint %s lacks json_schema response formats; using JSON mode", self.base_url)
            return self._structured(prompt, values, schema, ref, strict=False)

    def _structured(self, prompt, values, schema, ref, *, strict: bool):
        json_schema = strict_json_schema(schema)
        messages = prompt.render(**values, strict_schema=strict, schema=json.dumps(json_schema))
        key = hashlib.sha256(json.dumps([prompt.hash, self.model, messages], ensure_ascii=False).encode()).hexdigest()
        hit = self.store.cached(key)
        if hit is not None:
            try:
                parsed = schema.model_validate_json(hit)
                self._log(prompt, ref, "cached", 0, 0, 0)
                return parsed
            except ValidationError:
                pass  # a schema change made the old answer unusable: ask again
        if strict:
            response_format = {"type": "json_schema",
                               "json_schema": {"name": schema.__name__, "schema": json_schema, "strict": True}}
        else:
            response_format = {"type": "json_object"}
        attempt = list(messages)
        problem = "no answer"
        for round_ in (1, 2):
            content, finish, refusal = self._create(prompt, ref, attempt, response_format, strict=strict,
                                                    repaired=round_ == 2)
            if refusal:
                raise EngineError(f"the model refused: {refusal[:300]}")
            if finish == "length":
                problem = "the answer was cut off before it was complete (finish_reason=length)"
            elif finish == "content_filter":
                raise EngineError("the endpoint's content filter blocked the answer")
            else:
                try:
                    parsed = schema.model_validate_json(content or "")
                    self.store.remember(key, self.model, prompt.name, parsed.model_dump_json())
                    return parsed
                except ValidationError as err:
                    problem = ("the answer was not valid JSON" if _is_json_error(err)
                               else f"the answer did not match the schema ({_summarise(err)})")
            log.warning("%s call for %s: %s", prompt.name, ref, problem)
            # One repair turn: show the model its answer and what was wrong with it.
            attempt = messages + [
                {"role": "assistant", "content": (content or "")[:20000]},
                {"role": "user", "content": f"That answer could not be used: {problem}. Reply again with only "
                                            "the JSON object, complete and matching the schema; be brief."},
            ]
        raise EngineError(problem)

    def _create(self, prompt, ref, messages, response_format, *, strict: bool, repaired: bool):
        started = time.perf_counter()
        try:
            resp = self.client.chat.completions.create(
                model=self.model, messages=messages, temperature=0,
                max_tokens=self.settings.llm_max_tokens, response_format=response_format,
            )
        except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
            self._log(prompt, ref, "error", 0, 0, started, detail=str(exc)[:500])
            text = str(exc).lower()
            if strict and any(w in text for w in ("response_format", "json_schema", "schema", "unsupported")):
                raise _SchemaUnsupported() from exc
            raise EngineError(f"the model endpoint rejected the request: {exc.message[:300]}") from None
        except openai.APITimeoutError:
            self._log(prompt, ref, "error", 0, 0, started, detail="timeout")
            raise EngineError(f"the model endpoint did not answer within {self.settings.llm_timeout:g} s "
                              f"(after {self.settings.llm_max_retries} retries)", transient=True) from None
        except openai.APIConnectionError:
            self._log(prompt, ref, "error", 0, 0, started, detail="connection")
            raise EngineError(f"cannot reach the model endpoint at {self.base_url}", transient=True) from None
        except openai.APIStatusError as exc:
            self._log(prompt, ref, "error", 0, 0, started, detail=f"HTTP {exc.status_code}")
            raise EngineError(f"the model endpoint answered HTTP {exc.status_code} "
                              f"(after {self.settings.llm_max_retries} retries)",
                              transient=exc.status_code == 429 or exc.status_code >= 500) from None
        usage = resp.usage
        choice = resp.choices[0] if resp.choices else None
        if choice is None:
            self._log(prompt, ref, "error", 0, 0, started, detail="no choices")
            raise EngineError("the model endpoint returned no answer")
        finish = choice.finish_reason
        refusal = getattr(choice.message, "refusal", None)
        outcome = "ok" if finish in (None, "stop") and not refusal else (refusal and "refused" or finish)
        self._log(prompt, ref, ("repaired" if repaired and outcome == "ok" else outcome),
                  usage.prompt_tokens if usage else 0, usage.completion_tokens if usage else 0, started)
        return choice.message.content, finish, refusal

    def _log(self, prompt, ref: CallRef, outcome: str, tokens_in: int, tokens_out: int, started: float,
             detail: str | None = None) -> None:
        latency = int((time.perf_counter() - started) * 1000) if started else 0
        self.store.log(LlmCall(
            article_hash=ref.article_hash, ticket_id=ref.ticket_id, task=ref.task, model=self.model,
            prompt_name=prompt.name, prompt_hash=prompt.hash, tokens_in=tokens_in or 0,
            tokens_out=tokens_out or 0, latency_ms=latency, outcome=str(outcome)[:20],
            detail=json.dumps({"error": detail}) if detail else None,
        ))

    def check(self) -> tuple[str, str]:
        """One tiny call: (endpoint, the model that answered)."""
        try:
            resp = self.client.chat.completions.create(
                model=self.model, messages=[{"role": "user", "content": "Reply with the word OK."}], max_tokens=5)
        except openai.APIError as exc:
            raise EngineError(f"the model endpoint at {self.base_url} failed: {exc}") from None
        return self.base_url, resp.model or self.model


def _is_json_error(err: ValidationError) -> bool:
    return any(e["type"] in ("json_invalid", "json_type") for e in err.errors())
