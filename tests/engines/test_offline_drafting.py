"""Offline drafts are specific to their claim, name their sources, and say they are rule-based."""

from factcheck.engines.base import ClaimContext
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.models import ClaimKind


def draft(**kw):
    ctx = ClaimContext(**{"quote": kw.get("claim", ""), "context": "", "speaker": None, "reported_by": None,
                          "kind": ClaimKind.statement, **kw})
    return OfflineEngine().draft(ctx)


def test_reported_quantity_claim_gets_figure_source_and_outlet_questions():
    d = draft(claim="According to The Miami Herald, the port handled 1.2 million containers in 2024.",
              kind=ClaimKind.quantity, reported_by="The Miami Herald")
    texts = [q.text for q in d.questions]
    assert 2 <= len(texts) <= 5
    assert any("1.2 million containers" in t for t in texts)
    assert any("original source" in t for t in texts)
    assert any("The Miami Herald" in t for t in texts)
    kinds = {s.source_kind for s in d.sources}
    assert {"original report", "data set"} <= kinds
    herald = next(s for s in d.sources if s.source_kind == "original report")
    assert herald.search_query.startswith("site:miamiherald.com")
    assert all(s.search_query for s in d.sources)


def test_quote_claims_ask_for_the_recording_and_cite_the_speaker():
    d = draft(claim="Ines Okafor said: “We moved more cargo than ever.”", kind=ClaimKind.quote,
              speaker="Ines Okafor")
    assert "Did Ines Okafor say “We moved more cargo than ever.”" in d.questions[0].text
    assert any(s.source_kind == "primary record" and "Ines Okafor" in s.search_query for s in d.sources)


def test_anonymous_sources_prompt_a_request_for_on_the_record_confirmation():
    d = draft(claim="According to the Gazette, citing unnamed officials, the port will hire 300 workers.",
              speaker="unnamed officials", reported_by="the Gazette")
    assert any("named official or document" in q.text for q in d.questions)


def test_provenance_says_the_drafts_are_rule_based():
    d = draft(claim="The council voted 7-2 on March 3, 2025.")
    assert d.provenance.engine == "offline"
    assert d.provenance.model.startswith("rule-based")
    assert len(d.provenance.prompt_hash) == 16


def test_every_claim_has_a_primary_record_to_settle_it():
    d = draft(claim="The council voted 7-2 on March 3, 2025.")
    assert any(s.source_kind == "primary record" for s in d.sources)


def test_a_vote_tally_is_one_figure():
    d = draft(claim="The council voted 7-2 to raise rates by 12 percent.", kind=ClaimKind.quantity)
    texts = " ".join(q.text for q in d.questions)
    assert "“7-2”" in texts and "“12 percent”" in texts
    assert "“7”" not in texts


def test_search_queries_do_not_repeat_a_figure_word():
    d = draft(claim="The city spent $4 million on road repairs in 2024.", kind=ClaimKind.quantity)
    for source in d.sources:
        assert source.search_query.count("million") == 1, source.search_query
