"""Links in what factcheck stores and shows: http(s) with a host, nothing else, and nothing a URL
may not hold as it is (RFC 3986): ``<``, ``>``, ``"``, spaces and the like would turn a link into
markup in a Markdown or HTML report."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit

from factcheck.core.errors import InvalidInput
from factcheck.core.schemas import PATTERN_MEANINGS, URL_PATTERN, URL_UNSAFE_CHARS

MAX_URL = 2000
_URL = re.compile(URL_PATTERN)
_UNSAFE = re.compile("[" + re.escape(URL_UNSAFE_CHARS) + r"\s]")


def safe_url(url: str | None) -> str | None:
    """An http(s) URL with a host, or None: anything else (javascript:, data:, …) is dropped."""
    if not url:
        return None
    if not _URL.match(url):  # the API's schema states the same rule
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or len(url) > MAX_URL:
        return None
    return url


def found_url(url: str | None) -> str | None:
    """A URL a machine found (a search result, a model's answer): what a URL may not hold as it is
    percent-encoded, then checked like any other; nobody is there to be asked to fix it."""
    if not url:
        return None
    return safe_url(_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url.strip()))


def clean_url(url: str | None) -> str | None:
    """Like safe_url, for what a person typed: a bad link is refused with a reason, not dropped."""
    if not url or not url.strip():
        return None
    cleaned = safe_url(url)
    if cleaned is None:
        raise InvalidInput(f"The link {PATTERN_MEANINGS[URL_PATTERN]}.")
    return cleaned


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, words: int = 10) -> str:
    """A few words of ``text`` for an address a reader can read: ASCII, lower case, hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = [p for p in _NOT_SLUG.split(ascii_text) if p][:words]
    return "-".join(parts)[:80].strip("-") or "claim"


def factcheck_path(ticket_id: int, claim: str) -> str:
    """Where a published fact-check lives on the desk: ``/factchecks/12-the-claim-in-words``. The
    id alone finds it; the words are for readers (an old slug redirects to the current one)."""
    return f"/factchecks/{ticket_id}-{slug(claim)}"
