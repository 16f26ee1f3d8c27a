"""What language-model calls cost, read from their log (``LlmCall``): requests, tokens, time, what
failed and how, and what the model is writing now. The article page, the ticket page and
``factcheck llm calls`` read it the same way."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from factcheck.core.config import get_settings
from factcheck.models import LlmCall, as_utc, utcnow


def writing(session: Session, *, ticket_id: int) -> dict[str, int] | None:
    """What the model is writing for a ticket now (tokens so far, seconds), or None."""
    since = utcnow() - timedelta(seconds=get_settings().llm_timeout + 60)
    stmt = select(LlmCall).where(
        LlmCall.ticket_id == ticket_id, LlmCall.outcome == "writing", col(LlmCall.created_at) >= since
    )
    rows = list(session.exec(stmt))
    if not rows:
        return None
    seconds = max((utcnow() - as_utc(r.created_at)).total_seconds() for r in rows)
    return {"tokens": sum(r.tokens_out for r in rows), "seconds": int(seconds)}


def of(rows: list[LlmCall], *, since: datetime) -> dict[str, Any]:
    """Requests, tokens and time of these calls. A call still marked as writing long after any
    call could last (its process died) counts as failed, "abandoned"."""
    now = utcnow()
    cap = timedelta(seconds=get_settings().llm_timeout + 60)
    outcomes = ["abandoned" if r.outcome == "writing" and now - as_utc(r.created_at) > cap else r.outcome for r in rows]
    answered = [r for r, o in zip(rows, outcomes, strict=True) if o in ("ok", "repaired", "length")]
    writing = [r for r, o in zip(rows, outcomes, strict=True) if o == "writing"]
    failed = Counter(o for o in outcomes if o not in ("ok", "cached", "repaired", "writing"))
    spans = sorted(
        (as_utc(r.created_at), as_utc(r.created_at) + timedelta(milliseconds=r.latency_ms))
        for r, o in zip(rows, outcomes, strict=True)
        if o != "cached"
    )
    busy, end = 0.0, None
    for start, stop in spans:  # the union of the calls' time: parallel calls count once
        if end is None or start > end:
            busy += (stop - start).total_seconds()
            end = stop
        elif stop > end:
            busy += (stop - end).total_seconds()
            end = stop
    latest = max([as_utc(r.created_at) + timedelta(milliseconds=r.latency_ms) for r in rows], default=since)
    return dict(
        calls=sum(o != "cached" for o in outcomes),
        cached=outcomes.count("cached"),
        failed=sum(failed.values()),
        failed_by=dict(failed),
        tokens_in=sum(r.tokens_in for r in rows),
        tokens_out=sum(r.tokens_out for r in rows),
        # An endpoint that counts tokens counts every prompt's: none counted is none reported.
        usage_reported=all(r.tokens_in > 0 for r in answered),
        model_seconds=round(busy, 3),
        wall_seconds=max(0.0, (latest - since).total_seconds()),
        writing=len(writing),
        writing_tokens=sum(r.tokens_out for r in writing),
        writing_seconds=max(((now - as_utc(r.created_at)).total_seconds() for r in writing), default=0.0),
    )
