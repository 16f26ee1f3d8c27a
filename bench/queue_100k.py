"""The triage queue at 100,000 tickets: page and API latency against a bare endpoint.

Loads 100,000 tickets (4,000 articles of 25) into a fresh database, starts `factcheck serve` in
its own process, and sends requests from a concurrent client (8 at a time over real HTTP):

* GET /            the queue page, logged in (the reviewer's first screen)
* GET /api/v1/tickets   the same queue as JSON, with a Bearer token
* GET /healthz     a bare endpoint of the same app: no database, no template, no auth

It prints p50 and p95 of each and their ratio to the bare endpoint (target: at most 3x).

    .venv/bin/python bench/queue_100k.py                       # SQLite file
    .venv/bin/python bench/queue_100k.py --database-url postgresql+psycopg://user@127.0.0.1:5432/db
                                                  # (an empty PostgreSQL database: it is wiped)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import sqlalchemy as sa
from sqlmodel import Session, insert

from factcheck.auth.permissions import CONSOLE
from factcheck.core.config import Settings
from factcheck.core.db import make_engine, upgrade
from factcheck.models import Article, Ticket
from factcheck.tickets import tally
from factcheck.users import service as users

PER_ARTICLE = 25
PASSWORD = "bench-password-123"


def load(settings: Settings, tickets: int) -> str:
    """The tickets, and a reviewer with an API token (returned)."""
    upgrade(settings.database_url)
    db = make_engine(settings)
    now = datetime(2025, 6, 1, tzinfo=UTC)
    sentence = "The council voted 7-2 on March 3, 2025 to raise water rates by {n} percent. "
    with Session(db) as session:
        user = users.create_user(session, actor=CONSOLE, name="bench", role="editor", password=PASSWORD)
        token = users.issue_token(session, actor=CONSOLE, user_id=user.id, label="bench").token
        session.commit()
        tid = 0
        for start in range(1, tickets // PER_ARTICLE + 1, 400):
            arts, rows = [], []
            for a in range(start, min(start + 400, tickets // PER_ARTICLE + 1)):
                text = "".join(sentence.format(n=a * 100 + i) for i in range(PER_ARTICLE))
                arts.append(
                    {
                        "id": a,
                        "title": f"Water rates, part {a}",
                        "text": text,
                        "content_hash": f"{a:064x}",
                        "source_kind": "text",
                        "engine": "offline",
                        "created_at": now,
                    }
                )
                offset = 0
                for i in range(PER_ARTICLE):
                    tid += 1
                    quote = sentence.format(n=a * 100 + i).strip()
                    rows.append(
                        {
                            "id": tid,
                            "article_id": a,
                            "position": i,
                            "claim": quote,
                            "quote": quote,
                            "start": offset,
                            "end": offset + len(quote),
                            "kind": "quantity",
                            "score": (tid * 7919 % 1000) / 1000,
                            "state": ("unverified", "corroborated", "disputed")[tid % 3],
                            "needs_human": False,
                            "drafting_status": "done",
                            "engine": "offline",
                            "model": "rules",
                            "prompt_name": "offline",
                            "prompt_hash": "0" * 16,
                            "version": 1,
                            "created_at": now + timedelta(seconds=tid),
                            "updated_at": now + timedelta(seconds=tid),
                        }
                    )
                    offset += len(quote) + 1
            session.execute(insert(Article), arts)
            session.execute(insert(Ticket), rows)
            session.commit()
        tally.recount(session)  # loaded around the service: count them once
        session.commit()
        if db.dialect.name == "postgresql":
            with db.begin() as conn:
                for table in ("article", "ticket"):
                    conn.execute(sa.text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))
                conn.execute(sa.text("ANALYZE"))
        else:
            with db.begin() as conn:
                conn.execute(sa.text("ANALYZE"))
    db.dispose()
    return token


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def measure(client: httpx.AsyncClient, path: str, n: int, concurrency: int, **kw) -> list[float]:
    times: list[float] = []
    sem = asyncio.Semaphore(concurrency)

    async def one():
        async with sem:
            t0 = time.perf_counter()
            resp = await client.get(path, **kw)
            times.append(time.perf_counter() - t0)
            resp.raise_for_status()

    await asyncio.gather(*(one() for _ in range(n)))
    return times


async def run_client(base: str, token: str, n: int, concurrency: int) -> dict[str, list[float]]:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        page = await client.get("/login")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        await client.post("/login", data={"name": "bench", "password": PASSWORD, "csrf_token": csrf, "next": "/"})
        assert "Triage queue" in (await client.get("/")).text, "login failed"
        for path in ("/healthz", "/", "/api/v1/tickets"):  # warm up
            await measure(client, path, 20, concurrency, headers={"Authorization": f"Bearer {token}"})
        return {
            "bare /healthz": await measure(client, "/healthz", n, concurrency),
            "queue page /": await measure(client, "/", n, concurrency),
            "GET /api/v1/tickets": await measure(
                client, "/api/v1/tickets", n, concurrency, headers={"Authorization": f"Bearer {token}"}
            ),
        }


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--database-url", default=None, help="default: a SQLite file in a temporary directory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'queue.db'}"
        if url.startswith("postgresql"):
            engine = sa.create_engine(url)
            with engine.begin() as conn:
                conn.execute(sa.text("DROP SCHEMA public CASCADE"))
                conn.execute(sa.text("CREATE SCHEMA public"))
            engine.dispose()
        t0 = time.perf_counter()
        token = load(Settings(database_url=url), args.tickets)
        print(f"database: {url.split('://')[0]}, {args.tickets:,} tickets loaded in {time.perf_counter() - t0:.1f} s")
        port = free_port()
        env = {**os.environ, "FACTCHECK_DATABASE_URL": url, "FACTCHECK_WORKER": "false", "FACTCHECK_ENGINE": "offline"}
        server = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{base}/healthz", timeout=1)
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        sys.exit("the server did not start")
                    time.sleep(0.2)
            results = asyncio.run(run_client(base, token, args.requests, args.concurrency))
        finally:
            server.terminate()
            server.wait(timeout=10)
    bare50, bare95 = pct(results["bare /healthz"], 50), pct(results["bare /healthz"], 95)
    print(f"{args.requests} requests each, {args.concurrency} at a time, one server process")
    print(f"{'endpoint':<22}{'p50 ms':>8}{'p95 ms':>8}{'p50 x bare':>12}{'p95 x bare':>12}")
    for name, times in results.items():
        p50, p95 = pct(times, 50), pct(times, 95)
        print(f"{name:<22}{p50:>8.1f}{p95:>8.1f}{p50 / bare50:>12.2f}{p95 / bare95:>12.2f}")
    print("target: the queue page and the API within 3x the bare endpoint")


if __name__ == "__main__":
    main()
