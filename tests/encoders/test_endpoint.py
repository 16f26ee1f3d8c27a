"""The embeddings endpoint encoder: the real openai client over HTTP against the scripted
OpenAI-compatible server; its answers are untrusted, its faults handled as the chat path's are;
a desk configured with it encodes, keeps and matches claims, and waits out an endpoint that is down."""

from __future__ import annotations

import numpy as np
import pytest
from sqlmodel import select

from factcheck import encoders
from factcheck.devtools.scripted_llm import Fault, Script, ScriptedServer
from factcheck.devtools.scripted_wire import embedding
from factcheck.encoders.endpoint import BATCH, EncoderError, EndpointEncoder
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.flows.tasks import registry
from factcheck.jobs.worker import Worker
from factcheck.matching import service as matching
from factcheck.matching import vectors
from factcheck.models import ClaimMatch, ClaimVector, Job, Ticket
from tests.factories import ingest

FIRST = """Harbour ferry fares go up

The Lakeport Harbour Authority raised the adult ferry fare to $4.50 on June 1, 2025, its first increase since 2016.
"""
SECOND = """Ferry riders pay more

The adult ferry fare was raised to $4.50 by the Lakeport Harbour Authority on June 1, 2025, its first increase since 2016.
"""


@pytest.fixture
def server():
    with ScriptedServer(Script()) as running:
        yield running


def encoder_at(server: ScriptedServer, timeout: float = 5.0) -> EndpointEncoder:
    return EndpointEncoder(server.base_url, None, "scripted-embed", timeout=timeout)


def test_vectors_come_back_unit_length_in_the_order_asked_across_batches(server):
    texts = [f"Claim number {n} about the harbour ferry" for n in range(BATCH + 5)] + ["", "  "]
    got = encoder_at(server).encode(texts)
    assert got.shape == (len(texts), 64) and got.dtype == np.float32
    expected = np.array([embedding(t) for t in texts[:-2]], dtype=np.float64)
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    assert np.allclose(got[:-2], expected, atol=1e-6)
    assert not got[-2:].any()  # nothing to encode: no direction
    assert [len(r["input"]) for r in server.script.requests] == [BATCH, 7]


def test_the_vector_length_is_learned_from_the_endpoint(server):
    encoder = encoder_at(server)
    assert encoder.dimensions == 64
    assert encoder.name == "endpoint scripted-embed"


@pytest.mark.parametrize(
    ("fault", "transient", "words"),
    [
        (Fault("status", status=503, retry_after=7, task="embed"), True, "HTTP 503"),
        (Fault("status", status=429, task="embed"), True, "HTTP 429"),
        (Fault("status", status=400, task="embed"), False, "HTTP 400: scripted 400"),
        (Fault("slow", delay=2.0, task="embed"), True, "did not answer within 0.5 s"),
    ],
)
def test_endpoint_faults_are_told_apart_as_the_chat_path_does(server, fault, transient, words):
    server.script.faults.append(fault)
    with pytest.raises(EncoderError) as raised:
        encoder_at(server, timeout=0.5).encode(["The ferry fare rose to $4.50."])
    assert raised.value.transient is transient and words in raised.value.message
    if fault.retry_after:
        assert raised.value.retry_after == 7


def test_an_unreachable_endpoint_is_a_fault_to_wait_out():
    encoder = EndpointEncoder("http://127.0.0.1:9/v1", None, "scripted-embed", timeout=1.0)
    with pytest.raises(EncoderError, match="cannot reach the embedding endpoint") as raised:
        encoder.encode(["The ferry fare rose to $4.50."])
    assert raised.value.transient


@pytest.mark.parametrize(
    ("broken", "words"),
    [
        (lambda data: data[:-1], "answered 1 vectors for 2 texts"),
        (lambda data: [{**d, "index": 0} for d in data], "numbers its vectors wrongly"),
        (lambda data: [{**d, "embedding": ["x"] * 64} for d in data], "not lists of numbers"),
        (lambda data: [{**d, "embedding": d["embedding"][: 64 - n]} for n, d in enumerate(data)], "one length"),
        (lambda data: [{**d, "embedding": [float("nan")] * 64} for d in data], "finite numbers"),
    ],
)
def test_an_answer_that_is_not_one_finite_vector_per_text_is_refused(server, broken, words):
    server.script.faults.append(Fault("custom", body=broken, task="embed"))
    with pytest.raises(EncoderError, match=words):
        encoder_at(server).encode(["The ferry fare rose to $4.50.", "Fares last rose in 2016."])


def test_a_model_changed_behind_the_same_name_is_noticed(server):
    encoder = encoder_at(server)
    encoder.encode(["The ferry fare rose to $4.50."])
    server.script.faults.append(
        Fault("custom", body=lambda data: [{**d, "embedding": d["embedding"] * 2} for d in data], task="embed")
    )
    with pytest.raises(EncoderError, match="128 numbers, earlier of 64"):
        encoder.encode(["Fares last rose in 2016."])


@pytest.fixture
def endpoint_settings(settings, server):
    return settings.model_copy(
        update={"encoder": "endpoint", "embedding_base_url": server.base_url, "embedding_model": "scripted-embed"}
    )


def run_embed_jobs(session, settings) -> None:
    session.commit()
    Worker(session.get_bind(), registry(OfflineEngine(), settings), max_attempts=1, backoff_start=0).run_until_idle()
    session.expire_all()


def test_a_desk_on_an_embedding_endpoint_keeps_each_claims_vector_once_and_matches_with_it(session, endpoint_settings):
    ingest(session, endpoint_settings, text=FIRST)
    ingest(session, endpoint_settings, text=SECOND)
    kept = session.exec(select(ClaimVector)).all()
    assert {v.model for v in kept} == {"endpoint scripted-embed"}
    assert len(kept) == len({(v.kind, v.subject_id) for v in kept}) == len(session.exec(select(Ticket)).all())
    [match] = session.exec(select(ClaimMatch)).all()
    assert match.method == "offline bm25+endpoint scripted-embed v2"
    assert encoders.get("endpoint", endpoint_settings) is encoders.get("endpoint", endpoint_settings)


def test_claims_made_while_the_endpoint_is_down_are_encoded_and_matched_once_it_is_back(
    session, endpoint_settings, server
):
    ingest(session, endpoint_settings, text=FIRST)
    server.script.faults.append(Fault("status", status=503, task="embed"))
    ingest(session, endpoint_settings, text=SECOND)  # the article is taken all the same
    later = session.exec(select(Ticket).where(Ticket.quote.contains("was raised to"))).one()
    assert matching.for_ticket(session, later.id) == []
    assert session.exec(select(Job).where(Job.kind == "embed", Job.status == "queued")).first()
    assert vectors.missing(session, "endpoint scripted-embed", 10)

    run_embed_jobs(session, endpoint_settings)

    assert not vectors.missing(session, "endpoint scripted-embed", 10)
    [found] = matching.for_ticket(session, later.id)
    assert found.earlier and "Lakeport Harbour Authority raised" in found.claim
