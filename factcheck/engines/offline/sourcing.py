"""Offline drafting of candidate sources: where a checker would look to settle the claim (the
original report, the speaker's words, the record of its kind, the data, the bodies it names).

Rule-based like the questions (``drafting``): each source says why it is suggested and what to
search for, never that it says anything.
"""

from __future__ import annotations

import re

from factcheck.engines.base import ClaimContext, DraftedSource
from factcheck.engines.offline.drafting import (
    ANONYMOUS,
    EXPERT,
    actors,
    as_named,
    capital,
    core_claim,
    is_actor,
    key_terms,
    numbers,
)
from factcheck.models import ClaimKind

# Where a named outlet publishes, so a search can be scoped to the original report.
OUTLET_DOMAINS = {
    "the new york times": "nytimes.com",
    "the miami herald": "miamiherald.com",
    "fox news": "foxnews.com",
    "the washington post": "washingtonpost.com",
    "the wall street journal": "wsj.com",
    "reuters": "reuters.com",
    "the associated press": "apnews.com",
    "associated press": "apnews.com",
    "ap": "apnews.com",
    "bbc": "bbc.co.uk",
    "bbc news": "bbc.co.uk",
    "cnn": "cnn.com",
    "nbc news": "nbcnews.com",
    "cbs news": "cbsnews.com",
    "abc news": "abcnews.go.com",
    "npr": "npr.org",
    "politico": "politico.com",
    "axios": "axios.com",
    "bloomberg": "bloomberg.com",
    "the guardian": "theguardian.com",
    "financial times": "ft.com",
    "the financial times": "ft.com",
    "al jazeera": "aljazeera.com",
    "the economist": "economist.com",
    "los angeles times": "latimes.com",
    "the los angeles times": "latimes.com",
    "usa today": "usatoday.com",
    "the hill": "thehill.com",
}


def sources(ctx: ClaimContext) -> list[DraftedSource]:
    core = core_claim(ctx.claim)
    terms = key_terms(core)
    out = _whose_words(ctx, core, terms)
    records = _records(core, terms)
    out.extend(records)
    if (numbers(core) or ctx.kind == ClaimKind.quantity) and not records:
        out.append(
            DraftedSource(
                name="The official statistics or data set behind the figures",
                source_kind="data set",
                rationale="A number is settled by the data it comes from, with its definitions and period.",
                search_query=f"{terms} data",
            )
        )
    named = [a for a in actors(core, exclude={ctx.speaker or "", ctx.reported_by or ""}) if is_actor(a)]
    if named:
        out.append(
            DraftedSource(
                name=f"Official statement or record from {as_named(core, named[0])}",
                source_kind="official statement",
                rationale=f"{capital(as_named(core, named[0]))} is named in the claim; its own statements or "
                "records settle its part.",
                search_query=f'"{named[0]}" statement {key_terms(core, exclude=named[0])}',
            )
        )
    if not any(s.source_kind == "primary record" for s in out):
        out.append(
            DraftedSource(
                name="The primary record: the document, filing or transcript behind the claim",
                source_kind="primary record",
                rationale="A primary record settles what happened without relying on anyone's account of it.",
                search_query=terms,
            )
        )
    return out


def _whose_words(ctx: ClaimContext, core: str, terms: str) -> list[DraftedSource]:
    """The report the article relays, and the speaker's own words."""
    out: list[DraftedSource] = []
    if ctx.reported_by and not ANONYMOUS.search(ctx.reported_by):
        out.append(_original_report(ctx.reported_by, terms))
    if ctx.speaker and not ANONYMOUS.search(ctx.speaker):
        quoted = re.search(r"“([^“”]+)”", ctx.claim)
        said = key_terms(quoted.group(1), exclude=ctx.speaker) if quoted else key_terms(core, exclude=ctx.speaker)
        out.append(
            DraftedSource(
                name=f"Transcript or recording of {ctx.speaker}'s remarks",
                source_kind="primary record",
                rationale=f"Only the full remarks show whether {ctx.speaker} said this, and in what context.",
                search_query=f'"{ctx.speaker}" {said} transcript',
            )
        )
        out.append(
            DraftedSource(
                name=f"{ctx.speaker}, or their office",
                source_kind="expert" if EXPERT.search(ctx.context) else "official statement",
                rationale="The speaker can confirm the words and their context on the record.",
                search_query=f'"{ctx.speaker}" {key_terms(core, exclude=ctx.speaker)}',
            )
        )
    return out


