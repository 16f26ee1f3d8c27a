"""The offline engine: rule-based extraction and drafting, no network, no language model.

Which sentences are claims is scored by a small logistic regression over named features and bundled
word vectors (checkworthy.py); everything else, and all drafting, is rules.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from factcheck.encoders import wordvectors
from factcheck.engines.base import ArticleInput, ClaimContext, Drafts, Extraction, Provenance
from factcheck.engines.offline import checkworthy, drafting, duplicates, sourcing
from factcheck.engines.offline.extract import extract

RULES_VERSION = "2"
_HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def rules_hash() -> str:
    """A hash of the rule and weight files: any change to either changes every new draft's provenance."""
    digest = hashlib.sha256()
    for path in sorted([*_HERE.glob("*.py"), *_HERE.glob("*.json")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


class OfflineEngine:
    name = "offline"
    # Rules take microseconds and cannot fail for want of a network: no job needed.
    inline = True

    def __init__(self, threshold: float = 0.5, budget_seconds: float | None = 10.0) -> None:
        self.threshold = threshold
        self.budget_seconds = budget_seconds

    def load_models(self) -> None:
        """Load the word vectors and the sentence encoder now, not on the first article that needs them."""
        checkworthy.scores(["The council voted 7-2 on Monday."])
        duplicates.encoder()

    def provenance(self, task: str) -> Provenance:
        return Provenance(
            engine=self.name,
            model=f"rule-based v{RULES_VERSION}" + (f" + {wordvectors.MODEL} classifier" if task == "extract" else ""),
            prompt_name=f"offline/{task}",
            prompt_hash=rules_hash()[:16],
        )

    def extract(self, article: ArticleInput, *, fresh: bool = False) -> Extraction:
        found = extract(
            article.text, published=article.published, threshold=self.threshold, budget_seconds=self.budget_seconds
        )
        return Extraction(
            claims=found.claims, provenance=self.provenance("extract"), sentences=found.sentences, stopped=found.stopped
        )

    def checkworthiness(self, sentences: list[str]) -> list[float]:
        return checkworthy.scores(sentences)

    def pick_sources(
        self, claim: str, results: list[dict], *, ticket_id: int | None = None
    ) -> list[tuple[int, str]] | None:
        return None  # rules have no view of which result bears on a claim: the ranking decides

    def draft_many(self, claims: list[ClaimContext], *, fresh: bool = False) -> list[Drafts]:
        return [self.draft(c) for c in claims]

    def draft(self, claim: ClaimContext) -> Drafts:
        return Drafts(
            questions=drafting.questions(claim),
            sources=sourcing.sources(claim),
            provenance=self.provenance("draft"),
        )
