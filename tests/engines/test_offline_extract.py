"""The offline engine finds check-worthy claims, anchors them exactly, and leaves the rest out."""

from datetime import date

import pytest

from factcheck.engines.base import ArticleInput
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.engines.offline.segment import sentences

ARTICLE = """Harbor authority reports record cargo year

By Jon Peters
Updated Feb 3, 2025

The Port of Halden handled 1.2 million containers in 2024, up 8 percent from 2023, according to the port authority.

Harbor Master Ines Okafor said the new north terminal cost 240 million euros. She told reporters that the terminal opened on Monday.

“We moved more cargo last year than in any year since the port opened in 1961,” Okafor said.

Unnamed officials told the Coastal Gazette that the authority plans to hire 300 dock workers.

I think the harbor is the most beautiful place in the region. Should the city build another terminal?

Sign up for our newsletter to get harbor news every morning.

Latest Stories
Ferry fares rise again
"""


@pytest.fixture(scope="module")
def claims():
    return OfflineEngine().extract(ArticleInput(text=ARTICLE, published=date(2025, 2, 3))).claims


def by_quote(claims, fragment):
    found = [c for c in claims if fragment in c.quote]
    assert found, f"no claim quotes {fragment!r}"
    return found[0]


def test_every_quote_is_the_exact_article_text_at_its_offsets(claims):
    assert claims
    for c in claims:
        assert ARTICLE[c.start : c.end] == c.quote


def test_page_chrome_bylines_opinions_and_questions_are_not_claims(claims):
    quotes = " ".join(c.quote for c in claims)
    for text in ["newsletter", "Ferry fares", "By Jon Peters", "Updated Feb", "most beautiful", "Should the city"]:
        assert text not in quotes


def test_according_to_becomes_the_attribution(claims):
    c = by_quote(claims, "1.2 million containers")
    assert c.reported_by == "the port authority"
    assert c.claim.startswith("According to the port authority, the Port of Halden handled 1.2 million")
    assert c.kind == "quantity"


def test_a_source_between_commas_vouches_only_for_what_comes_before_a_turn():
    text = (
        "Weston Albion had a £32 million bid accepted in August, according to reports in Belgium, "
        "but the player is understood to have preferred a move that guaranteed him regular starts."
    )
    found = OfflineEngine().extract(ArticleInput(text=text)).claims
    bid, turn = by_quote(found, "£32 million bid"), by_quote(found, "player is understood")
    assert bid.reported_by == "reports in Belgium" and "player" not in bid.claim
    assert not (turn.speaker or turn.reported_by) and turn.claim.startswith("The player is understood")
    assert text[turn.start : turn.end] == turn.quote and text[bid.start : bid.end] == bid.quote


def test_pronouns_and_surnames_are_made_explicit(claims):
    c = by_quote(claims, "She told reporters")
    assert c.speaker == "Ines Okafor"
    assert "She" not in c.claim


def test_relative_dates_are_resolved_against_the_publication_date(claims):
    c = by_quote(claims, "the terminal opened on Monday")
    assert "Monday, February 3, 2025" in c.claim  # published that Monday: "on Monday" is that same day


def test_direct_quotes_name_their_speaker(claims):
    c = by_quote(claims, "We moved more cargo")
    assert c.kind == "quote"
    assert c.speaker == "Ines Okafor"
    assert c.claim.startswith("Ines Okafor said: “We moved more cargo")


def test_anonymous_sources_keep_who_reported_them(claims):
    c = by_quote(claims, "300 dock workers")
    assert c.speaker == "unnamed officials"
    assert c.reported_by == "the Coastal Gazette"
    assert c.attribution == "Unnamed officials, according to the Coastal Gazette"


def test_scores_are_probabilities_and_claims_pass_the_threshold(claims):
    assert all(0.5 <= c.score <= 1 for c in claims)


def test_compound_sentences_split_into_one_claim_per_clause():
    text = (
        "The ministry cut the school budget by 4 percent in 2024, while the defence ministry raised "
        "its spending by 9 percent in the same year."
    )
    claims = OfflineEngine().extract(ArticleInput(text=text)).claims
    assert len(claims) == 2
    for c in claims:
        assert text[c.start : c.end] == c.quote
    assert "4 percent" in claims[0].claim and "9 percent" in claims[1].claim


def test_a_repeated_claim_becomes_one_ticket():
    text = (
        "The city spent $4 million on road repairs in 2024.\n\n"
        "Officials confirmed it: the city spent $4 million on road repairs in 2024."
    )
    claims = OfflineEngine().extract(ArticleInput(text=text)).claims
    assert len(claims) == 1


