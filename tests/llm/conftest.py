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
    return settings.model_copy(
        update={
            "engine": "openai",
            "llm_base_url": llm.base_url,
            "llm_model": "scripted-model",
            "llm_max_retries": 2,
            "llm_timeout": 2.0,
            "llm_chunk_sentences": 4,
        }
    )


@pytest.fixture
def llm_engine(llm_settings, db):
    return OpenAIEngine(llm_settings, DatabaseStore(db))


def drain(session, engine, *, once: bool = True) -> int:
    """Run the drafting jobs that are ready, as a worker would, with no waits between tries.

    ``once``: each ready job is tried once (a job waiting on a failing endpoint stays queued), and
    an answer that fails validation fails the job at once, so the engine's own retries and repair
    turns are what a test sees.
    """
    from sqlmodel import func, select

    from factcheck.flows.tasks import registry
    from factcheck.jobs.worker import Worker
    from factcheck.models import Job

    ready = session.exec(select(func.count()).select_from(Job).where(Job.status == "queued")).one()
    session.commit()
    worker = Worker(session.get_bind(), registry(engine), max_attempts=1, backoff_start=0)
    done = worker.run_until_idle(limit=ready if once else None)
    session.expire_all()
    return done
