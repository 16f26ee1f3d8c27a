"""Offline drafts are specific to their claim, name their sources, and say they are rule-based."""

import re

import pytest

from factcheck.engines.base import ClaimContext
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.models import ClaimKind


def draft(**kw):
    ctx = ClaimContext(
        **{
            "quote": kw.get("claim", ""),
            "context": "",
            "speaker": None,
            "reported_by": None,
            "kind": ClaimKind.statement,
            **kw,
        }
    )
    return OfflineEngine().draft(ctx)


def test_reported_quantity_claim_gets_figure_source_and_outlet_questions():
    d = draft(
        claim="According to The Miami Herald, the port handled 1.2 million containers in 2024.",
        kind=ClaimKind.quantity,
        reported_by="The Miami Herald",
    )
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
    d = draft(claim="Ines Okafor said: “We moved more cargo than ever.”", kind=ClaimKind.quote, speaker="Ines Okafor")
    assert "Did Ines Okafor say “We moved more cargo than ever.”" in d.questions[0].text
    assert any(s.source_kind == "primary record" and "Ines Okafor" in s.search_query for s in d.sources)


def test_anonymous_sources_prompt_a_request_for_on_the_record_confirmation():
    d = draft(
        claim="According to the Gazette, citing unnamed officials, the port will hire 300 workers.",
        speaker="unnamed officials",
        reported_by="the Gazette",
    )
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


# Each type of claim points at the record that settles it, with a query a person would type.
@pytest.mark.parametrize(
    "claim, record",
    [
        ("The county paid Brightline Paving $2.4 million under a no-bid contract in 2024.", "procurement records"),
        ("The Riverton City Council voted 6-3 on March 3, 2025 to raise water rates.", "minutes or roll call"),
        ("The state audit found that the agency could not account for $11 million in grants.", "audit report"),
        ("A study in The Lancet found that the vaccine cut hospital admissions by 40 percent.", "study itself"),
        (
            "Unemployment in Ohio fell to 3.9 percent in October, according to the Bureau of Labor Statistics.",
            "Bureau of Labor Statistics's published data",
        ),
        ("A federal judge ruled on Tuesday that the county's map violated the Voting Rights Act.", "court filings"),
    ],
)
def test_sources_name_the_record_that_settles_the_type_of_claim(claim, record):
    d = draft(claim=claim)
    assert any(record in s.name for s in d.sources), [s.name for s in d.sources]


def test_search_queries_are_short_keywords_not_phrases_or_filler():
    for claim in [
        "The county paid Brightline Paving $2.4 million under a no-bid contract in 2024.",
        "Ines Okafor said: “We moved more cargo than ever before in the port's long history.”",
    ]:
        for source in draft(claim=claim, speaker="Ines Okafor" if "Okafor" in claim else None).sources:
            query = source.search_query
            assert " OR " not in query and "document" not in query, query
            assert len(query.split()) <= 12, query
            quoted = re.findall(r'"([^"]+)"', query)
            assert all(len(q.split()) <= 4 for q in quoted), query  # a name, never a sentence


def test_a_claim_that_refers_back_names_no_actor_to_ask():
    d = draft(claim="One of them said the mayor knew about the overruns in June.")
    assert not any(q.text.startswith("Has One") for q in d.questions)
    d = draft(claim="Its vice chair, Dana Whitlock, resigned in May.")
    assert not any(q.text.startswith("Has Its") for q in d.questions)


@pytest.mark.parametrize(
    ("claim", "reported_by", "never"),
    [
        # From working the desk on real news: each of these was drafted once.
        ("A new report found that rents rose 9 percent in 2024.", "a new report", "Did A new report"),
        ("Covid-19 cases rose 40 percent in March, hospital data show.", None, "Has Covid-19"),
        ("Shops in the city closed early for Chinese New Year on Saturday.", None, "from Chinese New Year"),
        ("Major train stations will close on Sunday for engineering work.", None, "that Major"),
    ],
)
def test_offline_questions_are_grammatical_and_name_only_real_actors(claim, reported_by, never):
    ctx = ClaimContext(
        claim=claim, quote=claim, kind=ClaimKind.quantity, speaker=None, reported_by=reported_by, context=claim
    )
    d = OfflineEngine().draft(ctx)
    said = [q.text for q in d.questions[1:]] + [s.name for s in d.sources]  # the first quotes the claim
    assert not any(never in text or "Has Chinese" in text for text in said), said
    assert d.questions[0].text == f"Is this accurate: “{claim.rstrip('.')}”?"


def test_a_named_organisation_is_asked_as_the_text_names_it():
    claim = "The Port Authority handled 1.2 million containers in 2024, up 8 percent."
    ctx = ClaimContext(
        claim=claim, quote=claim, kind=ClaimKind.quantity, speaker=None, reported_by="a new report", context=claim
    )
    texts = [q.text for q in OfflineEngine().draft(ctx).questions]
    assert "Has the Port Authority confirmed or denied this on the record?" in texts
    assert "What exactly does the new report say about this, and what does it cite?" in texts
