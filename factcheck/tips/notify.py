"""Telling a reader by email that the fact-check of their claim is published: only readers who
left an address and agreed to its use, once each, and only when the desk has an SMTP server
(FACTCHECK_SMTP_HOST). The status link says the same without any of it."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage

from sqlmodel import Session, col, select

from factcheck.core.config import Settings, get_settings
from factcheck.core.errors import RetryableError
from factcheck.jobs import service as jobs
from factcheck.jobs.tasks import Work
from factcheck.models import Tip, utcnow
from factcheck.tips.service import published_answer

KIND = "tip.notify"
TIMEOUT = 20.0


def queue_for_ticket(session: Session, ticket_id: int) -> int:
    """A job per reader to tell (the task itself does nothing while no SMTP server is set)."""
    waiting = session.exec(
        select(Tip.id).where(
            Tip.ticket_id == ticket_id,
            col(Tip.consent).is_(True),
            col(Tip.contact).is_not(None),
            col(Tip.notified_at).is_(None),
        )
    ).all()
    for tip_id in waiting:
        jobs.enqueue(session, KIND, subject_id=tip_id, dedupe=f"{KIND}:{tip_id}", reason="published")
    return len(waiting)


@dataclass(frozen=True)
class Letter:
    tip_id: int
    to: str
    subject: str
    body: str


class Notify:
    kind = KIND

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    def load(self, session: Session, work: Work) -> Letter | None:
        settings = self.settings or get_settings()
        tip = session.get(Tip, work.subject_id) if work.subject_id else None
        if not settings.smtp_host or tip is None or tip.notified_at or not (tip.consent and tip.contact):
            return None
        answer = published_answer(session, tip.ticket_id) if tip.ticket_id else None
        if answer is None:
            return None  # reopened before the job ran: the reader is told when it is published again
        link = settings.site_url + answer.path
        body = (
            f"Hello,\n\nYou asked {settings.org_name} to check this claim:\n\n  {tip.claim}\n\n"
            f"We have published our fact-check. Our rating: {answer.verdict}.\n\n{link}\n\n"
            "Thank you for sending it. You get this email once, because you asked to be told; "
            "we keep your address for nothing else.\n"
        )
        return Letter(tip.id, tip.contact, f"We checked the claim you sent: {answer.verdict}", body)

    def run(self, letter: Letter) -> datetime:
        settings = self.settings or get_settings()
        message = EmailMessage()
        message["From"] = settings.smtp_from or f"fact-check desk <noreply@{settings.smtp_host}>"
        message["To"] = letter.to
        message["Subject"] = letter.subject
        message.set_content(letter.body)
        try:
            with smtplib.SMTP(settings.smtp_host or "", settings.smtp_port, timeout=TIMEOUT) as smtp:
                if settings.smtp_starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if settings.smtp_user:
                    password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
                    smtp.login(settings.smtp_user, password)
                smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused:
            raise RetryableError("the mail server refused the reader's address") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise RetryableError(f"the mail server could not be reached or refused: {exc}", transient=True) from None
        return utcnow()

    def apply(self, session: Session, work: Work, sent_at: datetime) -> None:
        tip = session.get(Tip, work.subject_id)
        if tip is not None:
            tip.notified_at = sent_at
            session.add(tip)

    def failed(self, session: Session, work: Work, error: RetryableError, next_try: datetime | None) -> None:
        """The job's own record says why; the tip needs no mark (its status link is unchanged)."""
