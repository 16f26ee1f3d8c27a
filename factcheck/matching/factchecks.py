"""Published fact-checks imported into the desk (ClaimReview): one live row per page, kept with who
imported it from where, replaced or withdrawn by an editor, and matched with the desk's tickets."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from factcheck.auth.permissions import Action, Actor, require, require_person
from factcheck.core.config import Settings
from factcheck.core.errors import Conflict, InvalidInput, NotFound
from factcheck.core.limits import shared_limits
from factcheck.events import by, emit
from factcheck.events.matching import FactChecksImported, FactCheckWithdrawn
from factcheck.matching import claimreview, vectors
from factcheck.matching.finding import match_new_fact_checks
from factcheck.matching.service import imported_note
from factcheck.models import FactCheck, utcnow


@dataclass
class ImportResult:
    imported: list[FactCheck]
    skipped: list[str]  # why each review already in the desk was not imported again
    refused: list[str]  # a reason per review left out
    matches: int  # tickets found to repeat an imported claim
    replaced: list[FactCheck] = field(default_factory=list)  # withdrawn for a review imported now
    matching_later: bool = False  # a large import: a worker encodes and matches it


# An import this small is encoded and matched in the request (about 6 ms a claim); a larger one by
# the embedding job, which matches each fact-check once it is encoded.
MATCH_AT_ONCE = 200


def import_reviews(
    session: Session,
    *,
    actor: Actor,
    reading: claimreview.Reading,
    settings: Settings,
    source: str = "api",
    replace: bool = False,
) -> ImportResult:
    """Store each new review (one per page, its address normalised) and match it with the desk's
    tickets. A page already imported is skipped, saying who imported it from where; with
    ``replace`` (editors), the one already there is withdrawn and this one takes its place, so a
    first import cannot squat a page for good."""
    _may_import(actor, replace, settings)
    if not reading.reviews:
        raise InvalidInput(
            "Nothing to import: " + "; ".join(reading.refused[:10]), details={"refused": reading.refused[:100]}
        )
    keys = [claimreview.normalise_url(r.url) for r in reading.reviews]
    known = {f.url_key: f for f in session.exec(select(FactCheck).where(col(FactCheck.url_key).in_(keys)))}
    stored, skipped, replaced, seen = [], [], [], set()
    for review, key in zip(reading.reviews, keys, strict=True):
        if key in seen:
            skipped.append(f"{review.url}: the same page twice in this import")
            continue
        seen.add(key)
        if (old := known.get(key)) is not None:
            if not replace:
                skipped.append(f"{review.url}: {imported_note(old)} (an editor can replace it)")
                continue
            _withdraw(
                session,
                old,
                name=actor.name,
                note=f"Replaced by a review of the same page imported by {actor.name} from {source}.",
            )
            replaced.append(old)
        stored.append(_fact_check(review, key, actor.name, source))
        session.add(stored[-1])
    session.flush()
    if stored:
        detail = {"skipped": len(skipped), "refused": len(reading.refused), "source": source}
        emit(
            session,
            FactChecksImported(
                **by(actor), imported=len(stored), detail=detail | {"replaced": [f.id for f in replaced]}
            ),
        )
    matches = _match_now(session, stored, settings)
    return ImportResult(
        imported=stored,
        skipped=skipped,
        refused=reading.refused,
        matches=len(matches or []),
        replaced=replaced,
        matching_later=matches is None,
    )


def _match_now(session: Session, stored: list[FactCheck], settings: Settings) -> list | None:
    """The matches of a small import; None when the embedding job will match it (a large import,
    whose encoding takes minutes, or one the encoder cannot encode now: an endpoint down)."""
    if len(stored) > MATCH_AT_ONCE:
        vectors.schedule(session, reason="import")
        return None
    return match_new_fact_checks(session, fact_checks=stored, settings=settings)


def _may_import(actor: Actor, replace: bool, settings: Settings) -> None:
    require(actor, Action.ingest)
    if replace:
        require(actor, Action.publish)
    shared_limits(settings.database_url).per_minute(
        "import", settings.import_per_minute, actor.id, message="Too many ClaimReview imports"
    )


def _fact_check(review: claimreview.Review, key: str, by_name: str, source: str) -> FactCheck:
    return FactCheck(
        claim=review.claim,
        claimant=review.claimant,
        rating=review.rating,
        publisher=review.publisher,
        url=review.url,
        url_key=key,
        reviewed_on=review.reviewed_on,
        imported_by=by_name,
        source=source[:2100],
    )


def _withdraw(session: Session, fc: FactCheck, *, name: str, note: str) -> None:
    fc.withdrawn_at, fc.withdrawn_by, fc.withdrawal_note, fc.url_key = utcnow(), name, note, None
    session.add(fc)
    session.flush()  # its address is free for the review that replaces it


def withdraw_fact_check(session: Session, *, actor: Actor, fact_check_id: int, note: str) -> FactCheck:
    """Withdraw an imported fact-check (editors): a fake, or a wrong one. It is kept, with who and
    why, but no longer matched or shown as a match, and its page can be imported again."""
    person = require_person(actor, Action.publish)
    fc = session.get(FactCheck, fact_check_id)
    if fc is None:
        raise NotFound(f"No imported fact-check with id {fact_check_id}.")
    if fc.withdrawn_at is not None:
        raise Conflict(f"Fact-check {fc.id} was already withdrawn by {fc.withdrawn_by}.")
    note = (note or "").strip()
    if len(note) < 10:
        raise InvalidInput("Say in at least 10 characters why it is withdrawn.")
    _withdraw(session, fc, name=person.name, note=note[:2000])
    emit(
        session,
        FactCheckWithdrawn(**by(person), fact_check_id=fc.id, url=fc.url, imported_by=fc.imported_by, note=note),
    )
    return fc


def fact_checks(session: Session, *, limit: int = 100, before_id: int | None = None) -> list[FactCheck]:
    stmt = select(FactCheck).order_by(col(FactCheck.id).desc()).limit(limit)
    if before_id:
        stmt = stmt.where(FactCheck.id < before_id)
    return list(session.exec(stmt))
