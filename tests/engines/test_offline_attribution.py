"""Who said it, read from the article: titles after "said", pronouns after a named person,
unnamed sources, documents, and claims that point back to something they do not name."""

from datetime import date

import pytest

from factcheck.engines.base import ArticleInput, ClaimContext
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.models import ClaimKind

ARTICLE = """Harlow County repaving project ran over budget

HARLOW — The county's road repaving program cost $14.2 million last year, well above the $11 million the board approved in March.

"The repaving came in $3 million over budget," said Comptroller Angela Ruiz.

"We resurfaced 48 miles of road, not the 60 we promised," said county engineer Raj Patel.

Ruiz has asked the board for an independent review. "The contractor billed us twice for the same 6 miles," she said.

Two people familiar with the contract, who spoke on condition of anonymity because they were not authorized to discuss it, said the contractor had received a no-bid extension in 2023.

The audit found that 11 of the 40 invoices lacked signatures.

Meridian Paving Inc. won the first contract in 2021. The company said it had delivered every mile the county paid for.

The board has seven members. Its vice chair, Tom Alvarez, voted against the extension in 2023.

The commissioners met twice in June. One of them said the overruns were reported to the board in May.

A county official, who asked not to be named, said that if the numbers hold, the program will be $5 million short next year.
"""


@pytest.fixture(scope="module")
def claims():
    return OfflineEngine().extract(ArticleInput(text=ARTICLE, published=date(2025, 11, 20))).claims


def claim_quoting(claims, fragment):
    found = [c for c in claims if fragment in c.quote]
    assert found, f"no claim quotes {fragment!r}"
    return found[0]


def test_a_title_and_name_after_said_is_the_speaker(claims):
    ruiz = claim_quoting(claims, "over budget")
    assert ruiz.speaker == "Comptroller Angela Ruiz"
    patel = claim_quoting(claims, "48 miles")
    assert patel.speaker == "county engineer Raj Patel"
    assert patel.claim.startswith("County engineer Raj Patel said: “We resurfaced 48 miles")


def test_she_said_after_a_named_person_is_that_person(claims):
    c = claim_quoting(claims, "billed us twice")
    assert c.speaker == "Angela Ruiz" and not c.needs_human
    assert "unnamed speaker" not in c.claim


def test_anonymous_sources_are_named_as_unnamed_and_their_description_is_not_the_claim(claims):
    c = claim_quoting(claims, "no-bid extension")
    assert c.speaker == "unnamed sources"
    assert c.claim == "Unnamed sources said that the contractor had received a no-bid extension in 2023."
    one = claim_quoting(claims, "asked not to be named")
    assert one.speaker == "an unnamed county official"


def test_a_conditional_after_an_attribution_stays_one_sentence(claims):
    c = claim_quoting(claims, "asked not to be named")
    assert c.claim == (
        "An unnamed county official said that if the numbers hold, the program will be $5 million short in 2026."
    )


def test_what_a_document_found_is_attributed_to_the_document(claims):
    c = claim_quoting(claims, "The audit found")
    assert c.reported_by == "the audit"
    assert c.claim == "According to the audit, 11 of the 40 invoices lacked signatures."


def test_the_company_is_the_company_the_article_named(claims):
    c = claim_quoting(claims, "The company said")
    assert c.claim.startswith("Meridian Paving Inc. said that it had delivered") and not c.needs_human


@pytest.mark.parametrize("fragment", ["Its vice chair", "One of them said"])
def test_a_claim_pointing_back_to_what_it_does_not_name_goes_to_a_person(claims, fragment):
    c = claim_quoting(claims, fragment)
    assert c.needs_human and c.flag_reason


def test_unnamed_sources_get_the_on_the_record_check_even_without_an_outlet():
    ctx = ClaimContext(
        claim="Unnamed sources said that the contractor had received a no-bid extension in 2023.",
        quote="",
        context="",
        speaker="unnamed sources",
        reported_by=None,
        kind=ClaimKind.event,
    )
    questions = [q.text for q in OfflineEngine().draft(ctx).questions]
    assert any("named official or document" in q for q in questions), questions
    assert not any(q.startswith("Has One") or q.startswith("Has Unnamed") for q in questions)


