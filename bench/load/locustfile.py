"""A newsroom at work on the desk, for Locust (https://locust.io): reviewers reading the queue and
tickets in their browsers, pages polling an article's progress, reviewers approving drafts,
proposing verdicts and adding notes, an editor exporting and deciding, and articles arriving
through the API.

Run it through ``bench/load/run.py``, which sets up a desk with data and accounts and writes the
plan this file reads (``FACTCHECK_LOAD_PLAN``: hosts' tokens, logged-in browser cookies, ids).
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from locust import HttpUser, between, task

PLAN = json.loads(Path(os.environ["FACTCHECK_LOAD_PLAN"]).read_text(encoding="utf-8"))


def _article(n: int) -> str:
    town = random.choice(["Marlow", "Riverton", "Eastbrook", "Harlow"])
    return (
        f"{town} budget round-up {n}\n\n"
        f"The {town} council voted {random.randint(5, 9)}-2 on May {random.randint(1, 28)}, 2025 to spend "
        f"${random.randint(2, 90)}.{random.randint(1, 9)} million on road repairs, the most since 2012.\n\n"
        f"Mayor Dana Whitlock said the city recorded {random.randint(100, 400)} potholes in 2024, "
        f"up {random.randint(5, 40)} percent on the year before.\n\n"
        f"According to the county, bus ridership fell {random.randint(2, 20)} percent in {town} last year.\n"
    )


class Reviewer(HttpUser):
    """A reviewer in the browser: mostly reading, sometimes deciding."""

    weight = 18
    wait_time = between(1, 4)

    def on_start(self) -> None:
        self.client.cookies.update(random.choice(PLAN["reviewer_browsers"])["cookies"])
        self.api = {"Authorization": f"Bearer {random.choice(PLAN['reviewer_tokens'])}"}

    @task(6)
    def queue(self) -> None:
        self.client.get("/", name="page: queue")

    @task(6)
    def ticket(self) -> None:
        self.client.get(f"/tickets/{random.choice(PLAN['tickets'])}", name="page: ticket")

    @task(4)
    def progress(self) -> None:
        # htmx polls this every few seconds while an article's drafts are being made.
        self.client.get(f"/articles/{random.choice(PLAN['articles'])}/progress", name="poll: article progress")

    @task(2)
    def article(self) -> None:
        self.client.get(f"/articles/{random.choice(PLAN['articles'])}", name="page: article")

    @task(2)
    def approve_draft(self) -> None:
        draft = random.choice(PLAN["drafts"])
        current = self.client.get(
            f"/api/v1/tickets/{draft['ticket']}/drafts", headers=self.api, name="api: ticket drafts"
        )
        if current.status_code != 200:
            return
        item = next((d for d in current.json() if d["id"] == draft["id"]), None)
        if item is None:
            return
        with self.client.post(
            f"/api/v1/drafts/{draft['id']}/approve",
            headers=self.api,
            json={"expected_version": item["version"]},
            name="api: approve draft",
            catch_response=True,
        ) as resp:
            if resp.status_code == 409:  # someone approved it first: expected among many reviewers
                resp.success()

    @task(1)
    def propose(self) -> None:
        tid = random.choice(PLAN["tickets"])
        ticket = self.client.get(f"/api/v1/tickets/{tid}", headers=self.api, name="api: ticket")
        if ticket.status_code != 200:
            return
        with self.client.post(
            f"/api/v1/tickets/{tid}/propose",
            headers=self.api,
            name="api: propose verdict",
            json={
                "to": random.choice(["corroborated", "disputed"]),
                "rationale": "The minutes of the meeting say so, page 4.",
                "expected_version": ticket.json()["version"],
            },
            catch_response=True,
        ) as resp:
            if resp.status_code == 409:
                resp.success()

    @task(1)
    def note(self) -> None:
        self.client.post(
            f"/api/v1/tickets/{random.choice(PLAN['tickets'])}/notes",
            headers=self.api,
            json={"text": "Called the clerk's office; the figure is in the adopted budget."},
            name="api: add note",
        )


class Editor(HttpUser):
    """An editor: the queue, exports, and verdicts."""

    weight = 2
    wait_time = between(3, 8)

    def on_start(self) -> None:
        self.api = {"Authorization": f"Bearer {random.choice(PLAN['editor_tokens'])}"}

    @task(3)
    def queue(self) -> None:
        self.client.get("/api/v1/tickets?limit=50", headers=self.api, name="api: queue")

    @task(1)
    def export(self) -> None:
        self.client.get(
            f"/api/v1/export?format=csv&include_open=true&article={random.choice(PLAN['articles'])}",
            headers=self.api,
            name="api: export csv",
        )

    @task(1)
    def verdict(self) -> None:
        tid = random.choice(PLAN["tickets"])
        ticket = self.client.get(f"/api/v1/tickets/{tid}", headers=self.api, name="api: ticket")
        if ticket.status_code != 200 or ticket.json().get("published_at"):
            return
        with self.client.post(
            f"/api/v1/tickets/{tid}/state",
            headers=self.api,
            name="api: set verdict",
            json={
                "to": random.choice(["corroborated", "disputed", "unverified"]),
                "rationale": "Checked against the adopted budget.",
                "expected_version": ticket.json()["version"],
            },
            catch_response=True,
        ) as resp:
            if resp.status_code in (409, 422):  # a race with another editor, or no change to make
                resp.success()


class Wire(HttpUser):
    """Articles arriving: a newsroom's integration posting copy through the API."""

    fixed_count = 2
    wait_time = between(5, 15)

    def on_start(self) -> None:
        self.api = {"Authorization": f"Bearer {random.choice(PLAN['wire_tokens'])}"}
        self.n = 0

    @task
    def ingest(self) -> None:
        self.n += 1
        with self.client.post(
            "/api/v1/articles",
            headers=self.api,
            name="api: ingest article",
            json={"text": _article(random.randint(1, 10**9)), "outlet": "Load test"},
            catch_response=True,
        ) as resp:
            if resp.status_code == 429:  # the per-user ingest limit, doing its job
                resp.success()


