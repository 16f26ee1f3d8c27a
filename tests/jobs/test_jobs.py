"""Jobs (finding claims, drafting): done exactly once by any number of workers, never lost when one dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from factcheck.articles import service as articles
from factcheck.auth.permissions import CONSOLE
from factcheck.drafts.service import claim_context
from factcheck.flows import ingest as flows_ingest
from factcheck.flows.tasks import registry
from factcheck.jobs import service as jobs
from factcheck.jobs.worker import Worker
from factcheck.models import Article, DraftItem, Event, Job, Ticket
from factcheck.tickets.states import StaleVersion, transition
from factcheck.tickets.tally import counts_by_state
from tests.factories import ARTICLE, make_user
from tests.jobs.engines import QueuedOffline

ROOT = Path(__file__).resolve().parents[2]


def queue_articles(session, settings, n_articles: int) -> list[Article]:
    """Ingest distinct articles as a model engine would: stored, each with an extraction job waiting."""
    engine = QueuedOffline()
    made = []
    for i in range(n_articles):
        text = ARTICLE.replace("214", str(300 + i)).replace("12 percent", f"{i + 2} percent")
        result = flows_ingest.ingest(
            session, engine=engine, settings=settings, req=articles.IngestRequest(text=text), actor=CONSOLE
        )
        assert result.created and result.tickets == [] and result.article.extraction_status == "pending"
        made.append(result.article)
    session.commit()
    return made


def queue_tickets(session, settings, n_articles: int, db) -> list[Ticket]:
    """Articles whose claims were found; their tickets, each with one drafting job waiting."""
    made = queue_articles(session, settings, n_articles)
    # The extraction jobs are the oldest, so exactly they are done here.
    assert Worker(db, registry(QueuedOffline()), name="extractor").run_until_idle(limit=n_articles) == n_articles
    session.expire_all()
    return [t for a in made for t in session.exec(select(Ticket).where(Ticket.article_id == a.id)).all()]


def draft_events(session) -> Counter:
    return Counter(session.exec(select(Event.ticket_id).where(Event.action == "draft")).all())


def tickets_per_article(session) -> Counter:
    return Counter(session.exec(select(Ticket.article_id)).all())


def test_two_workers_find_claims_and_draft_each_exactly_once(session, settings, db):
    made = queue_articles(session, settings, 34)
    expected = len(QueuedOffline().extract(articles.article_input(made[0])).claims)
    workers = [Worker(db, registry(QueuedOffline(delay=0.002)), name=f"w{i}") for i in range(2)]
    done = [0, 0]

    def run(i):
        done[i] = workers[i].run_until_idle()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    session.expire_all()
    all_jobs = session.exec(select(Job)).all()
    kinds = Counter(j.kind for j in all_jobs)
    assert kinds["extract"] == 34 and kinds["draft"] >= 100
    assert sum(done) == len(all_jobs) and all(n > 0 for n in done), done
    assert {j.status for j in all_jobs} == {"done"} and {j.attempts for j in all_jobs} == {1}
    # Each article's claims were stored once, not once per worker that tried.
    assert tickets_per_article(session) == {a.id: expected for a in made}
    assert all(a.extraction_status == "done" for a in session.exec(select(Article)))
    events = draft_events(session)
    assert len(events) == kinds["draft"] and set(events.values()) == {1}  # one "draft" event per ticket
    # And each ticket's drafts were written once, not once per worker that tried.
    ticket = session.exec(select(Ticket)).first()
    article = articles.get(session, ticket.article_id)
    once = QueuedOffline().draft_many([claim_context(article, ticket, ticket_id=ticket.id)])[0]
    stored = session.exec(select(func.count()).select_from(DraftItem).where(DraftItem.ticket_id == ticket.id)).one()
    assert stored == len(once.questions) + len(once.sources)


@pytest.mark.parametrize("stage", ["extract", "draft"])
def test_a_worker_killed_mid_job_loses_nothing_and_the_job_is_finished_once(session, settings, db, stage):
    if stage == "extract":
        queue_articles(session, settings, 1)
    else:
        queue_tickets(session, settings, 1, db)
    doomed = subprocess.Popen(
        [sys.executable, "-m", "tests.jobs.engines", settings.database_url, "1.0"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            session.expire_all()
            running = session.exec(select(Job).where(Job.status == "running")).first()
            if running or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert running is not None and running.lease_owner == "doomed" and running.kind == stage
        os.kill(doomed.pid, signal.SIGKILL)  # kill -9: no cleanup, no goodbye
        doomed.wait(timeout=10)
    finally:
        if doomed.poll() is None:
            doomed.kill()
    survivor = Worker(db, registry(QueuedOffline()), name="survivor")
    survivor.run_until_idle()  # whatever else is ready; the dead worker's job is not, yet
    session.expire_all()
    assert session.get(Job, running.id).status == "running"
    time.sleep(1.1)  # its lease runs out
    assert survivor.run_until_idle() >= 1
    session.expire_all()
    job = session.get(Job, running.id)
    assert (job.status, job.attempts, job.lease_owner) == ("done", 2, "survivor")
    tickets = session.exec(select(Ticket)).all()
    assert tickets and all(t.drafting_status == "done" for t in tickets)
    events = draft_events(session)
    assert set(events.values()) == {1} and len(events) == len(tickets)
    assert len(session.exec(select(Event).where(Event.action == "ingest")).all()) == 1


def test_a_worker_that_outlived_its_lease_on_claims_writes_nothing(session, settings, db):
    article = queue_articles(session, settings, 1)[0]
    with Session(db, expire_on_commit=False) as s:
        (slow,) = jobs.claim(s, "slow", lease_seconds=0.2)
    time.sleep(0.3)
    Worker(db, registry(QueuedOffline()), name="fast").run_until_idle(limit=1)  # takes the expired job over
    # The slow worker comes back with the same claims: too late, nothing is written.
    late = Worker(db, registry(QueuedOffline()), name="slow")
    late._run(slow, late.handlers[slow.kind])
    session.expire_all()
    found = tickets_per_article(session)[article.id]
    assert found == len(QueuedOffline().extract(articles.article_input(article)).claims)
    assert session.get(Job, slow.id).lease_owner == "fast"


def test_a_worker_that_outlived_its_lease_on_drafts_writes_nothing(session, settings, db):
    queue_tickets(session, settings, 1, db)
    with Session(db, expire_on_commit=False) as s:
        (slow,) = jobs.claim(s, "slow", lease_seconds=0.2)
    time.sleep(0.3)
    fast = Worker(db, registry(QueuedOffline()), name="fast")
    fast.run_until_idle()
    # The slow worker comes back with its drafts: the lease is gone, so nothing is written.
    late = Worker(db, registry(QueuedOffline()), name="slow")
    late._run(slow, late.handlers[slow.kind])
    session.expire_all()
    assert draft_events(session)[slow.subject_id] == 1
    assert session.get(Job, slow.id).lease_owner == "fast"


def test_twenty_concurrent_state_changes_one_wins_the_rest_are_refused(session, settings, db):
    ticket = queue_tickets(session, settings, 1, db)[0]
    editors = [make_user(session, f"ed{i}", "editor") for i in range(20)]
    barrier = threading.Barrier(20)
    outcomes: list[str] = []
    lock = threading.Lock()

    def change(i):
        with Session(db, expire_on_commit=False) as s:
            mine = s.get(Ticket, ticket.id)  # everyone saw version 1
            s.commit()  # hand the connection back: the pool has fewer than 20
            barrier.wait()
            try:
                transition(
                    s,
                    actor=editors[i],
                    ticket_id=mine.id,
                    to="disputed" if i % 2 else "corroborated",
                    rationale=f"Editor {i} read the minutes.",
                    expected_version=1,
                )
                s.commit()
                result = "won"
            except StaleVersion:
                s.rollback()
                result = "stale"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=change, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert Counter(outcomes) == {"won": 1, "stale": 19}
    session.expire_all()
    final = session.get(Ticket, ticket.id)
    verdicts = session.exec(
        select(Event).where(Event.ticket_id == ticket.id, Event.action.in_(["corroborate", "dispute"]))
    ).all()
    assert final.version == 2 and len(verdicts) == 1 and verdicts[0].to_value == final.state
    assert counts_by_state(session)[final.state] == 1  # the tally moved once, with the winner


class Crashing(QueuedOffline):
    """An engine with a bug: every extraction raises."""

    def extract(self, article, *, fresh=False):
        raise RuntimeError("index out of range in the splitter")


def test_a_job_that_keeps_crashing_ends_failed_with_its_reason_instead_of_looping(session, settings, db):
    article = queue_articles(session, settings, 1)[0]
    worker = Worker(db, registry(Crashing()), name="buggy", max_attempts=2, backoff_start=0)
    # Each pass takes the job once: it is tried twice, then given up, and is not taken again.
    assert [worker.run_until_idle() for _ in range(3)] == [1, 1, 0]
    session.expire_all()
    job = session.exec(select(Job)).one()
    assert (job.status, job.attempts) == ("failed", 2)
    assert "internal error: RuntimeError: index out of range" in job.last_error
    article = session.get(Article, article.id)
    assert article.extraction_status == "failed" and "index out of range" in article.extraction_error


def test_a_claim_takes_at_most_as_many_jobs_as_asked_and_none_twice(session, settings, db):
    queue_articles(session, settings, 5)
    with Session(db, expire_on_commit=False) as s:
        one = jobs.claim(s, "one", 30, limit=1)
        three = jobs.claim(s, "three", 30, limit=3)
        rest = jobs.claim(s, "rest", 30, limit=10)
    assert [len(one), len(three), len(rest)] == [1, 3, 1]
    assert len({j.id for j in one + three + rest}) == 5
    assert {j.lease_owner for j in three} == {"three"}
