"""The LLM engine: Claimify-style extraction and per-claim drafting through any OpenAI-compatible endpoint."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from factcheck.core.backoff import backoff_seconds
from factcheck.core.config import Settings
from factcheck.core.urls import found_url
from factcheck.engines.base import (
    ArticleInput,
    ClaimContext,
    DraftedQuestion,
    DraftedSource,
    Drafts,
    EngineError,
    ExtractedClaim,
    Extraction,
    Provenance,
)
from factcheck.engines.llm import answers, prompts, support
from factcheck.engines.llm.client import CallRef, LlmClient, Mode
from factcheck.engines.llm.faults import TooLong
from factcheck.engines.llm.quotes import locate
from factcheck.engines.llm.schemas import ClaimOut, DraftOut, ExtractionOut, PicksOut, SentenceOut
from factcheck.engines.offline.segment import Sentence, sentences
from factcheck.models import ClaimKind

log = logging.getLogger(__name__)
EXTRACT, DRAFT, CHECK, PICK = "extract_claims", "draft_checks", "endpoint_check", "pick_sources"
T = TypeVar("T")

# What each task's answer can need, in tokens (a cap, never a target: a model stops when done).
# A sentence with its claims rewritten, quoted and attributed is under 250 tokens; a draft of up to
# eight questions and sources under 1,500; the settings' FACTCHECK_LLM_MAX_TOKENS caps them all.
EXTRACT_BASE, EXTRACT_PER_SENTENCE = 150, 250
DRAFT_TOKENS, PICK_TOKENS, CHECK_TOKENS = 1500, 500, 50


class OpenAIEngine:
    name = "openai"
    # A call per ticket, each seconds long and able to fail: extraction and drafting run as jobs.
    inline = False

    def __init__(self, settings: Settings, store, *, retries: int = 0) -> None:
        """``retries``: how often a failing endpoint is tried again here. Jobs leave it at 0 (the job
        queue waits and retries with a backoff that survives restarts); evaluation runs, which
        have no queue, use FACTCHECK_LLM_MAX_RETRIES."""
        self.settings = settings
        self.threshold = settings.min_checkworthiness
        self.retries = retries
        self.llm = LlmClient(settings, store)

    def provenance(self, prompt_name: str) -> Provenance:
        prompt = prompts.load(prompt_name)
        return Provenance(engine=self.name, model=self.llm.model, prompt_name=prompt.name, prompt_hash=prompt.hash)

    def _map(self, fn: Callable[..., T], items: list) -> list[T]:
        if len(items) <= 1:
            return [fn(i) for i in items]
        with ThreadPoolExecutor(max_workers=max(1, self.settings.llm_concurrency)) as pool:
            return list(pool.map(fn, items))

    def _patiently(self, call: Callable[[], T]) -> T:
        """``call``, tried again up to ``retries`` times while the endpoint fails (not the answer)."""
        for failures in range(self.retries + 1):
            try:
                return call()
            except EngineError as error:
                if not error.transient or failures == self.retries:
                    raise
                time.sleep(backoff_seconds(failures + 1, cap=60, retry_after=error.retry_after))
        raise AssertionError("unreachable")

    # --- extraction -------------------------------------------------------------------------------

    def _chunks(self, sents: list[Sentence]) -> list[tuple[list[tuple[int, Sentence]], str]]:
        size, ctx_n = max(1, self.settings.llm_chunk_sentences), self.settings.llm_context_sentences
        out = []
        for i in range(0, len(sents), size):
            targets = list(enumerate(sents[i : i + size], start=i))
            context = " ".join(s.text for s in sents[max(0, i - ctx_n) : i])
            out.append((targets, context))
        return out

    def _extract_chunk(self, article: ArticleInput, targets, context, fresh: bool) -> tuple[ExtractionOut, list[dict]]:
        """One part of the article; a part too long for the model (its context window, or an
        answer cut off) is read again in halves, down to one sentence."""
        try:
            return self._extract_part(article, targets, context, fresh)
        except TooLong:
            if len(targets) == 1:
                raise
        half = len(targets) // 2
        first, dropped = self._extract_chunk(article, targets[:half], context, fresh)
        nearer = " ".join([context or "", *(s.text for _, s in targets[:half])])[-2000:]
        second, more = self._extract_chunk(article, targets[half:], nearer, fresh)
        return ExtractionOut(sentences=first.sentences + second.sentences), dropped + more

    def _extract_part(self, article: ArticleInput, targets, context, fresh: bool) -> tuple[ExtractionOut, list[dict]]:
        return self._patiently(
            lambda: self.llm.structured(
                prompts.load(EXTRACT),
                {
                    "title": article.title or "",
                    "outlet": article.outlet or "",
                    "published": article.published.isoformat() if article.published else "",
                    "context": context or "(start of article)",
                    "sentences": [{"id": i, "text": s.text} for i, s in targets],
                },
                ExtractionOut,
                answers.extraction,
                CallRef("extract", article_hash=article.article_hash),
                fresh=fresh,
                max_tokens=EXTRACT_BASE + EXTRACT_PER_SENTENCE * len(targets),
                splittable=len(targets) > 1,
                items={"sentences": len(targets)},
            )
        )

    def extract(self, article: ArticleInput, *, fresh: bool = False) -> Extraction:
        sents = sentences(article.text)
        chunks = self._chunks(sents)

        def run(chunk):
            try:
                return self._extract_chunk(article, *chunk, fresh)
            except EngineError as exc:
                return exc

        results = self._map(run, chunks)
        failures = [r for r in results if isinstance(r, EngineError)]
        if failures:
            # Half an article's claims would look like all of them: refuse, keep nothing, say why.
            # If the endpoint was at fault the job waits for it; the parts that were answered come
            # from the cache next time.
            # The reason shown is the one the job waits on: an endpoint's, if any part waits for it.
            first = next((f for f in failures if f.transient), failures[0])
            where = f"{len(failures)} of {len(chunks)} parts of the article failed: " if len(chunks) > 1 else ""
            raise EngineError(
                where + first.message,
                transient=any(f.transient for f in failures),
                retry_after=max((f.retry_after or 0 for f in failures), default=0) or None,
            )
        claims, rejected = [], []
        haystack = " ".join(filter(None, [article.title, article.outlet, article.text]))
        for (targets, _), (result, dropped) in zip(chunks, results, strict=True):
            rejected.extend(dropped)
            by_id = dict(targets)
            for entry in result.sentences:
                if entry.sentence_id not in by_id:
                    rejected.extend(
                        {
                            "quote": c.quote,
                            "claim": c.claim,
                            "reason": f"the model answered for a sentence it was not given (id {entry.sentence_id})",
                        }
                        for c in entry.claims
                    )
                    continue
                claims.extend(self._claims_for(article.text, haystack, sents, entry.sentence_id, entry, rejected))
        claims = _once_per_span(claims, rejected)
        return Extraction(claims=claims, provenance=self.provenance(EXTRACT), rejected=rejected, sentences=len(sents))

    def _claims_for(
        self, text: str, haystack: str, sents: list[Sentence], index: int, entry: SentenceOut, rejected: list[dict]
    ) -> list[ExtractedClaim]:
        sentence = sents[index]
        nearby = " ".join(s.text for s in sents[max(0, index - 2) : index + 3])
        out = []
        for c in entry.claims:
            refused = {"quote": c.quote[:500], "claim": c.claim[:500]}
            span = locate(c.quote, text, start=sentence.start, end=sentence.end)
            if span is None:
                # A quote the article does not contain is never stored as fact.
                rejected.append({**refused, "reason": "its quote is not in the article"})
                continue
            if c.checkworthiness < self.threshold:
                rejected.append(
                    {
                        **refused,
                        "reason": f"check-worthiness {c.checkworthiness:.2f} is below the "
                        f"desk's threshold of {self.threshold:.2f}",
                    }
                )
                continue
            start, end = span
            verdict = support.check(c.claim, text[start:end], nearby, haystack)
            if verdict.reject:
                rejected.append({**refused, "reason": verdict.reject})
                continue
            out.append(self._claim(c, text, start, end, verdict.flag))
        if entry.ambiguity and entry.verifiable and not entry.claims:
            # A sentence the model could not make unambiguous goes to a person, not to the bin.
            out.append(
                ExtractedClaim(
                    claim=sentence.text,
                    quote=sentence.text,
                    start=sentence.start,
                    end=sentence.end,
                    kind=ClaimKind.statement,
                    score=max(self.threshold, 0.5),
                    needs_human=True,
                    flag_reason=f"The model could not make this unambiguous: {entry.ambiguity}"[:500],
                )
            )
        return out

    @staticmethod
    def _claim(c: ClaimOut, text: str, start: int, end: int, flag: str | None) -> ExtractedClaim:
        return ExtractedClaim(
            claim=c.claim.strip(),
            quote=text[start:end],
            start=start,
            end=end,
            kind=ClaimKind(c.kind),
            score=round(c.checkworthiness, 3),
            speaker=c.speaker or None,
            reported_by=c.reported_by or None,
            needs_human=flag is not None,
            flag_reason=(flag[:1].upper() + flag[1:] + ".")[:500] if flag else None,
        )

    def checkworthiness(self, texts: list[str]) -> list[float]:
        """Sentence scores for evaluation: the highest check-worthiness of the claims found in each."""
        scores = [0.0] * len(texts)
        pseudo = [Sentence(t, 0, len(t), i) for i, t in enumerate(texts)]
        article = ArticleInput(text="", title="(evaluation)")
        for result, _ in self._map(lambda ch: self._extract_chunk(article, *ch, False), self._chunks(pseudo)):
            for entry in result.sentences:
                if 0 <= entry.sentence_id < len(texts) and entry.verifiable:
                    scores[entry.sentence_id] = max([c.checkworthiness for c in entry.claims], default=0.0)
        return scores

    # --- drafting ---------------------------------------------------------------------------------

    def draft(self, claim: ClaimContext, *, fresh: bool = False) -> Drafts:
        attribution = claim.speaker or claim.reported_by
        if claim.speaker and claim.reported_by:
            attribution = f"{claim.speaker}, according to {claim.reported_by}"
        out, dropped = self._patiently(
            lambda: self.llm.structured(
                prompts.load(DRAFT),
                {
                    "claim": claim.claim,
                    "quote": claim.quote,
                    "attribution": attribution or "",
                    "article_title": claim.article_title,
                    "outlet": claim.outlet or "",
                    "published": claim.published.isoformat() if claim.published else "",
                    # A few sentences around the quote (drafts.service.claim_context), never the article.
                    "context": claim.context,
                },
                DraftOut,
                answers.drafts,
                CallRef("draft", article_hash=claim.article_hash, ticket_id=claim.ticket_id),
                fresh=fresh,
                max_tokens=DRAFT_TOKENS,
            )
        )
        return Drafts(
            questions=[DraftedQuestion(q.question.strip(), q.rationale.strip()) for q in out.questions],
            sources=[
                DraftedSource(
                    name=s.name.strip(),
                    source_kind=s.kind,
                    rationale=s.why.strip(),
                    search_query=s.search_query.strip(),
                    url=found_url(s.url),
                )
                for s in out.sources
            ],
            provenance=self.provenance(DRAFT),
            dropped=dropped,
        )

    def pick_sources(self, claim: str, results: list[dict], *, ticket_id: int | None = None) -> list[tuple[int, str]]:
        """Which of the numbered search results bear on the claim, best first, each with why:
        (index into ``results``, one sentence). The model may only cite results it was given."""
        if not results:
            return []
        out, _ = self._patiently(
            lambda: self.llm.structured(
                prompts.load(PICK),
                {"claim": claim, "results": results},
                PicksOut,
                answers.picks(len(results)),
                CallRef("pick_sources", ticket_id=ticket_id),
                max_tokens=PICK_TOKENS,
            )
        )
        return [(p.result - 1, p.why.strip()) for p in out.picks]

    def draft_many(self, claims: list[ClaimContext], *, fresh: bool = False) -> list[Drafts | EngineError]:
        def run(ctx):
            try:
                return self.draft(ctx, fresh=fresh)
            except EngineError as exc:
                return exc

        return self._map(run, claims)

    def probe(self) -> bool:
        return self.llm.pacing.probe()

    def check(self) -> tuple[str, str, Mode]:
        return self.llm.check(prompts.load(CHECK))

    def measure(self) -> tuple[float | None, int | None]:
        return self.llm.pacing.measure()


def _once_per_span(claims: list[ExtractedClaim], rejected: list[dict]) -> list[ExtractedClaim]:
    """One claim per quoted span: a model that answers for a sentence twice (or puts one claim under
    two sentences) would otherwise make two tickets of one claim."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for claim in claims:
        if (claim.start, claim.end) in seen:
            rejected.append({"quote": claim.quote[:500], "claim": claim.claim[:500], "reason": "the same quote twice"})
            continue
        seen.add((claim.start, claim.end))
        kept.append(claim)
    return kept