def _original_report(reported_by: str, terms: str) -> DraftedSource:
    """The report the article relays: by its outlet's name (and site) when the article names one;
    otherwise ("a new report") the report itself, found by what the claim says."""
    domain = OUTLET_DOMAINS.get(reported_by.lower())
    named = is_actor(re.sub(r"^[Tt]he\s+", "", reported_by)) or domain is not None
    if named:
        scope = f"site:{domain} " if domain else f'"{reported_by}" '
        return DraftedSource(
            name=f"{reported_by}: the original report",
            source_kind="original report",
            rationale=f"The article attributes this to {reported_by}; its report shows what was "
            "actually said and whom it cites.",
            search_query=f"{scope}{terms}",
        )
    report = re.sub(r"^(?:a|an|the)\s+", "", reported_by.strip(), flags=re.I)
    return DraftedSource(
        name=f"The {report} the article relies on",
        source_kind="original report",
        rationale=f"The article cites “{reported_by}” without naming it: find it, and read what it says and cites.",
        search_query=f"{terms} report",
    )


# The record that settles each type of claim, as a checker would look for it: (signal in the claim,
# source kind, name, why, word added to the search). The first two that fit are drafted.
_BODY = r"(council|board|committee|commission|senate|house|assembly|legislature|parliament|congress|trustees)"
_RECORDS = [
    (
        re.compile(r"\baudit(s|ed|or|ors)?\b", re.I),
        "primary record",
        "The audit report itself",
        "An audit's findings are read in the report, with its scope, period and method, not in an account of it.",
        "audit report",
    ),
    (
        re.compile(
            rf"\b(vot(e|ed|es|ing)|roll[-\s]call|unanimous(ly)?|\d+\s*[-–]\s*\d+)\b.*\b{_BODY}\b|"
            rf"\b{_BODY}\b.*\b(vot(e|ed|es|ing)|approved|rejected|passed|adopted|unanimous(ly)?)\b",
            re.I,
        ),
        "primary record",
        "The minutes or roll call of the vote",
        "Minutes and roll calls record who voted which way, on what motion and on which date.",
        "minutes vote",
    ),
    (
        re.compile(
            r"\b(contracts?|procure\w*|tenders?|bids?|no-bid|vendors?|budget\w*|grants?|awarded|"
            r"spent|spending|overrun|invoices?|paid|payments?)\b",
            re.I,
        ),
        "primary record",
        "Budget documents, contracts and procurement records",
        "Money claims are settled by the budget, the contract and its award notice, and the minutes of the "
        "body that approved the spending.",
        "contract budget",
    ),
    (
        re.compile(r"\b(study|studies|researchers?|journal|trial|survey(ed)?|peer[-\s]reviewed|paper)\b", re.I),
        "primary record",
        "The study itself and its data",
        "A study is read in the paper, with its sample, method and limits; press releases often overstate it.",
        "study",
    ),
    (
        re.compile(
            r"\b(court|judge|jury|lawsuit|sued|su(es|ing)|indict\w*|charged|convicted|sentenced|ruling|"
            r"ruled|verdict|plea)\b",
            re.I,
        ),
        "primary record",
        "The court filings and docket",
        "The docket shows what was filed, charged and decided, and when.",
        "court docket",
    ),
    (
        re.compile(r"\b(law|bill|act|ordinance|statute|regulation|executive\s+order|amendment|Act|Bill|Law)\b"),
        "primary record",
        "The text of the law, bill or order",
        "What a law does is read in its text and its official summary, not in either side's account.",
        "text",
    ),
    (
        re.compile(
            r"\b(percent|per\s+cent|%|rate|unemploy\w*|inflation|average|median|per\s+capita|census|"
            r"statistics|gdp|deaths|cases|population)\b",
            re.I,
        ),
        "data set",
        "",  # named after the agency when the claim names one
        "A statistic is settled by the publisher's own data set, with its definitions, period and revisions.",
        "data",
    ),
]
_AGENCY = re.compile(
    r"\b(Bureau|Statistics|Census|Agency|Department|Office|Institute|Commission|Administration|"
    r"Ministry|Authority|Service|Centers?|Board|Bank|CDC|BLS|WHO|OECD|IMF|ONS|Eurostat)\b"
)


def _records(core: str, terms: str) -> list[DraftedSource]:
    out = []
    for signal, kind, name, why, word in _RECORDS:
        if len(out) == 2:
            break
        if not signal.search(core):
            continue
        if kind == "data set":
            agency = next((a for a in actors(core) if _AGENCY.search(a)), None)
            name = f"{agency}'s published data" if agency else "The data set the figure comes from"
        query_terms = " ".join(w for w in terms.split() if w.lower() not in word.split())
        out.append(DraftedSource(name=name, source_kind=kind, rationale=why, search_query=f"{query_terms} {word}"))
    return out
