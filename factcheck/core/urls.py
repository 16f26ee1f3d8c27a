"""Links in what factcheck stores and shows: http(s) with a host, nothing else."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from factcheck.core.errors import InvalidInput
from factcheck.core.schemas import URL_PATTERN

MAX_URL = 2000
_URL = re.compile(URL_PATTERN)


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


def clean_url(url: str | None) -> str | None:
    """Like safe_url, for what a person typed: a bad link is refused with a reason, not dropped."""
    if not url or not url.strip():
        return None
    cleaned = safe_url(url)
    if cleaned is None:
        raise InvalidInput("Links must be complete http:// or https:// addresses.")
    return cleaned