class Reader(HttpUser):
    """The public: a fact-check shared on social media, the index, a search, the feed. Readers are
    many and anonymous; a browser that has a page sends its ETag and gets 304."""

    weight = 12
    wait_time = between(1, 5)

    def on_start(self) -> None:
        self.tags: dict[str, str] = {}

    def _get(self, path: str, name: str) -> None:
        headers = {"If-None-Match": self.tags[path]} if path in self.tags and random.random() < 0.5 else {}
        resp = self.client.get(path, headers=headers, name=name, allow_redirects=True)
        if resp.status_code == 200 and "etag" in resp.headers:
            self.tags[path] = resp.headers["etag"]

    @task(6)
    def fact_check(self) -> None:
        self._get(random.choice(PLAN["published"]), "public: fact-check page")

    @task(2)
    def index(self) -> None:
        self._get("/factchecks", "public: index")

    @task(1)
    def search(self) -> None:
        word = random.choice(["council", "water", "rates", "breaks", "percent"])
        self._get(f"/factchecks?q={word}", "public: search")

    @task(1)
    def feed(self) -> None:
        self._get("/factchecks.atom", "public: feed")


class TipBot(HttpUser):
    """A newsroom's WhatsApp bot forwarding readers' claims (grouped and answered by the desk)."""

    fixed_count = 2
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.api = {"Authorization": f"Bearer {random.choice(PLAN['wire_tokens'])}"}

    @task
    def tip(self) -> None:
        claim = random.choice(
            [
                "The council voted 7-2 to raise water rates by 12 percent.",
                "Riverton recorded 214 water-main breaks in 2024.",
                f"The mayor said bus fares will rise {random.randint(5, 30)} percent next year.",
            ]
        )
        with self.client.post(
            "/api/v1/tips",
            headers=self.api,
            json={"claim": claim, "channel": "whatsapp"},
            name="api: send tip",
            catch_response=True,
        ) as resp:
            if resp.status_code == 429:  # the per-token limit, doing its job
                resp.success()
