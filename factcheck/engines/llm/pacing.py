"""How hard one endpoint can be asked: how many requests it serves at once, how fast it writes,
and whether its server answers at all. Learned from its answers (a server that cuts off the
answer it writes when another request comes serves one at a time: llama-cpp-python), measured
by `factcheck llm check`, and remembered per endpoint and model for every worker."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import openai

from factcheck.core.config import Settings
from factcheck.engines.base import EngineError
from factcheck.engines.llm import stream

log = logging.getLogger(__name__)
PROBE_SECONDS = 3.0


class Slots:
    """Requests in flight from this process to one endpoint, at most ``limit``; the limit comes down
    when the endpoint shows it serves fewer at once."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        self.busy = 0
        self.started = 0  # requests started so far: a later one started while this one ran
        self._cond = threading.Condition()

    def __enter__(self) -> int:
        with self._cond:
            self._cond.wait_for(lambda: self.busy < self.limit)
            self.busy += 1
            self.started += 1
            return self.started

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self.busy -= 1
            self._cond.notify_all()

    def others_since(self, mine: int) -> bool:
        """Whether another request ran beside the one started as ``mine``."""
        with self._cond:
            return self.busy > 1 or self.started > mine

    def lower(self, limit: int) -> None:
        with self._cond:
            self.limit = max(1, min(self.limit, limit))


class Pacing:
    def __init__(self, settings: Settings, store: Any, client: openai.OpenAI, model: str) -> None:
        self.settings, self.store, self.client, self.model = settings, store, client, model
        self.base_url = str(client.base_url)
        parallel, self.speed = store.profile(self.base_url, model)
        # FACTCHECK_LLM_CONCURRENCY, and never more than the endpoint was seen to serve at once.
        self.slots = Slots(min(settings.llm_concurrency, parallel or settings.llm_concurrency))

    @property
    def parallel(self) -> int:
        return self.slots.limit

    def interrupted(self, beside_others: bool) -> EngineError:
        """The answer ended unfinished. Beside other requests, the endpoint cut it off to serve
        another (llama-cpp-python does): from now on it is sent one request at a time."""
        if beside_others and self.slots.limit > 1:
            self.slots.lower(1)
            log.warning("endpoint %s cut off an answer to start another request: sending one at a time", self.base_url)
            self.store.remember_profile(self.base_url, self.model, 1, self.speed)
            return EngineError(
                "the model endpoint cut off this answer to start another request (it serves one at a time); "
                "the desk now sends it one request at a time",
                transient=True,
            )
        return EngineError("the model endpoint ended its answer before finishing it", transient=True)

    def measured(self, written: stream.Written) -> None:
        """Keep a moving average of how fast the endpoint writes (shown by `factcheck llm check`)."""
        writing = written.seconds - (written.first_token or 0.0)
        if written.tokens_out < 20 or writing < 0.5:
            return
        speed = written.tokens_out / writing
        self.speed = round(speed if self.speed is None else 0.7 * self.speed + 0.3 * speed, 1)
        parallel = self.slots.limit if self.slots.limit < self.settings.llm_concurrency else None
        self.store.remember_profile(self.base_url, self.model, parallel, self.speed)

    def probe(self) -> bool:
        """Whether the endpoint's server answers at all: cheap enough to ask every few seconds while
        jobs wait for it. It asks for the server's /health (llama.cpp, vLLM and TEI have one; any
        other answer below 500, a 404 included, is a live server too), never for /models or a
        completion: llama-cpp-python cuts off the answer it is writing for any request that
        touches the model, /models included."""
        url = httpx.URL(self.base_url).join("/health")
        try:
            return httpx.get(url, timeout=PROBE_SECONDS).status_code < 500
        except httpx.HTTPError:
            return False

    def measure(self) -> tuple[float | None, int | None]:
        """How fast the endpoint writes (tokens a second) and whether it serves two requests at once
        (None) or one at a time (1): one short answer alone, then two at the same moment."""
        request = {
            "model": self.model,
            "messages": [{"role": "user", "content": "Write the numbers from 1 to 100, separated by spaces."}],
            "temperature": 0,
            "max_tokens": 48,
        }

        def ask(_: int = 0) -> stream.Written | None:
            try:
                return stream.complete(
                    self.client, request, stall=self.settings.llm_stall_seconds, cap=self.settings.llm_timeout
                )
            except (openai.APIError, stream.Stalled):
                return None

        alone = ask()
        if alone is None or not alone.tokens_out:
            return None, None
        speed = round(alone.tokens_out / max(0.05, alone.seconds - (alone.first_token or 0.0)), 1)
        with ThreadPoolExecutor(2) as pool:
            pair = list(pool.map(ask, range(2)))
        # Cut off (no finish) or taking twice as long: the second waited for, or stopped, the first.
        one_at_a_time = any(w is None or w.finish is None for w in pair) or (
            max(w.seconds for w in pair if w is not None) > 1.7 * alone.seconds
        )
        parallel = 1 if one_at_a_time else None
        self.speed = speed
        if parallel:
            self.slots.lower(parallel)
        self.store.remember_profile(self.base_url, self.model, parallel, speed)
        return speed, parallel
