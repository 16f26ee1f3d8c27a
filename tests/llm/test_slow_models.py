"""Slow local models and the servers that run them: a call is given up when the model stops
writing, never while it writes; what it writes is shown while it writes; llama.cpp's grammar
dialect is found and remembered at the first refusal; a request too long for the model is made
smaller; a server that serves one request at a time is sent one; an endpoint that comes back is
noticed at once; and what a job said it waited for is cleared when it runs again."""

from __future__ import annotations

import threading
import time

import pytest
from sqlmodel import Session, select

from factcheck.articles import pages
from factcheck.articles import service as articles
from factcheck.auth.permissions import CONSOLE
from factcheck.devtools.scripted_llm import Fault, draft_answer
from factcheck.engines.base import EngineError
from factcheck.engines.llm import stream, usage
from factcheck.engines.llm.engine import OpenAIEngine
from factcheck.engines.llm.store import DatabaseStore
from factcheck.flows import ingest as flows_ingest
from factcheck.flows.tasks import registry
from factcheck.jobs.worker import Worker
from factcheck.models import Article, Job, LlmCall, LlmEndpoint, Ticket
from tests.llm.conftest import drain
from tests.llm.test_endpoint_habits import _context, ingest_and_drain

ARTICLE = """Harbour council adds ferries

The Lakeport Harbour Authority voted 5-2 on Tuesday to add three evening ferry crossings from March 1, 2026.

Board chair Ines Baptiste said the extra crossings would cost about $1.2 million a year.

Ridership on the harbour line rose 18 percent in 2025, according to the authority's annual report.
"""

LLAMA_CPP_PYTHON_REFUSAL = (
    "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
    "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}"
)


def engine_with(db, settings, **changes) -> OpenAIEngine:
    return OpenAIEngine(settings.model_copy(update=changes), DatabaseStore(db))


def ingest_only(session, settings, engine, text=ARTICLE) -> Article:
    result = flows_ingest.ingest(
        session, engine=engine, settings=settings, req=articles.IngestRequest(text=text), actor=CONSOLE
    )
    session.commit()
    return result.article


def test_a_model_that_stops_writing_is_given_up_and_waited_for(session, llm_settings, db, llm):
    llm.script.faults.append(Fault("stall", delay=1.5, task="draft"))
    engine = engine_with(db, llm_settings, llm_stall_seconds=0.4)
    with pytest.raises(EngineError) as raised:
        engine.draft(_context(), fresh=True)
    assert "stopped writing for 0.4 s" in str(raised.value) and raised.value.transient
    [call] = session.exec(select(LlmCall)).all()
    assert call.outcome == "stalled" and call.tokens_out > 0


def test_a_slow_model_that_keeps_writing_is_never_cut_off(session, llm_settings, db, llm):
    llm.script.token_delay = 0.02  # about 100 chunks: longer than the stall limit, in small steps
    engine = engine_with(db, llm_settings, llm_stall_seconds=0.3, llm_timeout=20.0)
    started = time.monotonic()
    drafts = engine.draft(_context(), fresh=True)
    assert time.monotonic() - started > 0.3 * 3 and drafts.questions
    assert session.exec(select(LlmCall.outcome)).all() == ["ok"]


def test_what_the_model_writes_is_shown_while_it_writes(session, llm_settings, db, llm, monkeypatch):
    monkeypatch.setattr(stream, "PROGRESS_EVERY", 0.2)
    llm.script.token_delay = 0.03
    engine = engine_with(db, llm_settings, llm_timeout=20.0)
    context = _context(ticket_id=7)
    seen = []
    worker = threading.Thread(target=lambda: engine.draft(context, fresh=True))
    worker.start()
    while worker.is_alive():
        with Session(db) as s:
            now = usage.writing(s, ticket_id=context.ticket_id)
        if now:
            seen.append(now["tokens"])
        time.sleep(0.1)
    worker.join()
    assert seen and max(seen) > 0  # tokens counted while it wrote
    with Session(db) as s:
        assert usage.writing(s, ticket_id=context.ticket_id) is None  # and no longer once done
        assert s.exec(select(LlmCall.outcome)).all() == ["ok"]


