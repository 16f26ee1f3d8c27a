"""Reading published fact-checks: schema.org ClaimReview, as fact-checkers embed it in their pages
and as this desk exports it.

Accepted: one ClaimReview object, an array of them, or a JSON-LD document whose ``@graph`` holds
them (other nodes, such as the page or the organisation, are skipped); a page's
``<script type="application/ld+json">`` blocks when the input is HTML. Each review needs
``claimReviewed`` and an http(s) ``url``: without them there is nothing to match or to link to,
and the review is refused with that reason while the others are imported.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from factcheck.core.errors import InvalidInput
from factcheck.core.netguard import Fetched
from factcheck.core.urls import found_url

MAX_REVIEWS = 5_000
CLAIM_MAX = 5_000
# NUL, other control characters and lone surrogates cannot be stored; a review is plain text.
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@dataclass
class Review:
    claim: str
    url: str
    claimant: str | None = None
    rating: str | None = None
    publisher: str | None = None
    reviewed_on: date | None = None


@dataclass
class Reading:
    reviews: list[Review] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # one reason per review left out


# Parameters that track a visit, not name a page.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref|ref_src|cmpid)$", re.I)


def normalise_url(url: str) -> str:
    """The page a review URL names, for comparing: http and https, "www.", a trailing slash,
    tracking parameters, the order of the others and the fragment make no other page."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    )
    return f"{host}{path}" + (f"?{query}" if query else "")


def read(data: Any) -> Reading:
    """The reviews in parsed JSON-LD, with a reason for every ClaimReview that cannot be used."""
    nodes = _nodes(data)
    reviews = [n for n in nodes if _is_claim_review(n)]
    if not reviews:
        raise InvalidInput(
            'No ClaimReview found: expected an object with "@type": "ClaimReview", an array of '
            "them, or a JSON-LD document whose @graph holds them."
        )
    if len(reviews) > MAX_REVIEWS:
        raise InvalidInput(f"At most {MAX_REVIEWS} ClaimReviews at a time; this has {len(reviews)}.")
    out = Reading()
    for number, node in enumerate(reviews, start=1):
        claim = _text(node.get("claimReviewed"))
        url = found_url(_text(node.get("url")))  # what a URL may not hold, percent-encoded
        if not claim:
            out.refused.append(f"review {number}: claimReviewed is missing or empty")
            continue
        if not url:
            out.refused.append(f"review {number} ({claim[:60]}): url must be the review's http(s) address")
            continue
        item = node.get("itemReviewed") if isinstance(node.get("itemReviewed"), dict) else {}
        out.reviews.append(
            Review(
                claim=claim[:CLAIM_MAX],
                url=url[:2000],
                claimant=_clip(_name(item.get("author")), 300),
                rating=_clip(_rating(node.get("reviewRating")), 200),
                publisher=_clip(_name(node.get("author")) or _name(node.get("publisher")), 300),
                reviewed_on=_date(node.get("datePublished")),
            )
        )
    return out


def read_bytes(body: bytes, content_type: str = "application/json") -> Reading:
    """JSON, or an HTML page carrying ClaimReview in its JSON-LD scripts."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("The ClaimReview must be UTF-8.") from None
    if "html" in content_type or text.lstrip()[:1] == "<":
        return read(_from_html(text))
    try:
        return read(json.loads(text))
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"Not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.") from None
    except RecursionError:
        raise InvalidInput("The JSON nests too deeply to be a ClaimReview document.") from None


def read_fetched(page: Fetched) -> Reading:
    return read_bytes(page.body, page.content_type)


def _from_html(text: str) -> list[Any]:
    import lxml.html  # trafilatura's dependency, already installed

    try:
        tree = lxml.html.fromstring(text)
    except Exception:  # lxml's parser errors have no common base worth naming
        raise InvalidInput("The page could not be read as HTML.") from None
    blocks = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            blocks.append(json.loads(script.text_content()))
        except (json.JSONDecodeError, RecursionError):
            continue  # a broken block elsewhere on the page does not spoil the rest
    return blocks


def _nodes(data: Any) -> list[dict]:
    """Every object in the document, in document order: arrays flattened, @graph opened.

    A stack of iterators: linear in the size of the input however it nests (taking items off
    the front of a list was quadratic: 17.8 s of CPU for an array of 430,000 items).
    """
    out: list[dict] = []
    stack = [iter((data,))]
    while stack and len(out) <= MAX_REVIEWS * 4:
        node = next(stack[-1], _END)
        if node is _END:
            stack.pop()
        elif isinstance(node, list):
            stack.append(iter(node))
        elif isinstance(node, dict):
            if isinstance(node.get("@graph"), list):
                stack.append(iter(node["@graph"]))
            else:
                out.append(node)
    return out


_END = object()


def _is_claim_review(node: dict) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "ClaimReview" for k in kinds)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    cleaned = " ".join(_UNSTORABLE.sub(" ", value).split())
    return cleaned or None


def _clip(value: str | None, limit: int) -> str | None:
    return value[:limit] if value else None


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        return next((n for n in map(_name, value) if n), None)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _rating(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, dict):
        return None
    if name := _text(value.get("alternateName")):
        return name
    score = value.get("ratingValue")
    if isinstance(score, (int, float, str)) and str(score).strip():
        best = value.get("bestRating")
        return f"{score} of {best}" if best not in (None, "") else str(score)
    return None


def _date(value: Any) -> date | None:
    text = _text(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
