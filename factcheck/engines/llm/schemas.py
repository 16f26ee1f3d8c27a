"""What a model must answer, as Pydantic models. A model's answer is untrusted input: validated
here, then checked again against the article (quotes) and for safety (URLs)."""

from __future__ import annotations

import copy
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


ClaimKindOut = Literal["quote", "quantity", "event", "statement"]
SourceKindOut = Literal["primary record", "official statement", "original report", "data set", "expert"]


class ClaimOut(Strict):
    claim: str = Field(min_length=5, max_length=1500)
    quote: str = Field(min_length=3, max_length=3000)
    speaker: str | None = Field(max_length=300)
    reported_by: str | None = Field(max_length=300)
    kind: ClaimKindOut
    checkworthiness: float = Field(ge=0, le=1)


class SentenceOut(Strict):
    sentence_id: int
    verifiable: bool
    ambiguity: str | None = Field(max_length=500)
    claims: list[ClaimOut] = Field(max_length=12)


class ExtractionOut(Strict):
    sentences: list[SentenceOut]


_PRONOUN = re.compile(r"\b(he|she|him|his|her|hers|they|them|their|theirs)\b", re.I)


class QuestionOut(Strict):
    question: str = Field(min_length=8, max_length=600)
    rationale: str = Field(max_length=1000)

    @field_validator("question")
    @classmethod
    def _self_contained(cls, value: str) -> str:
        m = _PRONOUN.search(value)
        if m:
            raise ValueError(f"question uses the pronoun {m.group(0)!r}; name who or what it refers to")
        return value


class SourceOut(Strict):
    name: str = Field(min_length=3, max_length=300)
    kind: SourceKindOut
    why: str = Field(min_length=3, max_length=1000)
    url: str | None = Field(max_length=2000)
    search_query: str = Field(min_length=3, max_length=500)


class DraftOut(Strict):
    questions: list[QuestionOut] = Field(min_length=3, max_length=8)
    sources: list[SourceOut] = Field(min_length=1, max_length=8)


_UNSUPPORTED = {"minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems", "default", "title",
                "pattern", "format"}


def strict_json_schema(model: type[BaseModel]) -> dict:
    """The model's JSON Schema in the subset OpenAI's strict structured outputs accept:
    every property required, no extra properties, no length or range keywords (enforced here instead)."""
    schema = copy.deepcopy(model.model_json_schema())

    def walk(node):
        if isinstance(node, dict):
            for key in list(node):
                if key in _UNSUPPORTED:
                    del node[key]
            if node.get("type") == "object" and "properties" in node:
                node["required"] = list(node["properties"])
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema
