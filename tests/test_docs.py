"""The README says what the code does: its layout lists every package, its commands exist, and its
settings tables name every setting and nothing else. (After datasette's documentation tests.)"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer

from factcheck.cli import app as cli_app
from factcheck.core.config import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Environment variables the README names that are not settings of the desk itself.
NOT_SETTINGS = {
    "FACTCHECK_CLI_USER",
    "FACTCHECK_ENCODER_PATH",
    "FACTCHECK_SCREENSHOTS",
    "FACTCHECK_TEST_DATABASE_URL",
    "FACTCHECK_LLM_",
}


def _block_after(marker: str) -> str:
    start = README.index("```", README.index(marker)) + 3
    return README[README.index("\n", start) + 1 : README.index("```", start)]


def test_the_layout_lists_every_package_and_nothing_that_is_not_there():
    block = _block_after("Layout.")
    listed = set(re.findall(r"^  ([a-z_]+)(?:/|\.py)", block, re.M))
    present = {p.name for p in (ROOT / "factcheck").iterdir() if (p / "__init__.py").exists()}
    present |= {p.stem for p in (ROOT / "factcheck").glob("*.py") if not p.stem.startswith("__")}
    present |= {"templates", "samples"}  # shipped folders that are not packages
    assert listed == present
    for top in re.findall(r"^([a-z_.]+)/? ", block, re.M):
        assert (ROOT / top).exists(), f"the layout names {top}, which is not in the project"


def _commands() -> list[list[str]]:
    lines = [re.split(r"\s+#\s", line)[0].strip() for line in _block_after("## Command line").splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("factcheck ")]


@pytest.mark.parametrize("words", _commands(), ids=lambda w: " ".join(w[:3]))
def test_every_command_the_readme_shows_exists_with_its_options(words):
    group = typer.main.get_command(cli_app)
    args = list(words)
    if args[:1] == ["--as"]:
        args = args[2:]
    command = group
    while hasattr(command, "commands") and args and not args[0].startswith("-"):
        name = args.pop(0)
        assert name in command.commands, f"factcheck has no command {name!r}"
        command = command.commands[name]
    options = {opt for param in command.params for opt in getattr(param, "opts", [])}
    for word in args:
        if word.startswith("--"):
            assert word.split("=")[0] in options, f"{command.name} has no option {word}"


def test_the_settings_tables_name_every_setting_and_only_settings():
    settings = {f"FACTCHECK_{name.upper()}" for name in Settings.model_fields}
    named = set(re.findall(r"FACTCHECK_[A-Z0-9_]+", README)) - NOT_SETTINGS
    rows = [line for line in README.splitlines() if line.startswith("|")]
    in_tables = {name for row in rows for name in re.findall(r"FACTCHECK_[A-Z0-9_]+", row)}
    assert settings - in_tables == set(), "settings missing from the README's tables"
    assert named - settings == set(), "the README names settings that do not exist"
