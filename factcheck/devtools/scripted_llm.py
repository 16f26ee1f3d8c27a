"""A scripted OpenAI-compatible server on 127.0.0.1, for tests, benchmarks and trying the LLM path
without a key. It is not a model: it answers factcheck's prompts mechanically (each target
sentence with a number, a date or a reporting verb becomes a claim quoting that sentence; each
claim gets three questions and two sources), and it can be told to misbehave in every way a real
endpoint does: faults (HTTP errors with Retry-After, timeouts, malformed or truncated answers,
refusals), response formats it does not take, and the habits of real servers' replies.

    python -m factcheck.devtools.scripted_llm --port 8765 --delay 0.3
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

from factcheck.devtools import scripted_wire

_TARGET = re.compile(r"^\[(\d+)\] (.+)$", re.M)
_PRONOUNS = re.compile(r"\b(he|she|him|his|her|hers|they|them|their|theirs)\b", re.I)
_CHECKABLE = re.compile(r"\d|\b(said|told|reported|according)\b", re.I)


@dataclass
class Fault:
    """One scripted misbehaviour, used for the next matching request."""

    kind: str  # status | malformed | schema | refusal | length | slow | stall | no_json_schema | custom
    status: int = 500
    retry_after: float | None = None
    delay: float = 0.0
    body: Any = None
    task: str | None = None  # "extract" | "draft" | "embed" | None for any


HABITS = ("fence", "think", "reasoning_content", "extra_keys", "no_usage")


@dataclass
class Script:
    delay: float = 0.0
    faults: deque = field(default_factory=deque)
    requests: list = field(default_factory=list)
    # The response_format types the server takes; any other is answered with refusal_status and a
    # message (say, a generic 400, or a 500 that names json_schema as some servers do).
    # "grammar" is json_object with a schema, as llama.cpp's servers take it.
    accepts: set = field(default_factory=lambda: {"json_schema", "grammar", "json_object", None})
    refusal_status: int = 400
    refusal_message: str = "response_format json_schema is not supported"
    # How replies are wrapped, as real servers do (see HABITS); None for plain JSON content.
    habit: str | None = None
    # Overrides of the mechanical answers: task -> function(request_json) -> dict answer.
    answers: dict = field(default_factory=dict)
    # Seconds between streamed chunks (a slow model writing steadily).
    token_delay: float = 0.0
    # Serve one request at a time as llama-cpp-python does: a new request cuts off the answer being
    # streamed (it ends with no finish reason).
    interrupts: bool = False
    generation: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    in_flight: int = 0
    max_in_flight: int = 0
    # Hold each answer until this many requests have been in flight at once (or gather_wait
    # seconds pass): a test of concurrency then depends on overlap, not on how busy the machine is.
    gather: int = 0
    gather_wait: float = 10.0
    gather_task: str = "draft"

    def next_fault(self, task: str) -> Fault | None:
        with self.lock:
            for fault in list(self.faults):
                if fault.task in (None, task):
                    self.faults.remove(fault)
                    return fault
        return None


def _task(body: dict) -> str:
    system = next((m["content"] for m in body.get("messages", []) if m["role"] == "system"), "")
    if "Claimify" in system:
        return "extract"
    if "verification questions" in system:
        return "draft"
    if "answers in structured JSON" in system:
        return "check"
    if "numbered web search results" in system:
        return "pick"
    return "other"


def _user_text(body: dict) -> str:
    return "\n".join(m["content"] for m in body.get("messages", []) if m["role"] == "user")


def extraction_answer(body: dict) -> dict:
    user = body["messages"][1]["content"]
    targets = user.split("Target sentences:", 1)[-1]
    out = []
    for m in _TARGET.finditer(targets):
        sid, text = int(m.group(1)), m.group(2).strip()
        claims = []
        if _CHECKABLE.search(text):
            claims.append(
                {
                    "claim": text,
                    "quote": text,
                    "speaker": None,
                    "reported_by": None,
                    "kind": "quantity" if re.search(r"\d", text) else "statement",
                    "checkworthiness": 0.8,
                }
            )
        out.append({"sentence_id": sid, "verifiable": bool(claims), "ambiguity": None, "claims": claims})
    return {"sentences": out}


def draft_answer(body: dict) -> dict:
    user = body["messages"][1]["content"]
    claim = user.split("<claim>", 1)[-1].split("</claim>", 1)[0].strip()
    # A real model names people; this mechanical one at least never hands back a bare pronoun.
    short = _PRONOUNS.sub("[the person named]", " ".join(claim.split()[:12]))
    return {
        "questions": [
            {"question": f"Is it accurate that {short}?", "rationale": "The claim as a closed question."},
            {"question": f"Which primary record documents that {short}?", "rationale": "Find the record."},
            {
                "question": "Who first made this claim, and when was it first published?",
                "rationale": "Trace the original source.",
            },
        ],
        "sources": [
            {
                "name": "Official records",
                "kind": "primary record",
                "why": "Settles the facts directly.",
                "url": "https://records.example.org/search",
                "search_query": short,
            },
            {
                "name": "Original report",
                "kind": "original report",
                "why": "Shows what was first said.",
                "url": None,
                "search_query": f"{short} original report",
            },
        ],
    }


def _with_habit(habit: str | None, content: str) -> tuple[str | None, dict]:
    """The reply's content (and extra message fields) as a server with this habit sends it."""
    if habit == "fence":
        return f"Here is the JSON you asked for:\n```json\n{content}\n```\n", {}
    if habit == "think":
        return f"<think>The user wants claims. Let me look at each sentence {{carefully}}.</think>\n{content}", {}
    if habit == "reasoning_content":
        return None, {"reasoning_content": content}
    if habit == "extra_keys":
        data = json.loads(content)
        data["confidence_note"] = "an extra key the schema does not name"
        for key in ("sentences", "questions", "sources"):
            for item in data.get(key, []):
                item["explanation"] = "extra"
        return json.dumps(data), {}
    return content, {}


