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
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

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
    also not site-local (fec0::/10: deprecated, but still routed inside networks that use it) and
    not when the IPv4 address it embeds is any of those."""
    if not ip.is_global or ip.is_multicast:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        return not ip.is_site_local and all(is_public(inner) for inner in _embedded_ipv4(ip))
    return True


class AddressRefused(FetchError):
    """The address is not one the desk will contact. ``private`` says (to the code, never to the
    person) whether the name led inward, or did not resolve at all (which may pass)."""

    def __init__(self, message: str, *, private: bool) -> None:
        super().__init__(message)
        self.private = private


def resolve_public(host: str, port: int, *, allow_private: bool = False) -> str:
    """The address to connect to for ``host``; refused unless every address it has is public.

    The fetch then connects to this address (not to a second lookup of the name), so a DNS answer
    that changes between check and use cannot send the request inward.
    """
    # One message whether the name does not resolve or resolves inward, naming no address: the
    # answer must not let someone map the names and addresses of the network the desk runs in.
    message = (
        f"{host} is not a public web address (it could not be found, or it leads to a private or local "
        "network), so the desk will not contact it. An operator can set FACTCHECK_ALLOW_PRIVATE_URLS=true "
        "to allow private addresses."
    )
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise AddressRefused(message, private=False) from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not allow_private and not all(is_public(ip) for ip in addresses):
        raise AddressRefused(message, private=True)
    return str(addresses[0])


def check_destination(url: str, *, allow_private: bool) -> None:
    """Refuse now an address the desk would refuse to send to later (a webhook being registered):
    not http(s), or a name that leads to a private or local network. A name that does not resolve
    yet is let through: the guard checks it again at every delivery."""
    parts, host, port = _split(url)
    try:
        resolve_public(host, port, allow_private=allow_private)
    except AddressRefused as refused:
        if refused.private:
            raise


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds for the whole exchange: redirects, a slow answer and its body included
    max_bytes: int  # of the answer's body
    allow_private: bool = False
    # Content types taken (None: any); anything else is refused before its body is read.
    accept: tuple[str, ...] | None = ("text/html", "application/xhtml+xml", "text/plain")
    user_agent: str = "factcheck/0.1"
    follow_redirects: bool = True
    # Past ``max_bytes``: refuse (a page that is too big to read), or keep what came and stop
    # reading (a webhook receiver's answer, of which only the status matters).
    refuse_oversize: bool = True
    # An answer of 400 or more is an error (fetch); or the caller sorts it (connectors, webhooks).
    refuse_errors: bool = True


@dataclass(frozen=True)
class Answer:
    url: str  # after redirects
    status: int
    headers: httpx.Headers
    content_type: str
    charset: str | None
    body: bytes


# What a fetch of a page was called before every exchange went through ``exchange``.
Fetched = Answer


def exchange(
    method: str,
    url: str,
    limits: Limits,
    *,
    params: dict[str, Any] | None = None,
    content: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Answer:
    """One request on a user's (or the desk's) behalf, under ``limits``; every refusal is a
    ``FactcheckError`` that says why.

    Runs its own event loop: the deadline then covers the whole exchange (a server that drips a
    byte a second is cut off at the deadline, not given a fresh timeout per read). Callers are
    synchronous (a request's worker thread, a job's, the command line), where no loop is running.
    """
    deadline = time.monotonic() + limits.timeout
    try:
        return _run(lambda: _exchange(method, url, limits, deadline, params, content, headers or {}))
    except TimeoutError:
        raise FetchError(f"The address did not answer within {limits.timeout:g} seconds.") from None


def _run(make: Callable[[], Coroutine[Any, Any, Answer]]) -> Answer:
    """Run the exchange in a loop of its own; from a thread whose loop is already running (an async
    caller), in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()


def fetch(url: str, limits: Limits) -> Answer:
    """GET a page: redirects followed (each checked again), errors and other content refused."""
    return exchange("GET", url, limits)


@dataclass(frozen=True)
class Posted:
    status: int
    retry_after: str | None