@pytest.mark.parametrize(
    ("sentence", "speaker", "starts"),
    [
        # The first of two verbs is what the company did, not part of its name.
        ("Marcher Water apologised and said it would spend £600 million on storm tanks.", "Marcher Water", "it would"),
        ("The union welcomed the offer and said 4,000 members would vote on it in May.", "The union", "4,000"),
        # How long they have said it is not what they said.
        (
            "The controllers' union has warned for years that the facility is short of 40 staff.",
            "union",
            "the facility",
        ),
    ],
)
def test_a_second_verb_or_a_span_of_time_before_what_was_said_is_not_part_of_either(sentence, speaker, starts):
    from factcheck.engines.offline.attribution import attribute

    found = attribute(sentence)
    assert found.speaker and found.speaker.endswith(speaker) and "and" not in found.speaker.split()
    assert found.content.startswith(starts)


def test_figures_cited_after_the_statement_are_its_source():
    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text="More than 82,000 patients were waiting for planned treatment at the end of January, "
                "the latest NHS England figures show.\n\nSixty-one percent of pupils met the standard in 2024, "
                "government figures show."
            )
        )
        .claims
    )
    assert [c.speaker for c in claims] == ["the latest NHS England figures", "government figures"]
    assert claims[0].claim.startswith("The latest NHS England figures show that more than 82,000 patients")


def test_a_verb_inside_an_open_appositive_is_not_the_speakers():
    from factcheck.engines.offline.attribution import attribute

    found = attribute(
        "Council member Rosa Delgado, a Democrat who represents the East Side and wrote the measure, said rents "
        "had risen 38 percent since 2020."
    )
    assert (found.speaker, found.verb) == ("Council member Rosa Delgado", "said")
    assert found.content == "rents had risen 38 percent since 2020."
    # A setting before the subject is not an appositive.
    assert attribute("In the town, the mayor said rents had risen 38 percent.").speaker == "the mayor"


