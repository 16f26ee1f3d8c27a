"""The scripted OpenAI-compatible server's fixtures, for the search that a model helps choose."""

from tests.llm.conftest import llm, llm_settings  # noqa: F401
