"""What every engine produces, independent of how: rules or a language model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from factcheck.core.errors import RetryableError
from factcheck.models import ClaimKind


@dataclass(frozen=True)
class Provenance:
    engine: str
    model: str
    prompt_name: str
    prompt_hash: str


@dataclass(frozen=True)
class ArticleInput:
    text: str
    title: str = ""
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    article_hash: str | None = None


@dataclass
class ExtractedClaim:
    claim: str
    quote: str
    start: int
    end: int
    kind: ClaimKind
    score: float
    speaker: str | None = None
    reported_by: str | None = None
    needs_human: bool = False
    flag_reason: str | None = None

    @property
    def attribution(self) -> str | None:
        return format_attribution(self.speaker, self.reported_by)


@dataclass
class Extraction:
    claims: list[ExtractedClaim]
    provenance: Provenance
    # Claims an engine proposed but factcheck refused, each {quote, claim, reason}: listed on the
    # article, never dropped silently.
    rejected: list[dict] = field(default_factory=list)
    # How many sentences the engine read (None when it does not say).
    sentences: int | None = None
    # Why the engine stopped before the end of the article (its time budget ran out), for people.
    stopped: str | None = None


@dataclass(frozen=True)
class ClaimContext:
    """What a drafter may see: the claim and its neighbourhood, never the whole article."""

    claim: str
    quote: str
    kind: ClaimKind
    speaker: str | None
    reported_by: str | None
    context: str
    article_title: str = ""
    outlet: str | None = None
    published: date | None = None
    article_hash: str | None = None
    ticket_id: int | None = None


@dataclass
class DraftedQuestion:
    text: str
    rationale: str


@dataclass
class DraftedSource:
    name: str
    source_kind: str
    rationale: str
    search_query: str
    url: str | None = None


@dataclass
class Drafts:
    questions: list[DraftedQuestion] = field(default_factory=list)
    sources: list[DraftedSource] = field(default_factory=list)
    provenance: Provenance | None = None
    # Parts of a model's answer left out, each with why (kept in the audit log).
    dropped: list[str] = field(default_factory=list)


class Engine(Protocol):
    name: str
    threshold: float
    # True: the engine is local and quick, so ingest finds claims and drafts in the request.
    # False (a model): extraction and drafting are queued as jobs for a worker (factcheck.jobs).
    inline: bool

    # ``fresh``: a person asked again, so a model is asked again (no answer from the cache).
    def extract(self, article: ArticleInput, *, fresh: bool = False) -> Extraction: ...

    def draft(self, claim: ClaimContext) -> Drafts: ...

    def draft_many(self, claims: list[ClaimContext], *, fresh: bool = False) -> list[Drafts | EngineError]: ...

    def checkworthiness(self, sentences: list[str]) -> list[float]: ...

    def pick_sources(
        self, claim: str, results: list[dict], *, ticket_id: int | None = None
    ) -> list[tuple[int, str]] | None:
        """Which of the numbered search results bear on the claim, best first, each with why; None
        for an engine with no judgement of its own (the similarity ranking then stands)."""
        ...


def format_attribution(speaker: str | None, reported_by: str | None) -> str | None:
    if speaker and reported_by and speaker != reported_by:
        text = f"{speaker}, according to {reported_by}"
    else:
        text = speaker or reported_by
    return text[:1].upper() + text[1:] if text else None


class EngineError(RetryableError):
    """An engine could not produce a usable answer; the reason is for people. ``transient`` marks
    failures of the endpoint rather than of the answer (see ``RetryableError``)."""

    code = "engine_failed"
