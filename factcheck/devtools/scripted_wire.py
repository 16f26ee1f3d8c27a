"""How the scripted server (``scripted_llm``) writes what it answers beyond one JSON body: a
completion streamed as server-sent events, and embeddings."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from typing import Any

from fastapi.responses import JSONResponse, Response

EMBEDDING_DIMENSIONS = 64
_WORD = re.compile(r"[a-z0-9]+")


def embedding(text: str) -> list[float]:
    """Mechanical: a hashed bag of the text's words, so texts sharing words point the same way."""
    vector = [0.0] * EMBEDDING_DIMENSIONS
    for word in _WORD.findall(text.lower()):
        digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
        vector[digest[0] % EMBEDDING_DIMENSIONS] += 1.0 if digest[1] % 2 else -1.0
    return vector


async def embeddings(script: Any, body: dict):
    fault = script.next_fault("embed")
    delay = script.delay + (fault.delay if fault else 0.0)
    if delay:
        await asyncio.sleep(delay)
    if fault and fault.kind == "status":
        headers = {"retry-after": str(fault.retry_after)} if fault.retry_after is not None else {}
        return JSONResponse(
            {"error": {"message": f"scripted {fault.status}"}}, status_code=fault.status, headers=headers
        )
    inputs = body.get("input")
    texts = [inputs] if isinstance(inputs, str) else list(inputs or [])
    data = [{"object": "embedding", "index": n, "embedding": embedding(str(t))} for n, t in enumerate(texts)]
    if fault and fault.kind == "custom":  # a broken answer: fault.body(data) says how
        data = fault.body(data) if callable(fault.body) else fault.body
    payload = {
        "object": "list",
        "model": body.get("model"),
        "data": data,
        "usage": {"prompt_tokens": sum(len(str(t).split()) for t in texts), "total_tokens": 0},
    }
    # Written by json.dumps, which writes NaN as servers with that bug do (Starlette refuses to).
    return Response(json.dumps(payload), media_type="application/json")


async def streamed(script: Any, body: dict, answer: dict):
    """A completion as server-sent events, as servers stream it: the text a few characters a chunk
    (``script.token_delay`` apart; a ``stall`` fault stops writing halfway for its delay), then
    the finish reason, then the usage when the request asked for it."""
    try:
        stall = answer.pop("_stall", 0.0)
        mine = script.generation
        choice = answer["choices"][0]
        message = choice["message"]
        base = {k: answer[k] for k in ("id", "created", "model")} | {"object": "chat.completion.chunk"}

        def chunk(delta: dict, finish: str | None = None, **extra: Any) -> str:
            data = base | {"choices": [{"index": 0, "delta": delta, "finish_reason": finish}]} | extra
            return f"data: {json.dumps(data)}\n\n"

        yield chunk({"role": "assistant", "content": ""})
        for field in ("content", "reasoning_content", "refusal"):
            text = message.get(field)
            if not text:
                continue
            pieces = [text[i : i + 12] for i in range(0, len(text), 12)]
            for n, piece in enumerate(pieces):
                if stall and n == len(pieces) // 2:
                    await asyncio.sleep(stall)
                if script.token_delay:
                    await asyncio.sleep(script.token_delay)
                if script.interrupts and script.generation != mine:
                    return  # cut off for the newer request: no finish reason, no [DONE]
                yield chunk({field: piece})
        yield chunk({}, choice["finish_reason"])
        if (body.get("stream_options") or {}).get("include_usage") and "usage" in answer:
            yield f"data: {json.dumps(base | {'choices': [], 'usage': answer['usage']})}\n\n"
        yield "data: [DONE]\n\n"
    finally:
        with script.lock:
            script.in_flight -= 1
