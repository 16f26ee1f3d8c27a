"""Turning what a user gives us (text, an HTML page, a URL) into clean article text."""

from __future__ import annotations

import ipaddress
import re
import socket
import unicodedata
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

import httpx

from factcheck.core.config import Settings
from factcheck.core.errors import FetchError, InvalidInput, TooLarge, UnsupportedMedia

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
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) != "Cc")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def from_html(html: str, url: str | None = None) -> Extracted:
    """Main text of a page through trafilatura: menus, ads, newsletter boxes and footers stay out."""
    import trafilatura  # a large import, and plain text never needs it

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
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
    return Extracted(text=normalise(body), title=doc.title, outlet=doc.sitename, published=published)


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


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True only for globally routable addresses: not loopback, private, link-local (cloud
    metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved or unspecified, including
    IPv4 addresses wrapped in IPv6 (::ffff:127.0.0.1)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _resolve(host: str, port: int, settings: Settings) -> str:
    """The address to connect to for ``host``; refused unless every address it has is public.

    The fetch then connects to this address (not to a second lookup of the name), so a DNS answer
    that changes between check and use cannot send the request inward.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"The address {host!r} could not be found.") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not settings.allow_private_urls:
        for ip in addresses:
            if not is_public(ip):
                raise FetchError(
                    f"Refusing to fetch {host}: it points to a private or local address ({ip}). "
                    "Set FACTCHECK_ALLOW_PRIVATE_URLS=true to allow it."
                )
    return str(addresses[0])


def fetch(url: str, settings: Settings) -> Extracted:
    """Fetch a page server-side: http(s) only, public addresses only, size- and time-limited."""
    for _ in range(6):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("Only http:// and https:// addresses can be fetched.")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _resolve(parts.hostname, port, settings)
        # Connect to the address just checked; the name still goes in Host and in TLS (SNI and
        # certificate checks), so HTTPS is verified against the site's real name.
        netloc = f"[{address}]" if ":" in address else address
        pinned = parts._replace(netloc=f"{netloc}:{port}").geturl()
        host_header = parts.netloc.rsplit("@", 1)[-1]
        try:
            with httpx.Client(timeout=settings.fetch_timeout, follow_redirects=False) as client:
                with client.stream("GET", pinned, headers={"User-Agent": "factcheck/0.1", "Host": host_header},
                                   extensions={"sni_hostname": parts.hostname}) as resp:
                    if resp.is_redirect:
                        # Each hop is checked again: a public page must not redirect us inward.
                        url = urljoin(url, resp.headers.get("location", ""))
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"The page answered HTTP {resp.status_code}.")
                    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                    if ctype and ctype not in ("text/html", "application/xhtml+xml", "text/plain"):
                        raise UnsupportedMedia(f"The page is {ctype}, not HTML or text.")
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > settings.fetch_max_bytes:
                            raise TooLarge(f"The page is larger than {settings.fetch_max_bytes:,} bytes.")
                        chunks.append(chunk)
                    raw = decode(b"".join(chunks), resp.charset_encoding)
        except httpx.TimeoutException:
            raise FetchError(f"The page did not answer within {settings.fetch_timeout:g} seconds.") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"The page could not be fetched: {exc.__class__.__name__}.") from None
        extracted = from_html(raw, url) if ctype != "text/plain" else Extracted(text=normalise(raw))
        return extracted
    raise FetchError("Too many redirects.")