def test_an_unresolvable_reference_is_flagged_for_a_person():
    claims = (
        OfflineEngine().extract(ArticleInput(text="They closed 14 clinics in 2023 and laid off 300 nurses.")).claims
    )
    assert claims and claims[0].needs_human
    assert "They" in claims[0].flag_reason


def test_sentences_keep_offsets_and_split_adjacent_quotations():
    text = "He said, “Yes.” “It was a call,” he added.\n\nSecond paragraph here."
    got = sentences(text)
    assert [text[s.start : s.end] for s in got] == [s.text for s in got]
    assert got[0].text == "He said, “Yes.”"


def test_recommendations_are_not_claims_but_figures_are():
    text = (
        "Council member Marcus Hale argued that the city should have tapped its reserve fund first.\n\n"
        "Hale said the city must spend $26 million on pipes in 2025."
    )
    claims = OfflineEngine().extract(ArticleInput(text=text)).claims
    assert [c.quote for c in claims] == ["Hale said the city must spend $26 million on pipes in 2025."]


def test_a_list_under_a_related_stories_heading_ends_the_story():
    text = (
        "The council fined the utility $350,000 in 2023 for lead in its water.\n\n"
        "Related Stories\nState fined 14 utilities $2 million in 2024 for lead\nSchools test fountains"
    )
    claims = OfflineEngine().extract(ArticleInput(text=text)).claims
    assert [c.quote for c in claims] == ["The council fined the utility $350,000 in 2023 for lead in its water."]


def test_two_statements_reported_with_one_verb_are_two_claims():
    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text="Hundreds of flights were delayed, the Federal Aviation Administration said.\n\n"
                "The agency said it had slowed arrivals while it checked its radar and that no aircraft had come "
                "closer to another than allowed.\n\nThe trust's chief executive, Martin Hughes, apologised. He said "
                "the trust had hired 60 more midwives since 2022 and that it accepted all 38 of the review's recommendations."
            )
        )
        .claims
    )
    texts = [c.claim for c in claims]
    # "According to the agency, it had slowed …" would leave "it" to anyone: the agency said it.
    assert "The Federal Aviation Administration said that it had slowed arrivals while it checked its radar." in texts
    assert (
        "According to the Federal Aviation Administration, no aircraft had come closer to another than allowed."
        in texts
    )
    hired, accepted = claims[-2:]
    assert hired.claim == "Martin Hughes said that the trust had hired 60 more midwives since 2022."
    # A person's "it" is not the person: the claim keeps the word and says a person must name it.
    assert accepted.quote == "it accepted all 38 of the review's recommendations." and accepted.needs_human


def test_a_second_statement_that_is_a_share_of_the_first_stays_with_it():
    claims = _tickets(
        "The trust said the ferry cost £90,000 a year to run and that fares covered about £30,000 of that."
    )
    assert len(claims) == 1 and "£90,000" in claims[0].claim and "£30,000 of that" in claims[0].claim
    cause = _tickets("The trust said the ferry cost £90,000 a year and that fares would not rise because of it.")
    assert len(cause) == 2  # a cause told of the first is a claim of its own


def test_a_second_verb_for_the_same_subject_or_a_second_report_is_a_claim_of_its_own():
    claims = _tickets(
        "The museum's director, Owen Price, said the hoard had drawn 40,000 visitors since March, and had been "
        "insured.\n\nJannik Sinner said his serve had let him down, and admitted he had been too passive in the "
        "third set.\n\nHarlow Council said the bridge had cost £4 million, and was named after a local nurse.\n\n"
        "Olivia Brandt warned that delays in deliveries from Airbus would limit growth, and said the airline would "
        "receive eight fewer planes than planned in 2025."
    )
    texts = [c.claim for c in claims]
    assert "Owen Price said that the hoard had drawn 40,000 visitors since March." in texts
    assert "Owen Price said that the hoard had been insured." in texts
    admitted = next(c for c in claims if "too passive" in c.claim)
    assert admitted.claim.startswith("Jannik Sinner admitted that") and admitted.quote.startswith("he had been")
    insured = next(c for c in claims if c.claim.endswith("insured."))
    assert insured.quote == "had been insured."  # the span is what the article wrote, not the subject put back
    assert "Harlow Council said that the bridge was named after a local nurse." in texts
    said = next(c for c in claims if "eight fewer planes" in c.claim)
    assert said.claim.startswith("Olivia Brandt said that the airline would") and "Airbus" not in said.claim


