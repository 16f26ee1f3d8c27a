"""The API keeps its own contract: Schemathesis, with every check and every phase (examples,
coverage, fuzzing, and stateful sequences that follow the links between operations), against a
live desk. Whatever it sends, no 5xx, no undocumented status or content type, no response that
breaks the schema, no request the schema calls valid refused (except where
tests/web/schemathesis.toml says why), none it calls invalid accepted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.factories import ingest, make_token, make_user

pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install -e '.[test]')")

CONFIG = Path(__file__).with_name("schemathesis.toml")
EXAMPLES = os.environ.get("FACTCHECK_CONTRACT_EXAMPLES", "25")
# Switching the caller off, or revoking its tokens (also when its password changes or its logins end,
# with revoke_tokens), ends every later request with a 401: those operations run on their own, after
# the rest.
SELF_LOCKING = r"/users/\{user_id\}(/tokens/revoke|/password|/logins/end)?$"


@pytest.fixture
def app(settings, db):
    from factcheck.app import create_app

    # Ingest is rate-limited per user; the contract run ingests hundreds of articles.
    return create_app(settings.model_copy(update={"ingest_per_minute": 1_000_000}))


# Its command line, from this interpreter (whatever is on PATH).
SCHEMATHESIS = [sys.executable, "-c", "import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())"]


def run(live_desk: str, token: str, workdir: Path, *selection: str) -> subprocess.CompletedProcess:
    # Its caches (.hypothesis, .schemathesis) go to the test's own directory, not the checkout.
    return subprocess.run(
        [
            *SCHEMATHESIS,
            "--config-file",
            str(CONFIG),
            "run",
            f"{live_desk}/openapi.json",
            "-H",
            f"Authorization: Bearer {token}",
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing,stateful",
            "--max-examples",
            EXAMPLES,
            "--seed",
            "20261125",
            "--workers",
            "1",
            "--generation-database",
            "none",
            "--no-color",
            *selection,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=workdir,
    )


def test_every_operation_keeps_the_schema_whatever_it_is_sent(live_desk, session, settings, tmp_path):
    token = make_token(session, make_user(session, "fuzz", "admin"))
    ingest(session, settings)  # something to find: ids the stateful phase can follow
    operations = [(m, p) for p, ops in httpx.get(f"{live_desk}/openapi.json").json()["paths"].items() for m in ops]
    assert len(operations) >= 30 and all(p.startswith("/api/v1/") for _, p in operations)

    runs = []
    for selection in (("--exclude-path-regex", SELF_LOCKING), ("--include-path-regex", SELF_LOCKING)):
        result = run(live_desk, token, tmp_path, *selection)
        runs.append(result)
        report = result.stdout[:6000] + "\n…\n" + result.stdout[-3000:]
        assert result.returncode == 0, f"schemathesis found problems:\n{report}\n{result.stderr[-2000:]}"
    first = runs[0]
    # The main run went through sequences of calls, not only one call at a time.
    assert "Stateful (in" in first.stdout and "Scenarios:" in first.stdout, first.stdout[-3000:]
