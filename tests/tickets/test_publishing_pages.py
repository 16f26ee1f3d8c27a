"""Publishing from the ticket page and the API: publish, locked, reopen with a correction, republish."""

from __future__ import annotations

from sqlmodel import select

from factcheck.models import Ticket
from tests.factories import ingest, make_token, make_user
from tests.helpers import login

WHY = "The council minutes record a 6-3 vote, not 7-2."
FIX = "We misread the minutes: the vote was 7-2 after all."


def test_an_editor_rates_publishes_and_corrects_from_the_ticket_page(client, session, settings):
    ticket = ingest(session, settings).tickets[0]
    make_user(session, "ed", "editor")
    csrf = login(client, "ed")
    page = client.get(f"/tickets/{ticket.id}").text
    assert '<option value="Misleading"' in page
    client.post(
        f"/tickets/{ticket.id}/state",
        data={"csrf_token": csrf, "to": "disputed", "rationale": WHY, "rating": "Misleading", "version": 1},
    )
    page = client.get(f"/tickets/{ticket.id}").text
    assert "rated <strong>Misleading</strong>" in page and "Publish this verdict" in page
    done = client.post(f"/tickets/{ticket.id}/publish", data={"csrf_token": csrf, "version": 2}, follow_redirects=False)
    assert done.status_code == 303
    page = client.get(f"/tickets/{ticket.id}").text
    assert "Locked: to change the verdict, write a correction." in page and 'name="correction"' in page
    # Without a correction the change is refused, and what was typed comes back.
    refused = client.post(
        f"/tickets/{ticket.id}/state", data={"csrf_token": csrf, "to": "unverified", "rationale": WHY, "version": 3}
    )
    assert refused.status_code == 422 and "needs a correction note" in refused.text and WHY in refused.text
    fixed = client.post(
        f"/tickets/{ticket.id}/state",
        data={
            "csrf_token": csrf,
            "to": "corroborated",
            "rationale": WHY,
            "correction": FIX,
            "rating": "Mostly true",
            "version": 3,
        },
        follow_redirects=False,
    )
    assert fixed.status_code == 303
    page = client.get(f"/tickets/{ticket.id}").text
    assert "Corrections" in page and FIX in page and "was disputed (Misleading)" in page


def test_the_api_publishes_in_bulk_and_refuses_a_reviewer(client, session, settings):
    made = ingest(session, settings).tickets[:2]
    ed, rita = make_user(session, "ed", "editor"), make_user(session, "rita")
    ed_auth = {"Authorization": f"Bearer {make_token(session, ed)}"}
    rita_auth = {"Authorization": f"Bearer {make_token(session, rita)}"}
    for t in made:
        assert (
            client.post(
                f"/api/v1/tickets/{t.id}/state",
                headers=ed_auth,
                json={"to": "disputed", "rationale": WHY, "expected_version": 1, "rating": "False"},
            ).status_code
            == 200
        )
    scale = client.get("/api/v1/ratings", headers=rita_auth).json()
    assert (scale["best"], scale["worst"]) == (5, 1) and scale["ratings"][0] == {
        "name": "True",
        "state": "corroborated",
        "value": 5,
    }
    selection = [{"id": t.id, "expected_version": 2} for t in made]
    assert (
        client.post(
            "/api/v1/tickets/bulk", headers=rita_auth, json={"action": "publish", "tickets": selection}
        ).status_code
        == 403
    )
    done = client.post("/api/v1/tickets/bulk", headers=ed_auth, json={"action": "publish", "tickets": selection})
    assert done.status_code == 200 and all(t["published_at"] for t in done.json())
    locked = client.post(f"/api/v1/tickets/{made[0].id}/notes", headers=rita_auth, json={"text": "More minutes"})
    assert locked.status_code == 409 and "reopen it with a correction" in locked.json()["error"]["message"]
    no_note = client.post(
        f"/api/v1/tickets/{made[0].id}/state",
        headers=ed_auth,
        json={"to": "unverified", "rationale": WHY, "expected_version": 3},
    )
    assert no_note.status_code == 422
    reopened = client.post(
        f"/api/v1/tickets/{made[0].id}/state",
        headers=ed_auth,
        json={"to": "unverified", "rationale": WHY, "expected_version": 3, "correction": FIX},
    )
    assert reopened.status_code == 200 and reopened.json()["published_at"] is None
    log = client.get("/api/v1/corrections", headers=rita_auth).json()
    assert [(c["ticket_id"], c["was_rating"], c["now_state"]) for c in log] == [(made[0].id, "False", None)]
    session.expire_all()
    assert len(session.exec(select(Ticket).where(Ticket.published_at.is_not(None))).all()) == 1


