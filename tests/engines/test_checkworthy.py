"""The check-worthiness model: bundled, offline, and the same whether sentences come one at a time or in a batch."""

import re

import pytest

from factcheck.engines.offline import checkworthy, embedding


def test_scores_are_probabilities_and_a_batch_scores_each_sentence_as_alone():
    sentences = ["The city fined the utility $350,000 in 2023.", "Thank you all for coming tonight.", ""]
    batch = checkworthy.scores(sentences)
    assert all(0.0 <= s <= 1.0 for s in batch)
    assert batch == pytest.approx([checkworthy.score(s) for s in sentences], abs=1e-6)
    assert checkworthy.scores([]) == []


def test_checkable_assertions_outrank_opinion_chrome_and_anecdote():
    checkable = ["The governor vetoed the bill on Friday.", "Unemployment fell to 3.5 percent in 2019.",
                 "She voted against the budget twice."]
    not_checkable = ["I think we can do better.", "Sign up for our newsletter.", "What happens next?",
                     "She smiled and waved to the crowd."]
    assert min(checkworthy.scores(checkable)) > max(checkworthy.scores(not_checkable))


def test_the_word_vectors_ship_with_the_package_and_never_touch_the_network(monkeypatch):
    import requests

    def no_network(*args, **kwargs):
        raise AssertionError("the offline engine tried to download something")

    monkeypatch.setattr(requests, "get", no_network)
    embedding._model.cache_clear()
    try:
        vectors = embedding.embed(["The dam was built in 1936."])
    finally:
        embedding._model.cache_clear()
    assert vectors.shape == (1, embedding.DIMENSIONS)


def test_case_insensitive_patterns_are_written_in_lower_case():
    # They run on the lowercased sentence; a capital letter in one would never match.
    for name, rx in checkworthy._LOWERCASE.items():
        assert not re.search(r"(?<!\\)[A-Z]", rx.pattern), name