def test_a_source_between_two_commas_and_a_tag_with_its_setting_are_read():
    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text="The Kansas health department confirmed 48 measles cases.\n\nVaccination rates fell to 79 percent "
                "in 2024, according to state data, well below the 95 percent needed to stop outbreaks.\n\nMost of the "
                "cases are in children who had not been vaccinated, the department said in a news release."
            )
        )
        .claims
    )
    rates, cases = claims[1:]
    assert rates.reported_by == "state data" and rates.claim.endswith(
        "well below the 95 percent needed to stop outbreaks."
    )
    # Figures are a record, never what "the department" means, however recently they were cited.
    assert "Kansas health department" in (cases.speaker or "")
    assert cases.claim.startswith("The Kansas health department said in a news release that most of the cases")


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        # The tag says whose account it is; the subject's verb is what happened.
        (
            "Spain recorded its hottest June day on Saturday, when El Granado reached 46C, the weather agency "
            "Aemet said.",
            "the weather agency Aemet",
            "the weather agency Aemet, Spain recorded its hottest June day",
        ),
        # No comma closes ", the national weather service": it is the speaker, not an appositive.
        (
            "In Portugal, the town of Mora reached 46.6C on Sunday, the national weather service said, a record "
            "for June.",
            "the national weather service",
            "The national weather service said that in Portugal, the town of Mora reached 46.6C",
        ),
        # A full stop inside a source's name is part of it.
        (
            "Technology companies have announced 120,000 job cuts so far this year, according to the tracker "
            "Layoffs.fyi.",
            "the tracker Layoffs.fyi",
            "According to the tracker Layoffs.fyi, ",
        ),
        # So is an abbreviation's full stop before the next word of the name.
        (
            "The quake hit 35 kilometers (22 miles) south of Arequipa, according to the U.S. Geological Survey.",
            "the U.S. Geological Survey",
            "According to the U.S. Geological Survey, the quake hit",
        ),
        # Whoever did the first thing argued the second.
        (
            "His attorney, Louise Tran, had asked for three years, arguing that her client had no prior record.",
            "Louise Tran",
            "His attorney, Louise Tran, had asked for three years, arguing that",
        ),
        ('"Heatwaves are more frequent," said Rubén del Campo, a spokesman for Aemet.', "Rubén del Campo", None),
        ("Scientists say climate change has made heatwaves in Europe 3C hotter.", "Scientists", None),
    ],
)
def test_whose_account_a_sentence_is_when_its_subject_is_not_the_speaker(text, speaker, claim):
    found = OfflineEngine().extract(ArticleInput(text=text, published=date(2025, 6, 30))).claims[0]
    assert speaker in (found.speaker, found.reported_by)
    assert claim is None or claim in found.claim


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            '"We will not get a treaty in Geneva," the chair of the talks, Ecuador\'s ambassador Luis Vayas Valdivieso, '
            "told the closing session.",
            "Luis Vayas Valdivieso",
            None,
        ),
        (
            "The inquest into the death of Ruth Adebayo, 34, a junior doctor, heard that the council had drawn up "
            "plans for a cycle lane in 2021.",
            "the inquest into the death of Ruth Adebayo",
            None,
        ),
        (
            'Chief executive Dana Whitcomb said on stage that the battery lasted "a full day" despite its 5.6mm size.',
            "Chief executive Dana Whitcomb",
            'Chief executive Dana Whitcomb said that the battery lasted "a full day"',
        ),
        # A partial quotation after the reporter's words stays an indirect statement, its words kept.
        (
            'Leeds City Council said it would "study the coroner\'s findings carefully".',
            "Leeds City Council",
            'Leeds City Council said that it would "study the coroner\'s findings carefully".',
        ),
        # A US politician's party and state is not a name, and a relative clause's verb is not the speaker's.
        (
            "Sen. Dana Whitlow, R-Idaho, who wrote the bill with Democrats, said it would rebuild 40 schools.",
            "Sen. Dana Whitlow",
            "Sen. Dana Whitlow said that it would rebuild 40 schools.",
        ),
        (
            "Rep. Luis Ortega, D-N.M., voted against the measure, arguing that Congress should not spend money it "
            "did not have.",
            "Rep. Luis Ortega",
            "Rep. Luis Ortega, D-N.M., voted against the measure",
        ),
        # Where it was said, up to the colon, is neither the speaker nor the quotation.
        (
            'Its chief executive, Mared Hughes, said in a statement outside court: "The charity has repaid every '
            'donor who asked for their money back."',
            "Mared Hughes",
            "Mared Hughes said: “The charity has repaid every donor",
        ),
        (
            'Dr Ann Price said at a briefing on Monday: "Nine of our wards are closed to visitors."',
            "Dr Ann Price",
            "Dr Ann Price said: “Nine of our wards",
        ),
        # The month a body reported in stays with its verb; a thousands comma stays in a study's name.
        (
            "The state's oil revenue fell 11% last year, the Taxation and Revenue Department reported in January.",
            "the Taxation and Revenue Department",
            "The Taxation and Revenue Department reported in January that the state's oil revenue fell 11% in 2024.",
        ),
        (
            "Pupils who use phones after midnight sleep an hour less, a study of 6,400 pupils in England has found.",
            "a study of 6,400 pupils in England",
            "A study of 6,400 pupils in England found that",
        ),
        # An outlet is a listener, and what follows it the statement; a setting with no comma is not the speaker.
        (
            "Her lawyer, Tom Reid, told the Guardian the tribunal had ignored evidence from 2 witnesses.",
            "Tom Reid",
            "Tom Reid told the Guardian that the tribunal had ignored",
        ),
        (
            "Dana Okafor, 27, denies wrongdoing. In a statement on Instagram she said the third missed test "
            "was caused by a fault in an app.",
            "Dana Okafor",
            None,
        ),
        # A long setting before "that", "first" after the subject, and a name after "told the court".
        (
            "Bloom Fertility, which runs nine clinics, said in an email to patients on Sunday that 31,000 "
            "records were stolen.",
            "Bloom Fertility",
            "Bloom Fertility said on Sunday, November 23, 2025 that 31,000 records were stolen.",
        ),
        (
            "Bloom Fertility, which runs nine clinics, said bank details were safe. The company first reported a "
            '"technical incident" on 3 May.',
            "Bloom Fertility",
            "Bloom Fertility first reported",
        ),
        (
            "Prosecutor Amy Doyle told the court Brennan had been warned by police about the dog twice in 2024.",
            "Prosecutor Amy Doyle",
            "Prosecutor Amy Doyle told the court that Brennan had been warned",
        ),
        # A record named by who obtained it; letters in brackets do not make a body's name too long to be one.
        (
            "A&E waits have tripled in two years, figures obtained by the Gazette show.",
            "figures obtained by the Gazette",
            "According to figures obtained by the Gazette, A&E waits have tripled",
        ),
        (
            "A report by the Integrated Food Security Phase Classification (IPC), the global system the UN uses "
            "to grade hunger, found that famine was taking place in four areas.",
            "a report by the Integrated Food Security Phase Classification (IPC)",
            None,
        ),
        # An apostrophe inside a surname; people named by their work; the name after a source's role.
        (
            "Pepe Di'Iasio, general secretary of the ASCL, said schools were short of teachers. He told the BBC "
            "that some schools had been unable to recruit a physics teacher for three years.",
            "Pepe Di'Iasio",
            None,
        ),
        (
            "Two people were taken to hospital after an explosion destroyed a house in Swindon, fire crews said.",
            "fire crews",
            "Fire crews said that two people were taken to hospital",
        ),
        (
            "About 96,000 tickets had been sold for the cancelled shows, according to the promoter, Live Nation.",
            "Live Nation",
            "According to Live Nation, about 96,000 tickets had been sold for the cancelled shows.",
        ),
        # A person pointed back to by age; a setting with a document and its date; a source's role after
        # the name; "was quoted by … as saying"; "he wrote" closing a sentence; "has forecast that".
        (
            'Chancellor Rachel Reeves said families were "still feeling the squeeze". The 46-year-old added '
            "that the government had raised the minimum wage by 6.7% in April.",
            "Rachel Reeves",
            "Rachel Reeves added that the government had raised the minimum wage",
        ),
        (
            "Inspector Ruth Gale said in her report, published on Monday, that the district had built only 61% "
            "of the homes it needed.",
            "Inspector Ruth Gale",
            "Inspector Ruth Gale said on Monday, November 24, 2025 that the district had built only 61%",
        ),
        (
            "Air fares jumped 30% between June and July, according to Grant Fitzner, the ONS's chief economist.",
            "Grant Fitzner",
            "According to Grant Fitzner, Air fares jumped 30% between June and July.",
        ),
        (
            "Its governor, Andrew Bailey, was quoted by the Financial Times as saying that the rise in prices "
            "would be over by 2026.",
            "Andrew Bailey",
            "According to the Financial Times, citing Andrew Bailey, the rise in prices would be over by 2026.",
        ),
        (
            "Justice Neil Gorsuch said the law gave no right to sue. Only the federal government can enforce "
            "the 1965 law, he wrote.",
            "Neil Gorsuch",
            "Neil Gorsuch wrote that only the federal government can enforce",
        ),
        (
            "The Bank of England, which cut rates to 4% this month, has forecast that inflation will peak at 4%.",
            "The Bank of England",
            "The Bank of England forecast that inflation will peak at 4%.",
        ),
        # "pointed out that"; a role owned by a named body as an appositive; a relative clause about a source;
        # "the lender" is a building society.
        (
            "Kate Osborne said the party would listen. She pointed out that Labour still held 52 of the 75 seats.",
            "Kate Osborne",
            "Kate Osborne pointed out that Labour still held 52 of the 75 seats.",
        ),
        (
            "Robert Gardner, Nationwide's chief economist, said mortgage approvals had risen by 4% in October.",
            "Robert Gardner",
            "Robert Gardner said that mortgage approvals had risen by 4%",
        ),
        (
            "The result follows Reform gains in 11 by-elections since May, according to the elections analyst "
            "Mark Pack, who tracks local contests.",
            "the elections analyst Mark Pack",
            "According to the elections analyst Mark Pack, the result follows Reform gains in 11 by-elections since "
            "May.",
        ),
        (
            "UK house prices fell by 0.3% in October, according to the Nationwide Building Society. The average "
            "price of a home was £270,100, the lender said.",
            "the Nationwide Building Society",
            None,
        ),
    ],
)
def test_roles_ages_and_settings_around_a_speaker(text, speaker, claim):
    found = OfflineEngine().extract(ArticleInput(text=text, published=date(2025, 11, 27))).claims[-1]
    assert (found.speaker or found.reported_by) == speaker
    assert claim is None or found.claim.startswith(claim)
