"""Atom feeds (RFC 4287) of what the desk publishes: built with an XML library, text made XML-safe,
links from the desk's configured public address."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from factcheck.core.config import Settings
from factcheck.tickets.publishing import CorrectionEntry

ATOM = "http://www.w3.org/2005/Atom"
# What XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE and U+FFFF): a
# single one made the whole feed unreadable for every subscriber.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


def add_element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def corrections_atom(entries: Sequence[CorrectionEntry], settings: Settings) -> bytes:
    base = settings.site_url
    feed = ET.Element(f"{{{ATOM}}}feed")
    add_element(feed, "id", f"{base}/corrections")
    add_element(feed, "title", f"{settings.org_name}: corrections")
    add_element(feed, "updated", max((e.at for e in entries), default=datetime(2025, 1, 1, tzinfo=UTC)).isoformat())
    author = add_element(feed, "author")
    add_element(author, "name", settings.org_name)
    add_element(author, "uri", settings.org_url)
    add_element(feed, "link", rel="self", href=f"{base}/corrections.atom")
    add_element(feed, "link", rel="alternate", type="text/html", href=f"{base}/corrections")
    for e in entries:
        entry = add_element(feed, "entry")
        add_element(entry, "id", f"{base}/corrections#c{e.id}")
        add_element(entry, "title", e.claim[:200])
        add_element(entry, "updated", e.at.isoformat())
        add_element(entry, "link", href=f"{base}/corrections#c{e.id}")
        was = f"Was {e.was_state}" + (f" ({e.was_rating})" if e.was_rating else "")
        now = f"now {e.now_state}" + (f" ({e.now_rating})" if e.now_rating else "") if e.republished else "under review"
        add_element(entry, "summary", f"{was}; {now}. {e.note}")
    ET.register_namespace("", ATOM)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