def test_llama_cpp_pythons_grammar_dialect_is_found_at_its_first_refusal_and_kept_bounded(
    session, llm_settings, db, llm
):
    llm.script.accepts = {"grammar", "json_object", "text", None}
    llm.script.refusal_status, llm.script.refusal_message = 500, LLAMA_CPP_PYTHON_REFUSAL
    article = ingest_and_drain(session, llm_settings, engine_with(db, llm_settings), text=ARTICLE)
    assert {t.drafting_status for t in session.exec(select(Ticket))} == {"done"} and article
    assert session.exec(select(LlmEndpoint)).one().mode == "grammar"
    sent = [r.get("response_format") or {} for r in llm.script.requests]
    assert [f.get("type") for f in sent].count("json_schema") == 1  # refused once, never sent again
    extraction = next(f["schema"] for f in sent if f.get("type") == "json_object" and "sentences" in str(f))
    questions = next(f["schema"] for f in sent if f.get("type") == "json_object" and "questions" in str(f))
    assert questions["properties"]["questions"]["maxItems"] == 8  # a grammar must end every list
    assert "maxLength" not in str(questions)  # spelt out as nested characters, it breaks the grammar
    asked = extraction["properties"]["sentences"]
    assert asked["minItems"] == asked["maxItems"] >= 1  # one entry per sentence asked about
    [failed] = session.exec(select(LlmCall).where(LlmCall.outcome == "error")).all()
    assert "Input should be 'text' or 'json_object'" in failed.detail and "\\n" not in failed.detail


def test_a_request_over_the_context_window_is_split_not_taken_for_a_format_refusal(session, llm_settings, db, llm):
    too_long = "This model's maximum context length is 512 tokens. However, you requested 5024 tokens."
    llm.script.faults.append(Fault("status", status=400, body=too_long, task="extract"))
    ingest_and_drain(session, llm_settings, engine_with(db, llm_settings), text=ARTICLE)
    assert session.exec(select(Article)).one().extraction_status == "done"
    assert session.exec(select(Ticket)).all()
    assert session.exec(select(LlmEndpoint)).one().mode == "json_schema"  # not taken for a refusal
    extracts = [r for r in llm.script.requests if "Claimify" in r["messages"][0]["content"]]
    assert len(extracts) == 3  # the whole, refused; then its two halves


def test_an_answer_cut_off_at_its_limit_is_asked_again_in_halves(session, llm_settings, db, llm):
    llm.script.faults.append(Fault("length", task="extract"))
    ingest_and_drain(session, llm_settings, engine_with(db, llm_settings), text=ARTICLE)
    assert session.exec(select(Article)).one().extraction_status == "done"
    quotes = {t.quote for t in session.exec(select(Ticket))}
    assert any("5-2" in q for q in quotes) and any("18 percent" in q for q in quotes)
    budgets = [r["max_tokens"] for r in llm.script.requests if "Claimify" in r["messages"][0]["content"]]
    assert budgets[0] > max(budgets[1:]) and all(b <= 1000 for b in budgets)  # sized to the task


def test_a_server_that_serves_one_request_at_a_time_is_sent_one(session, llm_settings, db, llm):
    llm.script.interrupts, llm.script.token_delay = True, 0.01
    engine = engine_with(db, llm_settings, llm_concurrency=4, llm_timeout=20.0)
    engine.draft(_context(), fresh=True)  # the first call learns the format; then calls go out side by side
    # Answers wait until two requests are open at once, so the second cuts off the first however busy the machine
    # (on a loaded CI run the three could otherwise go out one after another and never overlap).
    llm.script.gather = 2
    results = engine.draft_many([_context(claim=f"The council voted 7-2 on item {n}.") for n in range(3)], fresh=True)
    assert engine.llm.pacing.parallel == 1
    assert session.exec(select(LlmEndpoint.parallel)).one() == 1  # remembered for every worker
    cut = session.exec(select(LlmCall).where(LlmCall.outcome == "interrupted")).all()
    assert cut and all(r.transient for r in results if isinstance(r, Exception))
    again = engine_with(db, llm_settings, llm_concurrency=4)
    assert again.llm.pacing.parallel == 1


