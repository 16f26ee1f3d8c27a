"""What a model must answer, as Pydantic models. A model's answer is untrusted input: validated
here (keys the schema does not name are ignored: what is wrong is refused, not what is extra),
then checked again against the article (quotes, names, figures) and for safety (URLs)."""

from __future__ import annotations

import copy
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Answer(BaseModel):
    model_config = ConfigDict(extra="ignore")


ClaimKindOut = Literal["quote", "quantity", "event", "statement"]
SourceKindOut = Literal["primary record", "official statement", "original report", "data set", "expert"]


class ClaimOut(Answer):
    claim: str = Field(min_length=5, max_length=1500)
    quote: str = Field(min_length=3, max_length=3000)
    speaker: str | None = Field(max_length=300)
    reported_by: str | None = Field(max_length=300)
    kind: ClaimKindOut
    checkworthiness: float = Field(ge=0, le=1)


class SentenceOut(Answer):
    sentence_id: int
    verifiable: bool
    ambiguity: str | None = Field(max_length=500)
    claims: list[ClaimOut] = Field(max_length=12)


class ExtractionOut(Answer):
    sentences: list[SentenceOut]


_PRONOUNS = "he|she|him|his|her|hers|they|them|their|theirs"
# A pronoun in lower case anywhere, or capitalised at the start unless a capitalised word follows
# it: "Did he …" and "His figures …" refer to someone; "His Majesty's Treasury" names something.
_PRONOUN = re.compile(rf"\b(?:{_PRONOUNS})\b|^(?:{_PRONOUNS.title()})\b(?!\s+[A-Z])")


class QuestionOut(Answer):
    question: str = Field(min_length=8, max_length=600)
    rationale: str = Field(max_length=1000)

    @field_validator("question")
    @classmethod
    def _self_contained(cls, value: str) -> str:
        m = _PRONOUN.search(value)
        if m:
            raise ValueError(f"question uses the pronoun {m.group(0)!r}; name who or what it refers to")
        return value


class SourceOut(Answer):
    name: str = Field(min_length=3, max_length=300)
    kind: SourceKindOut
    why: str = Field(min_length=3, max_length=1000)
    url: str | None = Field(max_length=2000)
    search_query: str = Field(min_length=3, max_length=500)


class PickOut(Answer):
    result: int = Field(ge=1, le=50)
    why: str = Field(min_length=3, max_length=400)


class PicksOut(Answer):
    picks: list[PickOut] = Field(max_length=5)


class DraftOut(Answer):
    questions: list[QuestionOut] = Field(min_length=3, max_length=8)
    sources: list[SourceOut] = Field(min_length=1, max_length=8)


_UNSUPPORTED = {
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "default",
    "title",
    "pattern",
    "format",
}


# Kept for grammar-constrained decoding (llama.cpp): without maxItems a list never ends. String
# lengths are not: llama-cpp-python spells maxLength 3000 as 3,000 nested optional characters, a
# grammar it fails to parse (and then crashes on); the answer's token budget bounds a string.
_BOUNDS = {"minItems", "maxItems"}


def strict_json_schema(model: type[BaseModel]) -> dict:
    """The model's JSON Schema in the subset OpenAI's strict structured outputs accept:
    every property required, no extra properties, no length or range keywords (enforced here instead)."""
    return _closed(model, _UNSUPPORTED)


def bounded_json_schema(model: type[BaseModel], items: dict[str, int] | None = None) -> dict:
    """The schema for a server that turns it into a grammar: closed as the strict one, with its list
    sizes kept, so the grammar itself ends every list; ``items``: top-level lists that must have
    exactly so many entries (one per sentence asked about: a small model otherwise answers none)."""
    schema = _closed(model, _UNSUPPORTED - _BOUNDS)
    for name, count in (items or {}).items():
        schema["properties"][name].update(minItems=count, maxItems=count)
    return schema


def _closed(model: type[BaseModel], dropped: set[str]) -> dict:
    schema = copy.deepcopy(model.model_json_schema())

    def walk(node):
        if isinstance(node, dict):
            for key in list(node):
                if key in dropped and not isinstance(node[key], dict):
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
