"""The same claim twice in one article is one ticket; claims that only look alike stay two (issue 29)."""

from datetime import date

import pytest

from factcheck.encoders import minilm
from factcheck.engines.base import ArticleInput
from factcheck.engines.offline.engine import OfflineEngine


def tickets(*paragraphs: str):
    text = "\n\n".join(paragraphs)
    return OfflineEngine().extract(ArticleInput(text=text, published=date(2025, 10, 17))).claims


def test_a_claim_repeated_word_for_word_is_one_ticket():
    claims = tickets(
        "The ferry service carried 1.2 million passengers in 2024, a record for the route.",
        "Harbour officials opened a new terminal in March at a cost of 240 million euros.",
        "The ferry service carried 1.2 million passengers in 2024, a record for the route.",
    )
    assert sum("1.2 million passengers" in c.quote for c in claims) == 1


@pytest.mark.skipif(not minilm.available(), reason="the sentence encoder is not installed (scripts/install)")
def test_a_claim_restated_in_other_words_is_one_ticket():
    claims = tickets(
        "Doctors at the hospital have written up 14 cases of liver injury linked to turmeric supplements in a "
        "report published in a gastroenterology journal.",
        "The regulator said it had received 23 reports about turmeric products since 2020.",
        "Doctors have now recorded 14 cases of liver injury linked to turmeric supplements, and expect more.",
    )
    liver = [c for c in claims if "14 cases of liver injury" in c.quote]
    assert len(liver) == 1 and liver[0].quote.startswith("Doctors at the hospital")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Alike in words, different in figures.
        (
            "The regulator received 23 reports about turmeric products in 2024.",
            "The regulator received 41 reports about turmeric products in 2025.",
        ),
        # One denies what the other asserts.
        (
            "The council approved the $2.4 billion budget after a session that ran past midnight.",
            "The council has not approved the $2.4 billion budget after a session that ran past midnight.",
        ),
        # Said by two people: two claims to check, whoever is right.
        (
            "Mayor Lucia Ferrante said the city underspent its road budget by $21 million in 2024.",
            "Councilman Derek Osei said the city underspent its road budget by $21 million in 2024.",
        ),
    ],
)
def test_claims_that_only_look_alike_stay_two_tickets(first, second):
    claims = tickets(first, second)
    assert any(first[:40] in c.quote for c in claims) and any(second[:40] in c.quote for c in claims)
