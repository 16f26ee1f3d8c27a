"""Engines, search connectors and encoders are chosen by name from one registry each."""

from __future__ import annotations

import typing

import numpy as np
import pytest

from factcheck import encoders
from factcheck.core.config import Settings
from factcheck.engines import ENGINES, get_engine
from factcheck.search import connectors


def test_every_engine_the_settings_accept_is_registered_and_no_other():
    accepted = typing.get_args(typing.get_args(Settings.model_fields["engine"].annotation)[0])
    assert set(accepted) == set(ENGINES)


def test_the_offline_engine_is_the_default_without_a_model(tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path}/x.db", llm_base_url=None, llm_api_key=None)
    assert get_engine(settings).name == "offline"


def test_connectors_are_found_by_their_configured_names_and_an_unknown_one_is_named(tmp_path):
    settings = Settings(
        database_url=f"sqlite:///{tmp_path}/x.db", search_connectors="Wikipedia, searxng", searxng_url="http://s.test"
    )
    assert [c.name for c in connectors.external(settings)] == ["wikipedia", "searxng"]
    with pytest.raises(connectors.ConnectorError, match="choose among factchecktools, searxng, wikipedia"):
        connectors.external(settings.model_copy(update={"search_connectors": "bing"}))


def test_an_encoder_gives_unit_rows_and_zeros_for_nothing():
    encoder = encoders.get("wordllama")
    vectors = encoder.encode(["The dam was built in 1936.", ""])
    assert vectors.shape == (2, encoder.dimensions) and vectors.dtype == np.float32
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0) and not vectors[1].any()
    with pytest.raises(KeyError, match="wordllama"):
        encoders.get("no-such-encoder")
