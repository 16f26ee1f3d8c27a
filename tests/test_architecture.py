"""The code's shape: dependencies point one way (entry points → domains → request plumbing →
core), services know nothing of HTTP, no package's modules import each other in a circle, and no
module or function grows into a drawer. The contracts live in pyproject.toml."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def test_the_import_contracts_hold(capsys):
    from importlinter.cli import lint_imports

    status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    assert status == 0, capsys.readouterr().out


def _modules():
    return sorted(p for p in (ROOT / "factcheck").rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_and_functions_stay_small(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, f"split {path.name} before it becomes a drawer"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


def _calls(path: Path) -> set[str]:
    """Every ``module.function`` called in a module (``audit.write``, ``tally.add_to_tally``...)."""
    return {
        f"{node.func.value.id}.{node.func.attr}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
    }


def test_side_effects_of_a_change_are_wired_in_one_place():
    # Services emit events; only the listeners write the audit log, move the tally, queue webhooks.
    side_effects = {"audit.write", "tally.add_to_tally", "webhooks.ticket_event", "webhooks.send"}
    wiring = ROOT / "factcheck" / "flows" / "listeners.py"
    callers = {
        str(p.relative_to(ROOT)): sorted(_calls(p) & side_effects) for p in _modules() if _calls(p) & side_effects
    }
    assert callers == {str(wiring.relative_to(ROOT)): ["audit.write", "tally.add_to_tally", "webhooks.ticket_event"]}


def test_no_verdict_or_proposal_is_read_back_from_the_audit_log():
    # The audit log is a record: the names of its state-change entries appear only where events
    # are defined (and in the migration that filled the verdict columns from it).
    names = {"corroborate", "dispute", "reopen", "propose"}
    found = [str(p.relative_to(ROOT)) for p in _modules() if p.parent.name != "events" and _strings(p) & names]
    assert found == []


def _strings(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exported = {
        id(c)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets)
        for c in ast.walk(node.value)
    }
    return {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in exported
    }


def test_the_job_queue_imports_no_domain():
    domains = {"articles", "tickets", "drafts", "matching", "search", "webhooks", "users", "exports", "flows"}
    imports = {
        node.module.split(".")[1]
        for p in (ROOT / "factcheck" / "jobs").glob("*.py")
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factcheck.")
    }
    assert imports & domains == set()
