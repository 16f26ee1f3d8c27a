"""An article written to hurt is read in bounded time, the desk keeps answering while it is, and
an article that would take too long is read as far as the time budget allows, saying so."""

from __future__ import annotations

import threading
import time

import httpx

from factcheck.articles import service as articles
from factcheck.auth.permissions import CONSOLE
from factcheck.engines.base import ArticleInput
from factcheck.engines.offline import extract as offline_extract
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.flows import ingest as flows_ingest
from tests.factories import make_token, make_user
from tests.helpers import login
from tests.hostile.articles import adversarial_article


def test_the_sentence_that_froze_the_desk_is_read_at_once():
    engine = OfflineEngine()
    engine.extract(ArticleInput(text="The council met on Monday."))  # load models first: time only the reading
    began = time.perf_counter()
    engine.extract(ArticleInput(text="A-" * 40 + "A x said that the council met."))
    # Exponential before (5.4 s at 22 pairs, × 4 for each two more characters); now a few ms.
    assert time.perf_counter() - began < 0.5


def test_an_article_of_adversarial_separators_is_read_whole_within_seconds():
    text = adversarial_article()
    assert len(text) > 150_000
    engine = OfflineEngine()
    engine.load_models()
    began = time.perf_counter()
    found = engine.extract(ArticleInput(text=text))
    took = time.perf_counter() - began
    assert found.stopped is None and found.sentences > 500
    # About 1.6 s on a quiet 2-core machine, where a pattern that scanned quadratically took minutes: the
    # bound leaves room for a busy CI runner (2.3 s once while other tests ran beside it).
    assert took < 5.0, f"{took:.2f} s"


def test_the_desk_answers_health_checks_while_it_reads_a_hostile_article(live_desk, session):
    token = make_token(session, make_user(session, "rita", "reviewer"))
    text = adversarial_article()
    worst, done = 0.0, threading.Event()
    answered: list[int] = []

    def ingest():
        with httpx.Client(base_url=live_desk, timeout=60) as c:
            answered.append(
                c.post(
                    "/api/v1/articles", json={"text": text}, headers={"Authorization": f"Bearer {token}"}
                ).status_code
            )
        done.set()

    threading.Thread(target=ingest, daemon=True).start()
    with httpx.Client(base_url=live_desk, timeout=10) as c:
        checks = 0
        while not done.is_set():
            began = time.perf_counter()
            assert c.get("/healthz").status_code == 200
            worst = max(worst, time.perf_counter() - began)
            checks += 1
            time.sleep(0.02)
    assert answered == [201]
    assert checks >= 5  # the article took long enough for health checks to overlap it
    # Far below the seconds the article takes: health is never queued behind it. (0.5 s was crossed
    # once, by 9 ms, with two test suites sharing two cores.)
    assert worst < 1.0, f"/healthz took {worst:.2f} s while the article was read"


def test_an_article_that_outlasts_the_budget_is_read_in_part_and_the_page_says_so(
    client, session, settings, monkeypatch
):
    real = offline_extract.attribute

    def slow(sentence: str):
        time.sleep(0.01)
        return real(sentence)

    monkeypatch.setattr(offline_extract, "attribute", slow)
    text = "\n\n".join(
        f"The council approved contract number {i} for $1.{i} million on March 3, 2025." for i in range(100)
    )
    engine = OfflineEngine(budget_seconds=0.2)
    result = flows_ingest.ingest(
        session, engine=engine, settings=settings, actor=CONSOLE, req=articles.IngestRequest(text=text)
    )
    session.commit()
    assert 0 < len(result.tickets) < 100  # what was read before the budget ran out became tickets

    make_user(session, "ed", "editor")
    login(client, "ed")
    page = client.get(f"/articles/{result.article.id}")
    assert "Stopped after 0.2 s, having read" in page.text and "of 100 sentences" in page.text
    twin = client.get(f"/api/v1/articles/{result.article.id}").json()
    assert twin["extraction_stopped"].startswith("Stopped after 0.2 s")