def test_a_second_subject_named_after_and_is_a_second_claim():
    claims = _tickets(
        "Max Verstappen finished second in front of his home crowd, and Racing Bulls rookie Isack Hadjar took "
        "third, his first podium.\n\nThe team had spent £4 million on the car, and its engineers worked 14 nights."
    )
    assert [c.claim for c in claims][:2] == [
        "Max Verstappen finished second in front of his home crowd.",
        "Racing Bulls rookie Isack Hadjar took third, his first podium.",
    ]
    assert len(claims) == 3  # "and its engineers": no second subject named, one claim


def test_what_the_speaker_did_after_saying_something_is_a_claim_in_its_name():
    claims = _tickets(
        "The Federal Aviation Administration said it had diverted 20 flights around the debris, and ordered "
        "SpaceX to carry out an investigation before it flies again."
    )
    assert [c.claim for c in claims] == [
        "The Federal Aviation Administration said that it had diverted 20 flights around the debris.",
        "The Federal Aviation Administration ordered SpaceX to carry out an investigation before it flies again.",
    ]


def test_a_named_bodys_account_is_checkable_as_its_account_however_plain_the_words():
    claims = _tickets(
        "Patients will be able to get it from specialist clinics from the summer, according to NHS England."
    )
    assert [c.reported_by for c in claims] == ["NHS England"]


def test_noting_that_is_a_second_statement_and_a_judges_it_is_flagged():
    claims = _tickets(
        'Employment Judge Aisha Rahman said the firm\'s claim of 12 redundancies was "not credible", noting that '
        "it had advertised her job two weeks after she left."
    )
    noted = claims[-1]
    assert noted.claim == "Employment Judge Aisha Rahman noted that it had advertised her job two weeks after she left."
    assert noted.needs_human  # a person's "it" is not the person: the firm, which the claim does not say


def test_the_day_a_statement_was_made_stays_in_the_claim_as_a_date():
    claims = _tickets(
        "The ONS said on Tuesday that unemployment rose to 5% in the three months to July.\n\n"
        "Nationwide said on Monday it would lower some fixed rates by up to 0.25 percentage points."
    )
    assert [c.claim for c in claims] == [
        "The ONS said on Tuesday, September 16, 2025 that unemployment rose to 5% in the three months to July.",
        "Nationwide said on Monday, September 15, 2025 that it would lower some fixed rates by up to 0.25 "
        "percentage points.",
    ]


def test_and_warned_that_is_a_second_statement_even_with_no_comma_before_it():
    claims = _tickets(
        'Opposition MP Dan Kerr said the bill was "deeply flawed" and warned that 40,000 patients could feel '
        "pressure to end their lives."
    )
    assert [c.claim for c in claims][-1].endswith(
        "Dan Kerr warned that 40,000 patients could feel pressure to end their lives."
    )


def test_a_named_persons_it_is_not_the_person_and_the_claim_says_so():
    claims = _tickets(
        "Richard Parker said it would cost £12 million a year, paid from the region's transport budget.\n\n"
        "A spokesperson for the council said it had spent £4 million on repairs since 2023."
    )
    cost, repairs = claims
    assert cost.needs_human and "“It”" in cost.flag_reason
    assert not repairs.needs_human  # a spokesperson's "it" is the body they speak for


def test_what_a_source_says_in_a_clause_after_its_name_is_its_second_claim_with_its_own_span():
    text = (
        "Hartleys is the 12th retailer to enter administration this year, according to the Centre for Retail "
        "Research, which says 13,500 shop jobs have been lost since January."
    )
    claims = _tickets(text)
    assert [c.claim for c in claims] == [
        "According to the Centre for Retail Research, Hartleys is the 12th retailer to enter administration in 2025.",
        "According to the Centre for Retail Research, 13,500 shop jobs have been lost since January.",
    ]
    assert claims[1].quote == "13,500 shop jobs have been lost since January." == text[claims[1].start : claims[1].end]


def test_words_that_are_never_names_lose_their_capital_behind_the_attribution():
    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text="Hundreds of flights were delayed at Newark on Monday, the Federal Aviation Administration said.\n\n"
                "More than 400 flights were canceled by late evening, according to the tracking site FlightAware."
            )
        )
        .claims
    )
    assert claims[0].claim.startswith("The Federal Aviation Administration said that hundreds of flights")
    assert claims[1].claim.startswith("According to the tracking site FlightAware, more than 400 flights")


