"""An OpenAI-compatible scripted server on 127.0.0.1 and settings that point factcheck at it."""

import pytest

from factcheck.devtools.scripted_llm import Script, ScriptedServer
from factcheck.engines.llm.engine import OpenAIEngine
from factcheck.engines.llm.store import DatabaseStore


@pytest.fixture
def llm():
    with ScriptedServer(Script()) as server:
        yield server


@pytest.fixture
def llm_settings(settings, llm):
    return settings.model_copy(update={
        "engine": "openai", "llm_base_url": llm.base_url, "llm_model": "scripted-model",
        "llm_max_retries": 2, "llm_timeout": 2.0, "llm_chunk_sentences": 4,
    })


@pytest.fixture
def llm_engine(llm_settings, db):
    return OpenAIEngine(llm_settings, DatabaseStore(db))