def post(
    url: str,
    body: bytes,
    headers: dict[str, str],
    *,
    timeout: float,
    allow_private: bool = False,
    user_agent: str = "factcheck/0.1",
    max_answer_bytes: int = 65_536,
) -> Posted:
    """POST ``body`` to ``url`` under the same guard as ``fetch``: http(s) only, a public address
    (checked, then connected to), no redirects followed (a webhook receiver answers itself), one
    deadline for the whole exchange, and at most ``max_answer_bytes`` of the answer read."""
    answer = exchange(
        "POST",
        url,
        Limits(
            timeout=timeout,
            max_bytes=max_answer_bytes,
            allow_private=allow_private,
            accept=None,
            user_agent=user_agent,
            follow_redirects=False,
            refuse_oversize=False,
            refuse_errors=False,
        ),
        content=body,
        headers=headers,
    )
    return Posted(answer.status, answer.headers.get("retry-after"))


def _split(url: str) -> tuple[SplitResult, str, int]:
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError("That is not a well-formed address.") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("Only http:// and https:// addresses can be fetched.")
    return parts, parts.hostname, port


async def _exchange(
    method: str,
    url: str,
    limits: Limits,
    deadline: float,
    params: dict[str, Any] | None,
    content: bytes | None,
    headers: dict[str, str],
) -> Answer:
    for _ in range(MAX_REDIRECTS + 1):
        parts, host, port = _split(url)
        # Name resolution is the system's (bounded by its own resolver timeouts); the deadline
        # covers everything after it.
        address = resolve_public(host, port, allow_private=limits.allow_private)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        # Connect to the address just checked; the name still goes in Host and in TLS (SNI and
        # certificate checks), so HTTPS is verified against the site's real name.
        netloc = f"[{address}]" if ":" in address else address
        pinned = parts._replace(netloc=f"{netloc}:{port}").geturl()
        sent = {"User-Agent": limits.user_agent, "Host": parts.netloc.rsplit("@", 1)[-1], **headers}
        async with asyncio.timeout(remaining):
            answer = await _once(method, pinned, url, sent, host, limits, params, content)
        if isinstance(answer, str):  # a redirect: each hop is checked again
            url = urljoin(url, answer)
            params = None  # they are in the target already
            continue
        return answer
    raise FetchError("Too many redirects.")


async def _once(
    method: str,
    pinned: str,
    url: str,
    headers: dict[str, str],
    sni: str,
    limits: Limits,
    params: dict[str, Any] | None,
    content: bytes | None,
) -> str | Answer:
    """One hop: the redirect's target, or the answer."""
    try:
        async with (
            httpx.AsyncClient(timeout=None, follow_redirects=False) as client,
            client.stream(
                method, pinned, params=params, content=content, headers=headers, extensions={"sni_hostname": sni}
            ) as resp,
        ):
            if limits.follow_redirects and resp.is_redirect:
                return str(resp.headers.get("location", ""))
            if limits.refuse_errors and resp.status_code >= 400:
                raise FetchError(f"The page answered HTTP {resp.status_code}.")
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            if limits.accept is not None and ctype and ctype not in limits.accept:
                raise UnsupportedMedia(f"The page is {ctype}, not HTML or text.")
            chunks, size = [], 0
            async for chunk in resp.aiter_bytes():
                size += len(chunk)
                if size > limits.max_bytes:
                    if limits.refuse_oversize:
                        raise TooLarge(f"The page is larger than {limits.max_bytes:,} bytes.")
                    chunks.append(chunk[: limits.max_bytes - (size - len(chunk))])
                    break  # leaving the block closes the connection: the rest is never read
                chunks.append(chunk)
            return Answer(
                url=url,
                status=resp.status_code,
                headers=resp.headers,
                content_type=ctype,
                charset=resp.charset_encoding,
                body=b"".join(chunks),
            )
    except httpx.HTTPError as exc:
        raise FetchError(f"The address could not be reached: {exc.__class__.__name__}.") from None
