"""Reading a model's answer: the JSON out of whatever wraps it, then each part validated on its own,
so that one bad question or claim is dropped (and said) rather than the whole answer refused."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from factcheck.engines.llm.schemas import (
    ClaimOut,
    DraftOut,
    ExtractionOut,
    PickOut,
    PicksOut,
    QuestionOut,
    SentenceOut,
    SourceOut,
)

MIN_QUESTIONS, MIN_SOURCES = 3, 1
MAX_QUESTIONS, MAX_SOURCES = 8, 8

_THINKING = re.compile(r"<(think|thinking|reasoning)>.*?</\1>", re.S | re.I)
_FENCE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.S)


class Unusable(Exception):
    """The answer cannot be used; ``problem`` says why, in words the model (and a person) can act on."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def json_in(text: str | None) -> Any:
    """The JSON value in a model's reply: after a reasoning preamble (<think>…</think>), inside a
    ```json fence, or between the first { and the last } of prose around it."""
    text = _THINKING.sub("", text or "").strip()
    if text.lower().startswith(("<think>", "<thinking>", "<reasoning>")):
        raise Unusable("the answer was only reasoning, cut off before the JSON")
    fenced = _FENCE.search(text)
    if fenced:
        text = fenced.group(1).strip()
    for candidate in (text, text[text.find("{") : text.rfind("}") + 1] if "{" in text else ""):
        if candidate:
            try:
                return json.loads(candidate)
            except json.JSONDecodeError:
                continue
    raise Unusable("the answer was not valid JSON")


def summarise(err: ValidationError, limit: int = 4) -> str:
    parts = []
    for e in err.errors()[:limit]:
        where = ".".join(str(p) for p in e["loc"]) or "answer"
        parts.append(f"{where}: {e['msg']}")
    return "; ".join(parts)


def _valid(model: type[BaseModel], raw: Any) -> tuple[BaseModel | None, str | None]:
    try:
        return model.model_validate(raw), None
    except ValidationError as err:
        return None, summarise(err)


def extraction(data: Any) -> tuple[ExtractionOut, list[dict]]:
    """The sentences and claims that validate, and the claims dropped with their reason."""
    if not isinstance(data, dict) or not isinstance(data.get("sentences"), list):
        raise Unusable('the answer must be an object {"sentences": [...]}')
    sentences, dropped = [], []
    for raw in data["sentences"]:
        if not isinstance(raw, dict):
            continue
        entry, problem = _valid(SentenceOut, {**raw, "claims": []})
        raw_claims = raw.get("claims") if isinstance(raw.get("claims"), list) else []
        if entry is None:
            dropped.extend(_dropped(c, f"its sentence entry was malformed ({problem})") for c in raw_claims)
            continue
        for raw_claim in raw_claims[:12]:
            claim, problem = _valid(ClaimOut, raw_claim)
            if claim is None:
                dropped.append(_dropped(raw_claim, f"the claim did not match the schema ({problem})"))
            else:
                entry.claims.append(claim)
        sentences.append(entry)
    return ExtractionOut(sentences=sentences), dropped


def _dropped(raw: Any, reason: str) -> dict:
    raw = raw if isinstance(raw, dict) else {}
    return {"quote": str(raw.get("quote") or "")[:500], "claim": str(raw.get("claim") or "")[:500], "reason": reason}


def drafts(data: Any) -> tuple[DraftOut, list[str]]:
    """The questions and sources that validate, and what was dropped. What is valid is kept, and
    the rest said, even below the three questions asked for: a model that keeps writing one bad
    question would otherwise lose its good ones. Nothing usable at all is unusable (the model gets
    one turn to repair it)."""
    if not isinstance(data, dict):
        raise Unusable('the answer must be an object {"questions": [...], "sources": [...]}')
    questions, sources, dropped = [], [], []
    for kind, model, kept in (("question", QuestionOut, questions), ("source", SourceOut, sources)):
        seen, repeated = set(), 0
        for raw in data.get(f"{kind}s") or []:
            item, problem = _valid(model, raw)
            if item is None:
                dropped.append(f"a {kind}: {problem}")
                continue
            # A small model (or one under a grammar) writes the same item again and again.
            key = " ".join(str(getattr(item, "question", None) or getattr(item, "name", "")).lower().split())
            key += "|" + (getattr(item, "search_query", "") or "").lower()
            if key in seen:
                repeated += 1
                continue
            seen.add(key)
            kept.append(item)
        if repeated:
            dropped.append(f"{repeated} repeated {kind}{'s' if repeated != 1 else ''}")
    if not questions and not sources:
        why = f" ({'; '.join(dropped[:4])})" if dropped else ""
        raise Unusable(f"no usable question or source{why}")
    if len(questions) < MIN_QUESTIONS:
        dropped.append(f"only {len(questions)} usable questions of the {MIN_QUESTIONS} asked for")
    # Built without the schema's minimums: they are what was asked, not what is kept.
    return DraftOut.model_construct(questions=questions[:MAX_QUESTIONS], sources=sources[:MAX_SOURCES]), dropped


def picks(count: int) -> Callable[[Any], tuple[PicksOut, list[str]]]:
    """A reader for the search-result choice: only numbers that were in the list (a model may cite
    nothing it was not given), each once."""

    def read(data: Any) -> tuple[PicksOut, list[str]]:
        if not isinstance(data, dict) or not isinstance(data.get("picks"), list):
            raise Unusable('the answer must be an object {"picks": [{"result": number, "why": text}, ...]}')
        kept, seen, dropped = [], set(), []
        for raw in data["picks"]:
            item, problem = _valid(PickOut, raw)
            if item is None:
                dropped.append(f"a pick: {problem}")
            elif not 1 <= item.result <= count or item.result in seen:
                dropped.append(f"a pick of result {item.result}, which was not offered (or twice)")
            else:
                seen.add(item.result)
                kept.append(item)
        return PicksOut(picks=kept[:5]), dropped

    return read