def _completion(
    body: dict,
    content: str | None,
    finish: str = "stop",
    refusal: str | None = None,
    extra: dict | None = None,
    usage: bool = True,
) -> dict:
    prompt_tokens = sum(len(m.get("content") or "") for m in body.get("messages", [])) // 4
    completion_tokens = max(1, len(content or json.dumps(extra or {})) // 4)
    return {
        "id": f"chatcmpl-{time.time_ns()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "scripted"),
        "choices": [
            {
                "index": 0,
                "finish_reason": finish,
                "message": {"role": "assistant", "content": content, "refusal": refusal, **(extra or {})},
            }
        ],
        **(
            {
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": completion_tokens,
                    "total_tokens": prompt_tokens + completion_tokens,
                }
            }
            if usage
            else {}
        ),
    }


async def _gathered(script: Script) -> None:
    deadline = asyncio.get_running_loop().time() + script.gather_wait
    while script.max_in_flight < script.gather and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.01)


async def _answer(script: Script, body: dict, task: str):
    """The scripted answer to one request: a refusal of its format, a fault, or the task's answer."""
    fault = script.next_fault(task)
    if task == script.gather_task:
        await _gathered(script)
    delay = script.delay + (fault.delay if fault and fault.kind != "stall" else 0.0)
    if delay:
        await asyncio.sleep(delay)
    rf = body.get("response_format") or {}
    fmt = "grammar" if rf.get("type") == "json_object" and "schema" in rf else rf.get("type")
    if fmt not in script.accepts:
        return JSONResponse(
            {"error": {"message": script.refusal_message, "type": "invalid_request_error"}},
            status_code=script.refusal_status,
        )
    if fault and fault.kind == "status":
        headers = {"retry-after": str(fault.retry_after)} if fault.retry_after is not None else {}
        said = fault.body if isinstance(fault.body, str) else f"scripted {fault.status}"
        return JSONResponse({"error": {"message": said}}, status_code=fault.status, headers=headers)
    if task == "other":
        return _completion(body, "OK")
    answer = script.answers.get(task)
    mechanical = {
        "extract": extraction_answer,
        "draft": draft_answer,
        "check": lambda _: {"ok": True},
        "pick": pick_answer,
    }[task]
    content = json.dumps(answer(body) if answer else mechanical(body))
    usage = script.habit != "no_usage"
    if fault is None or fault.kind in ("slow", "stall"):
        text, extra = _with_habit(script.habit, content)
        answer = _completion(body, text, extra=extra, usage=usage)
        if fault is not None and fault.kind == "stall":
            if not body.get("stream"):
                await asyncio.sleep(fault.delay)
            answer["_stall"] = fault.delay  # read by _streamed: stop writing halfway
        return answer
    return _faulty(body, content, fault, usage)


