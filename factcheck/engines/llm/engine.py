"""The LLM engine: Claimify-style extraction and per-claim drafting through any OpenAI-compatible endpoint."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from factcheck.core.config import Settings
from factcheck.core.urls import safe_url
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
from factcheck.engines.llm import prompts
from factcheck.engines.llm.client import CallRef, LlmClient
from factcheck.engines.llm.quotes import locate
from factcheck.engines.llm.schemas import DraftOut, ExtractionOut
from factcheck.engines.offline.segment import Sentence, sentences
from factcheck.models import ClaimKind

log = logging.getLogger(__name__)
EXTRACT, DRAFT = "extract_claims", "draft_checks"


class OpenAIEngine:
    name = "openai"
    # A call per ticket, each seconds long and able to fail: drafting runs as durable jobs.
    inline = False

    def __init__(self, settings: Settings, store) -> None:
        self.settings = settings
        self.threshold = settings.min_checkworthiness
        self.llm = LlmClient(settings, store)

    def provenance(self, prompt_name: str) -> Provenance:
        prompt = prompts.load(prompt_name)
        return Provenance(engine=self.name, model=self.llm.model, prompt_name=prompt.name, prompt_hash=prompt.hash)

    def _map(self, fn, items):
        if len(items) <= 1:
            return [fn(i) for i in items]
        with ThreadPoolExecutor(max_workers=max(1, self.settings.llm_concurrency)) as pool:
            return list(pool.map(fn, items))

    # --- extraction -------------------------------------------------------------------------------

    def _chunks(self, sents: list[Sentence]) -> list[tuple[list[tuple[int, Sentence]], str]]:
        size, ctx_n = max(1, self.settings.llm_chunk_sentences), self.settings.llm_context_sentences
        out = []
        for i in range(0, len(sents), size):
            targets = list(enumerate(sents[i:i + size], start=i))
            context = " ".join(s.text for s in sents[max(0, i - ctx_n):i])
            out.append((targets, context))
        return out

    def _extract_chunk(self, article: ArticleInput, targets, context) -> ExtractionOut:
        return self.llm.structured(
            prompts.load(EXTRACT),
            {"title": article.title or "", "outlet": article.outlet or "",
             "published": article.published.isoformat() if article.published else "",
             "context": context or "(start of article)",
             "sentences": [{"id": i, "text": s.text} for i, s in targets]},
            ExtractionOut, CallRef("extract", article_hash=article.article_hash),
        )

    def extract(self, article: ArticleInput) -> Extraction:
        sents = sentences(article.text)
        chunks = self._chunks(sents)

        def run(chunk):
            try:
                return self._extract_chunk(article, *chunk)
            except EngineError as exc:
                return exc

        results = self._map(run, chunks)
        failures = [r for r in results if isinstance(r, EngineError)]
        if failures:
            # Half an article's claims would look like all of them: refuse, keep nothing, say why.
            # If the endpoint was at fault the job waits for it; the parts that were answered come
            # from the cache next time.
            raise EngineError(f"claim extraction failed for {len(failures)} of {len(chunks)} parts of the "
                              f"article: {failures[0].message}", transient=any(f.transient for f in failures))
        claims, rejected = [], []
        for (targets, _), result in zip(chunks, results):
            by_id = dict(targets)
            for entry in result.sentences:
                sentence = by_id.get(entry.sentence_id)
                if sentence is None:
                    rejected.append({"reason": "unknown sentence id", "sentence_id": entry.sentence_id})
                    continue
                claims.extend(self._claims_for(article.text, sentence, entry, rejected))
        return Extraction(claims=claims, provenance=self.provenance(EXTRACT), rejected=rejected)

    def _claims_for(self, text: str, sentence: Sentence, entry, rejected: list[dict]) -> list[ExtractedClaim]:
        out = []
        for c in entry.claims:
            span = locate(c.quote, text, start=sentence.start, end=sentence.end)
            if span is None:
                # A quote the article does not contain is never stored as fact.
                log.warning("rejected claim, quote not in sentence %d: %r", sentence.start, c.quote[:120])
                rejected.append({"reason": "quote not found in the article", "quote": c.quote[:500],
                                 "claim": c.claim[:500]})
                continue
            if c.checkworthiness < self.threshold:
                continue
            start, end = span
            out.append(ExtractedClaim(
                claim=c.claim.strip(), quote=text[start:end], start=start, end=end, kind=ClaimKind(c.kind),
                score=round(c.checkworthiness, 3), speaker=c.speaker or None, reported_by=c.reported_by or None,
            ))
        if entry.ambiguity and entry.verifiable and not entry.claims:
            # A sentence the model could not make unambiguous goes to a person, not to the bin.
            out.append(ExtractedClaim(
                claim=sentence.text, quote=sentence.text, start=sentence.start, end=sentence.end,
                kind=ClaimKind.statement, score=max(self.threshold, 0.5), needs_human=True,
                flag_reason=f"The model could not make this unambiguous: {entry.ambiguity}"[:500],
            ))
        return out

    def checkworthiness(self, texts: list[str]) -> list[float]:
        """Sentence scores for evaluation: the highest check-worthiness of the claims found in each."""
        scores = [0.0] * len(texts)
        pseudo = [Sentence(t, 0, len(t), i) for i, t in enumerate(texts)]
        chunks = self._chunks(pseudo)
        article = ArticleInput(text="", title="(evaluation)")
        results = self._map(lambda ch: self._extract_chunk(article, *ch), chunks)
        for result in results:
            for entry in result.sentences:
                if 0 <= entry.sentence_id < len(texts) and entry.verifiable:
                    scores[entry.sentence_id] = max([c.checkworthiness for c in entry.claims], default=0.0)
        return scores

    # --- drafting ---------------------------------------------------------------------------------

    def draft(self, claim: ClaimContext) -> Drafts:
        attribution = claim.speaker or claim.reported_by
        if claim.speaker and claim.reported_by:
            attribution = f"{claim.speaker}, according to {claim.reported_by}"
        out = self.llm.structured(
            prompts.load(DRAFT),
            {"claim": claim.claim, "quote": claim.quote, "attribution": attribution or "",
             "article_title": claim.article_title, "outlet": claim.outlet or "",
             "published": claim.published.isoformat() if claim.published else "",
             # Only the claim's neighbourhood is sent, never the whole article again.
             "context": claim.context[:4000]},
            DraftOut, CallRef("draft", article_hash=claim.article_hash, ticket_id=claim.ticket_id),
        )
        return Drafts(
            questions=[DraftedQuestion(q.question.strip(), q.rationale.strip()) for q in out.questions],
            sources=[DraftedSource(name=s.name.strip(), source_kind=s.kind, rationale=s.why.strip(),
                                   search_query=s.search_query.strip(), url=safe_url(s.url))
                     for s in out.sources],
            provenance=self.provenance(DRAFT),
        )

    def draft_many(self, claims: list[ClaimContext]) -> list[Drafts | EngineError]:
        def run(ctx):
            try:
                return self.draft(ctx)
            except EngineError as exc:
                return exc

        return self._map(run, claims)

    def check(self) -> tuple[str, str]:
        return self.llm.check()
