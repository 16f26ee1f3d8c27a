"""The code is formatted, linted and type-checked as part of the suite (settings in pyproject.toml):
ruff's formatter and linter over the package, the tests and the benchmarks; mypy, strict, over the
foundations (core, jobs, events, encoders)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODE = ["factcheck", "tests", "bench"]

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("FACTCHECK_TEST_DATABASE_URL")), reason="checked once, in the SQLite pass: the code is the same"
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def _ruff() -> str:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if found is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    return found


def test_the_code_is_formatted():
    done = _run(_ruff(), "format", "--check", *CODE)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_linter_finds_nothing():
    done = _run(_ruff(), "check", *CODE)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_foundations_type_check_strictly():
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    done = _run(sys.executable, "-m", "mypy")
    assert done.returncode == 0, done.stdout + done.stderr
