"""The LLM engine from the command line and in the desk's pages."""

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from factcheck.cli import app as cli_app
from factcheck.core.config import get_settings
from factcheck.devtools.scripted_llm import Fault
from tests.factories import ARTICLE, make_token, make_user
from tests.helpers import login
from tests.llm.conftest import drain


def env_for(monkeypatch, settings, llm):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_LLM_BASE_URL", llm.base_url)
    monkeypatch.setenv("FACTCHECK_LLM_MODEL", "scripted-model")
    monkeypatch.setenv("FACTCHECK_LLM_MAX_RETRIES", "0")
    monkeypatch.setenv("FACTCHECK_JOB_RETRY_START", "0.05")  # the CLI waits out failures: briefly, here
    get_settings.cache_clear()


def test_an_endpoint_setting_selects_the_openai_engine(settings, llm, monkeypatch):
    monkeypatch.setenv("FACTCHECK_LLM_BASE_URL", llm.base_url)
    get_settings.cache_clear()
    try:
        assert get_settings().engine_name == "openai"
        monkeypatch.setenv("FACTCHECK_ENGINE", "offline")
        get_settings.cache_clear()
        assert get_settings().engine_name == "offline"
    finally:
        get_settings.cache_clear()


def test_llm_check_names_the_endpoint_and_model(settings, llm, monkeypatch):
    env_for(monkeypatch, settings, llm)
    result = CliRunner().invoke(cli_app, ["llm", "check"])
    get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert f"OK: {llm.base_url}" in result.stdout and "scripted-model" in result.stdout


