"""Advice, whoever gives it and however it is put: "Passengers should check before they travel", "She urged
parents to check …", "Test your smoke alarms", "anyone who spots a pothole can report it online". What
to do is no claim to check, unless it carries a figure (moods.py reads the rest of what asserts nothing)."""

from __future__ import annotations

import re

from factcheck.engines.offline import drafting

# Advice to readers, whoever gives it: "Passengers should check before they travel, the group added."
_ADDRESSEE = re.compile(
    r"^(?:passengers|residents|customers|people|households|parents|drivers|motorists|shoppers|travellers|"
    r"patients|members|consumers|users|families|you|anyone|everyone)\b",
    re.I,
)
_APPEAL = re.compile(r"to (?:contact|call|ring|come forward|get in touch)\b")
# "She urged parents to check their children's records": the same advice, put as someone's urging.
# "Professor Sir X, NHS England's national medical director, urged anyone eligible to get a flu vaccine".
_URGED = re.compile(
    # "its machines never asked drivers to scan a code": what was never asked is a statement, not advice; nor is
    # what a sign told its users ("Signs at the crossing told users to phone the signaller"): what it displayed.
    r"^(?!(?:the\s|a\s)?(?:signs?|notices?|labels?|posters?)\b)(?:(?:[\w’'.-]+\s){1,5}|[^,]{1,60},\s[^,]{1,80},\s)(?<!never\s)(?<!\bnot\s)"
    r"(?:urged?|advised?|asked|encouraged?|reminded|told|warned)\s"
    r"(?:passengers|residents|customers|readers|every\sreader|"
    r"people|households|parents|drivers|motorists|shoppers|travellers|patients|members|consumers|users|families|"
    r"(?:dog\s|pet\s)?owners|walkers|swimmers|visitors|tenants|landlords|"
    # "asked anyone who saw what happened, or who has footage, to contact them": whoever it is, then what to do.
    r"the\spublic|anyone|everyone|those)(?:(?:\s(?!to\b)[\w-]+){0,3}|\swho\s(?:[^.;“”\"]|(?<=\d)\.(?=\d)){1,200}?,"
    # "asked anyone who saw a vehicle … overnight to contact them": with no comma, the appeal's own verbs.
    r"|\swho\s[^.;“”\"]{1,200}?(?=\sto\s(?:contact|call|ring|come\sforward|get\sin\stouch)\b))\sto\b",
    re.I,
)
# "X argued that the city should …": a recommendation, not a fact, unless it carries a figure.
# "should have power back by Monday" is an expectation, and checkable; "should build" and "should
# have tapped the reserve" are not.
PRESCRIPTIVE = re.compile(
    # "had not started as they should have.": a comparison with what was meant to happen, no advice.
    r"\b(should(?!\s+(?:have\s+(?!\w+(?:ed|en|wn|ne|lt|pt|ght)\b)|have(?=[.,;]|$)|be\s+(?:back|restored|complete|ready|"
    r"open)))|"
    # "would need to sell players", "will have to close": what the speaker expects of itself, a forecast.
    # "… over the summer, when they need to fatten up": a time told by what must be done then, no advice.
    # "it does not need to be mined", "a part has to be made": what a thing needs, a statement, not advice.
    r"ought\s+to|must|(?<!would )(?<!will )(?<!when they )(?<!when it )(?<!does not )(?<!doesn[’']t )needs?\s+to"
    r"(?!\s+know\b)|has\s+to(?!\s+be\s+[a-z]+(?:ed|en|de|wn|lt|pt|ght)\b)|"
    r"(?<!would )(?<!will )have\s+to|"
    # "Households are asked to save water": advice in the passive, not what happened.
    # "People are being told not to touch fallen power lines": what not to do, too.
    r"(?:is|are)\s+(?:being\s+)?(?:asked|urged|advised|encouraged|reminded|told|warned)\s+(?:not\s+)?to)\b",
    re.I,
)
# "Do not wait to see the flames", "But if you are worried, call NHS 111": a quotation that tells people
# what to do, after any condition. A number in it is whom to call, not a figure to check.
IMPERATIVE = re.compile(
    r"(?:(?:(?:But|And|So) (?:if|when|once|until)|If|When|Once|Until) [^,“”\"]{1,80}, "
    # "If you are offered cheap solar panels, ask where they came from."
    r"(?:call|ring|phone|contact|seek|visit|speak to|talk to|go to|check|do not|don[’']t|stay|keep|please|ask|tell|"
    r"report|avoid|make sure|find out|wait|leave|get|move|put|take|turn off|switch off|unplug|bring|book|register) |"
    r"(?:Do not|Don[’']t|Never|Please|Always|Avoid|Make sure|Stay|Keep|Call|Ring|Phone|Contact|Seek|Visit|"
    r"Speak to|Talk to|Go to|Check|Wear|Use|Drink|Wash|Cover|Empty|Remember|Report|Follow|Listen to|Switch off|"
    # "Look west about 40 minutes after sunset": directions to the reader, their minutes no figure to check.
    r"Turn off|Look out|Look (?:west|east|north|south|up|for)) )"
)
# "Test your smoke alarms", "Fit a carbon monoxide alarm in every room": a bare verb, then the reader's things.
_YOUR_IMPERATIVE = re.compile(r"^[A-Z][a-z]{1,12} (?:your|all your|any of your)\b")
_LABEL = re.compile(r"^[A-Z][\w’' -]{0,30}: ")
_PHONE = re.compile(r"\b(?:999|911|112|111|101|105|0800(?: ?\d){6,7})\b")  # 105: power cuts
# "anyone who spots a pothole can report it online", "Tenants can report it to the council": where to turn, which
# is advice told as a fact.
_WHERE_TO_TURN = re.compile(
    r"^(?:anyone|anybody|everyone|residents|tenants|people|customers|passengers|parents|drivers|those)\b"
    # "Residents can comment on the proposals online until January 10": how to take part, and until when.
    r"[^.;“”\"]{0,80}?\s(?:can|may)\s(?:report|contact|call|ring|email|apply|ask|get\s(?:help|advice)|comment|"
    r"respond|object|have\stheir\ssay|give\stheir\sviews)\b"
    # "Donations can be left at the food bank …": a notice to readers, with its hours.
    r"|^(?:donations|gifts|applications|entries|nominations|comments|objections)\s(?:can|may|should)\sbe\s"
    r"(?:left|dropped\soff|handed\sin|sent|made|submitted|posted)\b"
    # "Officers had warned people not to approach him": what "warned" leaves is whom, and what to do.
    r"|^(?:people|the\spublic|members\sof\sthe\spublic|anyone|everyone|residents|drivers|walkers|parents)\s"
    r"(?:not\s)?to\s[a-z]+",
    re.I,
)
# "Swimmers have been told to avoid the river": advice to the public, told as done ("Water companies have been
# told to cut spills" is an order to a body, and a claim); with a figure ("… with up to 80mm of rain forecast"),
# the reason for it is a claim.
_WHY_FIGURE = re.compile(r",\s(?:with|as|after)\s[^.;]*\d")
_TOLD_AS_DONE = re.compile(
    r"^(?:swimmers|walkers|residents|people|customers|passengers|drivers|motorists|parents|visitors|the\spublic|"
    r"households|tenants|patients|(?:dog\s)?owners)\b[^.;]{0,40}?\s(?:(?:have|has)\sbeen\s|(?:are|is)\s(?:being\s)?)"
    # "Residents are being asked to pay £40 more": a charge, and a claim.
    r"(?:asked|urged|advised|encouraged|reminded|told|warned)\s(?:not\s)?to\b(?!\s(?:pay|give|donate|contribute)\b)",
    re.I,
)