@pytest.mark.parametrize(
    "line",
    [
        "Campaigners were unimpressed.",
        "Egg producers were more cautious.",
        "Other scientists urged caution.",
        "City economists struck a more cautious note.",
        "Households are asked to save water.",
        # Being told what not to do, and which number to call, is advice too.
        "People are being told not to touch fallen power lines and to report them by calling 105.",
        # An appeal to anyone who saw something, with no comma before what they should do.
        "Police have asked anyone who saw a van towing a trailer on the B5056 overnight to contact them.",
        # Advice to readers is advice, put as anyone's urging.
        "Dr Vanessa Price urged parents to check their children's vaccination records.",
        "Professor Sir Ian Hart, NHS England's national medical director, urged anyone eligible to get a flu vaccine.",
        # The same appeal after a pronoun, or from a minister named between commas.
        "She urged everyone who has not had a flu vaccine this year to book one.",
        "The transport secretary, Joan Adey, urged both sides to return to talks.",
        # The reporter's question asserts nothing, however many facts it names.
        "Fact check: Did the regulator really fine the company £18 million this week?",
    ],
)
def test_a_reaction_that_links_two_paragraphs_and_advice_in_the_passive_are_not_claims(line):
    article = f"The regulator fined the company £18 million on Monday.\n\n{line}"
    assert [c.quote for c in OfflineEngine().extract(ArticleInput(text=article)).claims] == [
        "The regulator fined the company £18 million on Monday."
    ]


def test_an_opening_word_the_article_writes_in_lower_case_elsewhere_loses_its_capital():
    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text="Teachers at 14 schools have voted to strike over workload, the National Education Union said.\n\n"
                "Britons bought 4 percent fewer cars in 2024, the trade body said. Sales fell among Britons under 30, "
                "and some teachers said they could not afford a car."
            )
        )
        .claims
    )
    assert (
        claims[0].claim
        == "The National Education Union said that teachers at 14 schools have voted to strike over workload."
    )
    # A word the article capitalises mid-sentence is a name, and keeps its capital.
    assert claims[1].claim == "The trade body said that Britons bought 4 percent fewer cars in 2024."


def test_what_a_named_speaker_warned_is_a_claim_however_plain_its_words():
    claims = (
        OfflineEngine()
        .extract(ArticleInput(text="Nora Quist, who runs the Brewers' Guild, warned that pubs would cut hours."))
        .claims
    )
    assert [c.claim for c in claims] == ["Nora Quist warned that pubs would cut hours."]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # "But" opens the sentence, not the speaker's name.
        (
            "But the Consumer Council for Water, which represents customers, said many households would "
            "struggle to pay.",
            "The Consumer Council for Water said that many households would struggle to pay.",
        ),
        # The occasion after a closing tag stays with the verb; the statement keeps none of the tag.
        (
            "The minimum wage will rise by 6.7 percent to £12.21 an hour from April, Chancellor Rachel Reeves "
            "announced on Tuesday ahead of the Budget.",
            "Chancellor Rachel Reeves announced on Tuesday, October 29, 2024 ahead of the Budget that the minimum "
            "wage will rise by 6.7 percent to £12.21 an hour from April.",
        ),
        # A tag's day keeps its part of the day.
        (
            "Hartfield United have signed striker Moussa Diallo for a club-record fee of £38 million, the Premier "
            "League club announced on Tuesday night.",
            "The Premier League club announced on Tuesday night, October 29, 2024 that Hartfield United have signed "
            "striker Moussa Diallo for a club-record fee of £38 million.",
        ),
    ],
)
def test_words_around_a_speaker_that_are_not_the_speakers(text, claim):
    found = OfflineEngine().extract(ArticleInput(text=text, published=date(2024, 10, 31))).claims
    assert [c.claim for c in found] == [claim]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # An ordinary English word opening the statement loses its capital behind "said that" …
        (
            "Stopping prescribed medication can be dangerous, the health service warns.",
            "The health service warns that stopping prescribed medication can be dangerous.",
        ),
        # … a name keeps it: the first of several capitalised words, or one the article capitalises elsewhere.
        (
            "Teachers Pension Scheme members will pay 2 percent more from April, the Department for Education said.",
            "The Department for Education said that Teachers Pension Scheme members will pay 2 percent more from April.",
        ),
        (
            "Shell made a profit of $6 billion, Redburn analysts said. Investors in Shell had expected more.",
            "Redburn analysts said that Shell made a profit of $6 billion.",
        ),
    ],
)
def test_an_opening_word_keeps_its_capital_only_when_it_is_a_name(text, claim):
    found = OfflineEngine().extract(ArticleInput(text=text, published=date(2025, 3, 14))).claims
    assert found[0].claim == claim


