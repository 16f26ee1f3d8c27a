"""Places and days a run of capitals may end in: countries as ISO 3166 names them (pycountry), so that a
run ending in one is a place or a body of it ("Glacier Monitoring Switzerland"), never a person whose
surname is the country; features of the land, sites and days of the calendar."""

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


# Places no one's surname is, however a run of capitals ends in them: "Transport for London".
_PLACES = {
    *("England", "Scotland", "Wales", "Ireland", "Britain", "London", "Europe", "America", "Africa", "Asia"),
    *("China", "India", "France", "Germany", "Spain", "Italy", "Russia", "Ukraine", "Canada", "Australia"),
    *("Japan", "Brazil", "Mexico", "Texas", "California", "Florida", "Ohio", "Paris", "Berlin", "Washington"),
}
# "Tamar Valley", "Cowley Road": a name ending in a feature of the land is a place, whatever its first word.
_GEOGRAPHY = {
    *("Valley", "River", "Road", "Street", "Avenue", "Bay", "Island", "Islands", "Forest", "Moor", "Vale"),
    *("Heath", "Estuary", "Reservoir", "Canal", "Airport", "Harbour", "Harbor", "Peninsula", "Mountains"),
    *("County", "Borough", "District", "Township", "Parish"),  # "A Weld County man …. It said he …"
}
# "Black Friday", "Boxing Day": a later "Friday" or "Day" is the calendar's, never a Mr Friday.
_CALENDAR = {
    *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Day", "Eve", "Week"),
    *("January", "February", "March", "April", "June", "July", "August", "September", "October", "November"),
    *("December", "Christmas", "Easter", "Halloween", "Diwali", "Hanukkah", "Ramadan", "Advent", "Lent"),
}
# "Purbeck Wildlife Park", "Brandon Hill": a site, unless a first name opens it ("Grace Park", "Damon Hill").
_SITES = {*("Park", "Hill", "Green", "Lane", "Wood", "Gardens", "Square", "Bridge", "Hall", "Common", "Beach"), "Farm"}
_SITES |= {"Close", "Drive", "Mews", "Crescent", "Terrace"}  # "of Orchard Close": an address, unless "Glenn Close"


def ends_no_person(tokens: list[str]) -> bool:
    """Whether a run of capitalised words (``tokens``) names a place, a site, a day or a campaign, not a person."""
    last = tokens[-1]
    site = last in _SITES and not census.given_name(tokens[0])
    # "Save Sparrow Lane Fields", "Stop the Quarry": a campaign is named for what it wants done.
    campaign = len(tokens) >= 3 and tokens[0] in {"Save", "Stop", "Protect", "Keep", "Restore", "Reclaim", "Defend"}
    return last in _PLACES or country(last) or last in _GEOGRAPHY or site or last in _CALENDAR or campaign
