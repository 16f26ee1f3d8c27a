"""Readers who asked to be told are emailed once when their claim's fact-check is published; the
mail goes through a real SMTP conversation with a server on 127.0.0.1."""

from __future__ import annotations

import socket

import pytest
from sqlmodel import select

from factcheck.jobs.tasks import Work
from factcheck.models import Job, Tip
from factcheck.tickets import publishing, states
from factcheck.tips import notify
from factcheck.tips import service as tips
from factcheck.tips.service import Submission
from tests.factories import make_user

aiosmtpd = pytest.importorskip("aiosmtpd.controller", reason="the test mail server needs aiosmtpd")


class Inbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def mail_server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    controller = aiosmtpd.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, inbox
    controller.stop()


def _published_tip(session, settings, *, contact="reader@news.example", consent=True):
    from factcheck.engines.offline.engine import OfflineEngine
    from factcheck.flows import tips as tip_flows

    sent = tips.submit(
        session,
        settings=settings,
        submission=Submission(
            "The Millbrook bridge cost $40 million, twice its budget.", contact=contact, consent=consent
        ),
    )
    ed = make_user(session, "ed", "editor")
    ticket = tip_flows.make_ticket(
        session, actor=ed, engine=OfflineEngine(), settings=settings, tip_id=sent.tip.id, expected_version=1
    )
    ticket = states.transition(
        session,
        actor=ed,
        ticket_id=ticket.id,
        to="disputed",
        rationale="The budget was $30 million.",
        expected_version=ticket.version,
        rating="Misleading",
    )
    publishing.publish(session, actor=ed, ticket_id=ticket.id, expected_version=ticket.version)
    session.commit()
    return sent.tip, ticket


def _run_jobs(session, task):
    for job in session.exec(select(Job).where(Job.kind == notify.KIND)).all():
        work = Work.of(job)
        loaded = task.load(session, work)
        if loaded is not None:
            task.apply(session, work, task.run(loaded))
    session.commit()


def test_a_reader_who_asked_is_emailed_once_with_the_link(session, settings, mail_server):
    port, inbox = mail_server
    tip, ticket = _published_tip(session, settings)
    smtp = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_starttls": False})
    _run_jobs(session, notify.Notify(smtp))
    [mail] = inbox.messages
    assert mail.rcpt_tos == ["reader@news.example"]
    text = mail.content.decode()
    assert "Our rating: Misleading." in text and f"https://checks.desk.example/factchecks/{ticket.id}-" in text
    _run_jobs(session, notify.Notify(smtp))  # again: nobody is told twice
    assert len(inbox.messages) == 1
    session.expire_all()
    assert session.get(Tip, tip.id).notified_at is not None


def test_no_mail_is_queued_for_a_reader_who_did_not_ask(session, settings):
    _published_tip(session, settings, contact=None, consent=False)
    assert session.exec(select(Job).where(Job.kind == notify.KIND)).all() == []
    session.rollback()


def test_a_mail_server_that_is_down_is_tried_again(session, settings):
    from factcheck.core.errors import RetryableError

    tip, _ = _published_tip(session, settings)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    task = notify.Notify(settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": closed}))
    [job] = session.exec(select(Job).where(Job.kind == notify.KIND)).all()
    letter = task.load(session, Work.of(job))
    with pytest.raises(RetryableError) as raised:
        task.run(letter)
    assert raised.value.transient and "could not be reached" in raised.value.message
    # Without a server set, the job does nothing and the reader's link says it all the same.
    assert notify.Notify(settings).load(session, Work.of(job)) is None
