"""The factcheck command: ingest, users, export, migrations; errors are one line on stderr."""

import json
import re
import subprocess
import sys

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from factcheck.auth.login import authenticate
from factcheck.cli import SAMPLE, app
from factcheck.core.config import get_settings
from factcheck.core.db import make_engine
from factcheck.core.errors import NotAuthenticated
from tests.factories import ARTICLE


@pytest.fixture
def cli(settings, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


@pytest.fixture
def cli_without_tables(empty_settings, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", empty_settings.database_url)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def run(cli, *args, input=None):
    return cli.invoke(app, list(args), input=input)


def test_every_subcommand_has_help(cli):
    for args in [
        [],
        ["ingest"],
        ["export"],
        ["serve"],
        ["demo"],
        ["db", "upgrade"],
        ["users", "add"],
        ["users", "token"],
    ]:
        result = run(cli, *args, "--help")
        assert result.exit_code == 0 and "Usage" in result.output


def test_ingest_json_matches_the_documented_shape(cli, db, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run(cli, "ingest", str(path), "--json", "--outlet", "Riverton Ledger")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert set(body) >= {"article_id", "tickets"}
    for t in body["tickets"]:
        assert set(t) == {"id", "claim", "quote", "start", "end", "attribution", "score", "state"}
        assert ARTICLE.strip()[t["start"] : t["end"]] == t["quote"]


def test_ingest_from_stdin(cli, db):
    result = run(cli, "ingest", "-", "--title", "Water", input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert "Ingested article 1: Water" in result.stdout


def test_errors_are_one_line_on_stderr(cli, db, tmp_path):
    result = run(cli, "ingest", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "No such file" in result.stderr
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    result = run(cli, "ingest", str(binary))
    assert result.exit_code == 1 and "binary" in result.stderr


def test_commands_on_an_unmigrated_database_say_what_to_run(cli_without_tables):
    result = run(cli_without_tables, "ingest", "-", input=ARTICLE)
    assert result.exit_code == 1
    assert "run `factcheck db upgrade` first" in result.stderr


def test_users_add_token_and_export(cli, db, tmp_path):
    result = run(cli, "users", "add", "ed", "--role", "editor", "--password-stdin", input="a-long-password\n")
    assert result.exit_code == 0, result.output
    assert run(cli, "users", "add", "ed", "--password-stdin", input="a-long-password\n").exit_code == 1
    assert run(cli, "users", "token", "ed").stdout.startswith("fc_")
    run(cli, "ingest", "-", input=ARTICLE)
    out = tmp_path / "report.json"
    result = run(cli, "export", "--format", "json", "--include-open", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text())["tickets"]) >= 3
    assert run(cli, "export", "--format", "pdfx").exit_code == 1


def test_demo_sets_up_a_desk_without_serving(cli, settings, monkeypatch):
    monkeypatch.setenv("FACTCHECK_ORG_URL", "https://example.org/")  # restored after the test
    result = run(cli, "demo", "--no-serve")
    assert result.exit_code == 0, result.output
    # ClaimReview can be tried on the demo: the desk itself stands in for the publisher, and says so.
    assert "ClaimReview names this demo desk (http://127.0.0.1:8000/) as the publisher" in result.stdout
    assert get_settings().org_url == "http://127.0.0.1:8000/"
    printed = re.search(r"Log in at http://127.0.0.1:8000/ as demo with the password (\S+)", result.stdout)
    assert printed and "tickets" in result.stdout
    again = run(cli, "demo", "--no-serve")  # a new password each run; only the last one works
    latest = re.search(r"the password (\S+)", again.stdout).group(1)
    assert latest != printed.group(1)
    with Session(make_engine(settings)) as session:
        assert authenticate(session, name="demo", password=latest).role == "admin"
        with pytest.raises(NotAuthenticated):
            authenticate(session, name="demo", password=printed.group(1))
    assert SAMPLE.exists()


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "factcheck", "--help"], capture_output=True, text=True, check=True)
    assert "ingest" in out.stdout


def test_the_console_works_tickets_only_as_a_named_desk_user(cli, db):
    run(cli, "users", "add", "ed", "--role", "editor", "--password-stdin", input="a-long-password\n")
    run(cli, "ingest", "-", input=ARTICLE)
    listed = run(cli, "tickets", "list", "--json")
    assert listed.exit_code == 0, listed.output
    ticket = json.loads(listed.stdout)[0]
    verdict = [
        "tickets",
        "state",
        str(ticket["id"]),
        "--to",
        "disputed",
        "--rationale",
        "The minutes record a 6-3 vote.",
        "--version",
        str(ticket["version"]),
    ]
    anonymous = run(cli, *verdict)
    assert anonymous.exit_code == 1 and "add --as NAME" in anonymous.stderr
    assert run(cli, "--as", "nobody", *verdict).stderr.strip() == "factcheck: No user named 'nobody'."
    done = run(cli, "--as", "ed", *verdict)
    assert done.exit_code == 0 and f"Ticket {ticket['id']} is disputed (version 2)" in done.stdout
    stale = run(cli, "--as", "ed", *verdict)
    assert stale.exit_code == 1 and "changed by ed" in stale.stderr and stale.stderr.count("\n") == 1
    page = json.loads(run(cli, "tickets", "show", str(ticket["id"]), "--json").stdout)
    assert page["ticket"]["state"] == "disputed" and page["history"][-1]["actor_name"] == "ed"
