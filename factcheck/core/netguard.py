"""Every request factcheck makes on a user's behalf goes through here: http(s) only, to public
addresses only (checked on every redirect, connected to the address that was checked), within one
deadline for the whole fetch and a size limit.

A user-supplied URL is the classic server-side request forgery: without these rules a desk on a
cloud machine would fetch its own metadata service, or a database on the loopback, for anyone who
can paste a link.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from factcheck.core.errors import FetchError, TooLarge, UnsupportedMedia

IP = ipaddress.IPv4Address | ipaddress.IPv6Address

MAX_REDIRECTS = 5
# IPv6 prefixes that carry an IPv4 address in their last 32 bits: reaching one reaches that IPv4
# address through a translator, so that address must be public too.
_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address leads to: mapped (::ffff:a.b.c.d), IPv4-compatible
    (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d), 6to4 (2002:AABB:CCDD::) and Teredo (both ends)."""
    found = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    if ip.teredo:
        found.extend(ip.teredo)
    if any(ip in net for net in _NAT64) or ip in _IPV4_COMPATIBLE:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def is_public(ip: IP) -> bool:
    """True only for globally routable unicast addresses: not loopback, private, link-local (cloud
    metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved or unspecified; for IPv6,
    also not when the IPv4 address it embeds is any of those."""
    if not ip.is_global or ip.is_multicast:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        return all(is_public(inner) for inner in _embedded_ipv4(ip))
    return True


def resolve_public(host: str, port: int, *, allow_private: bool = False) -> str:
    """The address to connect to for ``host``; refused unless every address it has is public.

    The fetch then connects to this address (not to a second lookup of the name), so a DNS answer
    that changes between check and use cannot send the request inward.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"The address {host!r} could not be found.") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not allow_private:
        for ip in addresses:
            if not is_public(ip):
                raise FetchError(
                    f"Refusing to fetch {host}: it points to a private or local address ({ip}). "
                    "Set FACTCHECK_ALLOW_PRIVATE_URLS=true to allow it."
                )
    return str(addresses[0])


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds for the whole fetch, redirects and a slow body included
    max_bytes: int
    allow_private: bool = False
    accept: tuple[str, ...] = ("text/html", "application/xhtml+xml", "text/plain")
    user_agent: str = "factcheck/0.1"


def fetch(url: str, limits: Limits) -> Fetched:
    """GET ``url`` under ``limits``; every refusal is a ``FactcheckError`` that says why.

    Runs its own event loop: the deadline then covers the whole exchange (a server that drips a
    byte a second is cut off at the deadline, not given a fresh timeout per read). Callers are
    synchronous (a request's worker thread, the command line), where no loop is running.
    """
    deadline = time.monotonic() + limits.timeout
    try:
        return asyncio.run(_fetch(url, limits, deadline))
    except TimeoutError:
        raise FetchError(f"The page did not answer within {limits.timeout:g} seconds.") from None


async def _fetch(url: str, limits: Limits, deadline: float) -> Fetched:
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("Only http:// and https:// addresses can be fetched.")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        # Name resolution is the system's (bounded by its own resolver timeouts); the deadline
        # covers everything after it.
        address = resolve_public(parts.hostname, port, allow_private=limits.allow_private)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        # Connect to the address just checked; the name still goes in Host and in TLS (SNI and
        # certificate checks), so HTTPS is verified against the site's real name.
        netloc = f"[{address}]" if ":" in address else address
        pinned = parts._replace(netloc=f"{netloc}:{port}").geturl()
        host_header = parts.netloc.rsplit("@", 1)[-1]
        async with asyncio.timeout(remaining):
            answer = await _get_once(pinned, host_header, parts.hostname, limits)
        if isinstance(answer, str):  # a redirect: each hop is checked again
            url = urljoin(url, answer)
            continue
        return Fetched(url=url, content_type=answer[0], charset=answer[1], body=answer[2])
    raise FetchError("Too many redirects.")


async def _get_once(pinned: str, host_header: str, sni: str, limits: Limits
                    ) -> str | tuple[str, str | None, bytes]:
    """One hop: the redirect's target, or (content type, charset, body)."""
    try:
        async with httpx.AsyncClient(timeout=None, follow_redirects=False) as client:
            async with client.stream("GET", pinned, headers={"User-Agent": limits.user_agent, "Host": host_header},
                                     extensions={"sni_hostname": sni}) as resp:
                if resp.is_redirect:
                    return resp.headers.get("location", "")
                if resp.status_code >= 400:
                    raise FetchError(f"The page answered HTTP {resp.status_code}.")
                ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                if ctype and ctype not in limits.accept:
                    raise UnsupportedMedia(f"The page is {ctype}, not HTML or text.")
                chunks, size = [], 0
                async for chunk in resp.aiter_bytes():
                    size += len(chunk)
                    if size > limits.max_bytes:
                        raise TooLarge(f"The page is larger than {limits.max_bytes:,} bytes.")
                    chunks.append(chunk)
                return ctype, resp.charset_encoding, b"".join(chunks)
    except httpx.HTTPError as exc:
        raise FetchError(f"The page could not be fetched: {exc.__class__.__name__}.") from None


@dataclass(frozen=True)
class Posted:
    status: int
    retry_after: str | None


def post(url: str, body: bytes, headers: dict[str, str], *, timeout: float, allow_private: bool = False,
         user_agent: str = "factcheck/0.1") -> Posted:
    """POST ``body`` to ``url`` under the same guard as ``fetch``: http(s) only, a public address
    (checked, then connected to), no redirects followed (a webhook receiver answers itself), one
    deadline for the whole exchange. Refusals and network failures are ``FactcheckError``s."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("Only http:// and https:// addresses can be called.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve_public(parts.hostname, port, allow_private=allow_private)
    netloc = f"[{address}]" if ":" in address else address
    pinned = parts._replace(netloc=f"{netloc}:{port}").geturl()
    sent = {"User-Agent": user_agent, "Host": parts.netloc.rsplit("@", 1)[-1], **headers}
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False) as client:
            resp = client.post(pinned, content=body, headers=sent, extensions={"sni_hostname": parts.hostname})
    except httpx.HTTPError as exc:
        raise FetchError(f"The address could not be reached: {exc.__class__.__name__}.") from None
    return Posted(resp.status_code, resp.headers.get("retry-after"))