def test_a_but_that_statement_with_a_figure_is_a_claim_of_its_own_and_a_caveat_is_not():
    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text='Chief executive Ana Lopes told reporters that winter bookings were "slightly ahead", but that '
                "fares had fallen by about 2 percent.\n\nA spokesman said most homes would have power back by "
                "Monday evening, but that some remote farms could wait longer."
            )
        )
        .claims
    )
    assert [c.claim for c in claims] == [
        'Chief executive Ana Lopes told reporters that winter bookings were "slightly ahead".',
        "Chief executive Ana Lopes told reporters that fares had fallen by about 2 percent.",
        "A spokesman said that most homes would have power back by Monday evening, but that some remote farms "
        "could wait longer.",
    ]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # A source granted anonymity after "according to" is an unnamed one, and its reason is not the claim.
        (
            "Several countries want the money to be given as grants rather than loans, according to one EU "
            "official, who spoke on condition of anonymity because talks were continuing.",
            "According to an unnamed EU official, several countries want the money to be given as grants rather "
            "than loans.",
        ),
        # A quotation introduced with a colon that runs on into the next sentence is a quotation.
        (
            'Dr Nadia Karim, a GP in Leeds, said: "Your liver already removes toxins. No tea does it better."',
            "Dr Nadia Karim said: “Your liver already removes toxins.”",
        ),
        # A fact-check's label is not the claim's first word.
        (
            "The claim: A post shared more than 9,000 times on Facebook says petrol hit a record price in 2025.",
            "A post shared more than 9,000 times on Facebook says that petrol hit a record price in 2025.",
        ),
        # A setting after a closing tag is not the statement; the words before the tag are.
        (
            "At least 46 homes have been destroyed, fire spokesperson Dana Whitmore said at an evening briefing.",
            "Fire spokesperson Dana Whitmore said at an evening briefing that at least 46 homes have been destroyed.",
        ),
        # A present-tense closing tag is a tag.
        (
            "At least 11 homes have been destroyed by the bushfire, emergency authorities say.",
            "Emergency authorities say that at least 11 homes have been destroyed by the bushfire.",
        ),
        # The part of the day a statement was made stays with the verb, not with the statement.
        (
            "The prime minister said on Monday evening that no possibility was being ruled out.",
            "The prime minister said on Monday evening that no possibility was being ruled out.",
        ),
        # Where the words were written is not who wrote them.
        (
            'In the memo, sent on Tuesday, chief executive Raj Malhotra wrote that the company needed "fewer layers".',
            'Chief executive Raj Malhotra wrote that the company needed "fewer layers".',
        ),
        # The same for a decision or a report: the document is where the words are, its author said them.
        (
            "In her ruling, issued on Friday, judge Mary Pell said the tenants had been overcharged by £310 a year.",
            "Judge Mary Pell said that the tenants had been overcharged by £310 a year.",
        ),
    ],
)
def test_sources_quotations_and_labels_read_as_a_desk_reads_them(text, claim):
    assert OfflineEngine().extract(ArticleInput(text=text)).claims[0].claim == claim


def test_court_documents_are_a_source():
    text = "According to court documents, the mayor accepted cash and a used boat from the developer."
    assert OfflineEngine().extract(ArticleInput(text=text)).claims[0].reported_by == "court documents"


def test_an_interviews_answers_lose_their_label_and_ask_a_person_who_spoke():
    text = (
        "We asked the charity's chief executive what is driving homelessness.\n\n"
        "Q: Why is the number still rising?\n\n"
        "A: Rents have gone up far faster than wages since 2021. Last year fewer than 10,000 social homes were built."
    )
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2025, 9, 25))).claims
    assert [c.claim for c in claims] == [
        "Rents have gone up far faster than wages since 2021.",
        "In 2024 fewer than 10,000 social homes were built.",
    ]
    assert all(c.needs_human and "interview" in c.flag_reason for c in claims)


def test_a_named_bodys_recommendation_is_a_claim_and_advice_to_readers_is_not():
    text = (
        "The Climate Change Committee, which advises the government, has said airport capacity should not grow "
        "unless the aviation sector is on track to cut emissions.\n\n"
        "Passengers should check before they travel, the Rail Delivery Group said."
    )
    assert [c.speaker for c in OfflineEngine().extract(ArticleInput(text=text)).claims] == [
        "The Climate Change Committee"
    ]


def _tickets(text: str):
    return OfflineEngine().extract(ArticleInput(text=text, published=date(2025, 9, 17))).claims


def test_a_persons_quoted_advice_is_their_view_but_a_quoted_figure_is_a_claim():
    found = _tickets(
        'Prof Martin Hale said the findings matched earlier work. "Schools and parents should take this '
        'seriously," he said. "We should cut screen time by 2 hours a night," he added.'
    )
    assert not [c for c in found if "take this seriously" in c.claim]
    assert [c for c in found if "2 hours a night" in c.claim]


