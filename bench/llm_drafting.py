"""LLM speed on the paths people use: an article with 12 claims against a scripted OpenAI-compatible
server (factcheck.devtools.scripted_llm, on 127.0.0.1) that answers every request after L seconds.

For each path it prints the time from ingest to the last ticket drafted, in multiples of L, and
the requests per article:

  cli      `factcheck ingest FILE` in a new process: the whole command, and its article's work
  serve    `factcheck serve` with its own worker: POST /api/v1/articles, then the worker's jobs
  workers  `factcheck serve` without a worker, plus two `factcheck worker` processes

The time is measured by the desk itself: from the article's creation to the latest model answer
(the `usage.wall_seconds` of GET /api/v1/articles/{id}). The target, with claims <= concurrency C:
<= 2.5 L; in general <= 1 L (finding claims) + ceil(N / C) L (drafting) + 0.5 L.

    .venv/bin/python bench/llm_drafting.py [--delay 0.3] [--concurrency 8 16] [--database-url URL]

On SQLite separate worker processes are woken by polling (once a second); on PostgreSQL by
LISTEN/NOTIFY, so give --database-url postgresql+psycopg://… to measure several workers as a team
would run them.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import sqlalchemy as sa
import uvicorn
from sqlmodel import Session

from factcheck.app import create_app
from factcheck.articles import pages
from factcheck.auth.permissions import CONSOLE
from factcheck.core.config import Settings
from factcheck.core.db import make_engine, upgrade
from factcheck.core.errors import FactcheckError
from factcheck.users import service as users

FACTS = [
    "The city council approved a budget of $412 million on March 3, 2025.",
    "Mayor Elena Vasquez said the budget adds 45 police officers.",
    "According to the finance office, property taxes rise 3.2 percent.",
    "The school district received $38 million, up from $35 million in 2024.",
    "Transit ridership grew 11 percent in 2024, the agency reported.",
    "The library system will close 2 branches by June 2025.",
    "Council member Marcus Hale said road repairs were cut by $6 million.",
    "The fire department answered 18,400 calls in 2024, according to its annual report.",
    "Water rates rise 12 percent starting July 1, 2025.",
    "The city's pension fund is 68 percent funded, the state auditor said.",
    "Parks spending falls to $21 million from $24 million.",
    "Unemployment in the city was 4.1 percent in January 2025, the labor department reported.",
]
ROOT = Path(__file__).resolve().parents[1]


def article(run: int) -> str:
    # A new text each run: the same text twice would be the same article (and the answers cached).
    return f"City budget passes (run {run})\n\n" + "\n\n".join(FACTS)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fresh_database(url: str | None, tmp: Path) -> str:
    if url is None:
        url = f"sqlite:///{tmp / 'bench.db'}"
    else:
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
        engine.dispose()
    upgrade(url)
    return url


class Desk:
    """The desk's database and settings, and a way to read back what an ingest cost."""

    def __init__(self, url: str, llm_url: str, concurrency: int) -> None:
        self.url = url
        self.settings = Settings(
            database_url=url,
            engine="openai",
            llm_base_url=llm_url,
            llm_model="scripted",
            llm_concurrency=concurrency,
            org_url="https://desk.example/",
        )
        self.env = {
            **os.environ,
            "FACTCHECK_DATABASE_URL": url,
            "FACTCHECK_LLM_BASE_URL": llm_url,
            "FACTCHECK_LLM_MODEL": "scripted",
            "FACTCHECK_LLM_CONCURRENCY": str(concurrency),
        }
        self.db = make_engine(self.settings)
        with Session(self.db) as session:
            try:
                user = users.by_name(session, "bench")
            except FactcheckError:
                user = users.create_user(session, actor=CONSOLE, name="bench", role="editor", password="bench-password")
            self.token = users.issue_token(session, actor=CONSOLE, user_id=user.id).token
            session.commit()

    def wall_and_calls(self, client: httpx.Client, article_id: int) -> tuple[float, int, int]:
        body = client.get(f"/api/v1/articles/{article_id}").json()
        return body["usage"]["wall_seconds"], body["usage"]["calls"], len(body["tickets"])