# "Parents have been told to check records after a pupil was diagnosed with measles": the event that prompted the
# advice is a claim to check.
_AFTER_EVENT = re.compile(
    r"\b(?:after|because)\s(?:a|an|the|two|three|\d{1,4})\s[^.;“”\"]{1,80}?\s(?:was|were|had\sbeen|has\sbeen)\s"
    r"(?:diagnosed|found|confirmed|detected|killed|injured|arrested|taken\sto\shospital)\b"
)


def advice(content: str) -> tuple[bool, bool]:
    """(whether ``content`` recommends rather than states, with no figure to check; whether it speaks to
    readers: "Passengers should check before they travel", "urged parents to check …")."""
    urged = _URGED.search(content)
    # "… and to call 999 if they see him": whom to call is no figure to check; nor are an appeal's hours and
    # incident number ("asked anyone … between 10.30pm and midnight to contact them on 101, quoting 1184").
    appeal = urged and _APPEAL.search(content, urged.end() - 3)
    # "Fire safety: Test your smoke alarms once a month": an instruction to readers, under its label or not
    # ("Phone records showed …" opens with a noun: only a label makes "Phone …" an instruction).
    unlabelled = _LABEL.sub("", content)
    told = _YOUR_IMPERATIVE.match(unlabelled) or (unlabelled != content and IMPERATIVE.match(unlabelled))
    # Where to turn is advice whatever its hours or numbers ("between 10am and 2pm on weekdays").
    turn = _WHERE_TO_TURN.match(content) or (_TOLD_AS_DONE.match(content) and not _WHY_FIGURE.search(content))
    turn = turn or content.startswith("Please ")  # "Please sign the petition before January 15": its date is when
    told = told or turn
    recommends = bool(
        (PRESCRIPTIVE.search(content) or urged or told)
        and (appeal or turn or not drafting.numbers(_PHONE.sub("", content)))
        and not _AFTER_EVENT.search(content)
    )
    return recommends, bool(urged or told or _ADDRESSEE.match(content))


def not_advice(words: str, position: bool) -> bool:
    """A part of a statement to keep: no advice, or a body's own position (``position``) that tells readers
    nothing to do ("…, and that drivers should use the machine" is advice however official)."""
    recommends, to_readers = advice(words)
    return not recommends or (position and not to_readers)