def test_an_endpoint_that_answers_again_is_noticed_at_the_next_probe(session, llm_settings, db, llm):
    llm.script.faults.append(Fault("status", status=503, retry_after=300, task="extract"))
    engine = engine_with(db, llm_settings)
    ingest_only(session, llm_settings, engine)
    drain(session, engine)
    job = session.exec(select(Job).where(Job.kind == "extract")).one()
    assert (
        job.status == "queued"
        and "waiting for the model endpoint" in session.exec(select(Article)).one().extraction_error
    )
    worker = Worker(db, registry(engine, llm_settings), max_attempts=1, backoff_start=0)
    started = time.monotonic()
    assert worker.probe_once() == 1  # the endpoint answers GET /models again
    assert time.monotonic() - started < 5
    worker.run_until_idle()
    session.expire_all()
    article = session.exec(select(Article)).one()
    assert article.extraction_status == "done" and article.extraction_error is None


def test_a_waiting_message_is_cleared_the_moment_the_job_runs_again(session, llm_settings, db, llm):
    llm.script.faults.append(Fault("status", status=503, task="extract"))
    engine = engine_with(db, llm_settings)
    ingest_only(session, llm_settings, engine)
    drain(session, engine)
    assert session.exec(select(Article)).one().extraction_error.startswith("waiting for the model endpoint")
    llm.script.faults.append(Fault("slow", delay=1.0, task="extract"))
    worker = Worker(db, registry(engine, llm_settings), max_attempts=1, backoff_start=0)
    with Session(db) as s:
        for job in s.exec(select(Job)):
            job.run_after = job.created_at
            s.add(job)
        s.commit()
    runner = threading.Thread(target=worker.run_until_idle)
    runner.start()
    time.sleep(0.5)  # the model is answering
    with Session(db) as s:
        assert s.exec(select(Article)).one().extraction_error is None
    runner.join()


def test_a_draft_keeps_its_valid_questions_when_fewer_than_asked_are_usable(session, llm_settings, db, llm):
    def answer(body):
        out = draft_answer(body)
        out["questions"][0]["question"] = "Did he say it?"  # a pronoun: not self-contained
        return out

    llm.script.answers["draft"] = answer
    drafts = engine_with(db, llm_settings).draft(_context(), fresh=True)
    assert len(drafts.questions) == 2 and drafts.sources
    assert any("pronoun 'he'" in d for d in drafts.dropped) and any(
        "only 2 usable questions" in d for d in drafts.dropped
    )
    assert len(llm.script.requests) == 1  # kept as it is: no repair turn for what is usable


def test_model_time_never_exceeds_the_time_that_passed(session, llm_settings, db, llm):
    llm.script.delay = 0.2
    article = ingest_and_drain(session, llm_settings, engine_with(db, llm_settings, llm_concurrency=8), text=ARTICLE)
    figures = pages.detail(session, article.id).usage
    assert figures.calls >= 4 and figures.model_seconds <= figures.wall_seconds + 0.01


def test_a_server_that_refuses_stream_options_is_asked_without_them(session, llm_settings, db, llm):
    refusal = "Unrecognized request argument supplied: stream_options"
    llm.script.faults.append(Fault("status", status=400, body=refusal, task="draft"))
    engine = engine_with(db, llm_settings)
    assert engine.draft(_context(), fresh=True).questions
    drafts = [r for r in llm.script.requests if "verification questions" in r["messages"][0]["content"]]
    assert "stream_options" in drafts[0] and "stream_options" not in drafts[-1]
    engine.draft(_context(claim="The council voted 6-3 on the budget."), fresh=True)
    assert "stream_options" not in llm.script.requests[-1]  # remembered
