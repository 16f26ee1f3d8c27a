"""factcheck installs as a normal package: the wheel carries its prompts, migrations, pages and
assets, works from any folder, and declares every library it imports."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.factories import ARTICLE

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_package_list_names_every_package_under_factcheck():
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "factcheck").rglob("__init__.py")}
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    mapped = set(PYPROJECT["tool"]["setuptools"]["package-dir"])
    assert listed - mapped - {"factcheck.migrations.versions"} == on_disk


def _imported_top_level_names() -> set[str]:
    names = set()
    for path in (ROOT / "factcheck").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"factcheck", "__future__"}


# Extras that running factcheck may need (not the test and benchmark tools).
RUNTIME_EXTRAS = ("postgres",)


def test_every_library_factcheck_imports_is_a_declared_dependency():
    requirements = [
        *PYPROJECT["project"]["dependencies"],
        *(r for extra in RUNTIME_EXTRAS for r in PYPROJECT["project"]["optional-dependencies"][extra]),
    ]
    declared = {canonicalize_name(Requirement(r).name) for r in requirements}
    providers = packages_distributions()
    undeclared = {}
    for name in _imported_top_level_names():
        dists = {canonicalize_name(d) for d in providers.get(name, [name])}
        if not dists & declared:
            undeclared[name] = sorted(dists)
    assert undeclared == {}, f"imported but not declared in [project] (dependencies or {RUNTIME_EXTRAS}): {undeclared}"


def test_lxml_html_clean_is_declared_for_trafilatura():
    declared = {canonicalize_name(Requirement(r).name) for r in PYPROJECT["project"]["dependencies"]}
    assert "lxml-html-clean" in declared


@pytest.mark.skipif(
    bool(os.environ.get("FACTCHECK_TEST_DATABASE_URL")),
    reason="the wheel is tested with its own SQLite file, once, in the SQLite run",
)
def test_the_wheel_installs_and_migrates_ingests_and_serves_from_another_folder(tmp_path):
    # Built from a clean copy: setuptools builds in the source tree, and a stale build/ folder
    # there would slip files into the wheel that the sources no longer have.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "factcheck", "prompts", "alembic"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(
            ROOT / name,
            source / name,
            **({"ignore": shutil.ignore_patterns("__pycache__")} if (ROOT / name).is_dir() else {}),
        )
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(dist),
            str(source),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    (wheel,) = dist.glob("factcheck-*.whl")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # The dependencies come from the test environment (offline, and quick); factcheck itself only
    # from the wheel, because a plain path entry does not run the editable install's .pth hook.
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "story.txt").write_text(ARTICLE, encoding="utf-8")
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "FACTCHECK_DATABASE_URL": f"sqlite:///{elsewhere / 'desk.db'}",
    }

    def run(*args: str) -> str:
        done = subprocess.run(args, cwd=elsewhere, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    where = run(str(python), "-c", "import factcheck; print(factcheck.__file__)")
    assert where.startswith(str(site)), where
    run(str(venv / "bin" / "factcheck"), "db", "upgrade")
    ingested = json.loads(run(str(venv / "bin" / "factcheck"), "ingest", "story.txt", "--json"))
    assert ingested["tickets"] and all(
        ARTICLE.strip()[t["start"] : t["end"]] == t["quote"] for t in ingested["tickets"]
    )
    # The model engine's prompts, and the desk's pages and assets, come from the wheel too.
    checks = """
from fastapi.testclient import TestClient
from factcheck.core.config import Settings
from factcheck.engines.llm import prompts
from factcheck.app import create_app
assert "claim" in prompts.load("extract_claims").source
with TestClient(create_app(Settings())) as client:
    assert "Log in" in client.get("/login").text
    assert client.get("/static/app.css").status_code == 200
print("ok")
"""
    assert run(str(python), "-c", checks).strip() == "ok"
