"""On a real news article from ../shared: exact quotes, no page chrome, attribution kept."""

from datetime import date

from factcheck.engines.base import ArticleInput
from factcheck.engines.offline import reactions
from factcheck.engines.offline.engine import OfflineEngine
from tests.helpers import shared_file


def test_venezuela_article_claims_are_exact_and_skip_the_page_tail(monkeypatch):
    text = shared_file("samples/venezuela_ultimatum.txt").read_text(encoding="utf-8")
    article = ArticleInput(text=text, published=date(2025, 11, 24))
    claims = OfflineEngine().extract(article).claims
    assert len(claims) >= 8
    for c in claims:
        assert text[c.start : c.end] == c.quote
        assert "Latest Stories" not in c.quote and "sidebar" not in c.quote
    herald = [c for c in claims if c.reported_by == "The Miami Herald"]
    assert herald and any(c.speaker and "anonymous" in c.speaker for c in herald)
    assert any("Nicolás Maduro" in c.claim and "the Venezuelan president" in c.quote for c in claims)
    # Trump's short lines on the call ("It was a phone call.") the reaction model reads as no claim; who said
    # them is the tracker's question all the same.
    assert not any(c.kind == "quote" and c.speaker != "Donald Trump" and "phone call." in c.claim for c in claims)
    monkeypatch.setattr(reactions, "is_reaction", lambda *_: False)
    unjudged = OfflineEngine().extract(article).claims
    assert any(c.speaker == "Donald Trump" and c.kind == "quote" for c in unjudged)