class ScriptedModel:
    """The scripted OpenAI-compatible server in a process of its own, as a real endpoint would be:
    in the bench's own process it would compete with the desk for the interpreter."""

    def __init__(self, delay: float) -> None:
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck.devtools.scripted_llm", "--port", str(self.port), "--delay", str(delay)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.base_url}/models", timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("the scripted model server did not start")

    def __enter__(self) -> ScriptedModel:
        return self

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def via_cli(desk: Desk, run: int, tmp: Path) -> tuple[float, float, int, int]:
    path = tmp / f"article-{run}.txt"
    path.write_text(article(run), encoding="utf-8")
    factcheck = [sys.executable, "-m", "factcheck"]
    t0 = time.perf_counter()
    done = subprocess.run(
        [*factcheck, "ingest", str(path), "--json"], env=desk.env, check=True, capture_output=True, text=True
    )
    command = time.perf_counter() - t0
    with Session(desk.db) as session:
        detail = pages.detail(session, json.loads(done.stdout)["article_id"])
    return command, detail.usage.wall_seconds, detail.usage.calls, len(detail.tickets)


def via_http(desk: Desk, runs: list[int], *, own_worker: bool, workers: int = 0) -> list[tuple[float, int, int]]:
    """Each run's (wall seconds, requests, tickets), through one server (and its workers)."""
    settings = desk.settings.model_copy(update={"worker": own_worker})
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "factcheck", "worker"],
            env=desk.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    try:
        time.sleep(1.5 if workers else 0)  # the workers are up and listening
        with httpx.Client(
            base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {desk.token}"}, timeout=30
        ) as client:
            return [_ingest_and_wait(desk, client, run) for run in runs]
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=20)
        server.should_exit = True
        thread.join(timeout=20)


def _ingest_and_wait(desk: Desk, client: httpx.Client, run: int) -> tuple[float, int, int]:
    created = client.post("/api/v1/articles", json={"text": article(run)}).json()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        body = client.get(f"/api/v1/articles/{created['article_id']}").json()
        if (
            body["article"]["extraction_status"] == "done"
            and body["tickets"]
            and all(t["drafting_status"] == "done" for t in body["tickets"])
        ):
            break
        time.sleep(0.2)  # the desk times itself: polling gently costs no precision
    return desk.wall_and_calls(client, created["article_id"])


def _median(results: list[tuple]) -> tuple:
    """The run with the median first figure."""
    return sorted(results, key=lambda r: r[0])[len(results) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.3, help="L: seconds before each answer")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 16])
    parser.add_argument("--database-url", default=None, help="a PostgreSQL URL (its schema is dropped!)")
    parser.add_argument("--repeat", type=int, default=3, help="articles per path (the median is printed)")
    args = parser.parse_args()
    latency = args.delay
    n = len(FACTS)
    print(f"L = {latency * 1000:.0f} ms; {n} claims (+ the title line the scripted model also quotes)")
    print(f"{'path':<32}{'C':>4}{'wall s':>9}{'x L':>7}{'target x L':>12}{'requests':>10}{'tickets':>9}")
    with tempfile.TemporaryDirectory() as tmp_name, ScriptedModel(latency) as llm:
        tmp = Path(tmp_name)
        run, desk = 0, None
        for concurrency in args.concurrency:
            database = desk.url if desk else _fresh_database(args.database_url, tmp)  # one database for all runs
            desk = Desk(database, llm.base_url, concurrency)
            target = 1 + math.ceil(n / concurrency) + 0.5 if n > concurrency else 2.5

            def row(path: str, wall: float, calls: int, tickets: int, concurrency=concurrency, target=target) -> None:
                print(
                    f"{path:<32}{concurrency:>4}{wall:>9.2f}{wall / latency:>7.2f}{target:>12.1f}{calls:>10}"
                    f"{tickets:>9}"
                )

            cli = [via_cli(desk, run := run + 1, tmp) for _ in range(args.repeat)]
            command, wall, calls, tickets = _median(cli)
            row("factcheck ingest: the command", command, calls, tickets)
            row("  its article's work", *_median([r[1:] for r in cli]))
            for path, options in (
                ("serve, its own worker", {"own_worker": True}),
                ("serve + 2 factcheck workers", {"own_worker": False, "workers": 2}),
            ):
                runs = list(range(run + 1, run + 2 + args.repeat))
                run = runs[-1]
                row(path, *_median(via_http(desk, runs, **options)[1:]))  # the first warms the server up
    print(
        f"Medians of {args.repeat} articles per path (servers after one article to warm up). wall: from the "
        "article's creation to the latest model answer, as the desk records it (for 'the command': its whole "
        "run, interpreter start-up included). requests: HTTP requests to the model per article."
    )


if __name__ == "__main__":
    main()
