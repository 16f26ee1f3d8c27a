"""One path per action: the HTML desk, the JSON API and the command line make the same service call,
so an action leaves the same audit event whichever door it came through, and a role that lacks the
right gets the same refusal from each."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlmodel import select
from typer.testing import CliRunner

from factcheck.cli import app as cli_app
from factcheck.core.config import get_settings
from factcheck.models import DraftItem, Event, Ticket
from tests.factories import ARTICLE, ingest, make_token, make_user
from tests.helpers import login

RATIONALE = "The council's minutes record a 6-3 vote."
DOORS = ("html", "api", "cli")
CORRECTED = "The Riverton City Council voted 7-2 on March 4, 2025 to raise residential water rates by 12 percent."
# Passages of the article no ticket covers: one for each door to add.
MISSED = {
    "html": "Riverton council raises water rates",
    "api": "the largest increase since 2009",
    "cli": "for pipe replacement",
}
TARGET_IDS: dict[str, int] = {}
FACT_CHECK_IDS: dict[str, int] = {}
WITHDRAWN = "A fake: the fact-checker never published this page."


@dataclass
class Outcome:
    ok: bool
    message: str


class Doors:
    """The three ways in, each acting as a named desk user."""

    def __init__(self, app, runner: CliRunner, tokens: dict[str, str]) -> None:
        self.app = app
        self.runner = runner
        self.tokens = tokens
        self.browsers: dict[str, tuple[TestClient, str]] = {}

    def _browser(self, user: str) -> tuple[TestClient, str]:
        """A browser logged in as ``user`` (with its CSRF token), kept for the test."""
        if user not in self.browsers:
            client = TestClient(self.app).__enter__()
            self.browsers[user] = (client, login(client, user))
        return self.browsers[user]

    def form(self, user: str, path: str, **fields) -> Outcome:
        client, csrf = self._browser(user)
        return self._page_outcome(client.post(path, data={"csrf_token": csrf, **fields}, follow_redirects=False))

    def page(self, user: str, path: str) -> Outcome:
        client, _ = self._browser(user)
        return self._page_outcome(client.get(path, follow_redirects=False))

    @staticmethod
    def _page_outcome(resp) -> Outcome:
        if resp.status_code < 400:
            return Outcome(True, "")
        alert = BeautifulSoup(resp.text, "html.parser").find(role="alert")
        return Outcome(False, alert.text.strip() if alert else resp.text[:200])

    def api(self, user: str, method: str, path: str, body: dict | None = None) -> Outcome:
        with TestClient(self.app) as client:
            resp = client.request(method, path, json=body, headers={"Authorization": f"Bearer {self.tokens[user]}"})
        if resp.status_code < 400:
            return Outcome(True, "")
        return Outcome(False, resp.json()["error"]["message"])

    def cli(self, user: str, *args: str, input: str | None = None) -> Outcome:
        result = self.runner.invoke(cli_app, ["--as", user, *args], input=input)
        if result.exit_code == 0:
            return Outcome(True, "")
        return Outcome(False, re.sub(r"^factcheck: ", "", result.stderr.strip()))

    def close(self) -> None:
        for client, _ in self.browsers.values():
            client.__exit__(None, None, None)


@dataclass
class Subject:
    """What an action works on: a ticket (and its first draft) of its own for each door, and a
    ticket of another article that all doors' duplicates can be merged into."""

    ticket: Ticket
    draft_id: int
    door: str
    survivor: Ticket | None = None
    article_text: str = ""

    @property
    def target(self) -> str:
        """The user whose account this door's user actions change."""
        return f"target-{self.door}"

    @property
    def target_id(self) -> int:
        return TARGET_IDS[self.door]


@dataclass
class WriteAction:
    name: str
    doors: dict[str, Callable[[Doors, str, Subject], Outcome]]
    audit: str
    allowed: str
    refused: str | None = None
    # Put each door's ticket in the state the action starts from (say, dismissed before a restore).
    prepare: Callable[[Any, Subject], None] | None = None
    # Whether the event's from_value is the same for every door (a claim's old words are not).
    same_before: bool = True


def _draft_id(session, ticket_id: int) -> int:
    return session.exec(select(DraftItem.id).where(DraftItem.ticket_id == ticket_id).order_by(DraftItem.id)).first()


