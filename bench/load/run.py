"""Load test of a running desk with Locust, the way a newsroom meets it: `factcheck serve` (one
process, or --workers N) on a database with a few hundred tickets, and 50, 200, 500 simulated
people (bench/load/locustfile.py) for a minute each.

    pip install -e '.[load]'
    python bench/load/run.py                          # SQLite, one server process
    python bench/load/run.py --postgres --workers 2   # a throwaway PostgreSQL 15 cluster

Prints, per number of users: requests/s, p50/p95/p99 per endpoint (ms), failures, and how many
answers were 5xx (503 "busy" counted apart from other server errors).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx

logging.getLogger("httpx").setLevel(logging.WARNING)

HERE = Path(__file__).resolve().parent
PASSWORD = "load-test-password-9431"
ARTICLES = 40


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def postgres_cluster():
    """A throwaway PostgreSQL cluster on a loopback port (as .ci/run starts one)."""
    initdb = shutil.which("initdb") or "/usr/lib/postgresql/15/bin/initdb"
    bindir = Path(os.path.realpath(initdb)).parent
    root = Path(tempfile.mkdtemp(prefix="factcheck-load-pg-"))
    port = _free_port()
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    subprocess.run(
        [*as_pg, str(bindir / "initdb"), "-D", str(root / "data"), "-U", "factcheck", "--auth=trust"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        [
            *as_pg,
            str(bindir / "pg_ctl"),
            "-D",
            str(root / "data"),
            "-l",
            str(root / "log"),
            "-w",
            "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off",
            "start",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        subprocess.run(
            [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "factcheck", "load"], check=True
        )
        yield f"postgresql+psycopg://factcheck@127.0.0.1:{port}/load"
    finally:
        subprocess.run(
            [*as_pg, str(bindir / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(root, ignore_errors=True)


def prepare(url: str) -> dict:
    """A desk with ARTICLES articles, reviewers, editors and a wire account; returns the ids."""
    os.environ["FACTCHECK_DATABASE_URL"] = url
    from sqlmodel import select

    from factcheck.articles import service as articles
    from factcheck.auth.permissions import CONSOLE
    from factcheck.cli.common import unit_of_work
    from factcheck.core.config import Settings
    from factcheck.core.db import make_engine, upgrade
    from factcheck.engines.offline.engine import OfflineEngine
    from factcheck.flows import ingest as flows_ingest
    from factcheck.flows import listeners
    from factcheck.models import DraftItem, DraftKind
    from factcheck.users import service as users

    # The desk's domain events (the audit trail, ticket counts) need their listeners, as the CLI installs them.
    listeners.install()
    upgrade(url)
    settings = Settings(database_url=url)
    db = make_engine(settings)
    sample = (Path(__file__).resolve().parents[2] / "factcheck" / "samples" / "riverton_water.txt").read_text()
    plan: dict = {
        "reviewer_tokens": [],
        "editor_tokens": [],
        "wire_tokens": [],
        "articles": [],
        "tickets": [],
        "drafts": [],
        "reviewers": [],
    }
    with unit_of_work(db) as session:
        for i in range(20):
            users.create_user(session, actor=CONSOLE, name=f"reviewer{i}", role="reviewer", password=PASSWORD)
            plan["reviewers"].append(f"reviewer{i}")
        for i in range(5):
            users.create_user(session, actor=CONSOLE, name=f"editor{i}", role="editor", password=PASSWORD)
        users.create_user(session, actor=CONSOLE, name="wire", role="reviewer", password=PASSWORD)
    with unit_of_work(db) as session:
        for i in range(20):
            plan["reviewer_tokens"].append(
                users.issue_token(
                    session, actor=CONSOLE, user_id=users.by_name(session, f"reviewer{i}").id, label="load"
                ).token
            )
        for i in range(5):
            plan["editor_tokens"].append(
                users.issue_token(
                    session, actor=CONSOLE, user_id=users.by_name(session, f"editor{i}").id, label="load"
                ).token
            )
        plan["wire_tokens"].append(
            users.issue_token(session, actor=CONSOLE, user_id=users.by_name(session, "wire").id, label="load").token
        )
    for i in range(ARTICLES):
        with unit_of_work(db) as session:
            # Each a different article (the same text twice is one article).
            text = re.sub(r"\b7-2\b", f"{5 + i % 4}-{i % 3 + 1}", sample).replace("2025", str(2000 + i))
            result = flows_ingest.ingest(
                session,
                engine=OfflineEngine(),
                settings=settings,
                actor=CONSOLE,
                req=articles.IngestRequest(text=text, outlet=f"Ledger {i}", published=date(2025, 3, 4)),
            )
            plan["articles"].append(result.article.id)
            plan["tickets"] += [t.id for t in result.tickets]
    plan["published"] = _publish_some(db, plan["tickets"][::7][:30])
    with unit_of_work(db) as session:
        plan["drafts"] = [
            {"id": d.id, "ticket": d.ticket_id}
            for d in session.exec(select(DraftItem).where(DraftItem.kind == DraftKind.question))
        ]
    db.dispose()
    return plan


def _publish_some(db, ticket_ids: list[int]) -> list[str]:
    """Verdicts published on some tickets, for the readers of the public pages: their addresses."""
    from factcheck.cli.common import unit_of_work
    from factcheck.core.urls import factcheck_path
    from factcheck.tickets import publishing, states
    from factcheck.users import service as users

    paths: list[str] = []
    with unit_of_work(db) as session:
        editor = users.by_name(session, "editor0")
        for tid in ticket_ids:
            ticket = states.transition(
                session,
                actor=editor,
                ticket_id=tid,
                to="disputed",
                rationale="The adopted budget says otherwise.",
                expected_version=1,
                rating="Misleading",
            )
            publishing.publish(session, actor=editor, ticket_id=tid, expected_version=ticket.version)
            paths.append(factcheck_path(tid, ticket.claim))
    return paths


@contextmanager
def serving(url: str, workers: int, logs: Path):
    port = _free_port()
    env = {
        **os.environ,
        "FACTCHECK_DATABASE_URL": url,
        "FACTCHECK_ORG_URL": "https://desk.example/",
        "FACTCHECK_PUBLIC_URL": "https://checks.desk.example",
    }
    with (logs / "serve.log").open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "serve", "--port", str(port), "--workers", str(workers)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            yield base, Path(log.name)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def log_in_browsers(base: str, names: list[str]) -> list[dict]:
    """Reviewers logged in through the form before the run: the simulated people share these
    browsers' sessions, so the run measures working the desk, not hashing passwords."""
    browsers = []
    for name in names:
        with httpx.Client(base_url=base, timeout=30) as c:
            token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/login").text).group(1)
            assert c.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": token}).status_code == 303
            browsers.append({"cookies": dict(c.cookies)})
    return browsers