def test_a_policy_of_silence_is_no_claim_but_still_says_who_it_is():
    found = _tickets(
        "The English Football League said it did not comment on ownership talks. "
        "It confirmed that the club had paid its players on time this season."
    )
    assert not [c for c in found if "did not comment" in c.claim]
    assert [c.speaker for c in found if "paid its players" in c.claim] == ["The English Football League"]


@pytest.mark.parametrize(
    "text",
    [
        "Mr Whelan disputed that.",
        "Jo Pereira, of the residents' group Save Our Green, said that was no excuse.",
        "The operator said it would co-operate fully with any investigation.",
        "That was how Ivy Marchant, 79, who was first through the gates, put it.",
        "Sudan's government rejected the report.",
        'The Department for Transport said it was "disappointed" and urged both sides to return to talks.',
        'The museum\'s director, Owen Price, said staff were "heartbroken".',
        "Residents were devastated.",
        'The shopworkers\' union Usdaw said it was "deeply worried" for its members.',
        "Denise Farrow said she hoped the ruling would help 40 other workers.",
        'Ruby, now 13, said she was "over the moon".',
        "Coach Sarah Penhallow said she was proud of her players' second-half display.",
        '"We are deeply sorry," said the chief executive, Mark Ellery.',
        "A spokesperson for the council said it was disappointed and would study the decision carefully.",
        "Royal Mail said it welcomed the outcome.",
        'Its branch president, Dr Sam Ibsen, said staff were "angry and exhausted".',
        'The nurses\' union, which represents 400 staff there, said its members were "tired and demoralised".',
        "Headteacher Rhona Gill, who started in January, said she accepted the findings.",
        'The Home Office said it was "monitoring the situation closely".',
        "Reuters could not independently verify the casualty figures.",
        "The council leader, Ann Rudd, said the decision had not been taken lightly.",
        "Winter safety: Test your carbon monoxide alarm once a month and never block an air vent.",
        "Test your carbon monoxide alarm once a month and never block an air vent.",
        "Police have asked anyone who saw what happened, or who has dashcam footage from between 10.30pm and "
        "midnight, to contact them on 101, quoting incident 1184.",
        # A person's exclamation: nothing in its words to check.
        '"I can\'t believe it," said the winner, Lee Chang.',
        '"These are the hardest decisions I have had to make," said the vice-chancellor, Helen Marchant.',
        # A reaction in a named person's words: a scene or a verdict, not a statement a checker could test.
        '"The whole village turned out, and it felt like a wedding," said the organiser, Hana Ruddock.',
        '"We gave everything and it was not quite enough," said the manager, Tom Adderley.',
        '"It felt like the roof was coming off," said the club captain, Ines Marlowe.',
    ],
)
def test_a_dismissal_or_a_feeling_says_nothing_to_check(text):
    claims = _tickets(f"Drivers will strike for 3 days from 9 April, the union Aslef said. {text}")
    assert [c.quote for c in claims if c.quote.startswith(text[:12])] == []


@pytest.mark.parametrize(
    "text",
    [
        'Harrow Lane Homes said it was "disappointed" and would consider an appeal against the ruling.',
        'Harrow Lane Homes said it was "disappointed" with the ruling and was considering an appeal.',
    ],
)
def test_a_body_that_was_disappointed_but_will_appeal_keeps_its_intention(text):
    found = _tickets(text)
    assert [c.speaker for c in found] == ["Harrow Lane Homes"]


def test_a_feeling_split_from_a_claim_beside_it_is_dropped_and_the_claim_kept():
    found = _tickets(
        'A Labour group spokesperson said it was "disappointed" by her decision and that the sale would fund '
        "40 affordable homes."
    )
    assert [c.claim for c in found] == [
        "A Labour group spokesperson said that the sale would fund 40 affordable homes."
    ]


def test_a_courtesy_and_a_post_by_one_of_a_crowd_are_not_claims():
    found = _tickets(
        "Education Secretary Bridget Phillipson congratulated students. Some 290,000 students sat A-levels.\n\n"
        'Fans flooded social media with messages of support. One wrote: "Take all the time you need, queen."'
    )
    assert [c.quote for c in found if "congratulated" in c.quote or "queen" in c.quote] == []


