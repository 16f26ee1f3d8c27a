"""First names as the US census lists them: whether a word is someone's first name, and which sex a
name says, when it says one. Read by entities.py and kinds.py alike, so it depends on neither."""

from __future__ import annotations

import functools
import re

# First names given to men and women alike, whatever list the census put them in.
_EITHER = {
    *("dana", "sam", "alex", "chris", "pat", "terry", "jamie", "robin", "kim", "jesse", "casey", "leslie"),
    *("kelly", "tracy", "shannon", "ashley", "jackie", "andy", "drew", "jean", "billie", "bobbie", "toni"),
    *("stacy", "sidney", "lynn", "marion", "jody", "jodie", "sandy", "kerry", "kris", "val", "ali", "nicola"),
    # The census's women's names that are men's too in British, Irish and West African use.
    *("ollie", "tobi", "charlie", "kai", "femi", "ade", "frankie", "alexis"),
}
# First names a British, Irish or Nigerian desk meets every week that the 1990 US census lists do not hold
# ("Liam", "Niamh"): without them a "she" could mean Liam Cullen.
_MORE_MEN = {
    *("liam", "alfie", "finley", "rhys", "callum", "connor", "kieran", "declan", "ciaran", "oisin", "cian"),
    *("darragh", "eoin", "hamish", "angus", "euan", "ewan", "fraser", "gethin", "dafydd", "emyr", "iwan"),
    *("owain", "ioan", "kwame", "chidi", "emeka", "tunde", "rahul", "arjun", "yusuf", "rohan", "aarav"),
    *("jayden", "seamus", "niall", "padraig", "tomasz", "piotr", "jakub", "mateusz", "lachie", "lachlan"),
    *("ruaridh", "ruairi", "calum", "murdo", "torquil", "alasdair", "lewis", "archie", "rory", "fergus"),
    # Men's names the census word list files under surnames, where they rank higher ("Martin", "Graham").
    *("martin", "graham", "gordon", "clive", "oliver", "gareth", "glyn", "huw", "rhodri", "duncan", "alistair"),
    *("giles", "jasper", "barnaby", "crispin", "harvey", "reece", "mervyn", "dewi", "emlyn", "aled", "geraint"),
    *("osian", "cormac", "fionn", "tadhg", "conor", "eamon", "fergal", "imran", "tariq", "bilal", "muhammad"),
    *("arlo", "lucas", "sion"),
}
_MORE_WOMEN = {
    *("niamh", "aoife", "sinead", "saoirse", "isla", "freya", "poppy", "imogen", "ffion", "cerys", "sian"),
    *("chloe", "orla", "roisin", "grainne", "eimear", "caoimhe", "nia", "seren", "carys", "bethan", "rhian"),
    *("lowri", "ngozi", "chiamaka", "priya", "anjali", "aisling", "amelie", "phoebe", "zara", "aaliyah"),
    *("agnieszka", "katarzyna", "june", "samantha", "kirsty", "morag", "ailsa", "eilidh", "catriona", "mhairi"),
    *("bronwen", "eirlys", "heledd", "llinos", "angharad", "jemima", "philippa", "felicity", "sophie", "esme"),
    *("hannah", "bryony", "zoe", "willow", "sienna"),
}


@functools.cache
def _first_names() -> tuple[frozenset[str], frozenset[str]]:
    # The US census's women's and men's first names, as zxcvbn (the password checker) ships them: each
    # name in one list only, so a name the census gives to both sexes falls in neither or in _EITHER.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    female, male = set(FREQUENCY_LISTS["female_names"]), set(FREQUENCY_LISTS["male_names"])
    return frozenset((female | _MORE_WOMEN) - _MORE_MEN), frozenset((male | _MORE_MEN) - _MORE_WOMEN)


def given_name(name: str) -> bool:
    """Whether the first word of ``name`` is a first name in the census lists ("Lucia Ferrante")."""
    female, male = _first_names()
    first = name.split()[0].lower().strip(".") if name.split() else ""
    return first in female or first in male or first in _EITHER


def pronoun_of(name: str) -> str | None:
    """ "she" or "he" when the first word of a person's name (after any title) is a first name given
    almost only to women or to men ("Patricia Lowe", "Kyle Brennan"); None when the name does not say."""
    # "her son, Liam": a person the story names by first name alone says it too.
    words = [w.lower().strip(".") for w in name.split()[:-1] or name.split()]
    female, male = _first_names()
    for word in words:
        if word in _EITHER:
            return None
        if word in female or word in male:
            return "she" if word in female else "he"
    return None


def first_of_couples(sentence: str) -> list[tuple[int, str]]:
    """ "Gail and Martin Truelove": the first of two people named with one surname, in full ("Gail Truelove",
    at its offset); the second is named in full already."""
    return [
        (m.start(), f"{m.group(1)} {m.group(3)}")
        for m in _COUPLE.finditer(sentence)
        if given_name(m.group(1)) and given_name(m.group(2))
    ]


_COUPLE = re.compile(r"\b([A-Z][a-z]{1,20}) and ([A-Z][a-z]{1,20}) ([A-Z][\w’'-]{1,30})\b")
