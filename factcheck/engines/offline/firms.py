"""Businesses and bodies named in passing, so that no part of their names is taken for a person's and no
firm merely called in is taken for the company a story is about."""

from __future__ import annotations

import re

# "An environmental group, Clean Seas Stennay, warned …": a body named after what it is, between commas, is
# no Mr Stennay (never "a member of the group, Ruth Rosling,").
BODY_APPOSED = re.compile(
    r"(?<!of )\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]{0,20}\s+){0,2}(?:group|charity|campaign|organi[sz]ation|trust|"
    r"society|association|union|club|coalition|network|alliance),\s+"
    r"(?P<name>[A-Z][\w&’'-]{0,30}(?:\s+(?:of|for|the|[A-Z][\w&’'-]{0,30})){0,4}),"
)
# "Administrators from the firm Keble Ryland": the words before a firm's description that say it was called in.
CALLED_IN = re.compile(
    r"\b(?:[Aa]dministrators?|[Aa]uditors?|[Aa]ccountants?|[Ll]awyers?|[Ss]olicitors?|[Ll]iquidators?|[Rr]eceivers?)"
    r"\s(?:from|at|of)\s(?:the\s)?(?:[\w-]+\s)?$"
)
# "Tibbet's, a family bakery chain with 58 shops, …": a business named for its founder, never Albert Tibbet's.
FOUNDERS_FIRM = re.compile(
    r"^(?P<name>[A-Z][\w-]{1,30}['’]s), (?:a|an|the) (?:[\w-]+ ){0,3}(?:chain|company|firm|business|brand|retailer|"
    r"bakery|store|group|label)\b"
)
