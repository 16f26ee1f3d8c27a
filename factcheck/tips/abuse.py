"""Keeping the public "Send us a claim" form for people, without a third-party captcha.

Four checks, each refusing with the reason, none of them needing the reader to do anything more
than fill in the form:

- **a hidden field** people never see and form-filling programs fill in;
- **time to submit**: the form carries the time it was served, signed with the desk's secret; a
  form sent back within seconds was not read, and one served more than a day ago is stale;
- **per-address limits** counted in the desk's database, so every app process counts the same;
- **a spam score** from what spam has and claims have not: many links, shouting, repeated
  characters, the vocabulary of advertising. A high score is refused, a middling one is kept but
  flagged in the inbox.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import itsdangerous
from limits import RateLimitItemPerDay, RateLimitItemPerMinute

from factcheck.core.errors import InvalidInput, TooManyRequests
from factcheck.core.limits import SharedLimits

FASTEST_SECONDS = 3
OLDEST_SECONDS = 24 * 3600
PER_TEN_MINUTES = 5
PER_DAY = 20
REFUSE_AT = 1.0
FLAG_AT = 0.5

_SALT = "factcheck.tip-form"
_LINK = re.compile(r"https?://|www\.", re.I)
_REPEATS = re.compile(r"(.)\1{7,}")
_SPAM_WORDS = re.compile(
    r"\b(casino|viagra|cialis|porn|xxx|escort|loan offer|payday loan|bitcoin giveaway|crypto giveaway|"
    r"seo services|backlinks?|buy followers|work from home and earn|click here|100% free|limited offer)\b",
    re.I,
)


class Refused(InvalidInput):
    code = "tip_refused"


def form_stamp(secret: str, now: float | None = None) -> str:
    """What the form carries: the time it was served, signed."""
    return itsdangerous.Signer(secret, salt=_SALT).sign(str(int(now or time.time()))).decode()


def check_stamp(secret: str, stamp: str | None, now: float | None = None) -> None:
    now = now or time.time()
    try:
        served = int(itsdangerous.Signer(secret, salt=_SALT).unsign(stamp or "").decode())
    except (itsdangerous.BadSignature, ValueError):
        raise Refused("The form was not sent as the desk served it: reload the page and send it again.") from None
    waited = now - served
    if waited < FASTEST_SECONDS:
        raise Refused(
            f"The form came back {max(0, round(waited))} seconds after it was opened, faster than a person "
            f"reads it: wait a few seconds and send it again."
        )
    if waited > OLDEST_SECONDS:
        raise Refused("This form was opened more than a day ago: reload the page and send it again.")


def check_honeypot(value: str | None) -> None:
    if value:
        raise Refused(
            "A field people cannot see (“Leave this empty”) was filled in, as form-filling programs do: "
            "nothing was sent. If you are a person, reload the page and send the form again."
        )


def take_address(limits: SharedLimits, address: str) -> None:
    """Count one tip for the address, or refuse it with the wait."""
    for item, words in (
        (RateLimitItemPerMinute(PER_TEN_MINUTES, 10), f"{PER_TEN_MINUTES} claims in 10 minutes"),
        (RateLimitItemPerDay(PER_DAY), f"{PER_DAY} claims a day"),
    ):
        if not limits.take(item, "tip", address):
            wait = limits.wait_seconds(item, "tip", address)
            raise TooManyRequests(
                f"Thank you, but we take at most {words} from one address; try again in {_minutes(wait)}.",
                details={"retry_after_seconds": wait},
            )


def _minutes(seconds: int) -> str:
    return f"{seconds} seconds" if seconds < 120 else f"{round(seconds / 60)} minutes"


@dataclass(frozen=True)
class SpamScore:
    score: float
    reasons: list[str]

    @property
    def refused(self) -> bool:
        return self.score >= REFUSE_AT

    @property
    def flagged(self) -> bool:
        return self.score >= FLAG_AT


def spam_score(claim: str, seen_where: str | None) -> SpamScore:
    """How much a tip looks like spam, with the reasons (0: not at all; 1 or more: refused)."""
    score, reasons = 0.0, []
    text = f"{claim}\n{seen_where or ''}"
    links = len(_LINK.findall(claim))
    if links >= 2:
        score += 0.3 * (links - 1)
        reasons.append(f"{links} links in the claim")
    letters = [c for c in claim if c.isalpha()]
    if len(letters) >= 20 and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        score += 0.5
        reasons.append("written mostly in capitals")
    if _REPEATS.search(text):
        score += 0.5
        reasons.append("a character repeated many times")
    words = {m.group(0).lower() for m in _SPAM_WORDS.finditer(text)}
    if words:
        score += 0.6 * len(words)
        reasons.append("advertising words (" + ", ".join(sorted(words)) + ")")
    if len(letters) < 0.4 * len(claim.strip() or "x"):
        score += 0.5
        reasons.append("more symbols and digits than words")
    return SpamScore(round(score, 2), reasons)
