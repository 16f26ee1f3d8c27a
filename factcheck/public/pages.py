"""Rendering the public pages to text, for the desk's routes and for the static export alike."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from factcheck.core.config import Settings
from factcheck.exports.claimreview import jsonld_for_html
from factcheck.public import service
from factcheck.public.links import Links
from factcheck.public.service import PublicCheck


def made_by(label: str, edited: bool = False, found: bool = False) -> str:
    """Who proposed something, for a reader: "Suggested by the offline rule-based engine"."""
    engine, _, model = (label or "").partition(" ")
    if engine == "human" or not engine:
        return "A reviewer" if found else "Added by a reviewer"
    who = {
        "offline": "the desk's offline rule-based engine",
        "openai": "a language model" + (f" ({model})" if model else ""),
        "search": f"a {model} search" if model else "a search",
    }.get(engine, " ".join(x for x in (engine, model) if x))
    if found:
        return f"{who[:1].upper()}{who[1:]}, checked by a reviewer"
    return f"Suggested by {who}" + (", edited by a reviewer" if edited else "")


def _render(env: Environment, template: str, links: Links, settings: Settings, **context: Any) -> str:
    return env.get_template(template).render(links=links, settings=settings, made_by=made_by, **context)


def factcheck_page(env: Environment, found: PublicCheck, links: Links, settings: Settings) -> str:
    canonical = links.absolute(links.page(found))
    review = service.claim_review(found, canonical, settings)
    return _render(
        env,
        "public/factcheck.html",
        links,
        settings,
        check=found,
        canonical=canonical,
        jsonld=jsonld_for_html(review) if review else None,
    )


def index_page(
    env: Environment, listing: service.Listing, links: Links, settings: Settings, q: str | None, rating: str | None
) -> str:
    return _render(env, "public/index.html", links, settings, listing=listing, q=q, rating=rating)


def archive_page(
    env: Environment, found: PublicCheck, source: dict, text: str, links: Links, settings: Settings
) -> str:
    return _render(env, "public/archive.html", links, settings, check=found, source=source, text=text)