ACTIONS = [
    WriteAction(
        "ingest an article",
        {
            "html": lambda d, u, s: d.form(u, "/articles", text=ARTICLE.replace("214", f"2{s.door}14")),
            "api": lambda d, u, s: d.api(
                u, "POST", "/api/v1/articles", {"text": ARTICLE.replace("214", f"2{s.door}14")}
            ),
            "cli": lambda d, u, s: d.cli(u, "ingest", "-", input=ARTICLE.replace("214", f"2{s.door}14")),
        },
        audit="ingest",
        allowed="rita",
    ),
    WriteAction(
        "set a verdict",
        {
            "html": lambda d, u, s: d.form(
                u, f"/tickets/{s.ticket.id}/state", to="disputed", rationale=RATIONALE, version=str(s.ticket.version)
            ),
            "api": lambda d, u, s: d.api(
                u,
                "POST",
                f"/api/v1/tickets/{s.ticket.id}/state",
                {"to": "disputed", "rationale": RATIONALE, "expected_version": s.ticket.version},
            ),
            "cli": lambda d, u, s: d.cli(
                u,
                "tickets",
                "state",
                str(s.ticket.id),
                "--to",
                "disputed",
                "--rationale",
                RATIONALE,
                "--version",
                str(s.ticket.version),
            ),
        },
        audit="dispute",
        allowed="ed",
        refused="rita",
    ),
    WriteAction(
        "propose a verdict",
        {
            "html": lambda d, u, s: d.form(
                u, f"/tickets/{s.ticket.id}/propose", to="disputed", rationale=RATIONALE, version=str(s.ticket.version)
            ),
            "api": lambda d, u, s: d.api(
                u,
                "POST",
                f"/api/v1/tickets/{s.ticket.id}/propose",
                {"to": "disputed", "rationale": RATIONALE, "expected_version": s.ticket.version},
            ),
            "cli": lambda d, u, s: d.cli(
                u,
                "tickets",
                "propose",
                str(s.ticket.id),
                "--to",
                "disputed",
                "--rationale",
                RATIONALE,
                "--version",
                str(s.ticket.version),
            ),
        },
        audit="propose",
        allowed="rita",
    ),
    WriteAction(
        "assign a ticket to oneself",
        {
            "html": lambda d, u, s: d.form(
                u, f"/tickets/{s.ticket.id}/assign", assignee="me", version=str(s.ticket.version)
            ),
            "api": lambda d, u, s: d.api(
                u,
                "POST",
                f"/api/v1/tickets/{s.ticket.id}/assign",
                {"assignee_id": 2, "expected_version": s.ticket.version},
            ),
            "cli": lambda d, u, s: d.cli(
                u, "tickets", "assign", str(s.ticket.id), "--to", u, "--version", str(s.ticket.version)
            ),
        },
        audit="assign",
        allowed="rita",
    ),
    WriteAction(
        "add an evidence note",
        {
            "html": lambda d, u, s: d.form(u, f"/tickets/{s.ticket.id}/notes", text="Minutes, page 4."),
            "api": lambda d, u, s: d.api(
                u, "POST", f"/api/v1/tickets/{s.ticket.id}/notes", {"text": "Minutes, page 4."}
            ),
            "cli": lambda d, u, s: d.cli(u, "tickets", "note", str(s.ticket.id), "Minutes, page 4."),
        },
        audit="note",
        allowed="rita",
    ),
    WriteAction(
        "approve a draft",
        {
            "html": lambda d, u, s: d.form(u, f"/drafts/{s.draft_id}/approve", version="1"),
            "api": lambda d, u, s: d.api(u, "POST", f"/api/v1/drafts/{s.draft_id}/approve", {"expected_version": 1}),
            "cli": lambda d, u, s: d.cli(u, "drafts", "approve", str(s.draft_id), "--version", "1"),
        },
        audit="draft.approved",
        allowed="rita",
    ),
    WriteAction(
        "reject a draft",
        {
            "html": lambda d, u, s: d.form(u, f"/drafts/{s.draft_id}/reject", version="1"),
            "api": lambda d, u, s: d.api(u, "POST", f"/api/v1/drafts/{s.draft_id}/reject", {"expected_version": 1}),
            "cli": lambda d, u, s: d.cli(u, "drafts", "reject", str(s.draft_id), "--version", "1"),
        },
        audit="draft.rejected",
        allowed="rita",
    ),
    WriteAction(
        "edit a draft",
        {
            "html": lambda d, u, s: d.form(
                u, f"/drafts/{s.draft_id}/edit", version="1", text="Did the council vote 6-3?"
            ),
            "api": lambda d, u, s: d.api(
                u,
                "POST",
                f"/api/v1/drafts/{s.draft_id}/edit",
                {"text": "Did the council vote 6-3?", "expected_version": 1},
            ),
            "cli": lambda d, u, s: d.cli(
                u, "drafts", "edit", str(s.draft_id), "--text", "Did the council vote 6-3?", "--version", "1"
            ),
        },
        audit="draft.edited",
        allowed="rita",
    ),
    WriteAction(
        "add one's own question",
        {
            "html": lambda d, u, s: d.form(
                u, f"/tickets/{s.ticket.id}/drafts", kind="question", text="Were two members absent?"
            ),
            "api": lambda d, u, s: d.api(
                u,
                "POST",
                f"/api/v1/tickets/{s.ticket.id}/drafts",
                {"kind": "question", "text": "Were two members absent?"},
            ),
            "cli": lambda d, u, s: d.cli(
                u, "drafts", "add", str(s.ticket.id), "--kind", "question", "--text", "Were two members absent?"
            ),
        },
        audit="draft.added",
        allowed="rita",
    ),
    WriteAction(
        "draft a ticket again",
        {
            "html": lambda d, u, s: d.form(u, f"/tickets/{s.ticket.id}/redraft"),
            "api": lambda d, u, s: d.api(u, "POST", f"/api/v1/tickets/{s.ticket.id}/redraft"),
            "cli": lambda d, u, s: d.cli(u, "redraft", str(s.ticket.id)),
        },
        audit="redraft",
        allowed="rita",
    ),
    WriteAction(
        "add a user",
        {
            "html": lambda d, u, s: d.form(
                u, "/users", name=f"new-{s.door}", role="reviewer", password="long-enough-pw"
            ),
            "api": lambda d, u, s: d.api(
                u, "POST", "/api/v1/users", {"name": f"new-{s.door}", "role": "reviewer", "password": "long-enough-pw"}
            ),
            "cli": lambda d, u, s: d.cli(
                u, "users", "add", f"new-{s.door}", "--role", "reviewer", "--password-stdin", input="long-enough-pw\n"
            ),
        },
        audit="user.create",
        allowed="ada",
        refused="ed",
    ),
    WriteAction(
        "correct a claim",
        {
            "html": lambda d, u, s: d.form(
                u, f"/tickets/{s.ticket.id}/claim", version="1", claim=CORRECTED, kind="event"
            ),
            "api": lambda d, u, s: d.api(
                u,
                "PATCH",
                f"/api/v1/tickets/{s.ticket.id}",
                {"claim": CORRECTED, "kind": "event", "expected_version": 1},
            ),
            "cli": lambda d, u, s: d.cli(
                u, "tickets", "edit", str(s.ticket.id), "--claim", CORRECTED, "--kind", "event", "--version", "1"
            ),
        },
        audit="claim.edit",
        allowed="rita",
        same_before=False,
    ),
    WriteAction(
        "dismiss a ticket",
        {
            "html": lambda d, u, s: d.form(
                u, f"/tickets/{s.ticket.id}/dismiss", version="1", reason="opinion", note="A view, not a fact."
            ),
            "api": lambda d, u, s: d.api(
                u,
                "POST",
                f"/api/v1/tickets/{s.ticket.id}/dismiss",
                {"reason": "opinion", "note": "A view, not a fact.", "expected_version": 1},
            ),
            "cli": lambda d, u, s: d.cli(
                u,
                "tickets",
                "dismiss",
                str(s.ticket.id),
                "--reason",
                "opinion",
                "--note",
                "A view, not a fact.",
                "--version",
                "1",
            ),
        },
        audit="dismiss",
        allowed="rita",
    ),
    WriteAction(
        "restore a dismissed ticket",
        {
            "html": lambda d, u, s: d.form(u, f"/tickets/{s.ticket.id}/restore", version="2"),
            "api": lambda d, u, s: d.api(u, "POST", f"/api/v1/tickets/{s.ticket.id}/restore", {"expected_version": 2}),
            "cli": lambda d, u, s: d.cli(u, "tickets", "restore", str(s.ticket.id), "--version", "2"),
        },
        audit="restore",
        allowed="rita",
        prepare=lambda session, s: _dismissed(session, s.ticket),
    ),
    WriteAction(
        "merge a duplicate",
        {
            "html": lambda d, u, s: d.form(u, f"/tickets/{s.ticket.id}/merge", version="1", into=str(s.survivor.id)),
            "api": lambda d, u, s: d.api(
                u, "POST", f"/api/v1/tickets/{s.ticket.id}/merge", {"into": s.survivor.id, "expected_version": 1}
            ),
            "cli": lambda d, u, s: d.cli(
                u, "tickets", "merge", str(s.ticket.id), "--into", str(s.survivor.id), "--version", "1"
            ),
        },
        audit="merge",
        allowed="rita",
    ),
    WriteAction(
        "add a missed claim",
        {
            "html": lambda d, u, s: d.form(
                u, f"/articles/{s.ticket.article_id}/tickets", quote=MISSED["html"], claim=CORRECTED
            ),
            "api": lambda d, u, s: d.api(
                u,
                "POST",
                f"/api/v1/articles/{s.ticket.article_id}/tickets",
                {**_span(s, MISSED["api"]), "claim": CORRECTED},
            ),
            "cli": lambda d, u, s: d.cli(
                u, "tickets", "add", str(s.ticket.article_id), "--quote", MISSED["cli"], "--claim", CORRECTED
            ),
        },
        audit="claim.add",
        allowed="rita",
    ),
    # Not yet in the web desk: switching users off and tokens are API and command-line actions.
    WriteAction(
        "switch a user off",
        {
            "api": lambda d, u, s: d.api(u, "PATCH", f"/api/v1/users/{s.target_id}", {"active": False}),
            "cli": lambda d, u, s: d.cli(u, "users", "update", s.target, "--inactive"),
        },
        audit="user.update",
        allowed="ada",
        refused="ed",
    ),
    WriteAction(
        "issue someone else's API token",
        {
            "api": lambda d, u, s: d.api(u, "POST", f"/api/v1/users/{s.target_id}/tokens", {"label": "api"}),
            "cli": lambda d, u, s: d.cli(u, "users", "token", s.target, "--label", "api"),
        },
        audit="token.issue",
        allowed="ada",
        refused="ed",
    ),
    WriteAction(
        "withdraw an imported fact-check",
        {
            "html": lambda d, u, s: d.form(
                u, f"/tickets/{s.ticket.id}/factchecks/{FACT_CHECK_IDS[s.door]}/withdraw", note=WITHDRAWN
            ),
            "api": lambda d, u, s: d.api(
                u, "POST", f"/api/v1/factchecks/{FACT_CHECK_IDS[s.door]}/withdraw", {"note": WITHDRAWN}
            ),
            "cli": lambda d, u, s: d.cli(u, "import", "withdraw", str(FACT_CHECK_IDS[s.door]), "--note", WITHDRAWN),
        },
        audit="factcheck.withdraw",
        allowed="ed",
        refused="rita",
        prepare=lambda session, s: _fact_check(session, s),
    ),
    WriteAction(
        "require two-factor sign-in of a role",
        {
            "html": lambda d, u, s: d.form(u, "/users/two-factor", role="reviewer"),
            "api": lambda d, u, s: d.api(u, "PUT", "/api/v1/users/two-factor-roles", {"roles": ["reviewer"]}),
            "cli": lambda d, u, s: d.cli(u, "users", "two-factor-roles", "reviewer"),
        },
        audit="desk.two_factor_roles",
        allowed="ada",
        refused="ed",
        same_before=False,
    ),
    WriteAction(
        "revoke someone else's API tokens",
        {
            "api": lambda d, u, s: d.api(u, "POST", f"/api/v1/users/{s.target_id}/tokens/revoke"),
            "cli": lambda d, u, s: d.cli(u, "users", "revoke", s.target),
        },
        audit="token.revoke",
        allowed="ada",
        refused="ed",
    ),
]


