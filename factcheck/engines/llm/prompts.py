"""Prompt templates: files in prompts/, rendered strictly, identified by name and a hash of their text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache, lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from factcheck.core.resources import bundled

_USER_MARKER = "=== user ==="


@dataclass(frozen=True)
class Prompt:
    name: str
    hash: str
    source: str

    def render(self, **values) -> list[dict]:
        """System and user messages; a missing value is an error, never an empty string."""
        text = _env().get_template(f"{self.name}.j2").render(**values)
        system, _, user = text.partition(_USER_MARKER)
        return [{"role": "system", "content": system.strip()}, {"role": "user", "content": user.strip()}]


def data(value: object) -> str:
    """Untrusted text (a claim, a search result) as it goes inside the prompt's <claim>, <results>
    … delimiters: &, < and > escaped, so no text can close a delimiter early ("</results>" in a
    search result's snippet) and open a part of the prompt of its own."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@lru_cache(maxsize=1)
def _env() -> Environment:
    # Prompts are plain text for a model: no HTML autoescaping, and undefined names fail loudly.
    env = Environment(
        loader=FileSystemLoader(str(bundled("prompts"))),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
    )
    env.filters["data"] = data
    return env


@cache
def load(name: str) -> Prompt:
    path = bundled("prompts") / f"{name}.j2"
    source = path.read_text(encoding="utf-8")
    return Prompt(name=name, hash=hashlib.sha256(source.encode()).hexdigest()[:16], source=source)
