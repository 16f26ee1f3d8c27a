"""Countries as ISO 3166 names them (pycountry): a run of capitals ending in one is a place or a body of
it ("Glacier Monitoring Switzerland"), never a person whose surname is the country."""

from __future__ import annotations

import functools

from factcheck.engines.offline import census

# Countries whose names are also people's surnames or first names often enough to leave them out.
_ALSO_NAMES = {"Jordan", "Chad", "Georgia", "Israel", "Kenya", "Dominica", "Jamaica", "Jersey", "Lucia"}


@functools.cache
def _countries() -> frozenset[str]:
    import pycountry

    names = {getattr(c, "common_name", c.name) for c in pycountry.countries} | {c.name for c in pycountry.countries}
    single = {n for n in names if " " not in n and "," not in n}
    return frozenset(n for n in single if n not in _ALSO_NAMES and not census.given_name(n))


def country(word: str) -> bool:
    """Whether ``word`` is a one-word country's name ("Switzerland", "Belgium")."""
    return word in _countries()