def test_a_forecast_as_a_noun_is_not_a_speakers_verb():
    from factcheck.engines.offline.attribution import attribute

    found = attribute("Brightwell cut its full-year earnings forecast to between $5.10 and $5.30 a share.")
    assert found.speaker is None and found.reported_by is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A figure each side of "and had", after a pronoun: two quantities, two claims.
        (
            "The trust said it had opened 40 extra beds since November and was recruiting 60 nurses.",
            [
                "The trust said that it had opened 40 extra beds since November.",
                "The trust said that it was recruiting 60 nurses.",
            ],
        ),
        # One figure, or a name to put back: one claim, as written.
        (
            "The trust said it had spent £15 million on the site and had paid to connect homes to the water supply.",
            [
                "The trust said that it had spent £15 million on the site and had paid to connect homes to the water supply."
            ],
        ),
    ],
)
def test_and_had_with_no_comma_splits_only_two_figures_after_a_pronoun(text, expected):
    assert [c.claim for c in _tickets(text)] == expected


def test_you_need_to_know_is_an_idiom_not_advice():
    found = _tickets(
        'Shadow minister Ian Corbett said: "Four resignations in seven months tells you all you need to know."'
    )
    assert [c.speaker for c in found] == ["Ian Corbett"]


def test_a_second_clause_that_shares_the_first_ones_verb_is_not_split_off():
    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text="Labour's Priya Cheng came third with 512 votes, and Reform UK's Dean Brisco fourth with 233."
            )
        )
        .claims
    )
    assert [c.claim for c in claims] == [
        "Labour's Priya Cheng came third with 512 votes, and Reform UK's Dean Brisco fourth with 233."
    ]


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        (
            "According to NHS figures published on Thursday, 1,206 patients waited more than 12 hours in April.",
            "published on Thursday, May 15, 2025,",
        ),
        (
            "Figures published by NHS England on Monday show that 1,206 patients waited more than 12 hours.",
            "on Monday, May 19, 2025 show that",
        ),
    ],
)
def test_a_day_in_the_sources_own_words_is_resolved_with_the_claim(sentence, dated):
    # Tuesday May 20, 2025: the figures came out the days before.
    claim = OfflineEngine().extract(ArticleInput(text=sentence, published=date(2025, 5, 20))).claims[0]
    assert dated in claim.claim and not claim.needs_human


def test_what_a_rule_requires_is_a_claim_not_advice():
    text = "Under rules introduced by the regulator in September 2024, banks must assess the impact of each closure."
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2025, 7, 17))).claims
    assert [c.claim for c in claims] == [text]


def test_a_day_after_sentences_about_last_week_is_left_and_flagged():
    text = (
        "About 600 more people than usual died in England during last week's heatwave, according to an estimate.\n\n"
        "Temperatures peaked at 34.7C in Kenmare on Tuesday, the Met Office said."
    )
    # Thursday July 3, 2025: "on Tuesday" may be July 1 or the heatwave's Tuesday, June 24.
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2025, 7, 3))).claims
    peak = next(c for c in claims if "34.7C" in c.claim)
    assert "July 1" not in peak.claim and peak.needs_human


def test_responding_to_a_consultation_is_taking_part_not_a_statement():
    text = "More than 3,200 people responded to a consultation on the plans in 2024."
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2025, 3, 18))).claims
    assert [c.claim for c in claims] == [text] and claims[0].speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "Under the Public Health Act 1936, councils must bury anyone who dies with no one to arrange a funeral.",
        "Under the Public Libraries and Museums Act 1964, councils must lend books free of charge.",
    ],
)
def test_what_a_named_act_requires_is_a_claim(text):
    found = _tickets(f"The council has buried 31 people this year. {text}")
    assert [c.claim for c in found if c.quote == text] == [text]


def test_a_preposition_opening_a_sourced_statement_loses_its_capital():
    found = _tickets(
        "Outside Scotland, ferry journeys fell by 3% last year, according to the Department for Transport."
    )
    assert found[0].claim.startswith("According to the Department for Transport, outside Scotland, ferry journeys")


def test_a_number_word_opening_a_statement_loses_its_capital_behind_said_that():
    claims = _tickets(
        "Fourteen people in the county have lost a total of £96,000 to the scam since September, the force said."
    )
    assert "said that fourteen people in the county have lost" in claims[0].claim


@pytest.mark.parametrize(
    "text",
    [
        "Businesses in England do not have to display their rating, but those in Wales and Northern Ireland must.",
        "Landlords in Scotland must register with their local council before they let a property.",
        "By law, drivers must stop and report any collision that injures a dog.",
        "Blue badge holders will continue to park for free.",
        "Children under five are exempt from the new toll.",
        "In England, a fallen tree belongs to the owner of the land it stood on.",
        "Parish councils have no legal duty to provide street lighting.",
        "Under a 1984 law, landlords must fit smoke alarms on every floor.",
        "Hedgehogs are on the UK's red list of mammals at risk of extinction.",
        "St Aldhelm's is a Grade I listed building, so any change to its windows needs consent.",
        "Under the scheme, every new shop front in the conservation area must use painted timber.",
        "The listing means the pavilion cannot be altered without consent, and its roof must be kept in slate.",
    ],
)
def test_a_rule_told_plainly_with_its_jurisdiction_by_law_or_whom_it_lets_off_is_a_claim(text):
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 12))).claims
    assert [c.claim for c in claims] == [text]