def test_the_corrections_log_is_public_with_a_feed(client, session, settings):
    ticket = ingest(session, settings).tickets[0]
    ed = make_user(session, "ed", "editor")
    from factcheck.tickets import publishing, states

    states.transition(
        session, actor=ed, ticket_id=ticket.id, to="disputed", rationale=WHY, expected_version=1, rating="False"
    )
    publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=2)
    states.transition(
        session, actor=ed, ticket_id=ticket.id, to="unverified", rationale=WHY, expected_version=3, correction=FIX
    )
    session.commit()
    page = client.get("/corrections")  # nobody logged in
    assert page.status_code == 200 and FIX in page.text and "was <strong>disputed (False)</strong>" in page.text
    feed = client.get("/corrections.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert "We misread the minutes" in feed.text and "<feed" in feed.text


def test_admins_edit_the_rating_scale_on_its_page(client, session):
    make_user(session, "ada", "admin")
    csrf = login(client, "ada")
    form = {
        "csrf_token": csrf,
        "name": ["Accurate", "", "Wrong"],
        "state": ["corroborated", "disputed", "disputed"],
        "value": ["5", "", "1"],
    }
    done = client.post("/ratings", data=form, follow_redirects=False)
    assert done.status_code == 303
    page = client.get("/ratings").text
    assert 'value="Accurate"' in page and 'value="Mostly true"' not in page
    bad = client.post("/ratings", data={**form, "value": ["9", "", "1"]})
    assert bad.status_code == 422 and "between 1 and 5" in bad.text
    twice = client.post("/ratings", data={**form, "value": ["1", "", "1"]})
    assert twice.status_code == 422 and "the same value (1)" in twice.text


def test_the_command_line_rates_publishes_and_corrects(session, settings, monkeypatch):
    from typer.testing import CliRunner

    from factcheck.cli import app
    from factcheck.core.config import get_settings

    ticket = ingest(session, settings).tickets[0]
    make_user(session, "ed", "editor")
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    try:
        run = CliRunner().invoke
        out = run(app, ["tickets", "ratings"])
        assert out.exit_code == 0 and "Missing context\tdisputed\t3" in out.stdout
        out = run(
            app,
            [
                "--as",
                "ed",
                "tickets",
                "state",
                str(ticket.id),
                "--to",
                "disputed",
                "--rationale",
                WHY,
                "--version",
                "1",
                "--rating",
                "Missing context",
            ],
        )
        assert out.exit_code == 0 and "rated Missing context" in out.stdout, out.output
        assert run(app, ["--as", "ed", "tickets", "publish", str(ticket.id), "--version", "2"]).exit_code == 0
        refused = run(
            app,
            [
                "--as",
                "ed",
                "tickets",
                "state",
                str(ticket.id),
                "--to",
                "unverified",
                "--rationale",
                WHY,
                "--version",
                "3",
            ],
        )
        assert refused.exit_code != 0 and "correction note" in refused.stderr
        fixed = run(
            app,
            [
                "--as",
                "ed",
                "tickets",
                "state",
                str(ticket.id),
                "--to",
                "unverified",
                "--rationale",
                WHY,
                "--version",
                "3",
                "--correction",
                FIX,
            ],
        )
        assert fixed.exit_code == 0, fixed.output
    finally:
        get_settings.cache_clear()


def test_an_editor_publishes_checked_tickets_from_the_queue(client, session, settings):
    made = ingest(session, settings).tickets[:2]
    ed = make_user(session, "ed", "editor")
    from factcheck.tickets import states

    for t in made:
        states.transition(session, actor=ed, ticket_id=t.id, to="disputed", rationale=WHY, expected_version=1)
    session.commit()
    csrf = login(client, "ed")
    assert "Publish verdicts" in client.get("/").text
    done = client.post(
        "/tickets/bulk",
        data={"csrf_token": csrf, "action": "publish", "ticket": [f"{t.id}:2" for t in made]},
        follow_redirects=False,
    )
    assert done.status_code == 303
    session.expire_all()
    assert all(session.get(Ticket, t.id).published_at for t in made)


def _published_then_reopened(session, settings):
    from factcheck.tickets import corrections, publishing, states

    ticket = ingest(session, settings).tickets[0]
    published_claim = ticket.claim
    ed, rita = make_user(session, "ed", "editor"), make_user(session, "rita")
    states.transition(
        session, actor=ed, ticket_id=ticket.id, to="disputed", rationale=WHY, expected_version=1, rating="False"
    )
    publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=2)
    states.transition(
        session, actor=ed, ticket_id=ticket.id, to="unverified", rationale=WHY, expected_version=3, correction=FIX
    )
    # Work in progress on the reopened ticket: none of it is public until an editor publishes again.
    corrections.edit_claim(
        session,
        actor=rita,
        ticket_id=ticket.id,
        expected_version=ticket.version,
        changes=corrections.ClaimChanges(claim="WORK IN PROGRESS: the vote was 7-2, maybe."),
    )
    states.transition(
        session,
        actor=ed,
        ticket_id=ticket.id,
        to="corroborated",
        rationale=WHY,
        expected_version=ticket.version,
        rating="True",
    )
    session.commit()
    return ticket, published_claim, ed