def run_locust(base: str, plan_path: Path, users: int, seconds: int, out: Path) -> None:
    env = {**os.environ, "FACTCHECK_LOAD_PLAN": str(plan_path)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(HERE / "locustfile.py"),
            "--headless",
            "-H",
            base,
            "-u",
            str(users),
            "-r",
            str(max(5, users // 10)),
            "-t",
            f"{seconds}s",
            "--csv",
            str(out),
            "--only-summary",
            "--stop-timeout",
            "30",
            "--loglevel",
            "WARNING",
        ],
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def report(out: Path, users: int, server_log: Path) -> None:
    rows = list(csv.DictReader(Path(f"{out}_stats.csv").read_text(encoding="utf-8").splitlines()))
    failures = list(csv.DictReader(Path(f"{out}_failures.csv").read_text(encoding="utf-8").splitlines()))
    codes: dict[str, int] = {}
    for f in failures:
        m = re.search(r"(\d{3}) (Server|Client) Error", f["Error"])
        key = m.group(1) if m else f["Error"][:40]
        codes[key] = codes.get(key, 0) + int(f["Occurrences"])
    total = next(r for r in rows if r["Name"] == "Aggregated")
    server_5xx = sum(n for k, n in codes.items() if k.startswith("5"))
    print(
        f"\n### {users} users: {float(total['Requests/s']):.1f} requests/s, {total['Request Count']} requests, "
        f"{total['Failure Count']} failures, 5xx: {server_5xx} ({codes.get('503', 0)} of them 503 busy)"
    )
    if codes:
        print("failures by kind:", codes)
    print("\n| endpoint | requests | p50 ms | p95 ms | p99 ms | max ms | failures |")
    print("|---|---|---|---|---|---|---|")
    for r in sorted(rows, key=lambda r: r["Name"] == "Aggregated"):
        print(
            f"| {r['Name']} | {r['Request Count']} | {r['50%']} | {r['95%']} | {r['99%']} | "
            f"{float(r['Max Response Time']):.0f} | {r['Failure Count']} |"
        )
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL 15 cluster (initdb on PATH)")
    parser.add_argument("--database-url", help="an empty database to fill (default: a new SQLite file)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--users", default="50,200,500")
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="factcheck-load-"))

    @contextmanager
    def database():
        if args.postgres:
            with postgres_cluster() as url:
                yield url
        else:
            yield args.database_url or f"sqlite:///{work / 'load.db'}"

    with database() as url:
        plan = prepare(url)
        print(
            f"desk: {'PostgreSQL' if url.startswith('postgresql') else 'SQLite'}, serve --workers {args.workers}; "
            f"{len(plan['articles'])} articles, {len(plan['tickets'])} tickets, {len(plan['drafts'])} drafted "
            f"questions; {args.seconds} s per run on {os.cpu_count()} cores (Locust on the same machine)"
        )
        with serving(url, args.workers, work) as (base, server_log):
            plan["reviewer_browsers"] = [{"cookies": b["cookies"]} for b in log_in_browsers(base, plan["reviewers"])]
            plan_path = work / "plan.json"
            plan_path.write_text(json.dumps(plan))
            for users in [int(u) for u in args.users.split(",")]:
                out = work / f"u{users}"
                run_locust(base, plan_path, users, args.seconds, out)
                report(out, users, server_log)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
