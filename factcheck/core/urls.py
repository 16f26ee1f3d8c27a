"""Links in what factcheck stores and shows: http(s) with a host, nothing else, and nothing a URL
may not hold as it is (RFC 3986): ``<``, ``>``, ``"``, spaces and the like would turn a link into
markup in a Markdown or HTML report."""

from __future__ import annotations

import re
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
