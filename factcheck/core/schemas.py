"""Pieces every domain's request and response schemas share."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

# Database ids and versions are 32-bit integers (PostgreSQL's integer): anything larger is refused
# as invalid input (422) rather than reaching the driver.
INT_MAX = 2_147_483_647


def _json_integer(value: Any) -> Any:
    # A whole number as JSON Schema means it (7 or 7.0), never `true` or "7": pydantic's lax mode
    # would take both, its strict mode would refuse 7.0.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("a whole number is expected")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("a whole number is expected")
        return int(value)
    return value


def json_int(**constraints: Any) -> Any:
    """A whole number in a JSON body, with ``Field`` constraints (ge, le, description …)."""
    return Annotated[int, Field(**constraints), BeforeValidator(_json_integer)]


BodyId = json_int(ge=1, le=INT_MAX)
# The next version must fit too.
Version = json_int(ge=1, le=INT_MAX - 1, description="The version you based the change on")


# Exactly the characters Python's str.isspace() (so strip() and split()) treats as space, written
# as regex escapes that Python, pydantic's Rust regex and JSON Schema's ECMAScript read alike: the
# schema then says "not blank" in the very sense the services check it.
SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
NOT_BLANK = rf"[^{SPACE}]"


# What each pattern means, for the message a person reads when a value does not match it.
PATTERN_MEANINGS: dict[str, str] = {NOT_BLANK: "cannot be blank"}


def text(max_length: int, *, min_chars: int = 1, description: str | None = None) -> Any:
    """A str type for text a person writes: at most ``max_length`` characters, and at least
    ``min_chars`` once the spaces around it are stripped (a pattern JSON Schema can state)."""
    pattern = NOT_BLANK if min_chars <= 1 else rf"{NOT_BLANK}[\s\S]{{{min_chars - 2},}}{NOT_BLANK}"
    PATTERN_MEANINGS.setdefault(pattern, f"needs at least {min_chars} characters (besides spaces around them)")
    return Annotated[str, StringConstraints(max_length=max_length, pattern=pattern), Field(description=description)]


# Characters RFC 3986 does not allow in a URL as they are (they must be percent-encoded): let
# through, they turn a link into markup in Markdown and HTML (`<https://x/><script>…`).
URL_UNSAFE_CHARS = '<>"{}|\\^`'
_UNSAFE_CLASS = URL_UNSAFE_CHARS.replace("\\", "\\\\")  # the backslash escaped, for a character class
# An http(s) address with a host (what core.urls accepts): no userinfo, no brackets, none of the
# characters above, spaces only around it.
URL_PATTERN = (
    rf"^[{SPACE}]*[hH][tT][tT][pP][sS]?://[^{SPACE}/?#@\[\]\\:{_UNSAFE_CLASS}]+(:[0-9]{{1,5}})?"
    rf"([/?#][^{SPACE}{_UNSAFE_CLASS}]*)?[{SPACE}]*$"
)
PATTERN_MEANINGS[URL_PATTERN] = (
    "must be a complete http:// or https:// address, with no spaces and none of "
    '< > " { } | \\ ^ ` (write them percent-encoded, as %3C and so on)'
)
Url = Annotated[
    str,
    StringConstraints(max_length=2000, pattern=URL_PATTERN),
    Field(description="A complete http:// or https:// address", examples=["https://council.example/minutes"]),
]


def _iso_string(value: Any) -> Any:
    # JSON and query strings have no dates: only text like "2025-03-04" is one, not a number
    # of seconds (which pydantic would otherwise read as a time since 1970).
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("a date is written like 2025-03-04")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_string)]


class Strict(BaseModel):
    """A request body: unknown fields are an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


class Public(BaseModel):
    """A response: read from database rows (or any object with the same attributes)."""

    model_config = ConfigDict(from_attributes=True)
