"""Turning what a user gives us (text, an HTML page, a URL) into clean text: articles are ingested
this way, and sources archived."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from factcheck.core import netguard, pageparts
from factcheck.core.config import Settings
from factcheck.core.errors import InvalidInput, UnsupportedMedia

_HTML_HINT = re.compile(r"<\s*(html|body|p|div|article|head|!doctype)\b", re.I)


@dataclass
class Extracted:
    text: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None


def looks_like_html(raw: str) -> bool:
    return bool(_HTML_HINT.search(raw[:5000]))


def normalise(text: str) -> str:
    """One canonical form, so offsets are stable and the same article always hashes the same."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\t", " ")
    # Control characters (NUL among them) and lone surrogates are not text: no outlet means them,
    # and neither a database nor the engines can take them.
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"))
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def from_html(html: str, url: str | None = None) -> Extracted:
    """Main text of a page through trafilatura: menus, ads, newsletter boxes and footers stay out."""
    import trafilatura  # a large import, and plain text never needs it
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise InvalidInput("No article text could be found in that page.")
    pageparts.prune(tree)
    title = pageparts.title(tree)
    doc: Any = trafilatura.bare_extraction(  # a Document (with_metadata, not as_dict)
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if doc is None or not (doc.text or "").strip():
        raise InvalidInput("No article text could be found in that page.")
    # trafilatura separates paragraphs by single newlines; factcheck's text uses blank lines.
    body = "\n\n".join(p.strip() for p in doc.text.split("\n") if p.strip())
    published = None
    if doc.date:
        try:
            published = date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    return Extracted(text=normalise(body), title=title or doc.title, outlet=doc.sitename, published=published)


def from_raw(raw: str) -> Extracted:
    if looks_like_html(raw):
        return from_html(raw)
    return Extracted(text=normalise(raw))


def decode(data: bytes, charset: str | None = None) -> str:
    """Bytes to text; binary or undecodable input is refused with a reason."""
    if b"\x00" in data[:8000]:
        raise UnsupportedMedia("That looks like a binary file; give factcheck text, HTML or a URL.")
    for encoding in filter(None, [charset, "utf-8"]):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnsupportedMedia("The text is not valid UTF-8; save it as UTF-8 and try again.")


def fetch(url: str, settings: Settings) -> Extracted:
    """Fetch a page server-side (``core.netguard``: public http(s) only, one deadline, a size
    limit) and reduce it to its article."""
    page = netguard.fetch(
        url,
        netguard.Limits(
            timeout=settings.fetch_timeout,
            max_bytes=settings.fetch_max_bytes,
            allow_private=settings.allow_private_urls,
        ),
    )
    raw = decode(page.body, page.charset)
    if page.content_type == "text/plain":
        return Extracted(text=normalise(raw))
    return from_html(raw, page.url)