def test_the_public_log_shows_what_was_published_never_a_reopened_tickets_work(client, session, settings):
    ticket, published_claim, ed = _published_then_reopened(session, settings)
    for public in (client.get("/corrections").text, client.get("/corrections.atom").text):
        assert published_claim in public and FIX in public and "under review" in public
        assert "WORK IN PROGRESS" not in public and "corroborated" not in public and "(True)" not in public

    from factcheck.tickets import publishing

    publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=session.get(Ticket, ticket.id).version)
    session.commit()
    page = client.get("/corrections").text
    assert "now corroborated (True)" in page and "under review" not in page
    assert published_claim in page  # the entry is about the verdict that was corrected, as it was published


def test_the_feed_is_valid_atom_whatever_the_text_and_whoever_the_host(client, session, settings):
    from lxml import etree

    from factcheck.tickets import publishing, states

    ticket = ingest(session, settings).tickets[0]
    ed = make_user(session, "ed", "editor")
    states.transition(session, actor=ed, ticket_id=ticket.id, to="disputed", rationale=WHY, expected_version=1)
    publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=2)
    states.transition(
        session,
        actor=ed,
        ticket_id=ticket.id,
        to="unverified",
        rationale=WHY,
        expected_version=3,
        correction="Control \x01\x08 and \ufffe\uffff characters in the note: the feed stays valid.",
    )
    session.commit()
    client.app.state.settings = settings.model_copy(update={"public_url": "https://checks.example.org/desk/"})
    feed = client.get("/corrections.atom", headers={"Host": "evil.example"})
    root = etree.fromstring(feed.content)  # raises on XML that is not well-formed
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed"
    for required in ("id", "title", "updated", "author"):  # RFC 4287 4.1.1 (author: on the feed or each entry)
        assert root.find(f"{atom}{required}") is not None, required
    assert root.find(f"{atom}author/{atom}name").text == settings.org_name
    [entry] = root.findall(f"{atom}entry")
    for required in ("id", "title", "updated", "link", "summary"):
        assert entry.find(f"{atom}{required}") is not None, required
    links = [e.get("href") for e in root.iter(f"{atom}link")] + [e.text for e in root.iter(f"{atom}id")]
    assert links and all(u.startswith("https://checks.example.org/desk/") for u in links)
    assert "evil.example" not in feed.text
    assert "Control  and  characters in the note" in entry.find(f"{atom}summary").text


def test_a_published_ticket_shows_its_lock_and_only_the_way_to_correct_it(client, session, settings):
    from factcheck.tickets import publishing, states

    ticket = ingest(session, settings).tickets[0]
    ed = make_user(session, "ed", "editor")
    make_user(session, "rita", "reviewer")
    states.transition(
        session, actor=ed, ticket_id=ticket.id, to="disputed", rationale=WHY, expected_version=1, rating="False"
    )
    publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=2)
    session.commit()
    edits = ("/drafts/", "/claim", "/assign", "/note", "/drafts/add", "/dismiss", "/merge", "/search")

    for name, may_correct in (("rita", False), ("ed", True)):
        client.cookies.clear()
        login(client, name)
        page = client.get(f"/tickets/{ticket.id}").text
        assert 'id="locked"' in page and "this ticket is locked" in page
        forms = [a for a in page.split('action="')[1:]]
        posted_to = {f.split('"', 1)[0] for f in forms}
        assert not [p for p in posted_to if any(e in p for e in edits)], posted_to
        assert ('name="correction"' in page) is may_correct  # editors: reopen with a correction


def test_a_bulk_verdict_carries_the_rating_chosen_in_the_bar(client, session, settings):
    made = ingest(session, settings).tickets[:2]
    make_user(session, "ed", "editor")
    csrf = login(client, "ed")
    bar = client.get("/").text
    assert 'name="rating"' in bar and '<option value="Misleading">' in bar
    done = client.post(
        "/tickets/bulk",
        data={
            "csrf_token": csrf,
            "action": "state",
            "to": "disputed",
            "rating": "Misleading",
            "rationale": WHY,
            "ticket": [f"{t.id}:1" for t in made],
        },
        follow_redirects=False,
    )
    assert done.status_code == 303
    session.expire_all()
    assert [session.get(Ticket, t.id).rating for t in made] == ["Misleading", "Misleading"]
    # A rating of the other verdict is refused, for all of them.
    token = make_token(session, make_user(session, "eve", "editor"))
    wrong = client.post(
        "/api/v1/tickets/bulk",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "action": "state",
            "to": "corroborated",
            "rating": "Misleading",
            "rationale": WHY,
            "tickets": [{"id": t.id, "expected_version": 2} for t in made],
        },
    )
    assert wrong.status_code in (409, 422) and "Misleading" in wrong.text