@pytest.fixture
def doors(app, settings, session, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    people = [
        make_user(session, "ada", "admin"),
        make_user(session, "rita", "reviewer"),
        make_user(session, "ed", "editor"),
    ]
    assert people[1].id == 2  # the API's assignment above names rita by id
    for door in DOORS:
        target = make_user(session, f"target-{door}", "reviewer")
        TARGET_IDS[door] = target.id
        make_token(session, target)  # so that revoking revokes one
    with TestClient(app):  # the app's lifespan opens its database
        d = Doors(app, CliRunner(), {p.name: make_token(session, p) for p in people})
        yield d
        d.close()
    get_settings.cache_clear()


def _subjects(session, settings) -> dict[str, Subject]:
    """A ticket per door (the actions must not trip over each other's versions), with its first draft."""
    result = ingest(session, settings, text=ARTICLE.replace("March 3", "March 4"))
    survivor = ingest(session, settings, text=ARTICLE.replace("214", "215")).tickets[0]
    assert len(result.tickets) >= len(DOORS)
    return {
        door: Subject(t, _draft_id(session, t.id), door, survivor, result.article.text)
        for door, t in zip(DOORS, result.tickets, strict=False)
    }


def _dismissed(session, ticket: Ticket) -> None:
    from factcheck.tickets import corrections
    from factcheck.users import service as users

    corrections.dismiss(
        session,
        actor=users.by_name(session, "ed"),
        ticket_id=ticket.id,
        reason="opinion",
        note=None,
        expected_version=1,
    )
    session.commit()


def _fact_check(session, subject: Subject) -> None:
    from factcheck.models import FactCheck

    fc = FactCheck(
        claim="Riverton raised water rates by 12 percent.",
        url=f"https://checks.example/{subject.door}",
        url_key=f"checks.example/{subject.door}",
        imported_by="rita",
        source="api",
    )
    session.add(fc)
    session.commit()
    FACT_CHECK_IDS[subject.door] = fc.id


def _span(subject: Subject, words: str) -> dict:
    """Where ``words`` are in the subject's article, as the API takes them."""
    start = subject.article_text.index(words)
    return {"start": start, "end": start + len(words)}


def _last_event_id(session) -> int:
    session.expire_all()
    return session.exec(select(Event.id).order_by(Event.id.desc()).limit(1)).first() or 0


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name)
def test_each_door_records_the_same_audit_event(doors, session, settings, action):
    subjects = _subjects(session, settings)
    if action.prepare:
        for door in action.doors:
            action.prepare(session, subjects[door])
    seen = {}
    for door, perform in action.doors.items():
        before = _last_event_id(session)
        outcome = perform(doors, action.allowed, subjects[door])
        assert outcome.ok, f"{door}: {outcome.message}"
        (event,) = session.exec(select(Event).where(Event.id > before, Event.action == action.audit)).all()
        seen[door] = (
            event.action,
            event.actor_name,
            event.from_value if action.same_before else None,
            event.to_value,
            event.rationale,
        )
    assert len(set(seen.values())) == 1, seen
    assert next(iter(seen.values()))[1] == action.allowed


@pytest.mark.parametrize("action", [a for a in ACTIONS if a.refused], ids=lambda a: a.name)
def test_each_door_gives_the_same_refusal_and_stores_nothing(doors, session, settings, action):
    subjects = _subjects(session, settings)
    before = _last_event_id(session)
    messages = {}
    for door, perform in action.doors.items():
        outcome = perform(doors, action.refused, subjects[door])
        assert not outcome.ok, f"{door} let {action.refused} {action.name}"
        messages[door] = outcome.message
    assert len(set(messages.values())) == 1, messages
    assert "may not" in next(iter(messages.values()))
    assert _last_event_id(session) == before


def test_each_door_refuses_a_reviewer_the_export_with_the_same_message(doors, session, settings):
    ingest(session, settings)
    messages = {
        "html": doors.page("rita", "/exports/download?format=csv").message,
        "api": doors.api("rita", "GET", "/api/v1/export?format=csv").message,
        "cli": doors.cli("rita", "export", "--format", "csv").message,
    }
    assert set(messages.values()) == {"Your role (reviewer) may not export reports."}, messages
    assert doors.cli("ed", "export", "--format", "csv").ok and doors.api("ed", "GET", "/api/v1/export").ok