def test_cli_ingest_and_redraft_through_the_openai_engine(settings, db, llm, monkeypatch):
    env_for(monkeypatch, settings, llm)
    runner = CliRunner()
    for _ in range(20):
        llm.script.faults.append(Fault("status", status=500, task="draft"))
    result = runner.invoke(cli_app, ["ingest", "-", "--json"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    tickets = json.loads(result.stdout)["tickets"]
    assert tickets
    llm.script.faults.clear()
    redo = runner.invoke(cli_app, ["redraft", str(tickets[0]["id"])])
    get_settings.cache_clear()
    assert redo.exit_code == 0, redo.output
    assert f"Ticket {tickets[0]['id']} drafted again." in redo.stdout


def test_pages_show_drafting_progress_then_calls_and_a_retry_for_failed_drafts(llm_settings, session, llm):
    from bs4 import BeautifulSoup

    from factcheck.app import create_app
    from factcheck.engines.llm.engine import OpenAIEngine
    from factcheck.engines.llm.store import DatabaseStore

    settings = llm_settings.model_copy(update={"worker": False, "llm_concurrency": 1})  # jobs run below, in order
    engine = OpenAIEngine(settings, DatabaseStore(session.get_bind()))
    make_user(session, "rita")
    with TestClient(create_app(settings)) as client:
        token = login(client, "rita")
        resp = client.post("/articles", data={"text": ARTICLE, "csrf_token": token}, follow_redirects=False)
        article_url = resp.headers["location"]
        page = BeautifulSoup(client.get(article_url).text, "html.parser")
        box = page.select_one("#drafting-progress")
        assert box["hx-get"] == f"{article_url}/progress?shown=extract" and "every" in box["hx-trigger"]
        assert "Finding the claims" in box.text and "being found" in page.select_one("ol.claims").text
        assert "HX-Refresh" not in client.get(box["hx-get"]).headers  # still reading

        drain(session, engine)  # the claims are found: the page reloads once to list them
        assert client.get(box["hx-get"]).headers.get("HX-Refresh") == "true"
        page = BeautifulSoup(client.get(article_url).text, "html.parser")
        box = page.select_one("#drafting-progress")
        assert box["hx-get"] == f"{article_url}/progress" and "0 of" in box.text
        assert "HX-Refresh" not in client.get(box["hx-get"]).headers  # now drafting
        ticket_id = int(page.select_one("ol.claims a")["href"].rsplit("/", 1)[1])
        polls = BeautifulSoup(client.get(f"/tickets/{ticket_id}").text, "html.parser").select("[hx-get$='/drafting']")
        assert len(polls) == 1  # the ticket page waits for its own drafts too

        llm.script.faults.append(Fault("refusal", task="draft"))  # the first ticket's answer is a refusal
        drain(session, engine)
        done = client.get(f"{article_url}/progress")
        assert done.headers.get("HX-Refresh") == "true"  # finished: the page reloads itself once
        page = client.get(article_url).text
        assert "Language model:" in page and "tokens in" in page and "failed" in page
        ticket_page = client.get(f"/tickets/{ticket_id}").text
        assert "drafting failed: the model refused" in ticket_page
        assert f'action="/tickets/{ticket_id}/redraft"' in ticket_page
        after = client.post(f"/tickets/{ticket_id}/redraft", data={"csrf_token": token})
        assert after.status_code == 200 and "Drafting again" in after.text
        drain(session, engine)
        assert "Suggested by" in client.get(f"/tickets/{ticket_id}").text


def test_serve_finds_claims_and_drafts_in_its_own_worker_after_the_request_returns(llm_settings, session, llm):
    import time

    from factcheck.app import create_app

    token = make_token(session, make_user(session, "bot", "reviewer"))
    session.commit()
    # The model takes far longer to answer than a request may: a request that waited for it could not
    # come back before the delay, nor with the article still pending. Generous, so a busy CI runner passes.
    llm.script.delay = 3.0
    with TestClient(create_app(llm_settings)) as client:
        headers = {"Authorization": f"Bearer {token}"}
        started = time.monotonic()
        resp = client.post("/api/v1/articles", json={"text": ARTICLE}, headers=headers)
        assert resp.status_code == 201 and time.monotonic() - started < 3.0
        created = resp.json()
        assert created["article"]["extraction_status"] == "pending" and created["tickets"] == []
        llm.script.delay = 0.1
        deadline = started + 30
        while time.monotonic() < deadline:
            now = client.get(f"/api/v1/articles/{created['article_id']}", headers=headers).json()
            states = {t["drafting_status"] for t in now["tickets"]}
            if now["article"]["extraction_status"] == "done" and states == {"done"}:
                break
            time.sleep(0.1)
        assert states == {"done"}
        drafts = client.get(f"/api/v1/tickets/{now['tickets'][0]['id']}/drafts", headers=headers).json()
        assert drafts and all(d["engine"] == "openai" for d in drafts)


def test_the_article_page_lists_refused_claims_and_what_the_model_cost(llm_settings, session, llm):
    from bs4 import BeautifulSoup

    from factcheck.app import create_app
    from factcheck.devtools.scripted_llm import extraction_answer
    from factcheck.engines.llm.engine import OpenAIEngine
    from factcheck.engines.llm.store import DatabaseStore

    def with_an_invented_quote(body):
        out = extraction_answer(body)
        out["sentences"][0]["claims"].append(
            {
                "claim": "The council met in secret.",
                "quote": "met in secret",
                "speaker": None,
                "reported_by": None,
                "kind": "event",
                "checkworthiness": 0.9,
            }
        )
        return out

    llm.script.answers["extract"] = with_an_invented_quote
    llm.script.habit = "no_usage"
    settings = llm_settings.model_copy(update={"worker": False})
    engine = OpenAIEngine(settings, DatabaseStore(session.get_bind()))
    make_user(session, "rita")
    with TestClient(create_app(settings)) as client:
        token = login(client, "rita")
        article_url = client.post(
            "/articles", data={"text": ARTICLE, "csrf_token": token}, follow_redirects=False
        ).headers["location"]
        drain(session, engine)
        drain(session, engine)
        page = BeautifulSoup(client.get(article_url).text, "html.parser")
    refused = page.select_one("#rejected-claims")
    assert "1 proposed claims were refused" in refused.summary.text
    assert "its quote is not in the article" in refused.text and "The council met in secret." in refused.text
    assert "refused (listed below, with why)" in page.select_one("#extraction-summary").text
    usage = page.select_one("#llm-usage").text
    assert "requests" in usage and "did not report all token counts" in usage and "from ingest" in usage
    assert page.find("button", string="Find the claims again")
