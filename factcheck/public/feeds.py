"""The fact-checks as an Atom feed (RFC 4287) and a sitemap (sitemaps.org 0.9): for feed readers,
aggregators and search engines. Absolute links only, from the configured public address."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from factcheck.core.config import Settings
from factcheck.public.links import Links
from factcheck.public.service import PublicCheck
from factcheck.tickets.feeds import ATOM, add_element

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_SIZE = 50


def checks_atom(checks: Sequence[PublicCheck], links: Links, settings: Settings) -> bytes:
    feed = ET.Element(f"{{{ATOM}}}feed")
    add_element(feed, "id", links.absolute(links.index()))
    add_element(feed, "title", f"{settings.org_name}: fact-checks")
    newest = max((c.updated for c in checks), default=datetime(2025, 1, 1, tzinfo=UTC))
    add_element(feed, "updated", newest.isoformat())
    author = add_element(feed, "author")
    add_element(author, "name", settings.org_name)
    add_element(author, "uri", settings.org_url)
    add_element(feed, "link", rel="self", href=links.absolute(links.feed()))
    add_element(feed, "link", rel="alternate", type="text/html", href=links.absolute(links.index()))
    for c in checks[:FEED_SIZE]:
        entry = add_element(feed, "entry")
        page = links.absolute(links.page(c))
        add_element(entry, "id", f"{links.absolute(links.index())}#{c.ticket_id}")
        add_element(entry, "title", f"{c.verdict}: {c.pub.claim[:200]}")
        add_element(entry, "published", c.first_published.isoformat())
        add_element(entry, "updated", c.updated.isoformat())
        add_element(entry, "link", rel="alternate", type="text/html", href=page)
        add_element(
            entry, "summary", ("Under review after a correction. " if c.under_review else "") + (c.pub.rationale or "")
        )
    ET.register_namespace("", ATOM)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def sitemap(checks: Sequence[PublicCheck], links: Links) -> bytes:
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    pages = [(links.index(), max((c.updated for c in checks), default=None))]
    pages += [(links.page(c), c.updated) for c in checks]
    for link, updated in pages:
        url = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = links.absolute(link)
        if updated is not None:
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = updated.date().isoformat()
    ET.register_namespace("", SITEMAP)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