def _faulty(body: dict, content: str, fault: Fault, usage: bool):
    if fault.kind == "malformed":
        return _completion(body, content[: len(content) // 2] + " <<not json", usage=usage)
    if fault.kind == "schema":
        return _completion(body, json.dumps(fault.body if fault.body is not None else {"unexpected": True}))
    if fault.kind == "refusal":
        return _completion(body, None, refusal="I can't help with that.")
    if fault.kind == "length":
        return _completion(body, content[: len(content) // 3], finish="length")
    if fault.kind == "custom":
        return _completion(body, fault.body if isinstance(fault.body, str) else json.dumps(fault.body))
    return _completion(body, content)


def make_app(script: Script) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/completions")
    async def completions(request: Request):
        body = await request.json()
        task = _task(body)
        with script.lock:
            script.requests.append(body)
            script.in_flight += 1
            script.max_in_flight = max(script.max_in_flight, script.in_flight)
            script.generation += 1
        answer = None
        try:
            answer = await _answer(script, body, task)
            if body.get("stream") and isinstance(answer, dict):
                return StreamingResponse(scripted_wire.streamed(script, body, answer), media_type="text/event-stream")
            return answer
        finally:
            if not (body.get("stream") and isinstance(answer, dict)):
                with script.lock:
                    script.in_flight -= 1

    @app.post("/v1/embeddings")
    async def embeddings(request: Request):
        body = await request.json()
        with script.lock:
            script.requests.append(body)
        return await scripted_wire.embeddings(script, body)

    @app.get("/v1/models")
    async def models():
        return {"object": "list", "data": [{"id": "scripted", "object": "model"}]}

    return app


class ScriptedServer:
    """Runs the scripted server in a background thread on a free loopback port."""

    def __init__(self, script: Script | None = None, port: int = 0) -> None:
        self.script = script or Script()
        if not port:
            with socket.socket() as sock:
                sock.bind(("127.0.0.1", 0))
                port = sock.getsockname()[1]
        self.port = port
        config = uvicorn.Config(make_app(self.script), host="127.0.0.1", port=port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the scripted LLM server did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description="A scripted OpenAI-compatible server on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before each answer")
    args = parser.parse_args()
    print(f"scripted OpenAI-compatible server at http://127.0.0.1:{args.port}/v1")
    uvicorn.run(make_app(Script(delay=args.delay)), host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()


def pick_answer(body: dict) -> dict:
    """Mechanical: the listed results that share at least two longer words with the claim."""
    import re as _re

    text = _user_text(body)
    claim = set(_re.findall(r"[a-z]{5,}", text.split("</claim>")[0].lower()))
    picks = []
    for number, block in _re.findall(r"\[(\d+)\] ([^\[]*)", text.split("<results>")[-1]):
        if len(claim & set(_re.findall(r"[a-z]{5,}", block.lower()))) >= 2:
            picks.append({"result": int(number), "why": "It names the same actors and figures as the claim."})
    return {"picks": picks[:5]}