def test_what_the_law_does_not_hold_a_body_liable_for_is_a_claim_however_the_model_scores_its_words():
    text = (
        "Most claims were rejected because the council said it had not known about the pothole or had inspected the "
        "road within the required period. Councils are not liable for pothole damage if they can show they had a "
        "reasonable system for inspecting and repairing their roads."
    )
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 12))).claims
    assert any(c.claim.startswith("Councils are not liable for pothole damage") for c in claims)


def test_an_obligation_with_no_law_or_place_to_it_is_still_advice():
    text = "Parents must check their children's vaccination records before the new term."
    assert OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 12))).claims == []


def test_of_opening_a_statement_loses_its_capital_behind_said_that():
    claims = _tickets("Of the 182 pupils who took exams, 71% achieved a grade 4 or above, the school said.")
    assert "said that of the 182 pupils" in claims[0].claim


@pytest.mark.parametrize(
    "text",
    [
        "The rest came from a heritage grant and a loan from the parish council.",
        "The new footbridge was paid for by the county and a local trust.",
    ],
)
def test_who_paid_is_a_claim_however_plainly_told(text):
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 12))).claims
    assert [c.claim for c in claims] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The county will require planning permission for any new holiday let from June.",
        "The Westbrook and Kiln Road swimming pools will close in August.",
    ],
)
def test_a_rule_or_a_closure_with_the_month_it_starts_is_a_claim(text):
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 12))).claims
    assert [c.claim for c in claims] == [text]


def test_a_clock_time_ends_a_sentence_when_a_new_one_opens_after_it():
    claims = _tickets(
        "The ferry lost power at about 2:10 p.m. Coastguards, two lifeboats and a tug brought it into harbour by "
        "6 p.m., the operator said."
    )
    assert any(c.claim.endswith("at about 2:10 p.m.") for c in claims)
    assert any("brought it into harbour by 6 p.m." in c.claim for c in claims)


def test_branches_to_close_next_month_is_a_claim():
    text = "Three dental practices in the valley will close branches next month, blaming a shortage of dentists."
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 12))).claims
    assert len(claims) == 1 and "in April 2026" in claims[0].claim


@pytest.mark.parametrize(
    "text",
    [
        "Carbon monoxide can cause a sudden collapse and can be fatal.",
        "Some wild mushrooms contain toxins that can cause vomiting and liver failure, and can kill dogs.",
    ],
)
def test_what_a_hazard_does_to_people_or_animals_is_a_claim(text):
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 12))).claims
    assert [c.claim for c in claims] == [text]


def test_a_place_in_a_national_ranking_is_a_claim_however_plainly_told():
    text = "Oak is the second most common tree in England's hedgerows."
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 12))).claims
    assert [c.claim for c in claims] == [text]


def test_a_hazard_with_its_precaution_is_one_claim():
    text = "Some travel sickness tablets can cause drowsiness, and people who take them should not drive."
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 12))).claims
    assert [c.claim for c in claims] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Ammonia fumes can cause coughing and sore throats.",
        "Bee stings can cause a severe allergic reaction in a few people.",
        "Symptoms of Lyme disease can include a circular rash, fever and tiredness.",
    ],
)
def test_what_a_hazard_does_to_the_body_is_a_claim(text):
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 12))).claims
    assert [c.claim for c in claims] == [text]


def test_what_a_body_never_asked_is_its_statement_and_its_advice_to_readers_beside_it_no_ticket():
    text = (
        "Fake payment links were sent to 2,000 tenants, Marlow Housing said.\n\n"
        "The association said its staff never asked tenants to pay rent by text message, and that tenants should "
        "pay through its website."
    )
    claims = OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 12))).claims
    said = " ".join(c.claim for c in claims)
    assert "never asked tenants to pay rent by text message" in said and "through its website" not in said


def test_what_a_thing_does_not_need_is_a_statement_but_what_you_do_not_need_to_do_is_advice():
    said = " ".join(
        c.claim
        for c in _tickets(
            "Iron is about a thousand times more common in the Earth's crust than copper, and it does not need to be "
            'imported. The curator, Ada Roe, said: "You do not need to book a place at the talk."'
        )
    )
    assert "a thousand times more common" in said and "book a place" not in said
