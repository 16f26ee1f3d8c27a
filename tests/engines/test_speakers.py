"""Who is speaking is tracked through the article: pointers back ("the agency added", "she said",
"It said", an untagged second quotation) take the speaker they mean, and when two readings are
possible the claim carries no speaker and a flag for a person, never a guess (issue 29)."""

from datetime import date

import pytest

from factcheck.engines.base import ArticleInput
from factcheck.engines.offline import checkworthy, openings, segment, voices
from factcheck.engines.offline.engine import OfflineEngine
from factcheck.engines.offline.entities import Actors, described_bodies
from factcheck.engines.offline.speakers import Speakers


def tickets(text: str):
    return OfflineEngine().extract(ArticleInput(text=text, published=date(2025, 11, 25))).claims


def ticket(claims, words: str):
    found = [c for c in claims if words in c.quote]
    assert found, f"no ticket quotes {words!r}"
    return found[0]


TWO_AGENCIES = """The Centers for Disease Control and Prevention said it had confirmed 1,753 measles cases in 2025. “Most of these cases are in people who were not vaccinated,” the agency said. “Two doses are about 97 percent effective at preventing measles.”

In England, the UK Health Security Agency reported 2,911 laboratory-confirmed cases between January and October.

The UK Health Security Agency said catch-up clinics would open in 40 schools before Christmas. “Nobody is too old to catch up on the 2 doses,” it said.
"""


def test_an_agency_quoted_after_another_keeps_its_own_quotations():
    claims = tickets(TWO_AGENCIES)
    cdc = "The Centers for Disease Control and Prevention"
    assert ticket(claims, "Most of these cases").speaker == cdc  # "the agency said"
    assert ticket(claims, "Two doses are about").speaker == cdc  # a second quotation, untagged
    ukhsa = ticket(claims, "2,911 laboratory-confirmed")
    assert ukhsa.reported_by == "the UK Health Security Agency"
    assert ukhsa.claim.startswith("In England, the UK Health Security Agency reported 2,911")  # the sentence, whole
    assert "UK Health Security Agency" in (ticket(claims, "Nobody is too old").speaker or "")  # "it said"


def test_a_person_named_between_a_speaker_and_her_pronoun_makes_the_pronoun_unclear():
    claims = tickets(
        "Mayor Lucia Ferrante said the rise would cost the owner of a median home $212 a year. "
        "Councilwoman Maria Osei sat beside Ferrante during the 4-hour vote. "
        "She said the city had underspent its road budget by $38 million in 2024."
    )
    unclear = ticket(claims, "underspent its road budget")
    assert unclear.speaker is None and unclear.needs_human
    assert "Lucia Ferrante" in unclear.flag_reason and "Maria Osei" in unclear.flag_reason


def test_the_person_a_paragraph_is_about_is_who_she_means():
    claims = tickets(
        "“We resurfaced 48 miles of road, not the 60 we promised,” said county engineer Raj Patel.\n\n"
        "Comptroller Angela Ruiz has asked the board for a review. "
        "“The contractor billed us twice for the same 6 miles,” she said."
    )
    assert ticket(claims, "billed us twice").speaker == "Angela Ruiz"


def test_speakers_named_by_role_appositive_or_after_their_words():
    claims = tickets(
        "Their lawyer, Amir Haddad, told the court in August that no cultivated meat product had been linked to "
        "an outbreak.\n\n"
        "Dr. Rupert Vance, a hepatologist who led the report, said the 14 patients had taken up to 2,000mg a day.\n\n"
        "“We have not seen cocoa costs like this in 90 years,” chief executive Laura Mendes told analysts on a call.\n\n"
        "A spokesperson for the regulator added: “Anyone with a suspected reaction to the 3 products should stop.”"
    )
    assert ticket(claims, "no cultivated meat").speaker == "Amir Haddad"
    assert ticket(claims, "2,000mg").speaker == "Dr. Rupert Vance" and ticket(claims, "2,000mg").reported_by is None
    assert ticket(claims, "cocoa costs").speaker == "chief executive Laura Mendes"
    assert ticket(claims, "suspected reaction").speaker == "a spokesperson for the regulator"


def test_a_speaker_after_the_statement_and_its_pointers():
    claims = tickets(
        "Brightwell Foods said its quarterly profit fell 18 percent to $412 million. "
        "Sales rose 3 percent to $4.1 billion, the company said.\n\n"
        "A record 41,000 runners finished the race, organisers said. They said the event raised £9.8 million."
    )
    sales = ticket(claims, "Sales rose")
    assert sales.speaker == "Brightwell Foods" and sales.claim.lower().startswith(
        "brightwell foods said that sales rose"
    )
    assert ticket(claims, "41,000 runners").speaker == "organisers"
    assert ticket(claims, "£9.8 million").speaker == "organisers"


def test_two_organisations_in_turn_leave_a_later_it_to_a_person():
    claims = tickets(
        "The county said 1,200 homes lost power on Sunday. The utility board said 800 of them were reconnected.\n\n"
        "Residents of 40 streets waited 3 days for help.\n\n"
        "It said a review of the 14 substations would follow."
    )
    review = ticket(claims, "14 substations")
    assert review.speaker is None and review.needs_human


def test_a_second_body_of_the_same_kind_takes_the_pointer_that_follows_it():
    claims = tickets(
        "The health ministry said 312 clinics had closed since 2022.\n\n"
        "The finance ministry rejected that figure. “Only 96 clinics have closed, and 40 have reopened,” "
        "the ministry said."
    )
    assert ticket(claims, "Only 96 clinics").speaker == "the finance ministry"


def test_two_bodies_of_the_same_kind_named_since_leave_the_pointer_to_a_person():
    claims = tickets(
        "The health ministry said 312 clinics had closed since 2022. The finance ministry and the interior "
        "ministry met on Friday to discuss the 2026 budget.\n\n"
        "“Only 96 clinics have closed, and 40 have reopened,” the ministry said."
    )
    unsure = ticket(claims, "Only 96 clinics")
    assert unsure.speaker is None and unsure.needs_human and "ministry" in unsure.flag_reason


def test_a_quotation_running_over_two_sentences_keeps_its_speaker():
    claims = tickets(
        "“First, the carrier asked for 14 more landing slots, and that was refused,” the airport’s chief "
        "executive, Maria Lind, told the Gazette. “Second, it asked to keep its 6 night flights. In return, "
        "it offered to retire 20 older jets by 2027.”"
    )
    second = ticket(claims, "Second, it asked")
    assert second.speaker == "Maria Lind" and not second.needs_human


def test_a_wire_dateline_is_not_part_of_the_claim_and_a_group_speaker_after_it_is_read():
    claims = tickets(
        "GENEVA, March 6 (Wire) - Talks on a 12-mile shipping corridor ended without agreement on Thursday, "
        "officials from both delegations said, after three days of meetings."
    )
    talks = ticket(claims, "shipping corridor")
    assert not talks.claim.startswith("GENEVA") and "(Wire)" not in talks.claim
    assert talks.speaker == "officials from both delegations"


def test_it_opening_the_sentence_after_a_body_spoke_is_that_body():
    claims = tickets(
        "The agriculture ministry said grain exports fell to 41 million tonnes in 2024. "
        "It blamed the fall on attacks on 3 ports."
    )
    blamed = ticket(claims, "It blamed")
    assert blamed.speaker == "the agriculture ministry" and not blamed.needs_human
    assert blamed.claim.startswith("The agriculture ministry blamed the fall")


def test_where_the_sentence_happens_is_not_who_speaks():
    claims = tickets(
        "The CDC said 41 million people had flu in 2023.\n\n"
        "Back in England, the NHS said on Monday that 1,700 patients were in hospital with flu."
    )
    assert ticket(claims, "1,700 patients").speaker == "the NHS"


def test_the_agency_right_after_a_body_spoke_is_that_body_whatever_its_name():
    claims = tickets(
        "The NHS said it gave 11.2 million flu vaccinations by November.\n\n"
        "The Centers for Disease Control and Prevention estimated that flu caused 9.3 million illnesses in 2023. "
        "“Everyone 6 months and older should get a flu vaccine every season,” the agency said. "
        "It added that vaccination cut hospital stays by 40 percent."
    )
    cdc = "the centers for disease control and prevention"
    assert ticket(claims, "Everyone 6 months").speaker.lower() == cdc
    assert ticket(claims, "It added").speaker.lower() == cdc


def test_the_charity_after_a_sentence_that_opens_with_it_is_that_charity_not_the_last_person_quoted():
    claims = tickets(
        "“About 500,000 children would still not qualify,” said Christine Farquharson, an economist.\n\n"
        "The Food Poverty Alliance welcomed the decision. The charity said it had campaigned for the change "
        "since 2019."
    )
    assert ticket(claims, "campaigned for the change").speaker == "The Food Poverty Alliance"


def test_people_with_knowledge_said_is_unnamed_sources_and_a_pronoun_after_a_broadcaster_is_the_person():
    claims = tickets(
        "Talks over the sale of the club collapsed on Monday, two people with knowledge of the talks said, "
        "after the buyers learned of £38 million in debt.\n\n"
        "Trust chair Maggie Dunn said fans had been kept in the dark for 3 months. She told BBC Radio Harbour "
        "that the trust had written to the club 3 times since January."
    )
    assert ticket(claims, "collapsed on Monday").speaker == "unnamed sources"
    written = ticket(claims, "written to the club")
    assert written.speaker == "Maggie Dunn" and written.reported_by == "BBC Radio Harbour"


def test_a_statement_quoting_a_phrase_keeps_its_words():
    claims = tickets(
        'The chairman, Neil Forsyth, told the Echo that the 2 buyers had been "given every document they asked for".'
    )
    given = ticket(claims, "given every document")
    assert given.speaker == "Neil Forsyth" and "the 2 buyers had been" in given.claim


def test_a_specific_pointer_takes_only_a_body_that_says_it_is_one():
    claims = tickets(
        "Rents rose 11.4 percent in the year to August, according to the Office for National Statistics.\n\n"
        "Baggage handlers will strike for 48 hours from Friday, the GMB union said.\n\n"
        "The union said 420 members had voted for the strike. The charity said 2,300 households were in "
        "temporary accommodation in June."
    )
    assert ticket(claims, "420 members").speaker == "the GMB union"
    charity = ticket(claims, "2,300 households")
    assert charity.speaker is None and charity.needs_human and "charity" in charity.flag_reason


def test_who_was_told_stays_in_the_claim_and_a_listener_pronoun_needs_no_that():
    claims = tickets(
        "Health minister Carla Dent told MPs on Wednesday that 1,200 operations had been cancelled in October.\n\n"
        "The bottler named in the video, Kestrel Drinks, told us it has never used the additive in any product."
    )
    told = ticket(claims, "1,200 operations")
    assert told.speaker == "Health minister Carla Dent"
    assert "told MPs on Wednesday, November 19, 2025 that 1,200 operations" in told.claim
    assert not any("told that" in c.claim for c in claims)
    assert ticket(claims, "never used the additive").speaker == "Kestrel Drinks"


def test_a_court_that_heard_evidence_is_its_source_and_a_post_that_shows_a_picture_asserts_nothing():
    claims = tickets(
        "Bristol Crown Court heard that the pair sold 4,000 fake festival tickets between 2021 and 2023.\n\n"
        "The video, first shared on 3 May, shows a man pouring 2 litres of bleach into a reservoir. "
        "Water company data show that chlorine levels at the reservoir stayed within limits all year."
    )
    assert ticket(claims, "4,000 fake festival tickets").speaker == "Bristol Crown Court"
    assert not (ticket(claims, "pouring 2 litres").speaker or ticket(claims, "pouring 2 litres").reported_by)
    data = ticket(claims, "chlorine levels")
    assert "Water company data" in f"{data.speaker} {data.reported_by}"


def test_a_body_named_by_what_it_is_is_what_its_pointer_means_not_the_person_who_leads_it():
    claims = tickets(
        "The county council said the ferry would stop running in March.\n\n"
        "Council leader Anne Fox said the service lost £3 million in 2024.\n\n"
        "A survey by the polling firm Halden Research found that 61 percent of residents used the ferry. "
        "The firm said 1,400 people had answered it.\n\n"
        "The council said a replacement bus would run every 20 minutes. "
        "It added that 2,000 season tickets would be refunded in full."
    )
    assert ticket(claims, "lost £3 million").speaker == "Council leader Anne Fox"
    assert ticket(claims, "1,400 people").speaker == "Halden Research"
    for words in ("every 20 minutes", "refunded in full"):
        assert ticket(claims, words).speaker == "the county council"


def test_the_government_unnamed_is_the_government_of_the_day_not_the_last_speaker():
    claims = tickets(
        "Wool exports fell 9 percent in 2024, the Wool Board said. Its chair, Tom Reid, called on ministers "
        "to cut the 12 percent export levy.\n\n"
        "The government said talks on the levy with 3 trading partners were continuing."
    )
    assert ticket(claims, "export levy").speaker == "Tom Reid"
    assert ticket(claims, "talks on the levy").speaker == "the government"


def test_a_pronoun_never_means_the_person_named_in_its_own_clause():
    claims = tickets(
        "Tom Mason, 44, admitted handling stolen goods in May.\n\n"
        "Prosecutor Ruth Bell said the van had been stolen in Bath in 2023. "
        "She said Mason had changed its number plates 3 times.\n\n"
        "Judge Alan Grey said the offence was planned over 6 months. "
        "He told Mason: “You knew exactly what you were doing.”"
    )
    assert ticket(claims, "changed its number plates").speaker == "Ruth Bell"
    assert ticket(claims, "knew exactly").speaker == "Alan Grey"


def test_a_report_by_a_charity_doing_a_kind_of_work_still_names_its_source():
    claims = tickets(
        "A report by the housing charity Roofline, published alongside the figures, found that one in four "
        "tenants in the city had fallen behind on rent in 2025. The charity said 900 families were in hostels."
    )
    report = ticket(claims, "one in four")
    assert "Roofline" in f"{report.speaker} {report.reported_by}"
    assert ticket(claims, "900 families").speaker == "Roofline"


def test_a_watchdog_named_by_role_is_not_a_person_and_a_foreign_company_is_its_name():
    claims = tickets(
        "Consumer watchdog Fair Fares said 64 percent of travellers had paid a surcharge in 2025. "
        "The watchdog added that complaints had risen by a third.\n\n"
        "The pill, made by the Swiss company Alpenmed Labs, was tested on 2,400 adults. "
        "The company said 8 percent of them had side effects."
    )
    assert ticket(claims, "complaints had risen").speaker == "Consumer watchdog Fair Fares"
    assert ticket(claims, "8 percent of them").speaker == "Alpenmed Labs"


def test_a_quotation_told_to_reporters_is_said_not_told_to_a_report():
    claims = tickets(
        "“We are seeing fewer outbreaks every week,” Agriculture Secretary Ana Ruiz told reporters in Ohio."
    )
    quote = ticket(claims, "fewer outbreaks")
    assert quote.speaker == "Agriculture Secretary Ana Ruiz" and quote.reported_by is None
    assert "told report" not in quote.claim


def test_an_appeal_for_witnesses_is_not_a_ticket_but_the_rest_of_its_paragraph_is():
    claims = tickets(
        "Detective Sergeant Lena Park said 3 cars had been set alight in Hope Street on Sunday night. "
        "“We are keen to hear from anyone who has dashcam footage,” she said.\n\n"
        "Anyone with information is asked to call 101, quoting log 2291."
    )
    assert ticket(claims, "3 cars had been set alight").speaker == "Detective Sergeant Lena Park"
    assert not [c for c in claims if "dashcam" in c.quote or "101" in c.quote]


def test_a_body_named_earlier_in_its_own_sentence_is_what_the_tag_means():
    claims = tickets(
        "Thieves took the card details of 40,000 customers of the broadband provider Linkway in May, the company "
        "said.\n\n"
        "The Liberal Democrats held the Westfield seat with 1,204 votes, the returning officer announced."
    )
    assert ticket(claims, "40,000 customers").speaker == "Linkway"
    assert ticket(claims, "1,204 votes").speaker == "the returning officer"


def test_a_straight_quote_that_opens_a_quotation_is_not_the_end_of_one():
    claims = tickets(
        '"Detroit showed the country what neglect of water pipes costs," said U.S. Senator Ada Brooks. '
        "Brooks said Michigan would receive $41 million of the total."
    )
    quote = ticket(claims, "Detroit showed")
    assert quote.speaker == "U.S. Senator Ada Brooks"


def test_what_an_agency_announces_or_estimates_is_its_claim_in_its_own_words():
    claims = tickets(
        "Today, the Water Agency announced $60 million in grants to replace lead pipes in 3 states.\n\n"
        "The grants will replace about 9,000 lead pipes, the agency estimates.\n\n"
        "Justice Mara Klein wrote in dissent that the ruling would let 12 states cut school funding."
    )
    grants = ticket(claims, "$60 million in grants")
    assert "the Water Agency" in (grants.speaker, grants.reported_by)
    assert "announced $60 million in grants" in grants.claim
    assert grants.claim.startswith("On November 25, 2025, the Water Agency")
    pipes = ticket(claims, "9,000 lead pipes")
    assert "the Water Agency" in (pipes.speaker, pipes.reported_by)
    dissent = ticket(claims, "12 states cut")
    assert dissent.speaker == "Justice Mara Klein" and "in dissent that" not in dissent.claim


def test_they_after_a_spokesperson_is_the_spokesperson():
    claims = tickets(
        "A Department of Health spokesperson said the service had been left in a poor state. "
        "They said 1.9 million extra appointments had been delivered since July 2024."
    )
    assert ticket(claims, "1.9 million extra").speaker == "a Department of Health spokesperson"


def test_a_pronoun_written_into_a_claim_is_the_one_person_it_can_mean_or_stays_flagged():
    claims = tickets(
        "Sprinter Tomas Berg won the 200 metres in 19.9 seconds on Saturday. "
        "Berg said he had trained in Kenya for 3 months.\n\n"
        "Ben Ward's lawyer, Neil Stone, said his client had repaid £40,000. "
        "He told the court, through his lawyer, that he had sold his house to do it."
    )
    trained = ticket(claims, "trained in Kenya")
    assert trained.speaker == "Tomas Berg" and trained.claim.startswith("Tomas Berg said that he had trained")
    sold = ticket(claims, "sold his house")
    assert sold.speaker is None and sold.needs_human
    assert "Neil Stone" in sold.flag_reason and "Ben Ward" in sold.flag_reason
    assert not sold.claim.startswith("Neil Stone")


def test_brothers_who_share_a_surname_are_never_merged_into_one():
    claims = tickets(
        "Aaron Holt, 38, and his brother Lee Holt, 35, admitted selling 9,000 fake handbags in January. "
        "Holt was jailed for 6 years."
    )
    plea = ticket(claims, "9,000 fake handbags")
    assert plea.speaker is None and plea.claim.startswith("Aaron Holt, 38, and his brother Lee Holt, 35")
    jailed = ticket(claims, "jailed for 6 years")
    assert "Aaron Holt was" not in jailed.claim and "Lee Holt was" not in jailed.claim


def test_a_title_before_a_name_is_not_part_of_the_name():
    claims = tickets(
        "Hungarian Prime Minister Viktor Orban, who had threatened a veto, said he had secured 2 contracts "
        "for Hungarian firms."
    )
    secured = ticket(claims, "2 contracts")
    assert "Minister Viktor" not in secured.claim.split(" said that ")[1]
    # "he" is Viktor Orban, the speaker himself: it stays "he", unflagged.
    assert "Viktor Orban said that he had secured" in secured.claim and not secured.needs_human


def test_they_after_a_sentence_that_opens_with_a_group_is_that_group():
    claims = tickets(
        "The researchers, from 2 Swiss universities, measured 176 glaciers. "
        "They found that the glaciers had lost 5.8 cubic kilometres of ice in 2 years."
    )
    assert ticket(claims, "5.8 cubic kilometres").speaker == "the researchers"


def test_the_company_is_never_the_person_who_spoke_last():
    claims = tickets(
        "The supermarket chain Fresco will close 38 stores, the company said on Wednesday.\n\n"
        "The union's general secretary, Joanne Thomas, said 2,100 members could lose their jobs.\n\n"
        "The company reported a pre-tax loss of £46 million last year."
    )
    loss = ticket(claims, "pre-tax loss")
    assert loss.speaker == "Fresco" and loss.claim.startswith("Fresco reported a pre-tax loss")


def test_a_long_programme_name_is_the_listener_and_a_post_on_x_is_the_setting():
    claims = tickets(
        "Chief Constable Jo Farrell told BBC Radio Scotland's Good Morning Scotland programme that the force "
        "had 16,400 officers.\n\n"
        "Senator Ann Reyes said in a post on X that 22 million people would lose their tax credits.\n\n"
        "The firm said in a statement the plant would close in 2026 with the loss of 300 jobs."
    )
    officers = ticket(claims, "16,400 officers")
    assert officers.speaker == "Chief Constable Jo Farrell"
    assert "Good Morning Scotland programme that the force had 16,400" in officers.claim
    credits = ticket(claims, "22 million people")
    assert credits.speaker == "Senator Ann Reyes" and "said that 22 million people" in credits.claim
    assert "the plant would close in 2026" in ticket(claims, "300 jobs").claim.lower()


def test_an_unnamed_speakers_she_stays_she_and_a_press_secretary_is_a_person_not_an_outlet():
    claims = tickets(
        "The review, led by the midwife Donna Ockenden, examined 1,590 cases. "
        "It said staff had ignored warning signs in 201 of them.\n\n"
        "One mother, who asked not to be named, told the review that she had been sent home twice in labour.\n\n"
        'Press secretary Karoline Leavitt told reporters that 750,000 workers could be "sent home".'
    )
    assert ticket(claims, "201 of them").speaker == "the review"
    mother = ticket(claims, "sent home twice")
    assert mother.speaker == "an unnamed mother"
    assert "told the review that she had been sent home" in mother.claim and "Ockenden had" not in mother.claim
    press = ticket(claims, "750,000 workers")
    assert press.speaker == "Press secretary Karoline Leavitt" and press.reported_by is None


def test_a_quotation_tagged_with_a_role_then_a_name_is_the_persons_never_the_last_speakers():
    claims = tickets(
        "The retailer Brightside said it had received 14 reports of chargers overheating. "
        '"Return it to any of our 240 stores for a full refund," said Brightside\'s chief operating officer, '
        "Helen Marsh. She added that the chargers were made by a supplier the company dropped in 2024.\n\n"
        "The consumer group Which? said its tests found that 3 of the 5 chargers failed safety checks."
    )
    assert ticket(claims, "240 stores").speaker == "Helen Marsh"
    assert ticket(claims, "supplier the company dropped").speaker == "Helen Marsh"
    assert ticket(claims, "3 of the 5 chargers").speaker == "the consumer group Which?"


def test_an_unread_tag_never_hands_a_quotation_to_the_speaker_before():
    claims = tickets(
        "The council said the library would close in 2026. "
        "“We will fight this with 4,000 signatures,” said a tired but determined Anna Berg of the Friends group."
    )
    quote = ticket(claims, "4,000 signatures")
    assert quote.speaker != "The council"


def test_a_participle_with_its_agent_is_not_a_speaker():
    claims = tickets(
        "Shoplifting offences recorded by police rose 20 percent to 530,643 in the year to March, "
        "the Office for National Statistics said on Thursday."
    )
    assert ticket(claims, "530,643").speaker == "the Office for National Statistics"


def test_a_possessive_mentions_its_person_so_a_pronoun_after_it_is_not_guessed():
    claims = tickets(
        "Sprinter Faith Wanjiru was banned for 4 years on Wednesday. "
        "Wanjiru's lawyer, Peter Otieno, said she would appeal to the Court of Arbitration for Sport within 21 days."
    )
    appeal = ticket(claims, "within 21 days")
    assert "Peter Otieno would appeal" not in appeal.claim


def test_a_company_named_for_its_industry_is_not_a_person_whose_surname_spreads():
    claims = tickets(
        "Ashgrove Steel will close its last blast furnace in September, cutting 400 jobs.\n\n"
        "Steel output in Britain fell to 5.6 million tonnes in 2024, according to the trade body UK Steel."
    )
    output = ticket(claims, "5.6 million tonnes")
    assert "Ashgrove Steel output" not in output.claim and "Steel output in Britain" in output.claim


def test_a_pronoun_the_article_used_for_one_person_never_means_another():
    claims = tickets(
        "Prosecutor Naomi Clarke said the charity had lost £410,000 between 2015 and 2023. "
        "She said the losses were hidden from its auditors for 8 years. "
        "He said the charity had cut 2 nursing posts in 2022."
    )
    cut = ticket(claims, "2 nursing posts")
    assert cut.speaker is None and cut.needs_human and "Naomi Clarke" not in (cut.flag_reason or "")


def test_a_body_named_by_its_noun_is_what_the_noun_means_not_the_company_that_spoke_last():
    claims = tickets(
        "The Food Standards Agency ordered a recall of the sandwiches on Monday.\n\n"
        "Tesco said it had removed 40,000 packs from its shelves. The agency said 12 people had fallen ill."
    )
    ill = ticket(claims, "12 people had fallen ill")
    assert "Food Standards Agency" in (ill.speaker or ill.reported_by or "") and "Tesco" not in ill.claim


def test_a_role_in_lower_case_after_a_setting_is_still_the_speakers_role():
    claims = tickets(
        "In a letter to employees, chief executive Karl Jensen said the furnace had lost £1 million a week. "
        "Business Secretary Jonathan Reynolds told MPs the government had offered the company £80 million."
    )
    assert ticket(claims, "furnace had lost").speaker == "chief executive Karl Jensen"
    offered = ticket(claims, "had offered the company")
    assert offered.speaker == "Business Secretary Jonathan Reynolds"
    assert offered.claim.startswith("Business Secretary Jonathan Reynolds told MPs that the government had offered")


def test_a_tag_closing_the_sentence_keeps_its_listener_and_its_day():
    claims = tickets(
        "Sales rose 3 percent in the year to March, the chief executive told reporters.\n\n"
        "Two hospital trusts will merge next April to form the largest trust in England, their boards announced "
        "on Friday."
    )
    assert ticket(claims, "Sales rose").claim.startswith("The chief executive told reporters that ")
    merge = ticket(claims, "will merge next April")
    assert "announced on Friday, November 21, 2025 that" in merge.claim
    # Whose boards is the reader's inference: the ticket names the words and asks a person.
    assert merge.speaker == "their boards" and merge.needs_human and "whose" in merge.flag_reason


def test_it_closing_a_sentence_that_opens_with_a_named_body_is_that_body():
    claims = tickets(
        "Quillon, the accounting software company, will cut about 1,800 jobs, it said in a filing on Monday.\n\n"
        "The company said most of the cuts would fall in sales and customer support."
    )
    cuts = ticket(claims, "1,800 jobs")
    assert cuts.speaker == "Quillon" and not cuts.needs_human
    assert cuts.claim.startswith("Quillon said in a filing on Monday, November 24, 2025 that")
    assert ticket(claims, "most of the cuts").speaker == "Quillon"  # described as a company, so "the company"


def test_a_count_before_a_place_is_not_a_first_name_that_spreads():
    claims = tickets(
        "Two London hospital trusts have postponed 1,100 operations, NHS England said on Monday.\n\n"
        "The attack hit blood tests for surgeries in six south-east London boroughs."
    )
    assert "Two London boroughs" not in " ".join(c.claim for c in claims)


def test_a_role_then_a_name_between_commas_closing_the_sentence_is_the_speaker():
    claims = tickets("None of the 22 cars was carrying hazardous material, the railroad, Great Lakes Southern, said.")
    assert claims[0].speaker == "Great Lakes Southern"
    assert claims[0].claim == "Great Lakes Southern said that none of the 22 cars was carrying hazardous material."


def test_a_body_described_with_a_possessive_is_what_the_bank_means():
    claims = tickets(
        "Thamesbridge, the UK's fifth-largest high street bank, reported profits of £2.9bn, up 18 percent.\n\n"
        "The bank said its net interest margin rose to 3.1 percent from 2.9 percent a year earlier."
    )
    assert ticket(claims, "net interest margin").speaker == "Thamesbridge"


def test_two_statements_one_carrying_a_partial_quotation_are_two_claims():
    claims = tickets(
        'Chief executive Martin Greaves told analysts that mortgage arrears remained "very low" and that the bank '
        "would buy back up to £750m of its shares."
    )
    assert [c.quote for c in claims] == [
        'mortgage arrears remained "very low"',
        "the bank would buy back up to £750m of its shares.",
    ]
    assert all(c.speaker == "Chief executive Martin Greaves" for c in claims)


def test_a_question_heading_names_no_body_and_a_council_is_not_its_councillors():
    claims = tickets(
        "Why is the council doing this?\n\nThe council says it faces a £21 million gap in its budget.\n\n"
        "Opposition councillors said the council had wasted £6 million on a failed IT system.\n\n"
        "About 9,400 households already get a reduction, the council says."
    )
    said_by = {c.speaker for c in claims} | {c.reported_by for c in claims}
    assert not any(s and s.startswith("Why") for s in said_by)
    assert ticket(claims, "9,400 households").speaker != "Opposition councillors"


def test_it_after_a_speaker_that_could_not_be_told_is_as_unclear():
    claims = tickets(
        "Lumio unveiled a phone on Tuesday.\n\n"
        "The retailer said it would close 38 stores. It said 2,100 jobs were at risk across 14 towns."
    )
    jobs = ticket(claims, "2,100 jobs")
    assert jobs.speaker is None and jobs.needs_human and "could not be told" in jobs.flag_reason


def test_an_unnamed_speakers_he_is_the_speaker_not_the_last_person_named():
    claims = tickets(
        "Assistant coroner Kevin McLoughlin recorded a conclusion of accidental death. "
        "The lorry driver told the hearing he had checked his mirrors twice and did not see her."
    )
    mirrors = ticket(claims, "checked his mirrors")
    assert "McLoughlin" not in mirrors.claim and mirrors.claim.startswith("The lorry driver told the hearing that he")


def test_it_before_a_copula_names_an_event_not_the_body_that_spoke():
    claims = tickets(
        "The world makes 400 million tonnes of plastic a year, according to the UN Environment Programme. "
        "It was the sixth round of talks since 2022."
    )
    assert ticket(claims, "sixth round").claim == "It was the sixth round of talks since 2022."


def test_a_minister_named_with_a_portfolio_is_a_person_never_what_the_government_means():
    claims = tickets(
        'Transport Secretary Helen Ashby said the figures showed the railway was "finally recovering". '
        "The government has promised that by 2030, nine in ten trains will arrive on time."
    )
    pledge = ticket(claims, "nine in ten trains")
    assert "Ashby" not in (pledge.speaker or "") and "Ashby" not in pledge.claim


@pytest.mark.parametrize(
    "span", ["Why is the council", "Spain has recorded its hottest day", "What did the minister", "How the scheme was"]
)
def test_a_question_or_a_clause_with_a_finite_verb_is_never_a_speaker(span):
    found = Speakers(Actors()).resolve(span)
    assert found.speaker is None and "does not read as a name" in found.unclear


@pytest.mark.parametrize("span", ["Which?", "residents who have lived there for decades", "the mother of a boy"])
def test_a_relative_clause_or_a_name_with_a_question_mark_stays_a_speaker(span):
    assert Speakers(Actors()).resolve(span).speaker


def test_a_street_or_a_car_is_never_the_he_of_the_next_sentence():
    claims = tickets(
        "A 68-year-old man has died after he was hit by a car in Hanley on Friday night, police have said.\n\n"
        "Officers were called to Marsh Road shortly after 10pm. He was taken to hospital, where he died on Saturday.\n\n"
        "The car, a silver Ford Focus, did not stop, according to Staffordshire Police. "
        "A 30-year-old man was arrested on Saturday. He has been released on bail, the force said."
    )
    assert ticket(claims, "has died after").speaker == "police"
    for words in ("taken to hospital", "released on bail"):
        found = ticket(claims, words)
        assert "Marsh Road" not in found.claim and "Ford Focus" not in found.claim and found.needs_human
    assert ticket(claims, "released on bail").speaker == "Staffordshire Police"


def test_an_airline_named_air_is_a_company_so_its_it_is_the_company():
    claims = tickets(
        "Skyline Air carried 58 million passengers in the six months to September.\n\n"
        "Skyline said it would open 22 new routes from Manchester next year. "
        "It also confirmed that it would pay a dividend of 6.5p a share."
    )
    assert ticket(claims, "6.5p a share").speaker == "Skyline Air"  # its name in full, as the lead gave it


def test_a_body_named_with_a_lower_case_noun_after_its_capitals_is_named_whole():
    claims = tickets(
        "The Labour-run council approved the plan by 31 votes to 22 on Tuesday night. "
        "It says the closures will save £1.1 million a year."
    )
    assert ticket(claims, "£1.1 million").speaker == "The Labour-run council"


def test_the_company_described_after_its_name_is_that_name_however_far_back():
    claims = tickets(
        "Corvane, the business software company, will cut about 1,800 jobs, according to a memo seen by The Ledger.\n\n"
        "A Corvane spokeswoman confirmed the cuts.\n\n"
        "The company reported revenue of $6.2 billion last year, up 14 percent."
    )
    assert ticket(claims, "$6.2 billion").claim.startswith("Corvane reported revenue")


def test_a_college_is_never_a_person_whose_surname_a_city_shares():
    claims = tickets(
        "About 2,300 people died in the heat, according to a rapid study by scientists at Imperial College London "
        "and the London School of Hygiene and Tropical Medicine.\n\n"
        "London recorded 273 deaths, 171 of them linked to climate change, the study found."
    )
    first, london = ticket(claims, "2,300 people"), ticket(claims, "273 deaths")
    assert first.reported_by.startswith("a rapid study by scientists at Imperial College London")
    assert "College London recorded" not in london.claim and "London recorded 273 deaths" in london.claim


def test_the_agency_after_another_body_was_named_is_a_persons_call():
    claims = tickets(
        "Five of the eight people who fell ill are in hospital, according to the Centers for Disease Control and "
        "Prevention. The berries came from one supplier, which the FDA did not name. "
        "The agency said it was working with the company to find out whether other products were affected."
    )
    working = ticket(claims, "other products")
    assert "Centers" not in working.claim and working.needs_human


def test_places_buildings_and_families_in_an_obituary_are_read_as_what_they_are():
    claims = tickets(
        "Margaret Oyelaran, a heart surgeon, has died aged 88, her family said on Tuesday.\n\n"
        "She died at home in Birmingham on Sunday, her son, Tunde Oyelaran, said in a statement.\n\n"
        "She operated at Queen Elizabeth Hospital and trained 600 surgeons in West Africa. "
        'The charity Heartbridge said she had "changed what was possible for a generation of doctors".'
    )
    assert ticket(claims, "aged 88").speaker == "her family"
    died = ticket(claims, "died at home")
    assert died.speaker == "Tunde Oyelaran" and "Sunday, November 23, 2025" in died.claim
    changed = ticket(claims, "changed what was possible")
    assert "Elizabeth Hospital" not in changed.claim and "West Africa" not in changed.claim


def test_a_subject_ending_in_to_is_no_one():
    claims = tickets("Replays appeared to show that the ball went out off a Millford player in the 94th minute.")
    assert all(c.speaker is None for c in claims)


def test_a_banks_customers_are_not_the_bank_but_tell_which_bank_is_meant():
    claims = tickets(
        "Customers of Westmere Bank were unable to log in to their apps for seven hours on Monday.\n\n"
        "The bank said the problem was caused by a failed software update. It said all services had been "
        "restored by 6pm and that no customer data had been affected."
    )
    for words in ("failed software update", "restored by 6pm", "no customer data"):
        assert ticket(claims, words).speaker == "Westmere Bank"


def test_monitors_after_a_false_tag_and_a_man_from_leeds_whose_mother_is_in_care_are_speakers():
    claims = tickets(
        "A ceasefire largely held on Thursday, with only two minor violations reported, international monitors "
        "said.\n\nMartin Hale, 58, from Leeds, whose mother lives in a home rated inadequate, said he had been "
        "unable to find a better one within 20 miles.\n\nThe charity looked at 14,600 homes inspected by the "
        "regulator and found that 4,520 had been rated inadequate."
    )
    assert ticket(claims, "ceasefire").speaker == "international monitors"
    assert ticket(claims, "20 miles").speaker == "Martin Hale"
    assert "looked at" not in (ticket(claims, "4,520").speaker or "")


def test_a_thousands_comma_does_not_cut_an_appositive_and_payslips_are_not_the_company():
    claims = tickets(
        "Payslips seen by the BBC show that some workers at Brightwell Care earned £9.40 an hour.\n\n"
        'The company, which provides care to about 11,000 people, said it paid "at or above the legal minimum".'
    )
    paid = ticket(claims, "at or above")
    assert "000 people" not in (paid.speaker or "") and "Payslips" not in (paid.speaker or "")


def test_she_is_never_a_man_the_article_called_he():
    claims = tickets(
        "The panel heard that Daniel Pryce recorded checks on 11 night shifts that he had not carried out.\n\n"
        "One patient, an 81-year-old woman, developed sepsis, the hearing was told. "
        "She recovered after treatment in intensive care."
    )
    assert ticket(claims, "developed sepsis").speaker == "the hearing"
    recovered = ticket(claims, "intensive care")
    assert "Pryce" not in recovered.claim and recovered.needs_human


def test_a_country_ending_a_bodys_name_is_still_the_country():
    claims = tickets(
        "Two ferries for Scotland's west coast routes will be five years late, according to a report by Audit "
        "Scotland. Island businesses in Scotland say bookings fell by 30 percent."
    )
    assert all("Audit Scotland's west coast" not in c.claim for c in claims)
    assert "Audit Scotland say" not in ticket(claims, "bookings fell").claim


def test_a_name_right_after_the_is_a_things_and_its_last_word_is_never_a_surname():
    claims = tickets(
        "Thieves broke into the Oldbury Museum on Sunday and took 300 coins, police said.\n\n"
        "Museum thefts in England rose by a fifth last year, according to the Art Loss Register."
    )
    assert "Oldbury" not in ticket(claims, "rose by a fifth").claim


def test_a_body_that_spoke_through_its_spokesperson_is_what_the_group_means():
    claims = tickets(
        "Aslef said its members had been offered a 3 percent rise.\n\n"
        'A spokesperson for the Rail Delivery Group said the offer was "fair and affordable". '
        "The group said 4,000 trains ran on time last week."
    )
    assert ticket(claims, "4,000 trains").speaker == "the Rail Delivery Group"


def test_an_unnamed_passengers_she_is_never_the_coach_company():
    claims = tickets(
        "Its operator, Highland Coaches, said the vehicle had passed a safety inspection two weeks ago.\n\n"
        "A passenger on a car behind the coach told the BBC the vehicle had swerved across two lanes. "
        '"It just went over, and there were about 40 people on board," she said.'
    )
    assert "Highland" not in (ticket(claims, "40 people on board").speaker or "")


def test_a_business_with_a_founder_is_the_company_and_never_a_person():
    claims = tickets(
        "Little Sprout's apple pouches with best-before dates in November are affected.\n\n"
        "Little Sprout's founder, Jo Whitfield, apologised to customers. "
        '"We have stopped production at our Kent site," she said.\n\n'
        "The company, which was founded in 2019, said the problem had been traced to a faulty seal."
    )
    assert ticket(claims, "stopped production").speaker == "Jo Whitfield"
    assert ticket(claims, "faulty seal").speaker == "Little Sprout"


def test_the_company_is_never_a_public_body_the_article_spelt_out_in_letters():
    claims = tickets(
        "Baby food pouches have been recalled, the Food Standards Agency (FSA) said on Sunday.\n\n"
        "The FSA said about 48,000 packs had been sold.\n\n"
        "The company, which was founded in 2019, said the problem had been traced to a faulty seal."
    )
    seal = ticket(claims, "faulty seal")
    assert seal.speaker is None and seal.needs_human
    assert "names no body" in seal.flag_reason


def test_an_event_or_a_unit_is_never_who_she_means():
    claims = tickets(
        "Dana Okafor has been banned for four years, the Athletics Integrity Unit said.\n\n"
        "She will lose her gold medal from the European Championships in June.\n\n"
        "Okafor, 27, denies wrongdoing. In a statement she said she would appeal to the Court of Arbitration "
        "for Sport within 21 days."
    )
    assert ticket(claims, "would appeal").speaker == "Dana Okafor"


def test_a_first_name_given_almost_only_to_one_sex_says_who_he_or_she_can_be():
    claims = tickets(
        "Mayor Lucia Ferrante said the rise would cost the owner of a median home $212 a year. "
        "Councilman Derek Osei sat beside Ferrante during the 4-hour vote. "
        "He said the city had underspent its road budget by $38 million in 2024.\n\n"
        "Kyle Brennan was jailed for 18 months. She said a neighbour had reported the gate as broken in May."
    )
    assert ticket(claims, "underspent its road budget").speaker == "Derek Osei"
    gate = ticket(claims, "reported the gate")
    assert gate.speaker is None and gate.needs_human  # "Kyle" is never "she"


@pytest.mark.parametrize(
    ("opening", "who"),
    [
        # Names the 1990 US census lists lack, or give to the other sex, that British and Nigerian copy uses.
        ("Niamh Doyle and Tobi Okeke came on as substitutes.", "Tobi Okeke"),
        ("Alison Thorne and Liam Roche came on as substitutes.", "Liam Roche"),
    ],
)
def test_a_british_or_nigerian_first_name_says_whom_he_can_mean(opening, who):
    claims = tickets(f"{opening} He scored twice in the 82nd minute of the game against Hale Town.")
    assert ticket(claims, "82nd minute").claim.startswith(who)


def test_a_titled_doctor_is_never_what_it_means_and_a_college_of_something_is_a_body():
    claims = tickets(
        "Dr Rao said about one in five beds was occupied by a patient who was well enough to leave.\n\n"
        "The Royal College of Emergency Medicine says long waits in A&E are linked to higher death rates. "
        "It estimates that one extra patient dies for every 72 who wait eight to 12 hours."
    )
    assert ticket(claims, "every 72 who wait").speaker == "The Royal College of Emergency Medicine"


def test_a_pronoun_never_takes_a_name_the_article_never_showed_to_be_a_person():
    claims = tickets(
        "The award went to Silver Birch Primary. She said the prize money of 5,000 pounds would pay for a library."
    )
    prize = ticket(claims, "prize money")
    assert prize.speaker is None and prize.needs_human and "Birch Primary" not in prize.claim


def test_a_role_or_an_age_shows_a_person_whose_name_no_list_knows():
    claims = tickets(
        "Hartfield United have signed striker Moussa Diallo for £38 million.\n\n"
        "Diallo scored 19 goals last season. He becomes the club's fourth signing, taking its spending past £110 million.\n\n"
        "Kwabena Osei-Tutu, 41, runs the town's food bank. He said demand had risen by 40 percent since March."
    )
    assert ticket(claims, "fourth signing").claim.startswith("Moussa Diallo becomes")
    assert ticket(claims, "risen by 40 percent").speaker == "Kwabena Osei-Tutu"


def test_what_police_believe_is_their_account_but_what_fans_believe_is_nobodys():
    claims = tickets(
        "Detectives believe the raiders cut through a rear fire door at 2.30am and were inside for six minutes.\n\n"
        "Kent Police suspect the van used in the raid was stolen in Dover on 3 November.\n\n"
        "Many fans believe the club sold 4,000 fewer season tickets in 2025 than in 2024."
    )
    door = ticket(claims, "rear fire door")
    assert door.speaker == "detectives" and door.claim.startswith("Detectives believe that the raiders")
    assert ticket(claims, "stolen in Dover").speaker == "Kent Police"
    assert ticket(claims, "season tickets").speaker is None


def test_a_research_team_named_at_length_in_a_closing_tag_and_its_journal_are_the_source():
    claims = tickets(
        "Astronomers have found water vapour on a rocky planet 120 light years from Earth, a team led by "
        "researchers at the University of Leeds reported on Tuesday.\n\n"
        "The planet circles its star every 5.2 days, the team wrote in the journal Nature Astronomy."
    )
    team = "a team led by researchers at the University of Leeds"
    assert ticket(claims, "water vapour").speaker == team
    orbit = ticket(claims, "every 5.2 days")
    assert orbit.speaker == team and "wrote in the journal Nature Astronomy that the planet" in orbit.claim


def test_a_body_described_at_the_start_of_a_sentence_is_what_the_company_next_door_means():
    claims = tickets(
        "Homeware retailer Hartleys has fallen into administration with 96 shops.\n\n"
        "The company said 1,800 jobs were at risk across 96 shops."
    )
    assert ticket(claims, "1,800 jobs").speaker == "Hartleys"


def test_an_honorific_and_a_surname_given_in_full_before_are_that_person_by_their_full_name():
    claims = tickets(
        "The bill, brought by Labour MP Kim Leadbeater, would let adults with six months to live seek help.\n\n"
        'Ms Leadbeater told the Commons the bill would give 40,000 dying people "choice".\n\n'
        "Dr Sunil Rao, a consultant, said 12 countries had similar laws. Dr Rao said 3 of them were in Europe."
    )
    assert ticket(claims, "40,000 dying people").speaker == "Kim Leadbeater"
    assert ticket(claims, "3 of them").speaker == "Dr Sunil Rao"


def test_an_honorific_that_says_another_sex_is_another_person():
    claims = tickets(
        "The bill was brought by Labour MP Rachel Leadbeater in 2024.\n\n"
        "Mr Leadbeater, her father, said 12 countries had similar laws."
    )
    assert ticket(claims, "12 countries").speaker == "Mr Leadbeater"


def test_it_after_a_report_that_spoke_is_still_the_report():
    claims = tickets(
        "The report said 1 in 5 pupils had been suspended at least once in 2024. It also found that the school "
        "had not checked the backgrounds of 2 members of staff."
    )
    checks = ticket(claims, "backgrounds")
    assert checks.speaker == "the report" and not checks.needs_human


def test_footage_and_a_participle_posted_somewhere_are_not_speakers():
    claims = tickets(
        "Videos posted on social media showed streaks of burning debris over the Turks and Caicos Islands on "
        "Thursday.\n\nMayor Jane Hill posted on Facebook that the road would reopen on 4 May after 3 weeks."
    )
    videos = ticket(claims, "burning debris")
    assert videos.speaker is None and videos.claim.startswith("Videos posted on social media showed")
    assert ticket(claims, "reopen").speaker == "Mayor Jane Hill"


def test_a_body_whose_name_lists_with_commas_is_named_whole_wherever_it_stands():
    claims = tickets(
        "All 45,000 chickens at a farm near Spalding will be culled, the Department for Environment, Food and "
        "Rural Affairs (Defra) said.\n\nThe Department for Digital, Culture, Media and Sport said 4 museums would "
        "close in 2026.\n\nFree-range producers lost £2 million in 2024, according to the Department for "
        "Environment, Food and Rural Affairs."
    )
    assert ticket(claims, "45,000 chickens").speaker == "the Department for Environment, Food and Rural Affairs (Defra)"
    assert ticket(claims, "4 museums").speaker == "The Department for Digital, Culture, Media and Sport"
    assert ticket(claims, "£2 million").reported_by == "the Department for Environment, Food and Rural Affairs"


def test_a_tally_of_others_that_announced_something_is_the_reporters_count_not_a_speaker():
    claims = tickets("Three other musicals have announced early closures in 2025, each after 4 months or fewer.")
    assert claims[0].speaker is None and claims[0].claim.startswith("Three other musicals have announced")


@pytest.mark.parametrize(
    ("text", "words", "place"),
    [
        # A "his" beside a described man teaches nothing about the mountain named in the sentence.
        (
            "The 67-year-old man set off to climb Glyder Fawr on Friday but did not return to his car.\n\n"
            "He was found in a gully 300 metres below the summit, the rescue team said.",
            "gully",
            "Glyder",
        ),
        # A site is no one's name, so a lynx's "She" is never the park's.
        (
            "The two-year-old lynx, named Sasha, got out of her enclosure at Purbeck Wildlife Park early on "
            "Monday.\n\nShe was found on Tuesday evening in woodland about three miles away.",
            "three miles away",
            "Wildlife Park",
        ),
    ],
)
def test_a_place_is_never_who_a_pronoun_means(text, words, place):
    found = ticket(tickets(text), words)
    assert place not in found.claim and found.needs_human


def test_a_body_described_then_named_that_welcomed_something_but_said_more_is_the_speaker():
    claims = tickets(
        "The charity Heart Research UK welcomed the decision but said GPs would need extra funding to prescribe "
        "the drug.\n\nA walker missing for 40 hours was found alive on Sunday afternoon, rescuers said.\n\n"
        "A weekly injection was recommended for 250,000 adults, the National Institute for Health and Care "
        "Excellence (NICE) said in draft guidance published on Thursday."
    )
    assert ticket(claims, "extra funding").speaker == "the charity Heart Research UK"
    assert ticket(claims, "found alive").speaker == "rescuers"
    guidance = ticket(claims, "weekly injection")
    assert guidance.speaker == "the National Institute for Health and Care Excellence (NICE)"
    assert "said in draft guidance published on Thursday, November 20, 2025 that a weekly injection" in guidance.claim


def test_a_closing_tag_may_give_a_long_role_before_the_name():
    claims = tickets(
        "The 73-year-old man probably had a heart attack on the flight, the director of Bangkok's Suvarnabhumi "
        "airport, Kittipong Kittikachorn, told reporters on 21 May."
    )
    assert claims[0].speaker == "Kittipong Kittikachorn"


def test_a_journals_name_after_the_teaches_no_surname_and_no_name_is_rewritten_inside_another():
    claims = tickets(
        "About 900,000 people in the UK have dementia, according to a study in The Lancet Public Health. "
        "The World Health Organization estimates that outdoor air pollution causes 4.2 million deaths a year."
    )
    who = ticket(claims, "4.2 million")
    assert who.speaker == "The World Health Organization"
    assert "Public" not in who.claim


def test_a_description_then_a_bodys_name_between_commas_is_the_body():
    claims = tickets(
        "The employers' group, the United States Maritime Alliance, said on Monday that it had offered a "
        "wage increase of nearly 50%."
    )
    assert ticket(claims, "nearly 50%").speaker == "the United States Maritime Alliance"


def test_a_quotation_running_over_sentences_is_all_the_tagged_speakers():
    claims = tickets(
        "Station commander Owen Prydderch said the water had risen by two metres in 24 hours.\n\n"
        '"Floodwater is far more powerful than it looks. The river rose two metres in a day. Fifteen '
        'centimetres of fast-flowing water can knock an adult off their feet," said Nia Jones, a flood warden.'
    )
    for words in ("far more powerful", "rose two metres in a day", "Fifteen centimetres"):
        found = ticket(claims, words)
        assert found.speaker == "Nia Jones", words
        assert "said Nia" not in found.claim and '"' not in found.claim


def test_a_quotation_tagged_before_it_runs_on_to_its_closing_mark():
    claims = tickets('Mayor Ruth Okonjo said: "The bridge has been shut since Friday. It will reopen in May 2026."')
    assert ticket(claims, "reopen in May").speaker == "Mayor Ruth Okonjo"


def test_a_persons_quoted_instruction_is_advice_not_a_claim():
    claims = tickets(
        'Sheriff Dana Whitfield said 6,000 residents had been told to leave. "Do not wait to see the flames," she said.'
    )
    assert not [c for c in claims if "flames" in c.quote]


@pytest.mark.parametrize(
    "quotation",
    [
        "But if you are worried, call NHS 111.",  # an instruction after its condition; 111 is no figure to check
        "Call 999 if you see anyone in difficulty in the water.",
        "Wear repellent, and empty standing water around your home.",
        "I don't know if we have a house anymore.",  # not knowing asserts nothing
        "We do not know whether the school will reopen.",
    ],
)
def test_a_quoted_instruction_or_uncertainty_is_not_a_claim(quotation):
    claims = tickets(
        'Dr Rachel Obi said parents should not panic. "The risk to a baby who is feeding normally is very low," '
        "she said. "
        f'"{quotation}"'
    )
    assert ticket(claims, "feeding normally").speaker == "Rachel Obi"
    assert not [c for c in claims if quotation[5:20] in c.quote]


def test_a_body_named_after_its_role_is_still_a_body_and_its_it_is_its_own():
    claims = tickets("The home's owner, Northgate Care Group, said it had reported the manager to police in 2023.")
    reported = ticket(claims, "reported the manager")
    assert reported.speaker == "Northgate Care Group" and not reported.needs_human


def test_a_place_is_no_one_and_a_role_then_a_name_is_the_named_person():
    claims = tickets(
        "Tamar Valley director of rugby Sarah Penhallow said she had lost two players to injury in January."
    )
    lost = ticket(claims, "two players")
    assert lost.claim.startswith("Tamar Valley director of rugby Sarah Penhallow said that she had lost")
    assert lost.speaker.endswith("Sarah Penhallow") and not lost.needs_human


def test_a_name_ending_in_a_feature_of_the_land_is_a_place():
    actors = Actors()
    actors.note("Crews from Tamar Valley and Cowley Road joined the search.")
    assert not {"Tamar Valley", "Cowley Road"} & set(actors.full_names.values())


@pytest.mark.parametrize(
    ("before", "owner"),
    [
        ("The junta said 3,408 people had been injured.", "The junta's leader"),
        ("Marcher Water said bills would rise by 8% in April.", "Marcher Water's leader"),
        # A name ending in a plural takes the apostrophe alone.
        ("Hartsell Railways said 40 trains would be cancelled.", "Hartsell Railways' leader"),
    ],
)
def test_its_after_a_bodys_statement_is_that_bodys(before, owner):
    claims = tickets(f"{before} Its leader, Ko Min, made a rare appeal for aid on 28 March 2025.")
    appeal = ticket(claims, "rare appeal")
    assert appeal.claim.startswith(owner) and not appeal.needs_human


def test_its_with_no_body_before_it_is_left_and_flagged():
    claims = tickets("Its chief executive resigned in 2020 after losses of £40m.")
    assert ticket(claims, "resigned").needs_human


def test_a_statement_reported_by_someone_else_names_both_layers():
    claims = tickets(
        "Governor Ana Ruiz has said she will not sign the bill in its present form, two aides told reporters."
    )
    bill = ticket(claims, "not sign the bill")
    assert (bill.speaker, bill.reported_by) == ("Governor Ana Ruiz", "two aides")
    assert "told reporters" not in bill.claim


def test_a_speaker_tagged_twice_is_one_layer():
    claims = tickets("Mayor Dan Cole said the plan would cost £4m, he said.")
    assert ticket(claims, "£4m").reported_by is None


def test_a_spokespersons_second_statement_keeps_the_body_as_its_it():
    claims = tickets(
        "A Scottish Government spokesperson said it was investing £768 million in affordable housing in 2025 "
        "and had given councils an extra £4 million to reduce the use of temporary accommodation."
    )
    given = ticket(claims, "extra £4 million")
    assert not given.needs_human and "£768" not in given.claim


def test_a_subject_holding_a_percentage_or_a_verb_is_no_speaker():
    claims = tickets("The ruling covers the 10% tariff on most imports announced in April and the duties on steel.")
    assert ticket(claims, "10% tariff").speaker is None


def test_a_named_team_opening_its_finding_is_not_named_twice():
    claims = tickets("The team at Northfield University found 126 micrograms of plastic per gram of tissue.")
    assert ticket(claims, "126 micrograms").claim.count("Northfield University") == 1


def test_the_university_is_the_one_university_the_article_named_however_far_back():
    claims = tickets(
        "The University of Wessex is to cut about 400 jobs.\n\n"
        "In an email to staff on Tuesday, vice-chancellor Helen Marchant said student numbers had fallen by 9%.\n\n"
        "Union members met on Wednesday.\n\n"
        "The university said it would close its departments of music and modern languages."
    )
    assert ticket(claims, "departments of music").speaker == "The University of Wessex"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # What officers came upon is an event in the reporter's voice, not their finding.
        ("Police found more than 600 cannabis plants growing in a former bank.", "600 cannabis", None),
        # A subject with "must" in it holds a verb of its own: no speaker.
        ("The newspaper must also pay her legal costs, estimated at £450,000.", "legal costs", None),
        # Results, like figures, speak for the count they report.
        (
            "Friedrich Merz's conservatives won the election on Sunday, official preliminary results showed.",
            "won the election",
            "official preliminary results",
        ),
        # "told supporters he wanted": a listener a news story names, then the statement without "that".
        ("Friedrich Merz told supporters he wanted to form a government by Easter.", "by Easter", "Friedrich Merz"),
        # A rescue team that found someone came upon them: an event, not a finding.
        ("A specialist water rescue team found the boy about 40 minutes later.", "40 minutes", None),
        # Counts are a record, never the council a later "the council" means.
        (
            "Powys County Council said an inspection had found cracks in 2025.\n\n"
            "The bridge carries about 7,000 vehicles a day, according to council traffic counts.\n\n"
            "The council said a temporary bus service would run between the town and the diversion route.",
            "temporary bus",
            "Powys County Council",
        ),
        # "added 143,000 jobs": a count after "added" is what was added, not what was said.
        (
            "U.S. employers added 143,000 jobs in January, fewer than expected, the Labor Department said on Friday.",
            "143,000 jobs",
            "the Labor Department",
        ),
        # "claimed £6,100 in mileage": money claimed, an act; "claimed £2bn had been wasted", a claim made.
        (
            "Cllr Ed Marsh claimed £6,100 in mileage for trips he did not make, an audit found.",
            "£6,100",
            "an audit",
        ),
        ("The minister claimed £2bn had been wasted on the scheme.", "£2bn", "the minister"),
        # "staff were told": those who heard it, never who said it.
        ("Brackwater College plans to cut 90 jobs, staff were told on Thursday.", "90 jobs", None),
        # "added his third": a score added to the tally, never what he added in words.
        (
            "Winger Sam Pryor, 21, crossed twice in the first 20 minutes and added his third from a kick just "
            "before the hour.",
            "crossed twice",
            None,
        ),
        # Builders, walkers and divers who found something came upon it, as a rescue team does.
        ("Builders found a sealed time capsule from 1884 behind the stage of the Grand.", "time capsule", None),
        ("A dog walker found the wallet, with £300 still in it, on the beach at Saltcombe.", "£300", None),
        # Volunteers who found trees searched for them; the group named after "according to" tells it.
        (
            "Volunteers found 14 old pear trees in back gardens and one in a lay-by, according to the Orrin Fruit Trust.",
            "14 old pear",
            "the Orrin Fruit Trust",
        ),
        # Researchers who recorded sounds made a recording: what they did, not a figure they recorded.
        (
            "Scientists at Brackwater University recorded frog calls at 31 ponds across two counties last spring.",
            "31 ponds",
            None,
        ),
        # "reported the breach to the regulator": a notice given, an act in the reporter's voice, not a report.
        (
            "Brinkworth Borough Council has apologised for the error, the council said.\n\n"
            "It has reported the breach to the Information Commissioner's Office, which can fine it up to £17.5m.",
            "£17.5m",
            None,
        ),
        (
            "The school reported the theft to police on Friday, and 40 laptops worth £30,000 are still missing.",
            "40 laptops",
            None,
        ),
        # "Two said …" after "Several of the winners said …": two of whom, the sentence does not say.
        (
            "Several of the winners said they would pay off their mortgages. Two said they would keep working.",
            "keep working",
            None,
        ),
        # "ruled at the High Court in London on Thursday that": the court the ruling was given in.
        (
            "Judge Anna Harwood ruled at the High Court in London on Thursday that the article had harmed her.",
            "harmed her",
            "Judge Anna Harwood",
        ),
    ],
)
def test_who_asserts_a_sentence_is_read_from_its_shape(text, words, speaker):
    found = ticket(tickets(text), words)
    assert (found.speaker or found.reported_by) == speaker


def test_a_second_speaker_after_and_between_commas_makes_a_claim_of_their_own():
    claims = tickets(
        "The Free Democrats fell short of the 5% threshold needed to enter parliament, and their leader, "
        "Christian Lindner, said he would quit politics."
    )
    assert ticket(claims, "5% threshold").speaker is None
    assert ticket(claims, "quit politics").speaker == "Christian Lindner"


def test_a_body_the_article_did_not_name_nearby_still_makes_its_account_a_claim_flagged():
    claims = tickets("Two neighbours had complained about music and shouting on 14 occasions in 2024, the court heard.")
    heard = ticket(claims, "14 occasions")
    assert heard.needs_human and "court" in (heard.flag_reason or "")


def test_its_after_a_persons_statement_is_never_the_persons():
    claims = tickets("Lee Chang said he had practised for ten hours a day. Its prize money rose to £100,000 in 2024.")
    assert "Lee Chang's" not in ticket(claims, "prize money").claim


def test_her_beside_a_coach_named_for_her_never_makes_the_coach_a_she():
    claims = tickets(
        "Faith Chepkoech ran much of the race alone.\n\n"
        "Her coach, Peter Kiprono, said she had trained at altitude in Iten for three months in 2025."
    )
    trained = ticket(claims, "trained at altitude")
    assert "Faith Chepkoech had trained" in trained.claim and "Peter Kiprono had trained" not in trained.claim


def test_a_title_after_a_county_names_a_person_not_a_body():
    # A body could not be "he", and the quoted "Go Now" would then compete for the pronoun.
    claims = tickets(
        'Josephine County Sheriff Dale Whitcomb said about 4,200 homes were under Level 3 "Go Now" evacuation orders. '
        "At least 14 homes and a church had been destroyed, he told reporters."
    )
    destroyed = ticket(claims, "14 homes")
    assert "Dale Whitcomb" in (destroyed.speaker or "") and not destroyed.needs_human


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Tesco, Asda and Morrisons said the product had been removed from their shelves on Tuesday.",
            "Tesco, Asda and Morrisons",
        ),
        (
            "Britain, France and Germany said the talks would resume in Geneva in March 2026.",
            "Britain, France and Germany",
        ),
        (
            "Aaron Holt, 38, and his brother Lee Holt, 35, said they had not been in Leeds on 3 May 2024.",
            "Aaron Holt and his brother Lee Holt",
        ),
    ],
)
def test_names_listed_before_the_verb_spoke_together(text, speaker):
    assert tickets(text)[0].speaker == speaker


def test_a_statement_quoting_a_long_phrase_is_its_subjects_not_the_last_speakers():
    claims = tickets(
        "Phone records showed he had been streaming a video for four minutes, prosecutor Gemma Hurst told the court.\n\n"
        'Judge Martin Ellery said Pryce had made "a deliberate choice to put his entertainment before the lives of others".'
    )
    assert ticket(claims, "deliberate choice").speaker == "Judge Martin Ellery"


def test_the_court_is_the_court_the_article_just_named():
    claims = tickets(
        "He was sentenced at Worcester Crown Court on Wednesday and banned from driving for nine years.\n\n"
        "The court heard that Pryce was travelling at 52mph in a 40mph zone when his van struck Alison Thorne."
    )
    heard = ticket(claims, "52mph")
    assert heard.speaker == "Worcester Crown Court" and not heard.needs_human


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("The Royal Life Saving Society UK", "The Royal Life Saving Society UK"),
        ("The Canal and River Trust", "The Canal and River Trust"),
        ("Leeds Teaching Hospitals NHS Trust", None),  # a hospital trust is no charity
    ],
)
def test_the_charity_is_a_society_or_a_trust_the_article_just_quoted(body, speaker):
    claims = tickets(
        f"{body} says 226 people died in accidental drownings in the UK in 2023. "
        "Cold water shock can make even strong swimmers panic, the charity says."
    )
    assert ticket(claims, "Cold water shock").speaker == speaker


def test_a_place_named_after_a_person_keeps_its_own_name():
    claims = tickets(
        "A portrait by Thomas Gainsborough has been bought by a museum in Sudbury for £1.8 million.\n\n"
        "Gainsborough's House said the painting was completed around 1752 and was last exhibited in London in 1889."
    )
    assert ticket(claims, "1752").speaker == "Gainsborough's House"


def test_a_department_named_in_full_is_one_department_and_the_department_means_it():
    claims = tickets(
        "The Colorado Department of Public Health and Environment did not release the man's name. "
        "It said he had underlying health conditions.\n\n"
        "The state has recorded 68 cases so far in 2025, according to department data.\n\n"
        "About one in five people infected develop a fever, according to the Centers for Disease Control and "
        "Prevention.\n\n"
        "Mosquito samples collected in 14 counties have tested positive for the virus, the department said."
    )
    samples = ticket(claims, "Mosquito samples")
    assert samples.speaker == "The Colorado Department of Public Health and Environment" and not samples.needs_human


def test_a_county_is_never_who_he_may_mean():
    claims = tickets(
        "A Weld County man in his 70s has died of West Nile virus, state health officials said on Wednesday.\n\n"
        "The Colorado Department of Public Health and Environment said he had underlying health conditions."
    )
    conditions = ticket(claims, "underlying health conditions")
    assert conditions.needs_human and "Weld County" not in (conditions.flag_reason or "")


def test_where_a_body_is_based_is_not_who_spoke_and_a_platitude_is_no_claim():
    claims = tickets(
        'ChargeMax, based in Shenzhen, China, said in a statement that "the safety of our customers is our highest '
        'priority" and that it had changed battery suppliers in January 2025.\n\n'
        '"We take these concerns very seriously," the company said.'
    )
    assert [(c.speaker, c.claim) for c in claims] == [
        ("ChargeMax", "ChargeMax said that it had changed battery suppliers in January 2025.")
    ]


def test_figures_published_on_a_day_are_the_source_of_what_they_show():
    claims = tickets(
        "The share of GCSE entries awarded a grade 4 or above fell to 67.4%, figures published on Thursday show."
    )
    assert claims[0].speaker == "figures published on Thursday"


def test_warned_of_names_a_danger_not_a_statement():
    claims = tickets("Forecasters warned of a storm surge of up to 12 feet along parts of the Louisiana coast.")
    assert claims[0].claim == "Forecasters warned of a storm surge of up to 12 feet along parts of the Louisiana coast."


def test_a_source_after_an_abbreviation_adds_no_second_full_stop():
    claims = tickets(
        "More than 310,000 homes were without power by 9 a.m., according to the tracking site PowerOutage.us."
    )
    assert claims[0].claim.endswith("without power by 9 a.m.")


def test_a_three_word_quotation_is_colour_and_whom_to_call_is_no_figure():
    claims = tickets(
        '"It sounded like a freight train for three hours," said Denise Broussard, who rode out the storm in '
        'Sulphur. "The roof held. The fence didn\'t."\n\n'
        "Officers have urged the public not to approach him and to call 999 if they see him."
    )
    assert [c.speaker for c in claims] == ["Denise Broussard"] and "freight train" in claims[0].claim


def test_a_month_before_the_regulator_is_not_part_of_its_name():
    claims = tickets(
        "Household energy bills will rise by 2% from October after the regulator raised its price cap in 2025.\n\n"
        "The cap will go up by £35 to £1,755 a year, Ofgem said on Wednesday.\n\n"
        "The regulator said the increase was driven by the cost of network upgrades."
    )
    assert ticket(claims, "network upgrades").speaker == "Ofgem"


def test_saying_without_that_and_a_role_naming_the_speaker_read_as_the_article_does():
    claims = tickets(
        "The Idaho Dental Association opposed the bill, saying fluoride had cut tooth decay in children by a quarter. "
        # A name for the law and no more is no claim; with a figure after it, it is one.
        'Its president, Dr. Rachel Lund, called the law "a step backward" that would cost clinics $2 million a year.\n\n'
        'A Labour councillor in Stroud has defected to the Green Party, saying her former colleagues had "stopped '
        'listening" to residents over plans to sell a town-centre car park.'
    )
    assert ticket(claims, "tooth decay").speaker == "The Idaho Dental Association"
    called = ticket(claims, "$2 million")
    assert called.claim.startswith("The Idaho Dental Association's president, Dr. Rachel Lund, called the law")
    assert ticket(claims, "defected").speaker is None  # a lead's description, the person named later


def test_conservationists_have_said_is_a_source():
    claims = tickets(
        "A pair of cranes has raised a chick in Wales for the first time in 400 years, conservationists have said."
    )
    assert claims[0].speaker == "conservationists"


def test_when_and_how_long_a_statement_was_made_stays_with_it():
    claims = tickets(
        "MPs on the Treasury Committee said in March that major banks had suffered at least 158 IT failures."
    )
    assert claims[0].claim.startswith("MPs on the Treasury Committee said in March that major banks")
    warned = tickets("Scientists had warned for weeks that magma was building up beneath the Reykjanes peninsula.")
    assert warned[0].claim.startswith("Scientists warned for weeks that magma")


def test_a_startup_is_the_company_and_a_data_provider_never_is():
    claims = tickets(
        "McGREGOR, Texas (Wirewire) — A rocket built by the startup Skyforge Aerospace exploded on its launch pad "
        "during a routine engine test in 2025, the company said.\n\n"
        "The Federal Aviation Administration said it had not licensed a launch.\n\n"
        "It has raised more than $900 million from investors, according to the data provider PitchBook.\n\n"
        "The company said it was too early to say what had caused the explosion."
    )
    exploded = ticket(claims, "exploded")
    assert exploded.speaker == "Skyforge Aerospace" and "McGREGOR" not in exploded.claim
    assert "PitchBook" not in (ticket(claims, "too early").speaker or "")


def test_a_sources_own_second_statement_is_a_claim_however_short():
    claims = tickets(
        "Entanglement in fishing gear is one of the biggest threats to whales, according to the charity, which said "
        "it had attended 14 entangled whales so far in 2025."
    )
    assert any(c.claim.endswith("it had attended 14 entangled whales so far in 2025.") for c in claims)


def test_the_regulator_is_the_public_body_its_own_sentence_names_never_the_company_that_spoke():
    claims = tickets(
        "In a ruling, the tribunal said the Competition and Markets Authority (CMA) had been right to fine Korval.\n\n"
        'Korval said it would consider an appeal. "We have always competed fairly," a spokesperson said.\n\n'
        "The fine is the largest the CMA has imposed under the Competition Act 1998, the regulator said."
    )
    largest = ticket(claims, "largest")
    assert largest.speaker == "the CMA" and not largest.needs_human


def test_lawyers_for_a_party_are_a_source_and_the_noun_claim_is_nobody():
    claims = tickets(
        "Developers may be able to claim compensation through a class action, which is due to be heard "
        "next year, lawyers for the claimants said.\n\n"
        "The claim is worth £2 billion, a lawyer for the families said."
    )
    assert ticket(claims, "class action").speaker == "lawyers for the claimants"
    worth = ticket(claims, "worth")
    assert worth.speaker == "a lawyer for the families"
    assert worth.claim == "A lawyer for the families said that the claim is worth £2 billion."


def test_the_club_is_the_club_named_by_what_clubs_are_called():
    claims = tickets(
        "Harbury Rovers have sacked manager Dean Holloway after eight defeats.\n\n"
        "The 47-year-old was dismissed on Sunday, the club said in a statement.\n\n"
        "Holloway was appointed in June 2024 on a three-year contract.\n\n"  # the club spoke three paragraphs back
        '"This was not a decision the board took lightly," chairman Keith Amos said. "Dean gave everything to this '
        'club, but results have fallen well short of what we expect."\n\n'
        "First-team coach Sandra Vickers will take charge for the trip to Ashcombe, the club added."
    )
    vickers = ticket(claims, "Sandra Vickers")
    assert vickers.speaker == "Harbury Rovers" and not vickers.needs_human
    assert not [c for c in claims if "lightly" in c.quote or "gave everything" in c.quote]  # a club's courtesies


def test_nobody_wanting_to_see_harm_is_no_claim():
    claims = tickets(
        'Coastal communities officer Nadia Okafor said: "Nobody wants to see people lose their homes. We have '
        'found 14 cracks in the road."'
    )
    assert [c.quote for c in claims] == ['We have found 14 cracks in the road."']


def test_emergency_services_and_a_study_that_suggests_are_sources():
    claims = tickets(
        "At least nine people have died after flash floods across the Valencia region, emergency services said "
        "on Thursday.\n\n"
        "People who drink up to three cups of coffee a day are less likely to develop an irregular heartbeat than "
        "those who drink none, a large study suggests."
    )
    assert ticket(claims, "nine people").speaker == "emergency services"
    coffee = ticket(claims, "coffee")
    assert coffee.reported_by == "a large study" and coffee.claim.startswith("According to a large study, people")


def test_the_team_is_the_researchers_the_sentence_before_opened_with_and_those_who_is_no_pointer():
    claims = tickets(
        "Researchers at the University of Eastbridge followed 96,000 adults for an average of 11 years.\n\n"
        "Those who drank two to three cups a day had a 12% lower risk of atrial fibrillation, the team reported "
        "in the European Heart Journal on Wednesday."
    )
    lower = ticket(claims, "12% lower risk")
    assert lower.speaker == "Researchers at the University of Eastbridge" and not lower.needs_human
    assert "in the European Heart Journal on Wednesday, November 19, 2025 that those who drank" in lower.claim


def test_it_after_a_sentence_about_a_bodys_thing_is_that_body():
    claims = tickets(
        "Tembo, the oldest elephant at Wexcombe Zoo, has been put down at the age of 52, the zoo has announced.\n\n"
        "Keepers noticed on Sunday that she had stopped eating, a spokesperson said.\n\n"
        "Post-mortem tests will be carried out by the Royal Veterinary College.\n\n"
        "The zoo's remaining two elephants will be moved to a safari park in the Netherlands later this year, it said."
    )
    moved = ticket(claims, "remaining two elephants")
    assert moved.speaker == "the zoo" and not moved.needs_human


def test_a_campaigns_confidence_is_no_claim():
    claims = tickets(
        'A Labour spokesperson said: "The only poll that matters is on 22 May. We are confident our record on '
        'buses and housing will speak for itself."'
    )
    assert claims == []


def test_a_participle_between_commas_describes_its_subject_and_says_nothing():
    claims = tickets(
        "The pay award, announced last week, was in line with the recommendation of the NHS Pay Review Body.\n\n"
        "The new rules, confirmed on Monday, will cost firms £2 billion a year."
    )
    assert [(c.speaker, c.claim) for c in claims] == [
        (
            None,
            "The pay award, announced in the week of November 17, 2025, was in line with the recommendation of "
            "the NHS Pay Review Body.",
        ),
        (None, "The new rules, confirmed on Monday, November 24, 2025, will cost firms £2 billion a year."),
    ]


def test_the_union_may_be_a_union_whose_name_does_not_say_so():
    claims = tickets(
        "Nurses in England have voted to reject the government's pay award, the Royal College of Nursing has said.\n\n"
        "Of the 132,000 members who took part, 91% said the 3% rise was not enough, the union said."
    )
    assert ticket(claims, "132,000").speaker == "the Royal College of Nursing"


def test_how_a_source_came_out_stays_with_the_source():
    claims = tickets(
        "The council received 2,870 claims in the year and paid out on 812 of them, according to the figures, "
        "released under the Freedom of Information Act."
    )
    assert claims[0].claim == (
        "According to the figures released under the Freedom of Information Act, the council received 2,870 claims "
        "in the year and paid out on 812 of them."
    )


def test_a_name_never_ends_on_a_preposition_so_added_sugar_is_no_statement():
    claims = tickets(
        "Milk-based drinks with added sugar will be brought into the soft drinks levy from 2028, the Treasury "
        "announced on Wednesday."
    )
    assert claims[0].speaker == "the Treasury" and claims[0].reported_by is None


def test_the_airline_is_an_airline_named_airways():
    claims = tickets(
        "The Airbus A320 returned to Bristol Airport about 25 minutes after departing, Sunjet Airways said.\n\n"
        "Nobody was injured.\n\n"
        "The airline said engineers would inspect the engine before the aircraft returned to service."
    )
    assert ticket(claims, "inspect the engine").speaker == "Sunjet Airways"


def test_a_phrase_quoted_inside_a_statement_keeps_the_tag_after_it():
    claims = tickets('Her place in the draw will go to a "lucky loser" from qualifying, the All England Club said.')
    assert claims[0].speaker == "the All England Club"


def test_a_pointer_with_the_name_it_goes_by_is_the_body_named_before():
    claims = tickets(
        "At least 11 people died after a passenger ferry caught fire and sank on Sunday, Indonesia's national "
        "search and rescue agency said.\n\n"
        "The ferry was carrying 280 passengers and crew when fire broke out in the engine room, the agency, known "
        "as Basarnas, said in a statement."
    )
    carrying = ticket(claims, "280 passengers")
    assert "Indonesia's national search and rescue agency" in (carrying.speaker, carrying.reported_by)
    assert "known as" not in carrying.claim


def test_a_spokesperson_for_a_body_described_in_lower_case_tags_a_quotation():
    claims = tickets(
        '"Shop workers are being threatened and assaulted every day," said a spokesperson for the shopworkers\' '
        "union Usdaw."
    )
    assert claims[0].speaker == "a spokesperson for the shopworkers' union Usdaw"


def test_what_opens_a_clause_never_a_speakers_name():
    claims = tickets(
        "The figures come as hospitals prepare for what NHS leaders have warned could be one of the worst flu "
        "seasons in a decade."
    )
    assert all(c.speaker is None for c in claims)


def test_they_after_a_sentence_about_a_group_is_not_its_source():
    claims = tickets(
        "The group, all German nationals, had been skiing off-piste in an area closed because of the risk of "
        "avalanches, according to police. They were aged between 31 and 45."
    )
    aged = ticket(claims, "aged between")
    assert aged.claim.startswith("They were aged") and aged.needs_human


def test_they_after_a_finding_tagged_at_its_end_is_not_the_finders():
    claims = tickets(
        "Pupils at the schools with full bans slept an average of 21 minutes longer on school nights, the "
        "researchers found. They were also slightly less likely to report feeling anxious."
    )
    anxious = ticket(claims, "feeling anxious")
    assert "researchers" not in anxious.claim.lower() and anxious.needs_human


def test_a_name_with_two_given_names_keeps_both():
    claims = tickets(
        "A painting by the Victorian artist Mary Ellen Hale, who died in 1897, has sold for £3.1 million.\n\n"
        "Hale exhibited at the Royal Academy 14 times but was largely forgotten after her death, art historians say."
    )
    assert "Mary Ellen Hale exhibited" in ticket(claims, "Royal Academy").claim


def test_the_council_a_sentence_opened_with_loses_its_possessive():
    claims = tickets(
        "Members of Fenmoor County Council's cabinet voted six to two to close Little Harwick Primary School.\n\n"
        "The council said falling birth rates meant the school would have fewer than 20 pupils by 2028."
    )
    assert ticket(claims, "birth rates").speaker == "Fenmoor County Council"


def test_a_tag_said_after_an_occasion_in_a_place_on_a_day():
    claims = tickets(
        "The Orchard at Dusk had been expected to fetch between £400,000 and £600,000, Halden's said after the "
        "sale in London on Monday evening."
    )
    assert claims[0].speaker == "Halden's" and "Monday evening, November 24, 2025" in claims[0].claim


def test_a_tags_pointer_is_the_body_its_own_sentence_opens_with():
    claims = tickets(
        "Unite said it was shocked by the decision and would ballot members.\n\n"
        "Ashgrove Steel will close the last blast furnace at its Teesside plant in September, cutting 400 jobs, "
        "the company said.\n\n"
        "Police Scotland will close 14 public counters at police stations by the summer, the force said.\n\n"
        "Ofwat fined Marcher Water £4 million, the regulator said."
    )
    furnace = ticket(claims, "blast furnace")
    assert (furnace.speaker, furnace.claim) == (
        "Ashgrove Steel",
        "Ashgrove Steel will close the last blast furnace at its Teesside plant in September, cutting 400 jobs.",
    )
    counters = ticket(claims, "public counters")
    assert counters.speaker == "Police Scotland" and counters.claim.startswith("Police Scotland will close")
    assert ticket(claims, "fined").needs_human  # "the regulator" is never the sentence's subject unless named so


def test_a_leads_pointer_is_the_body_named_in_the_next_sentence_never_a_person():
    claims = tickets(
        "A passenger plane made an emergency landing on Thursday evening after hitting a flock of birds, the "
        "airline has confirmed.\n\n"
        "The Airbus A320 returned to Bristol Airport about 25 minutes after departing, Sunjet Airways said."
    )
    assert ticket(claims, "emergency landing").speaker == "Sunjet Airways"
    factory = tickets(
        "A factory will close with the loss of 400 jobs, the company has said.\n\n"
        "Dean Holloway said the decision was a blow."
    )
    assert ticket(factory, "400 jobs").speaker is None and ticket(factory, "400 jobs").needs_human


def test_a_pointer_after_someone_spoke_never_looks_ahead():
    claims = tickets(
        "Mayor Richard Parker said the cap would save a commuter about £300 a year.\n\n"
        "National Express West Midlands said passenger numbers were 15 percent below 2019. The operator said it "
        "would add 40 buses to its busiest routes.\n\n"
        "Campaign group Better Buses said fares had risen by 40 percent in real terms since 2010."
    )
    assert ticket(claims, "40 buses").speaker != "Campaign group Better Buses"


def test_a_record_that_was_cited_is_never_what_the_group_means():
    claims = tickets(
        "The 1970s building needs repairs estimated at £4.6 million, according to a council report.\n\n"
        'Council leader Cllr Ruth Okoye said: "We cannot keep pouring money into a building at the end of its '
        'life."\n\n'
        "About 2,300 people use the centre each week, the group said."
    )
    users = ticket(claims, "2,300 people")
    assert users.speaker is None and users.needs_human


def test_retailers_who_argue_that_are_its_speakers():
    claims = tickets(
        "The retailers, led by the Vapor Trade Alliance, argue that a 2023 Nebraska law was passed without the "
        "notice required under the state's own rules."
    )
    assert claims[0].speaker == "the retailers"


def test_nobody_wanting_to_strike_is_no_claim_either():
    claims = tickets(
        "Dr Rachel Imber, co-chair of the BMA's resident doctors committee, said: \"Nobody wants to strike. But we "
        'have lost 4,000 colleagues to Australia."'
    )
    assert [c.quote for c in claims] == ['But we have lost 4,000 colleagues to Australia."']


def test_the_court_heard_after_a_magistrates_court_is_that_court_and_no_place_for_racism_is_no_claim():
    claims = tickets(
        "Liam Crossley, 34, admitted a racially aggravated public order offence at Birmingham Magistrates' Court on "
        "Wednesday.\n\n"
        "The court heard that Crossley shouted abuse at winger Kwame Asante during a 2-1 win in January.\n\n"
        'Northfield City said it had banned Crossley from its ground for life. "There is no place for racism in our '
        'game," the club said.'
    )
    assert ticket(claims, "shouted abuse").speaker == "Birmingham Magistrates' Court"
    assert not [c for c in claims if "no place" in c.quote]


def test_a_dismissal_by_a_named_role_says_nothing_of_its_own():
    claims = tickets(
        "The trust said waiting lists had fallen by 12% since March.\n\nRiverside's MP, Joanna Price, disputed that."
    )
    assert [c.quote for c in claims] == ["The trust said waiting lists had fallen by 12% since March."]


def test_how_it_feels_is_no_claim():
    claims = tickets(
        'Event director Kate Morley said: "We have 1,200 registered runners here. It feels like we are being '
        'punished for being popular."'
    )
    assert [c.quote for c in claims] == ['Event director Kate Morley said: "We have 1,200 registered runners here.']


def test_figures_released_by_a_council_are_never_the_council_that_speaks_later():
    claims = tickets(
        "People in parts of Eastbury face waiting up to 15 years for an allotment, figures released by the city "
        "council show.\n\n"
        "The council said it was looking at splitting 40 larger plots in half to cut waiting times."
    )
    assert ticket(claims, "splitting").speaker == "the city council"


def test_a_description_may_open_on_a_capitalised_adjective():
    claims = tickets(
        "A cyberattack has forced Nordic pharmacy chain Apoteket Norr to close its online shop at more than 300 "
        "branches, the company said on Tuesday."
    )
    assert claims[0].speaker == "Apoteket Norr"


def test_a_feeling_split_from_the_statement_beside_it_is_dropped_and_the_statement_kept():
    claims = tickets(
        'Headteacher Paul Grant said the school community was "devastated" and that counsellors would be available '
        "to pupils this week."
    )
    assert [c.claim for c in claims] == [
        "Headteacher Paul Grant said that counsellors would be available to pupils in the week of November 24, 2025."
    ]


def test_a_finding_opening_a_statement_is_no_speaker_the_closing_tag_is():
    claims = tickets(
        "Studies have found that normal sunscreen use does not cause vitamin D deficiency, the NHS says.\n\n"
        "PHOENIX (Wire) — A recount has confirmed that Democrat Elena Ruiz won a state House race in Arizona by "
        "157 votes, county officials said on Wednesday."
    )
    vitamin = ticket(claims, "vitamin D")
    assert (vitamin.speaker, vitamin.reported_by) == ("the NHS", None)
    recount = ticket(claims, "157 votes")
    assert recount.speaker == "county officials" and "that a recount has confirmed that Democrat" in recount.claim


def test_an_inverted_tag_with_a_role_after_the_name_and_no_quotation():
    claims = tickets(
        "SPF 30 blocks about 97% of UVB rays and SPF 50 about 98%, said Dr Amara Osei, a consultant dermatologist "
        "at Kingsbridge Hospital."
    )
    assert (claims[0].speaker, claims[0].claim) == (
        "Dr Amara Osei",
        "Dr Amara Osei said that SPF 30 blocks about 97% of UVB rays and SPF 50 about 98%.",
    )


def test_a_survey_by_a_charity_is_a_record_and_the_charity_spoke_through_it():
    claims = tickets(
        "Parents spend an average of £422 a year on uniform for each child at secondary school, according to a "
        "survey by The Children's Society.\n\n"
        "The charity said families with children at primary school spent an average of £287 a year."
    )
    assert ticket(claims, "£287").speaker == "The Children's Society"


def test_a_devices_count_is_told_in_the_reporters_voice_and_survivors_tell_a_listener():
    claims = tickets(
        "The camera, on a 40mph stretch near Ripley, recorded 31,412 offences in the year to October.\n\n"
        "The boat had left the Libyan port of Zuwara on Sunday with about 100 people on board, survivors told "
        "aid workers from the charity Mediterranea."
    )
    assert ticket(claims, "31,412").speaker is None
    assert ticket(claims, "Zuwara").speaker == "survivors"


def test_monitors_at_schools_are_devices_whose_count_is_the_reporters():
    claims = tickets("Monitors at 26 schools recorded an average of 21 micrograms per cubic metre in the year to June.")
    assert claims[0].speaker is None


def test_a_campaign_named_better_transport_is_no_person_and_never_part_of_a_department():
    claims = tickets(
        'Campaign group Better Transport said cutting rural services left people "stranded", and called on '
        "ministers to guarantee funding.\n\n"
        "The Department for Transport said it had given councils more than £1 billion to support bus services."
    )
    assert ticket(claims, "£1 billion").speaker == "The Department for Transport"


def test_a_spokesperson_named_between_commas_and_a_report_to_a_committee_are_tags():
    claims = tickets(
        "The county council said 31 rural bus routes would be cut.\n\n"
        "The grant paid £3.8 million a year to keep the routes running, the council said in a report to its "
        "executive.\n\n"
        "The blaze broke out on the third floor shortly after 10 a.m., a fire service spokesperson, Shahjahan "
        "Sikder, told reporters."
    )
    assert ticket(claims, "£3.8 million").speaker == "the county council"
    blaze = ticket(claims, "blaze")
    assert blaze.speaker == "Shahjahan Sikder" and blaze.claim.endswith("10 a.m.")


def test_a_columnists_call_to_readers_with_a_date_is_no_claim():
    assert tickets("I urge every reader to respond to the consultation, which closes on 14 March.") == []


def test_a_products_name_after_its_size_is_no_person_so_it_added_is_the_company():
    claims = tickets(
        "Home goods chain Brightwell has recalled about 40,000 cordless kettles.\n\n"
        "The company said it had received 11 reports of the 1.7-litre Brightwell Glide kettle overheating. "
        "Nobody was injured, it added."
    )
    assert ticket(claims, "11 reports").speaker == "Brightwell"
    assert ticket(claims, "obody was injured").speaker == "Brightwell"


def test_a_person_after_their_age_is_still_a_person():
    claims = tickets(
        "The 34-year-old Kwame Mensah said the bridge had closed in 2019. He added that 300 people had signed a petition."
    )
    assert ticket(claims, "300 people").speaker == "Kwame Mensah"


OBITUARY = """Margaret Oyelaran, who founded the town's first food bank in 1998, has died at the age of 91, her family has said.

She died at home on Saturday, surrounded by her children.

Born in Lagos in 1933, she moved to England in 1961 to train as a nurse.

The food bank she started with a single table now feeds about 400 families a week.

She was appointed MBE in 2012 for services to the community.
"""


def test_a_chain_of_she_across_paragraphs_keeps_the_woman_an_obituary_is_about():
    assert ticket(tickets(OBITUARY), "MBE").claim.startswith("Margaret Oyelaran was appointed MBE in 2012")


def test_a_paragraph_without_her_breaks_the_chain():
    broken = OBITUARY.replace("The food bank she started", "The food bank")
    mbe = ticket(tickets(broken), "MBE")
    assert mbe.claim.startswith("She was appointed") and "not tied to one person" in mbe.flag_reason


def test_an_hour_after_the_verb_stays_with_a_closing_tag():
    claims = tickets(
        "Nadia Brookes won the by-election with 1,187 votes, 212 more than Conservative Alan Petch, the returning "
        "officer announced shortly after 1am."
    )
    assert claims[0].speaker == "the returning officer"
    assert claims[0].claim.startswith("The returning officer announced shortly after 1am that Nadia Brookes won")


def test_a_son_named_in_a_tag_starts_no_chain_of_she():
    claims = tickets(
        "Rosa Lindqvist, one of the first women to captain a North Sea trawler, has died aged 88.\n\n"
        "She died at home in Grimsby on Sunday, her son, Tunde Lindqvist, said in a statement.\n\n"
        "Born in Hull in 1937, she went to sea at 16.\n\n"
        "She was made an MBE in 2004."
    )
    assert ticket(claims, "MBE").claim.startswith("Rosa Lindqvist was made an MBE")


def test_a_death_told_plainly_is_a_claim_and_a_hypothetical_one_is_not():
    claims = tickets(
        "A cyclist was hit by a van on the A38 near Bromsgrove on Tuesday morning.\n\nTomasz Nowak, 41, died at the scene."
    )
    assert ticket(claims, "died at the scene").speaker is None
    assert checkworthy.reports_casualty("Two men were killed when the roof fell in.")
    assert not checkworthy.reports_casualty("A rider with no helmet could have died.")


def test_an_injury_or_that_nobody_was_hurt_is_a_claim_but_not_a_hypothetical_or_an_unknown():
    claims = tickets(
        "A sinkhole opened in Pellbridge High Street early on Sunday.\n\nNobody was hurt. "
        "A woman who lives nearby was taken to hospital as a precaution."
    )
    assert ticket(claims, "Nobody was hurt").speaker is None
    assert ticket(claims, "taken to hospital")
    assert checkworthy.reports_casualty("Seven people were seriously hurt.")
    assert not checkworthy.reports_casualty("The driver could have been killed.")
    assert not checkworthy.reports_casualty("It was not clear whether anyone was injured.")


def test_what_may_be_done_on_a_day_name_leaves_the_day_as_written():
    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text="Passengers with tickets for strike days can claim a full refund from the retailer they bought "
                "them from, or use them on Thursday instead, the operator Pennine Rail said.",
                published=date(2025, 11, 11),
            )
        )
        .claims
    )
    assert "on Thursday instead" in claims[0].claim and "November" not in claims[0].claim
    assert "on Thursday" in claims[0].flag_reason


def test_the_ministry_is_never_a_company_that_spoke_before():
    claims = tickets(
        "Pennine Rail said it had recruited 130 drivers in the past year.\n\n"
        "The ministry said exports fell 4% in May.\n\n"
        "The Treasury said growth was 0.3% in May. The department added that borrowing fell by £2bn."
    )
    exports = ticket(claims, "exports fell")
    assert exports.speaker is None and "ministry" in exports.flag_reason
    assert ticket(claims, "borrowing fell").speaker == "The Treasury"


def test_a_memo_is_a_source_and_where_it_was_written_is_no_part_of_the_statement():
    claims = tickets(
        "Ardentia plans to cut about 1,400 jobs, according to an internal memo seen by this news agency.\n\n"
        "The cuts will fall mostly on sales and customer support teams in the United States and Ireland, the memo "
        "said.\n\n"
        'Chief executive Dana Whitfield wrote in the memo that the company needed "fewer layers and faster '
        'decisions".'
    )
    assert ticket(claims, "sales and customer support").reported_by == "the memo"
    assert ticket(claims, "fewer layers").claim.startswith("Chief executive Dana Whitfield wrote that the company")


def test_but_warned_that_and_told_the_court_are_second_reports():
    claims = tickets(
        'The Nuffield Trust said the figures were "a step in the right direction" but warned that cancer waiting '
        "times had barely moved.\n\n"
        "Senior coroner Helen Rhys-Morgan said she would send a report to Network Rail to prevent future deaths, "
        "and told the court that 9 people had died at crossings in Wales since 2019."
    )
    assert (
        ticket(claims, "barely moved").claim == "The Nuffield Trust warned that cancer waiting times had barely moved."
    )
    assert ticket(claims, "send a report").claim.endswith("to prevent future deaths.")
    assert ticket(claims, "9 people").claim.startswith("Senior coroner Helen Rhys-Morgan told the court that 9 people")


def test_it_accused_with_a_phrase_quoted_is_the_bodys_act_not_a_statement():
    claims = tickets(
        'Pennine Rail said it had recruited 130 drivers in the past year. It accused Aslef of "disrupting '
        "passengers' lives over a deal that is already on the table\"."
    )
    assert ticket(claims, "accused").claim.startswith("Pennine Rail accused Aslef of")


def test_the_government_is_the_government_of_the_day_never_the_met_office():
    claims = tickets(
        "The Met Office has issued a yellow warning for rain until 6pm on Thursday, with 30mm expected.\n\n"
        "The government said it was spending £2.65 billion on flood defences in England over the next two years."
    )
    assert ticket(claims, "£2.65 billion").speaker == "the government"
    warning = ticket(claims, "yellow warning")
    assert "on Thursday," in warning.claim and "November" not in warning.claim  # "until" a day: left as written


def test_a_privately_built_lander_has_no_past_tense_of_its_own():
    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text="A privately built lunar lander is scheduled to launch on Friday night from Florida, Halcyon Space "
                "said on Wednesday.",
                published=date(2025, 6, 19),
            )
        )
        .claims
    )
    assert "on Friday night, June 20, 2025" in claims[0].claim


def test_a_scientist_named_as_the_source_makes_a_plain_line_a_claim():
    claims = tickets(
        "Flu viruses need living cells to multiply, and an onion's cells cannot host them, according to Dr Mira "
        "Abernethy, a virologist at the University of Glasgow."
    )
    assert claims and claims[0].reported_by == "Dr Mira Abernethy"


def test_a_country_ends_no_persons_name():
    claims = tickets(
        "Swiss glaciers lost 3% of their remaining ice in 2024, according to the monitoring network Glacier "
        "Monitoring Switzerland.\n\n"
        "Studies suggest that Switzerland will lose at least half of its remaining glacier volume by 2050."
    )
    assert "Monitoring Switzerland will lose" not in ticket(claims, "by 2050").claim


INTERVIEW = """Glaciologist Dr Ilona Varga has measured the Rhone Glacier every summer since 2009. We asked her what the numbers mean.

Q: How much has the glacier changed?

A: Its tongue has retreated by about 400 metres since 2009. You can see the bare rock where we used to walk.
"""


def test_an_interviews_answers_are_the_one_person_the_introduction_names():
    claims = tickets(INTERVIEW)
    assert ticket(claims, "400 metres").speaker == "Ilona Varga"
    assert not [c for c in claims if "bare rock" in c.quote]  # being named makes no line of an answer a claim


def test_answers_stay_flagged_when_the_introduction_names_two_people():
    claims = tickets(INTERVIEW.replace("We asked her", "Her colleague Tom Reyes joined us. We asked her"))
    answer = ticket(claims, "400 metres")
    assert answer.speaker is None and "interview" in answer.flag_reason


def test_it_said_after_a_body_described_before_is_that_body():
    claims = tickets(
        "Discount supermarket chain Grocer's Yard has overtaken Ashdown's, according to Kantar.\n\n"
        "Ashdown's said it had cut prices on more than 1,000 products since January.\n\n"
        "Grocer's Yard plans to open 40 stores this year, taking its total to 1,050, it said in March."
    )
    assert ticket(claims, "40 stores").speaker == "Grocer's Yard"


def test_and_that_before_a_figure_is_a_second_statement():
    claims = tickets(
        "The Chancellor told MPs that defence spending will rise to 2.5% of GDP by 2027, and that £2.2 billion "
        "more will go to the armed forces."
    )
    assert [c.claim for c in claims] == [
        "The Chancellor told MPs that defence spending will rise to 2.5% of GDP by 2027.",
        "The Chancellor told MPs that £2.2 billion more will go to the armed forces.",
    ]


def test_they_found_is_the_researchers_never_the_study_of_many_adults():
    claims = tickets(
        "People who use hearing aids are less likely to develop dementia, according to a study of more than "
        "570,000 adults in Denmark.\n\n"
        "Researchers at the University of Southern Denmark followed people aged 50 and over for nine years. Those "
        "with untreated hearing loss were about 20% more likely to be diagnosed with dementia, they found."
    )
    assert ticket(claims, "20% more likely").speaker == "Researchers at the University of Southern Denmark"


def test_a_closing_tag_keeps_the_year_it_was_said_in():
    claims = tickets(
        "Hearing loss is thought to account for about 7% of dementia cases worldwide, the Lancet Commission on "
        "dementia estimated in 2024."
    )
    assert claims[0].speaker == "the Lancet Commission on dementia"
    assert claims[0].claim.startswith("The Lancet Commission on dementia estimated in 2024 that hearing loss")


def test_a_company_named_services_is_no_person_so_it_blamed_is_the_company():
    claims = tickets(
        "Water companies released sewage for 3.6 million hours last year, according to Environment Agency figures."
        "\n\nThe agency said the rise was partly down to one of the wettest years on record.\n\n"
        "Eastwater Services recorded the biggest increase of any company, with spills up 58%.\n\n"
        'Eastwater said it was "deeply sorry" and was investing £1.1 billion over five years. It blamed heavy '
        "rainfall for most of the increase."
    )
    assert ticket(claims, "heavy rainfall").claim.startswith("Eastwater blamed heavy rainfall")


def test_it_after_a_persons_words_is_left_for_a_person():
    claims = tickets(
        "The Environment Agency said spills rose by a third in 2024.\n\n"
        "Campaigner Helen Trentham said fines should come from dividends. It blamed heavy rainfall for most of "
        "the 3.6 million hours."
    )
    blamed = ticket(claims, "heavy rainfall")
    assert blamed.speaker is None and "Helen Trentham" in blamed.flag_reason


def test_the_agency_after_two_agencies_spoke_is_left_for_a_person():
    claims = tickets(
        "A magnitude 6.9 earthquake struck off northern Japan, the Japan Meteorological Agency said.\n\n"
        "Most of the 23 injured were hurt by falling objects, according to the Fire and Disaster Management Agency."
        "\n\nTohoku Electric Power said power had been restored to all but 1,200 homes.\n\n"
        "The agency warned that a quake of similar strength could follow within a week."
    )
    warned = ticket(claims, "similar strength")
    assert "could be the Fire and Disaster Management Agency or the Japan Meteorological Agency" in warned.flag_reason


def test_a_source_on_the_show_is_a_speaker_and_the_show_is_no_verb():
    claims = tickets(
        "A source on the show told the Daily Buzz that producers had rearranged filming for six weeks so she could "
        "recover."
    )
    assert claims[0].speaker == "a source on the show"


def test_a_record_between_commas_before_a_reading_of_it_is_the_source():
    claims = tickets(
        "Wages in London rose by about 6% over the same period, according to separate ONS data, meaning rents "
        "there are still taking a bigger share of tenants' pay."
    )
    assert claims[0].reported_by == "separate ONS data"


def test_a_days_possessive_is_left_as_written():
    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text="Ana Petrescu won Sunday's presidential runoff with 54.2% of the vote, preliminary results showed.",
                published=date(2025, 5, 26),
            )
        )
        .claims
    )
    assert "won Sunday's presidential runoff" in claims[0].claim


def test_a_participle_after_a_superlative_is_no_verb_of_saying():
    claims = tickets("The UK's highest recorded temperature is 40.3C, set at Coningsby in Lincolnshire in July 2022.")
    assert claims[0].speaker is None


def test_what_the_reporter_adds_after_a_closing_tag_is_not_the_speakers():
    claims = tickets(
        "Temperatures could reach 33C in parts of southern England, the Met Office has said, as the UK Health "
        "Security Agency issued an amber heat health alert for four regions."
    )
    assert (
        ticket(claims, "33C").claim
        == "The Met Office said that temperatures could reach 33C in parts of southern England."
    )
    alert = ticket(claims, "amber heat")
    assert alert.speaker is None and alert.claim.startswith("The UK Health Security Agency issued")


def test_what_a_speaker_did_before_but_said_is_a_claim_of_its_own():
    claims = tickets(
        "Victor Radu, who had led after the first round, conceded defeat in a speech to supporters in the capital "
        "but said he would challenge results from 40 polling stations abroad."
    )
    assert ticket(claims, "conceded defeat").speaker is None
    assert ticket(claims, "40 polling stations").speaker == "Victor Radu"


def test_the_university_is_never_the_university_and_college_union():
    claims = tickets(
        "The University of Westbury said it would cut about 300 jobs.\n\n"
        "The University and College Union (UCU) said its members would be balloted for strike action.\n\n"
        "The university said the building had been paid for by a £45 million loan agreed in 2022."
    )
    assert ticket(claims, "£45 million loan").speaker == "The University of Westbury"


def test_said_on_x_formerly_twitter_and_the_bank_a_sentence_opened_with():
    claims = tickets(
        "Customers of Harbour Bank were unable to use its app for about five hours on Friday.\n\n"
        "Reports peaked at more than 42,000 shortly before 10am, according to Downdetector.\n\n"
        'The bank said on X, formerly Twitter, that the fault had been caused by "a technical issue during a planned '
        'update" and was fixed by 12.30pm.'
    )
    fault = ticket(claims, "technical issue")
    assert fault.speaker == "Harbour Bank" and fault.claim.startswith("Harbour Bank said that the fault had been")


def test_the_trial_continues_is_page_furniture():
    assert tickets("Darren Prothero, 44, denies causing death by dangerous driving.\n\nThe trial continues.")[
        -1
    ].quote != ("The trial continues.")


def test_a_leads_airline_is_the_carrier_described_never_the_union_that_speaks_next():
    claims = tickets(
        "Hundreds of flights were cancelled as cabin crew at Portuguese carrier Aeroluso began a strike over pay.\n\n"
        "The airline said it had cancelled 412 of its 1,050 scheduled flights.\n\n"
        "The crew union SNPVAC said 92% of its members at Aeroluso had backed the walkout."
    )
    assert ticket(claims, "412").speaker == "Aeroluso"


def test_their_report_is_the_group_the_sentence_before_opened_with_or_does_not_say_whose():
    claims = tickets(
        "Inspectors visited Thornbury Academy in March. Their report said leaders had failed to act on more than "
        "200 recorded incidents of bullying in a year.\n\n"
        "Parents and governors met in April. Their report said 40 pupils had left the school."
    )
    report = ticket(claims, "200 recorded")
    assert report.claim.startswith("According to the inspectors' report,") and report.flag_reason is None
    other = ticket(claims, "40 pupils")
    assert other.claim.startswith("According to their report,") and "does not say whose" in other.flag_reason


def test_the_company_after_the_drugs_maker_is_named_is_that_maker_not_the_watchdog():
    claims = tickets(
        "Patients will be offered a one-off gene therapy on the NHS, the health watchdog NICE has announced.\n\n"
        "NICE said the treatment would be available to around 50 people a year.\n\n"
        "In trials, 93% of patients who received it no longer needed transfusions for at least a year.\n\n"
        "The drug's maker, Vertex, agreed a confidential discount with NHS England. The company said it had cut "
        "its list price of £1.6 million by a third."
    )
    assert ticket(claims, "list price").speaker == "Vertex"


def test_a_business_named_after_what_it_is_is_a_body_the_company_can_mean():
    claims = tickets(
        "Passengers and 140 vehicles were finally allowed off at about 7am, operator Channel Crossings said.\n\n"
        'One passenger, Amara Akande, said families had been given "a sandwich" all night.\n\n'
        "The company apologised and said every one of the 600 passengers would receive a full refund."
    )
    assert ticket(claims, "full refund").speaker == "operator Channel Crossings"


def test_the_company_is_never_a_union_nor_its_general_secretary():
    claims = tickets(
        "Kinross Steel said the furnace had lost £1.2 million a week over the past year.\n\n"
        'The Community union said the closure was "a hammer blow". Its general secretary said the company had '
        "ignored a rescue plan that would have kept 600 more jobs.\n\n"
        "About 2,300 people work for Kinross Steel in Wales, the company said, making it one of the largest "
        "private employers in the region."
    )
    assert ticket(claims, "2,300").speaker == "Kinross Steel"


def test_a_reader_poll_is_page_furniture():
    assert tickets("Should the sale of fireworks to the public be banned? Have your say in our poll.") == []


def test_a_business_described_before_its_one_word_name_closes_a_statement():
    claims = tickets(
        "A painting by Emily Harrow has sold for £4.3 million, a record for the artist, auction house Ashfield's "
        "has said."
    )
    assert claims[0].speaker == "auction house Ashfield's"


def test_the_court_heard_is_never_the_company_the_sentence_before_opened_with():
    claims = tickets(
        "Southvale Water admitted 14 breaches of its permits at a hearing at Southampton Crown Court on Friday.\n\n"
        "The court heard that untreated sewage had been discharged into the River Itchen on 31 occasions."
    )
    assert ticket(claims, "31 occasions").speaker == "Southampton Crown Court"


def test_growers_there_speak_and_wrote_to_parents_that_keeps_the_statement_clean():
    claims = tickets(
        "Kenya supplies about a third of the roses sold in the UK. Growers there said heavy rain in December had "
        "damaged crops and delayed flowering.\n\n"
        "Head teacher Kemi Oyelowo wrote to parents that the school would stay open for its 420 pupils."
    )
    assert ticket(claims, "heavy rain").speaker == "Growers"
    assert (
        ticket(claims, "420 pupils").claim
        == "Head teacher Kemi Oyelowo wrote that the school would stay open for its 420 pupils."
    )


def test_a_business_described_after_a_preposition_is_what_the_company_means():
    claims = tickets(
        "Shares in furniture retailer Pellow Home fell 6% after it reported a drop in profits.\n\n"
        "Pre-tax profit for the half year was £14.2 million, the company said.\n\n"
        "The company employs about 4,800 people. It said no jobs would go at its two Scottish stores."
    )
    assert ticket(claims, "£14.2 million").speaker == "Pellow Home"
    assert ticket(claims, "no jobs would go").speaker == "Pellow Home"


def test_the_company_after_an_agency_spoke_is_the_business_a_recent_sentence_opened_with():
    claims = tickets(
        "Brantwell Stores is asking customers not to eat its oat bars.\n\n"
        "The Food Standards Agency (FSA) said the bars were a risk to anyone allergic to peanuts. It added that "
        "no other products were affected.\n\n"
        "About 41,000 packs were sold, the company said."
    )
    assert ticket(claims, "41,000 packs").speaker == "Brantwell Stores"


def test_the_company_is_never_an_agency_the_article_did_not_spell_out():
    claims = tickets(
        "The FSA said the bars were a risk to anyone allergic to peanuts.\n\n"
        "About 41,000 packs were sold, the company said."
    )
    assert ticket(claims, "41,000 packs").speaker != "The FSA"


def test_a_hyphenated_common_word_loses_its_capital_behind_said_that_and_a_hyphenated_name_keeps_it():
    claims = tickets(
        "Harlow Water Company had a difficult year. Pre-tax profit halved to £14.2 million, the company said. "
        "Rolls-Royce will supply the engines, the company said."
    )
    assert ticket(claims, "£14.2 million").claim.startswith("Harlow Water Company said that pre-tax profit")
    assert "that Rolls-Royce will" in ticket(claims, "the engines").claim


def test_figures_that_show_a_noun_phrase_keep_their_sentence_whole_and_its_figures_are_the_councils():
    claims = tickets(
        "Harnton Borough Council says the savings are unavoidable. Its own figures show a gap of £9.6 million in "
        "the budget, and it has already raised council tax by the maximum allowed.\n\n"
        "Council figures show a gap of £2 million in the schools budget."
    )
    own = ticket(claims, "£9.6 million")
    assert own.claim.startswith("Harnton Borough Council's own figures show a gap of £9.6 million")
    assert own.speaker == "Harnton Borough Council's own figures"
    assert ticket(claims, "£2 million").claim == "Council figures show a gap of £2 million in the schools budget."


def test_a_superlatives_participle_before_its_own_verb_is_no_one_speaking():
    claims = tickets(
        "The longest wait recorded in December was 51 hours, for a woman in her eighties. The biggest union "
        "warned on Monday that strikes would follow."
    )
    assert (
        ticket(claims, "51 hours").claim
        == "The longest wait recorded in December was 51 hours, for a woman in her eighties."
    )
    assert ticket(claims, "51 hours").speaker is None
    assert ticket(claims, "strikes would follow").speaker.lower() == "the biggest union"


def test_the_company_after_a_home_owned_by_a_named_company_is_the_owner():
    claims = tickets(
        "Ashlyn House is owned by Brenmoor Care Ltd, which runs five homes in Yorkshire. The company said it was "
        "considering an appeal against the ruling."
    )
    assert ticket(claims, "considering an appeal").speaker == "Brenmoor Care Ltd"


def test_a_tag_naming_a_journal_with_small_words_is_read_and_they_found_after_it_is_the_researchers():
    claims = tickets(
        "Researchers at the University of Kestwick tracked 240 bumblebees across two summers.\n\n"
        "On hot days the bees made 38% fewer trips, the team reported in the Journal of Insect Ecology on Monday.\n\n"
        "They also found that the bees which did leave the nest spent longer on each flower."
    )
    assert ticket(claims, "38% fewer").speaker == "Researchers at the University of Kestwick"
    assert ticket(claims, "38% fewer").claim.startswith(
        "Researchers at the University of Kestwick reported in the "
        "Journal of Insect Ecology on Monday, November 24, 2025 that"
    )
    assert ticket(claims, "each flower").speaker == "Researchers at the University of Kestwick"


def test_this_summer_opening_a_claim_is_a_time_not_a_pointer():
    claims = tickets("This summer was the UK's warmest on record, according to the Met Office.")
    assert ticket(claims, "warmest").flag_reason is None


def test_it_coming_into_force_is_the_law_never_the_government_that_announced_it():
    claims = tickets(
        "The government announced the duty in the Autumn Budget in October 2024. It comes into force on 1 October 2026."
    )
    assert ticket(claims, "into force").claim.startswith("It comes into force")


def test_told_this_newspaper_is_a_listener_and_the_teller_is_the_speaker():
    claims = tickets(
        "A representative for the band told this newspaper that Ossett had been invited to join them on stage. "
        "The promoter said this week that 40,000 tickets had been sold."
    )
    assert ticket(claims, "invited to join").speaker.lower() == "a representative for the band"
    assert ticket(claims, "40,000 tickets").speaker.lower() == "the promoter"


def test_the_group_closing_a_sentence_about_a_band_described_as_one_is_that_band():
    claims = tickets("Indie band The Velvet Marlins will reunite for their first tour since 2010, the group announced.")
    assert ticket(claims, "first tour").speaker == "The Velvet Marlins"


def test_the_ministry_after_a_ministers_own_ministry_is_that_ministry_as_written():
    claims = tickets(
        "Norway's fisheries minister resigned on Monday. He had held shares in a salmon farm, according to documents "
        "released by his ministry.\n\n"
        "The ministry said the minister had not taken part in any decision that concerned the company. It said a law "
        "firm would review his time in office."
    )
    assert ticket(claims, "any decision").speaker.lower() == "the ministry"
    assert ticket(claims, "law firm").speaker.lower() == "the ministry"


def test_a_research_firm_is_never_who_he_might_mean():
    claims = tickets(
        "Tom Leckie, a property analyst at Whinmoor Research, said he expected prices to end the year roughly flat."
    )
    assert ticket(claims, "roughly flat").flag_reason is None


def test_she_after_a_sentence_opened_by_one_woman_is_her_when_the_other_was_named_a_paragraph_before():
    claims = tickets(
        "Anna Petrova won the final on Saturday, beating Ingrid Lindahl in three sets.\n\n"
        "Petrova, ranked 31st in the world, had never won a match on grass before this season. She said she had "
        "spent the winter working on her slice with a new coach.\n\n"
        "Lindahl played well. Petrova hit ten aces. She said the wind had made serving hard."
    )
    assert ticket(claims, "her slice").speaker == "Anna Petrova"
    assert ticket(claims, "the wind").speaker is None


def test_she_said_she_with_the_speaker_unclear_leaves_both_pronouns_to_a_person():
    claims = tickets(
        "Anna Petrova beat Ingrid Lindahl in the final. Petrova said she was delighted.\n\n"
        "Lindahl played well. Petrova hit ten aces. She said she had spent the winter working on her slice."
    )
    slice_ = ticket(claims, "her slice")
    assert slice_.speaker is None and slice_.needs_human
    assert "Anna Petrova" not in slice_.claim and "Ingrid Lindahl" not in slice_.claim


def test_it_after_a_sentence_opened_by_a_pointer_is_the_body_that_pointer_means():
    claims = tickets(
        "Two air fryers got hot enough to burn skin, according to tests by the consumer group Householders' Choice."
        "\n\nThe group tested 24 air fryers. It found that the handles of two reached more than 90C."
    )
    assert ticket(claims, "90C").speaker == "Householders' Choice"


def test_an_unnamed_body_told_by_what_it_did_is_a_speaker():
    claims = tickets("An online marketplace that listed both products said it had removed the listings on Wednesday.")
    assert ticket(claims, "removed the listings").speaker.lower() == "an online marketplace that listed both products"


def test_the_trust_is_the_nhs_trust_named_and_it_after_it_spoke_is_that_trust():
    claims = tickets(
        "Marsham Hospitals NHS Trust has cancelled 300 operations after a cyber attack, the trust said.\n\n"
        "The trust declared a critical incident on Saturday.\n\n"
        "Emergency departments remain open, but ambulances are being sent to other hospitals, it said."
    )
    assert ticket(claims, "300 operations").speaker == "Marsham Hospitals NHS Trust"
    assert ticket(claims, "Emergency departments").speaker == "Marsham Hospitals NHS Trust"


def test_a_corner_of_a_circuit_is_never_who_he_means():
    claims = tickets(
        "Marcus Duval's car hit the barrier at Paddock Hill Bend after contact with another car. He was checked at "
        "the medical centre and released, his team said."
    )
    assert "Hill Bend" not in (ticket(claims, "medical centre").flag_reason or "")


def test_a_museums_name_is_never_a_surname_written_into_another_museum():
    claims = tickets(
        "The Haverleigh Museum in Bristol will return 12 carved figures to Ghana, the museum announced.\n\n"
        "National museums such as the British Museum are barred by law from giving up items in their collections."
    )
    assert "the British Museum are barred" in ticket(claims, "barred by law").claim


def test_a_constabulary_is_never_who_she_means():
    claims = tickets(
        "Former PC Laura Thorley, 31, of Elmhurst Constabulary, took five pictures of the crash scene, the hearing "
        "was told. She sent them to a group of friends who were not police officers."
    )
    assert ticket(claims, "group of friends").claim.startswith("Laura Thorley sent them")


def test_one_resident_after_a_quotation_is_its_speaker_and_former_loses_its_capital():
    claims = tickets(
        '"The whole street was covered in glass," said one resident, who did not want to be named.\n\n'
        "Former PC Laura Thorley, 31, took five pictures of the crash scene, the hearing was told."
    )
    assert ticket(claims, "covered in glass").speaker == "one resident"
    assert "was told that former PC Laura Thorley" in ticket(claims, "five pictures").claim


def test_a_wire_dateline_with_a_state_and_a_date_is_not_part_of_the_claim():
    claims = tickets(
        "LARCHMONT, Okla., May 17 (Wire) - A tornado tore through a small town in central Oklahoma on Friday night, "
        "killing three people, state emergency officials said."
    )
    tornado = ticket(claims, "tornado tore")
    assert "LARCHMONT" not in tornado.claim and tornado.speaker.lower() == "state emergency officials"


def test_found_that_a_and_that_a_percentage_is_two_findings_and_it_after_an_appositive_is_the_body():
    claims = tickets(
        "The survey of 4,020 unpaid carers found that 61% had put off their own medical appointments, and that 38% "
        "were struggling to pay essential bills.\n\n"
        "Detective Sergeant Rachel Ansell said councils never asked for fines to be paid by text.\n\n"
        "Action Fraud, the national reporting centre for fraud, received more than 9,000 reports of parking scams "
        "across the UK in January, it said on Monday."
    )
    assert ticket(claims, "38%").claim.startswith("The survey of 4,020 unpaid carers found that 38%")
    assert ticket(claims, "9,000 reports").speaker == "Action Fraud"


def test_it_after_a_sentence_opened_by_the_zoo_is_the_zoo_never_the_keepers_quoted_before():
    claims = tickets(
        "Keepers said the calf weighed about 60 kilograms at birth.\n\n"
        "Rothschild's giraffes are classed as near threatened. Fewer than 3,000 live in the wild.\n\n"
        "The zoo is part of a European breeding programme. More than 40,000 people visited the zoo last year, it said."
    )
    assert ticket(claims, "40,000 people").speaker.lower() == "the zoo"


def test_a_provider_named_after_a_tag_is_the_speaker_and_what_the_company_means():
    claims = tickets(
        "About 180,000 homes lost their broadband after a fault at a data centre, provider Netlynk has said.\n\n"
        "Service was fully restored by 8am on Tuesday, the company said.\n\n"
        "Netlynk said a power failure had damaged equipment, and that its backup generators had not started as they "
        "should have."
    )
    assert ticket(claims, "180,000 homes").speaker == "provider Netlynk"
    assert ticket(claims, "fully restored").speaker == "provider Netlynk"
    assert ticket(claims, "backup generators").speaker == "Netlynk"


def test_the_operator_is_the_railway_company_named_before():
    claims = tickets(
        "Train drivers at Hartsell Railways will strike on Saturday in a pay dispute, the union has confirmed.\n\n"
        "The operator said no trains would run on most of its routes."
    )
    assert ticket(claims, "no trains would run").speaker == "Hartsell Railways"


def test_he_is_never_a_plural_of_people_who_spoke_before():
    claims = tickets(
        "Councillors said the turbines would dominate views from a nearby national trail.\n\n"
        "The inspector rejected that argument. The turbines would be visible from about 4km of the trail, he said."
    )
    visible = ticket(claims, "4km of the trail")
    assert visible.speaker != "Councillors" and visible.needs_human


def test_he_after_an_unnamed_man_described_since_the_name_is_flagged_not_named():
    claims = tickets(
        "Daniel Okoro, 47, a postman from Hale, was hit by a van as he crossed the B4120 on 2 May.\n\n"
        "The inquest heard that the van driver, who was travelling at about 40mph, had been dazzled by the low sun. "
        "He was not prosecuted."
    )
    prosecuted = ticket(claims, "not prosecuted")
    assert "Okoro" not in prosecuted.claim and prosecuted.needs_human


@pytest.mark.parametrize("where", ["on social media", "online"])
def test_where_a_statement_was_posted_is_not_part_of_it(where):
    claims = tickets(
        f"Prime Minister Anil Rai said {where} that the government would pay 200,000 rupees to each family."
    )
    assert ticket(claims, "200,000 rupees").claim == (
        "Prime Minister Anil Rai said that the government would pay 200,000 rupees to each family."
    )


def test_a_partial_quotation_after_an_aside_keeps_its_subject():
    claims = tickets(
        'Coroner Ruth Haverford said the junction, where cyclists must cross four lanes with no lights, "presents a '
        'continuing risk of death".'
    )
    risk = ticket(claims, "continuing risk")
    assert risk.claim.startswith("Coroner Ruth Haverford said that the junction, where cyclists must cross")


def test_the_company_is_the_business_named_in_apposition_to_what_it_is():
    claims = tickets(
        "The decision means the developer, Northfell Renewables, can build turbines up to 149 metres tall.\n\n"
        "The company says the wind farm would generate enough electricity for about 41,000 homes a year."
    )
    assert ticket(claims, "41,000 homes").speaker == "Northfell Renewables"


def test_what_a_ruling_says_must_be_done_is_a_claim_not_advice():
    claims = tickets(
        "The council must also pay part of the developer's costs for the appeal, the inspector ruled, because it had "
        '"behaved unreasonably" in refusing the scheme.'
    )
    assert ticket(claims, "developer's costs").claim.startswith("The inspector ruled that the council must also pay")


def test_the_forecaster_is_the_weather_service_that_warned():
    claims = tickets(
        "Gusts of up to 90mph could hit coastal parts of Wales, the Met Office has warned.\n\n"
        'The forecaster said there was a "good chance" of power cuts.'
    )
    assert ticket(claims, "power cuts").speaker == "the Met Office"


def test_a_named_things_present_after_a_reported_statement_is_the_reporters():
    claims = tickets(
        "National Rail said several train operators would run reduced timetables, and the Cleddau Bridge in "
        "Pembrokeshire is expected to close to high-sided vehicles."
    )
    assert ticket(claims, "reduced timetables").claim == (
        "National Rail said that several train operators would run reduced timetables."
    )
    bridge = ticket(claims, "Cleddau Bridge")
    assert bridge.speaker is None and bridge.claim.startswith("The Cleddau Bridge in Pembrokeshire is expected")


def test_it_after_a_body_opening_with_a_relative_clause_is_that_body_never_the_last_to_speak():
    claims = tickets(
        "The home furnishings retailer Aldermoor has admitted that hackers stole the names of 1.2 million customers.\n\n"
        "The ICO confirmed it had received a report and said it was making enquiries.\n\n"
        "Aldermoor, which has 86 stores in the UK, was bought by a private equity firm in 2021. "
        "It reported sales of £540 million in 2024."
    )
    sales = ticket(claims, "£540 million")
    assert sales.speaker == "Aldermoor" and sales.claim == "Aldermoor reported sales of £540 million in 2024."


def test_an_interviewers_you_is_never_a_speaker():
    claims = tickets("You have said the council could go bankrupt. How close is it?")
    assert all(c.speaker != "You" for c in claims)


@pytest.mark.parametrize("thing", ["victory", "responsibility for the attack"])
def test_claiming_a_thing_is_an_act_not_a_statement(thing):
    claims = tickets(
        f"The opposition candidate, Samuel Dalby-Okoro, has claimed {thing}, although results are due on 24 November."
    )
    assert ticket(claims, f"claimed {thing}").claim.startswith(
        f"The opposition candidate, Samuel Dalby-Okoro, has claimed {thing}"
    )


UNLABELLED_INTERVIEW = (
    "Cllr Joe Mowbray has led Bexley Vale Borough Council since May 2022. Ahead of the budget vote, he spoke to "
    "the Vale Gazette about the council's finances.\n\n"
    "You have said the council could go bankrupt. How close is it?\n\n"
    "We are not there yet. Our reserves have fallen from £31 million in 2022 to £12 million now.\n\n"
    "Will there be job losses?\n\n"
    "We are cutting 60 posts, most of them by not filling vacancies."
)


def test_an_interviews_answers_without_labels_are_the_interviewees_own_words():
    claims = tickets(UNLABELLED_INTERVIEW)
    reserves = ticket(claims, "£31 million")
    assert reserves.speaker == "Joe Mowbray"
    assert reserves.claim == "Joe Mowbray said: “Our reserves have fallen from £31 million in 2022 to £12 million now.”"
    assert ticket(claims, "60 posts").speaker == "Joe Mowbray"


def test_an_explainers_question_headings_give_its_paragraphs_no_speaker():
    claims = tickets(
        "Drivers at Hartsell Railways will strike on Saturday, the union Aslef has confirmed.\n\n"
        "Why are drivers striking?\n\n"
        "The company relies on drivers giving up their days off, because it has about 60 fewer drivers than it needs."
    )
    assert ticket(claims, "60 fewer drivers").speaker is None


def test_a_body_described_with_an_ing_word_is_a_tags_speaker():
    claims = tickets(
        "A drug for a rare muscle disease will be offered on the NHS in England, the health spending watchdog has said."
    )
    assert ticket(claims, "rare muscle disease").speaker == "the health spending watchdog"


def test_the_airline_is_the_carrier_named_in_the_lead_never_with_its_article():
    claims = tickets(
        "A Skyrose Airways flight from Manchester to Tenerife made an emergency landing in Bordeaux on Monday.\n\n"
        "A flight tracking site showed the plane dropped about 2,000 feet in less than a minute.\n\n"
        'Skyrose said the crew had diverted the aircraft "as a precaution". Seven people were taken to hospital '
        "with minor injuries, the airline said."
    )
    assert ticket(claims, "Seven people").speaker == "Skyrose Airways"


def test_a_countrys_body_described_then_named_is_its_name():
    claims = tickets("France's air accident investigation agency, the BEA, said it had opened an investigation.")
    assert ticket(claims, "opened an investigation").speaker == "the BEA"


def test_an_unnamed_body_named_at_once_is_its_name():
    claims = tickets(
        "A trade group, the Paving Contractors Federation, said 300 firms had closed since the rules changed."
    )
    assert ticket(claims, "300 firms").speaker == "the Paving Contractors Federation"


def test_a_prosecutors_opening_and_her_tag_after_a_quoted_phrase():
    claims = tickets(
        "Opening the case at Bolton Crown Court on Monday, prosecutor Claire Kinsale KC told the jury that Darren "
        "Orrell would knock on doors and tell homeowners their roofs were dangerous. He would then charge them for "
        'work that was "at best unnecessary and at worst invented", she said.'
    )
    assert ticket(claims, "knock on doors").speaker == "prosecutor Claire Kinsale KC"
    charged = ticket(claims, "at worst invented")
    assert charged.speaker == "Claire Kinsale" and not charged.claim.endswith("she said.")


def test_a_title_cut_short_by_its_full_stop_is_no_persons_name():
    claims = tickets(
        "Republican Rep. Carl Dunleavy, who voted against it, said decisions about phones should be left to local "
        'school boards. "Montpelier has written 14 rules on phones since 2019," he said.'
    )
    assert ticket(claims, "14 rules").speaker == "Carl Dunleavy"


def test_he_after_a_double_barrelled_surname_is_that_person():
    claims = tickets(
        "Sweden's Anders Lachlan-Holm was second on 15 under.\n\n"
        "Lachlan-Holm, 31, who led for most of the week, dropped two shots on the 17th. He said he had hit 11 of 14 "
        "fairways all week."
    )
    assert ticket(claims, "11 of 14 fairways").speaker == "Anders Lachlan-Holm"


def test_he_after_a_quotation_tagged_he_said_is_the_speaker_of_it():
    claims = tickets(
        "Chidi Okwuosa won the Belcourt Open by two shots on Sunday.\n\n"
        "His win is worth €510,000 and moves him to about 90th in the world rankings.\n\n"
        '"I kept it simple today," he said.\n\n'
        "He is the third English winner on the tour this season."
    )
    assert ticket(claims, "third English winner").claim.startswith("Chidi Okwuosa is the third")


def test_the_team_led_by_a_named_scientist_is_that_team():
    claims = tickets(
        "The team, led by Dr Yuki Ambrose of the University of Penwortham, found amino acids in 9 of the 12 grains."
    )
    grains = ticket(claims, "12 grains")
    assert grains.speaker == "the team led by Dr Yuki Ambrose" and not grains.needs_human


def test_a_bodys_analysis_of_monitoring_data_is_a_speaker():
    claims = tickets(
        "Storm overflows discharged sewage for 4,100 hours in 2024, according to the Wendle Rivers Trust.\n\n"
        "Its analysis of the company's own monitoring data, published on Wednesday, found that a single overflow "
        "accounted for almost a fifth of the total."
    )
    assert ticket(claims, "a fifth of the total").speaker.startswith("the Wendle Rivers Trust's analysis")


def test_a_hospice_is_what_the_charity_means():
    claims = tickets(
        "Astley Children's Hospice said more than 6,000 people had donated since January 2024.\n\n"
        "About 2,000 children in the region have a life-limiting condition, according to the charity."
    )
    assert ticket(claims, "2,000 children").reported_by == "Astley Children's Hospice"


def test_it_after_a_tribunals_decision_is_the_decision():
    claims = tickets(
        'The tribunal\'s decision, published on Friday, said the flat had been "unfit for habitation". It found that '
        "the family had gone without heating for three months in the winter of 2023."
    )
    assert ticket(claims, "without heating").speaker == "the tribunal's decision"


def test_a_sentence_adverb_after_according_to_loses_its_capital():
    claims = tickets(
        "Nationally, the number of GPs has fallen by 6% since 2015, according to the British Medical Association."
    )
    assert "According to the British Medical Association, nationally, the number" in ticket(claims, "6%").claim


def test_a_plain_statement_beside_a_quoted_verdict_is_the_named_speakers():
    claims = tickets(
        'Chairman Peter Lowestone said the vote was "a huge moment" and that the club would submit a planning '
        "application before Christmas."
    )
    assert ticket(claims, "planning application").claim == (
        "Chairman Peter Lowestone said that the club would submit a planning application before Christmas."
    )


def test_it_after_a_short_name_and_a_relative_clause_holding_a_figure_is_that_body():
    claims = tickets(
        "Thornbury Building Society has raised the rate on its easy-access savings account.\n\n"
        "Thornbury, which is based in Penrith and has about 95,000 members, lends mostly in Cumbria. "
        "It said the rise followed a jump in deposits from savers leaving the big banks."
    )
    assert ticket(claims, "jump in deposits").speaker == "Thornbury"


def test_they_after_inspectors_who_found_is_the_inspectors():
    claims = tickets(
        "Inspectors found that the kitchen at the care home was dirty and that two fire doors had been propped "
        "open. They said that the manager had not carried out checks since March."
    )
    assert ticket(claims, "not carried out checks").speaker == "Inspectors"


def test_the_trust_is_the_one_trust_the_story_named_however_far_back():
    claims = tickets(
        "Dr Ama Kessie, medical director of Lowfield Hospitals NHS Trust, said 90 beds were taken by patients "
        "waiting for care at home.\n\n"
        "“We have opened a ward for them,” she said.\n\n"
        "Peter Arne, 71, said he waited 14 hours for a bed last week.\n\n"
        "The trust said it would look into his case."
    )
    assert ticket(claims, "look into his case").speaker == "Lowfield Hospitals NHS Trust"


def test_the_trust_is_flagged_when_the_story_named_two():
    claims = tickets(
        "A critical incident was declared on Monday by Lowfield Hospitals NHS Trust and by Marsh Valley "
        "Ambulance Trust.\n\nPeter Arne, 71, said he waited 14 hours for a bed.\n\nThe trust said it would look into his case."
    )
    assert ticket(claims, "look into his case").needs_human


def test_a_word_capitalised_only_inside_a_name_loses_its_capital_after_according_to():
    claims = tickets(
        "Ambulance crews waited 4,100 hours outside Lowfield General in October, according to the Marsh Valley "
        "Ambulance Service. An ambulance was held for 19 hours."
    )
    assert "Marsh Valley Ambulance Service, ambulance crews waited" in ticket(claims, "4,100 hours").claim


def test_a_surname_a_story_also_writes_small_keeps_its_capital():
    claims = tickets(
        "Baker Ellen Baker opened her shop in 1998, according to Harwick Council. Every baker in the town "
        "closed in the strike."
    )
    assert "Harwick Council, Baker Ellen Baker opened" in ticket(claims, "1998").claim


def test_a_verdict_called_beside_a_statement_is_dropped_and_the_statement_kept():
    claims = tickets(
        'Dr Ewa Lindahl, a neurologist who was not involved in the study, called the findings "a real step '
        'forward" but said that the drug would need testing in older patients.'
    )
    assert [c.claim for c in claims] == ["Dr Ewa Lindahl said that the drug would need testing in older patients."]


def test_it_after_a_body_described_then_named_is_that_body():
    claims = tickets(
        "Portugal's national weather institute IPMA has put eight districts on red alert until Friday. "
        "It said gusts could reach 120km/h on the coast."
    )
    assert ticket(claims, "120km/h").speaker == "IPMA"


def test_a_papers_report_citing_its_sources_keeps_them_and_its_day():
    claims = tickets(
        "Two of the biggest bus operators, Redline and Coastway, are in talks about a merger, the Daily Telegraph "
        "reported on Sunday, citing two people close to the talks.\n\n"
        "The companies have discussed selling 40 depots, the Daily Telegraph reported, citing a banker involved."
    )
    merger = ticket(claims, "in talks about a merger")
    assert (merger.speaker, merger.reported_by) == ("two people close to the talks", "the Daily Telegraph")
    assert merger.claim == (
        "The Daily Telegraph reported on Sunday, November 23, 2025, citing two people close to the talks, that two "
        "of the biggest bus operators, Redline and Coastway, are in talks about a merger."
    )
    assert ticket(claims, "40 depots").claim == (
        "According to the Daily Telegraph, citing a banker involved, the companies have discussed selling 40 depots."
    )


def test_the_hospital_is_the_one_hospital_the_story_named():
    claims = tickets(
        "The driver was taken to Brayford Royal Hospital with a broken leg. He was said to be comfortable, the "
        "hospital said."
    )
    assert ticket(claims, "comfortable").speaker == "Brayford Royal Hospital"


def test_a_fire_and_rescue_service_lends_no_surname_to_fire_crews():
    claims = tickets(
        "Northmoor Fire and Rescue Service said crews were called at 4.40am. Fire crews stayed at the scene for six "
        "hours, police said."
    )
    assert "Northmoor Fire crews" not in ticket(claims, "six hours").claim


def test_reporting_someone_missing_is_an_act_not_a_statement():
    claims = tickets(
        "Rory Calder, 63, set out to walk the Lairig Ghru on Thursday. His brother reported him missing on Friday "
        "night when he did not arrive in Aviemore."
    )
    assert ticket(claims, "reported him missing").speaker is None


def test_a_product_named_after_its_maker_is_never_the_company_that_speaks():
    claims = tickets(
        "Korvel has launched its first folding laptop as the Taiwanese company tries to win back buyers.\n\n"
        "The Korvel Fold, which weighs 1.1kg, will go on sale in 12 countries in March, the company said."
    )
    assert ticket(claims, "1.1kg").speaker == "Korvel"


def test_he_two_paragraphs_on_is_the_only_man_the_story_names():
    claims = tickets(
        "Fergus Leckie, 71, left his home in Braemar on Tuesday morning. His daughter raised the alarm that night.\n\n"
        "About 60 volunteers searched the glen on Wednesday.\n\n"
        "He was found in a bothy on Thursday with mild hypothermia."
    )
    assert ticket(claims, "in a bothy").claim.startswith("Fergus Leckie was found in a bothy")


def test_he_two_paragraphs_on_stays_flagged_when_the_story_names_two_men():
    claims = tickets(
        "Fergus Leckie, 71, and his friend Murdo Baird, 69, left Braemar on Tuesday morning.\n\n"
        "About 60 volunteers searched the glen on Wednesday.\n\n"
        "He was found in a bothy on Thursday with mild hypothermia."
    )
    assert ticket(claims, "in a bothy").needs_human


def test_an_inverted_tag_with_a_body_and_a_role_before_the_name_is_the_speaker():
    claims = tickets('"Gusts of 70mph are likely on exposed coasts," said Met Office forecaster Dan Ashby.')
    assert ticket(claims, "70mph").speaker == "Met Office forecaster Dan Ashby"


def test_a_council_described_and_named_is_one_council():
    claims = tickets(
        "At least 19 people fell ill after a wedding at a hotel in Corbury, the district council has said.\n\n"
        "Corbury District Council said on Monday that samples from three guests had tested positive for "
        "salmonella. Two guests were treated in hospital.\n\nThe kitchen will stay closed until an inspection, the "
        "council said."
    )
    assert ticket(claims, "stay closed").speaker == "Corbury District Council"


def test_the_union_after_a_union_described_by_its_members_is_that_union():
    claims = tickets(
        "Bus drivers at Coastway have voted to strike, the drivers' union Unite said on Thursday.\n\n"
        "Turnout was 68%.\n\nThe union said drivers had been offered a 2.5% pay rise."
    )
    assert ticket(claims, "2.5% pay rise").speaker == "the drivers' union Unite"


def test_it_after_a_countrys_body_by_what_it_is_is_that_body():
    claims = tickets(
        "Norland's interior ministry denied detaining any protesters. It said 40 officers had been "
        "injured during the march."
    )
    assert ticket(claims, "40 officers").speaker == "Norland's interior ministry"


def test_a_report_and_its_author_between_commas_is_the_source():
    claims = tickets(
        "The study, by the Wexmoor Institute, a think tank, found that 1.2 million workers earned below the "
        "living wage last year."
    )
    assert ticket(claims, "1.2 million").claim.startswith("The study by the Wexmoor Institute found that 1.2 million")


def test_its_board_is_the_board_of_the_body_the_sentence_opens_with():
    claims = tickets(
        "The Quayside Playhouse in Redmouth will close in June after 60 years, its board said on Monday.\n\n"
        "Audiences have not returned since the pandemic, the board said."
    )
    assert ticket(claims, "close in June").speaker == "The Quayside Playhouse's board"
    assert ticket(claims, "Audiences").speaker == "The Quayside Playhouse's board"


def test_the_airline_after_a_flight_of_an_air_carrier_is_that_carrier():
    claims = tickets(
        "A Bluewing Air flight from Leeds to Faro turned back on Sunday after a bird strike.\n\n"
        "The aircraft landed safely 20 minutes after take-off, the airline said."
    )
    assert ticket(claims, "landed safely").speaker == "Bluewing Air"


def test_what_a_speaker_says_it_would_need_to_do_is_a_claim_not_advice():
    claims = tickets(
        "The chief executive, Anna Ferrier, said the club would need to sell players before the transfer window closed."
    )
    assert any("would need to sell players" in c.claim for c in claims)


def test_it_after_shares_in_a_company_moved_is_that_company():
    claims = tickets(
        "Shares in chipmaker Veltronics Holdings fell 6% after the company cut its sales forecast. It said demand "
        "from carmakers had weakened."
    )
    assert ticket(claims, "carmakers").speaker == "Veltronics Holdings"


def test_not_knowing_beside_a_statement_is_dropped_and_the_statement_kept():
    claims = tickets(
        "The shop's owner, Rhona Blyth, said half her stock had been ruined, and that she did not yet know whether "
        "she could reopen before Christmas."
    )
    assert [c.claim for c in claims] == ["Rhona Blyth said that half her stock had been ruined."]


def test_a_tag_with_what_the_body_does_keeps_the_body_and_leaves_the_claim():
    claims = tickets(
        "Visitors will pay £3 an hour to park at Dunmore Road hospital from January, the trust that runs it has "
        "confirmed."
    )
    found = ticket(claims, "£3 an hour")
    assert found.speaker == "the trust" and "runs it" not in found.claim


def test_a_tag_with_a_report_published_on_a_day_leaves_nothing_behind():
    claims = tickets(
        "Half of the parcels went to families with children, the Marrow Trust said in its annual report, published "
        "on Tuesday."
    )
    assert ticket(claims, "Half of the parcels").claim.endswith(
        "that half of the parcels went to families with children."
    )


def test_the_operator_is_the_business_that_opens_its_sentence():
    claims = tickets("Avonline cancelled about 90 services, the operator said, most of them in Somerset.")
    assert ticket(claims, "90 services").speaker == "Avonline"


def test_the_airline_is_never_the_people_a_sentence_opens_with():
    claims = tickets("Passengers were stranded for six hours at Leeds, the airline said.")
    assert ticket(claims, "stranded").speaker != "Passengers"


def test_a_finding_tagged_at_its_end_is_the_taggers_not_its_subjects():
    claims = tickets(
        "Harwick County Council will close the Old Mill bridge for a year, it announced on Tuesday. Inspectors found "
        "cracks in two of its supports last spring, the council said."
    )
    assert ticket(claims, "cracks").speaker == "Harwick County Council"


def test_a_speaker_speaking_of_herself_stays_she_after_her_name_and_a_pronoun_for_someone_else_is_named():
    claims = tickets(
        "Mirela Dobson, whose son spent four nights in hospital, said she had not known he was due a second dose.\n\n"
        "The court heard that Tom Rigg, 40, had hidden the money from his employer. "
        "Sarah Ferrier said he had spent it on a car."
    )
    own = ticket(claims, "she had not known")
    assert own.claim == "Mirela Dobson said that she had not known he was due a second dose."
    assert not own.needs_human
    other = ticket(claims, "he had spent it")
    assert other.claim.startswith("Sarah Ferrier said that Tom Rigg had spent it")


def test_a_body_the_article_never_names_keeps_its_words_in_the_claim_and_is_left_to_a_person():
    claims = tickets(
        "Velocell said service had been restored by 4pm.\n\n"
        "The regulator said it had asked Velocell for a full report on what went wrong."
    )
    report = ticket(claims, "a full report")
    assert report.claim == "The regulator said that it had asked Velocell for a full report on what went wrong."
    assert report.speaker is None and report.needs_human and "regulator" in report.flag_reason


def test_the_league_is_the_one_league_the_story_names_and_told_him_is_a_listener():
    claims = tickets(
        "Carnford Athletic have been deducted 12 points, a penalty that leaves the club bottom of the Midland "
        "Alliance League.\n\n"
        "The league said on Monday that an independent commission had found the club in breach of its rules.\n\n"
        "Judge Helen Askew banned Darren Whitsey from keeping dogs. "
        'She told him he had "ignored every warning you were given".'
    )
    league = ticket(claims, "independent commission")
    assert league.speaker == "the Midland Alliance League" and not league.needs_human
    warned = ticket(claims, "ignored every warning")
    assert warned.speaker == "Helen Askew" and warned.claim.startswith("Helen Askew told him that")


def test_the_firm_a_sentence_names_is_what_its_tag_means_not_the_company_the_story_opened_with():
    claims = tickets(
        "Fenwold Buses, which runs about 60 routes, has gone into administration.\n\n"
        "Administrators from Elstow Partners were appointed on Tuesday after the company ran out of cash, the firm said.\n\n"
        "Resident Gary Wragg said he had been trying to buy a ticket for six days."
    )
    assert ticket(claims, "were appointed").speaker == "Elstow Partners"
    assert (
        ticket(claims, "for six days").claim
        == "Resident Gary Wragg said that he had been trying to buy a ticket for six days."
    )


def test_they_after_a_court_heard_what_inspectors_did_is_not_the_court_and_a_water_company_is_a_company():
    claims = tickets(
        "The court heard that inspectors from the district council visited the flats in February 2025. "
        "They found black mould in every flat.\n\n"
        "Households supplied by Kenyon Water will see their bills rise by 9% from April, the company said on Monday."
    )
    mould = ticket(claims, "black mould")
    assert "Court found" not in mould.claim and mould.needs_human
    assert ticket(claims, "bills rise").speaker == "Kenyon Water"


def test_it_after_a_body_described_by_what_it_does_is_that_body_and_an_expletive_it_is_no_one():
    claims = tickets(
        "Nobody was hurt, the British Transport Police said.\n\n"
        "Eleven wagons left the track at about 4.30am, according to the rail infrastructure operator. "
        "It said the line would stay closed until at least Wednesday.\n\n"
        "Headteacher Mark Grimshaw said it was the first time a pupil from the school had reached the final."
    )
    closed = ticket(claims, "stay closed")
    assert closed.speaker == "the rail infrastructure operator"
    first = ticket(claims, "first time")
    assert first.speaker.endswith("Mark Grimshaw") and not first.needs_human


def test_a_tag_naming_what_an_unnamed_charity_runs_is_flagged_and_a_trust_described_is_the_trust_named():
    claims = tickets(
        "Lifeguards pulled 23 people from the sea on Sunday, the charity that runs the beach patrols said.\n\n"
        "Visitors will pay £4.50 an hour from next month, the hospital trust has confirmed. "
        "Saltram Hospitals NHS Trust said charges had not risen since 2022. "
        "The trust said regular visitors could buy a weekly pass for £20."
    )
    pulled = ticket(claims, "23 people")
    assert pulled.speaker is None and pulled.needs_human and pulled.claim.startswith("The charity said that")
    assert ticket(claims, "weekly pass").speaker == "Saltram Hospitals NHS Trust"


def test_a_role_ending_in_an_is_not_read_as_an_article_before_the_name():
    claims = tickets(
        'Parish council chairman Derek Stoddart said: "We were told nothing until the notice went up in the window."'
    )
    told = ticket(claims, "told nothing")
    assert told.speaker in {"Derek Stoddart", "Parish council chairman Derek Stoddart"}
    assert not told.claim.startswith("An ")


def test_a_business_named_for_its_trade_is_the_company_its_tag_means():
    claims = tickets(
        "Brightmead Solar appealed after councillors rejected the scheme in March 2025. "
        "The 48-megawatt farm will power about 15,000 homes, the company says.\n\n"
        "Lindhurst Healthcare said the branch had lost money for three years. "
        "The company said staff would be offered jobs at its branch in Felmouth."
    )
    assert ticket(claims, "15,000 homes").speaker == "Brightmead Solar"
    assert ticket(claims, "offered jobs").speaker == "Lindhurst Healthcare"


def test_a_pointer_opening_a_partial_quotation_gives_way_to_the_body_it_means():
    claims = tickets(
        "Lindhurst Healthcare said the branch had lost money for three years. In a statement, the company "
        'blamed "a funding model that no longer covers the cost of dispensing" and said staff would be offered '
        "jobs at its branch in Felmouth."
    )
    jobs = ticket(claims, "offered jobs")
    assert jobs.speaker == "Lindhurst Healthcare" and jobs.claim.startswith("Lindhurst Healthcare blamed")
    # Inside what a named speaker said, "the company" is the one named; with none named, the words stay
    # and the speaker, named, needs no flag.
    spend = ticket(
        tickets("Kenyon Water will raise bills by 9%. Paula Reid said the company had paid £210 million."), "£210"
    )
    assert spend.claim == "Paula Reid said that Kenyon Water had paid £210 million."
    unnamed = ticket(tickets("Chief executive Dana Moss said the company needed 400 fewer managers."), "400 fewer")
    assert "the company needed" in unnamed.claim and not unnamed.needs_human


def test_a_place_in_a_tally_is_a_claim_but_a_hypothetical_place_is_not():
    claims = tickets(
        "Storm Hollis brought down trees across the county on Sunday.\n\n"
        "Storm Hollis is the fourth named storm of the season."
    )
    assert ticket(claims, "fourth named storm").speaker is None
    assert checkworthy.ranks_in_a_tally("It is the second sinkhole in the town in three years.")
    assert checkworthy.ranks_in_a_tally("Ms Okoro is the fourth minister to leave the government this year.")
    assert not checkworthy.ranks_in_a_tally("If it lands, it would be only the third private craft to do so.")
    assert not checkworthy.ranks_in_a_tally("It was the first time I had seen him cry.")


def test_a_sides_place_in_the_table_after_a_result_is_a_claim():
    claims = tickets(
        "Wexcombe Athletic beat Dunmere 3-0 at home on Saturday.\n\n"
        "The win lifts Wexcombe to third in the table, a point behind the leaders."
    )
    assert ticket(claims, "third in the table").speaker is None
    assert checkworthy.ranks_in_a_tally("The defeat leaves Dunmere bottom of the league.")
    assert not checkworthy.ranks_in_a_tally("The win was a good one for the table.")


def test_figures_a_speaker_cites_are_the_speakers_source_not_the_speakers_reporter():
    claims = tickets(
        "Cabinet member Rhys Colquhoun said the council had to save £28 million.\n\n"
        "He said a similar scheme in a neighbouring county had cut energy use by 40%, according to police figures."
    )
    cut = ticket(claims, "40%")
    assert cut.speaker == "Rhys Colquhoun"
    assert cut.claim.startswith("Rhys Colquhoun said that, according to police figures, a similar scheme")


def test_what_an_agent_which_said_says_is_its_own_claim_and_the_act_is_the_reporters():
    claims = tickets(
        "Most street lights in Amberley will be switched off from April under plans approved by the county "
        "council, which says the change will save about £400,000 a year."
    )
    saving = ticket(claims, "£400,000")
    assert saving.speaker == "the county council"
    assert saving.claim == "The county council says that the change will save about £400,000 a year."
    plan = [c for c in claims if c.claim.startswith("Most street lights")]
    assert plan and plan[0].speaker is None and plan[0].claim.endswith("approved by the county council.")


def test_a_sentence_opening_under_council_rules_names_no_council():
    claims = tickets(
        "Westcombe Borough Council met on Tuesday.\n\n"
        "Under council rules, a councillor who misses every meeting for six months loses their seat. "
        "The council said it had agreed in February to excuse his absence."
    )
    assert ticket(claims, "agreed in February").speaker == "Westcombe Borough Council"


def test_people_named_by_their_work_are_never_the_company_a_tag_means():
    claims = tickets(
        "About 4,000 tonnes of earth slid onto the line, Northvale Rail said. No train was passing at the time.\n\n"
        "Engineers will have to remove the earth and rebuild the drainage, the company said."
    )
    assert ticket(claims, "rebuild the drainage").speaker == "Northvale Rail"


def test_a_speaker_told_by_what_it_does_is_the_speaker_however_long_the_deed():
    claims = tickets(
        "The NHS body that commissions dental care in the county said it would try to find other practices.\n\n"
        "A woman who called 999 when her house was broken into in February told the Wessmoor Times she had "
        "waited more than three minutes."
    )
    assert ticket(claims, "other practices").speaker == "The NHS body that commissions dental care in the county"
    assert ticket(claims, "three minutes").speaker == (
        "a woman who called 999 when her house was broken into in February"
    )


def test_the_force_is_the_one_police_force_the_story_names():
    claims = tickets(
        "Wessmoor Police answered 47% of 999 calls within 10 seconds in January, according to Home Office figures.\n\n"
        "The force's worst month last year was December, when the average wait was 51 seconds.\n\n"
        "A woman told the Wessmoor Times she had waited more than three minutes. "
        "The force said it was looking into her call."
    )
    assert ticket(claims, "looking into her call").speaker == "Wessmoor Police"


def test_it_after_a_sentence_opening_on_a_thing_the_article_named_is_that_thing():
    claims = tickets(
        "St Aldric's Cathedral has launched a £4 million appeal to repair its roof.\n\n"
        'The Dean said parts of the nave had been closed since June. "Nobody is in danger," she said.\n\n'
        "The cathedral has already received £1.2 million from a heritage fund, it said."
    )
    assert ticket(claims, "£1.2 million").speaker == "St Aldric's Cathedral"


def test_a_tag_after_a_quoted_phrase_closing_a_statement_is_not_kept_in_the_claim():
    claims = tickets(
        "The Porthcarrow Harbour Commissioners said dredging had been delayed. "
        'A new contract would be signed "within weeks", the commissioners said.'
    )
    signed = ticket(claims, "within weeks")
    assert signed.claim == 'The commissioners said that a new contract would be signed "within weeks".'


def test_wrote_to_someone_to_say_keeps_whom_and_when_with_the_verb():
    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text="Warmline Heat Ltd wrote to residents last week to say the unit price would go up from 14p to 24p.",
                published=date(2026, 10, 26),
            )
        )
        .claims
    )
    assert ticket(claims, "24p").claim == (
        "Warmline Heat Ltd wrote to residents in the week of October 19, 2026 to say that the unit price "
        "would go up from 14p to 24p."
    )


def test_the_university_is_the_one_university_the_story_names():
    claims = tickets(
        "More than 300 students at Halsetown University have stopped paying rent, organisers said on Monday.\n\n"
        'Organiser Jess Jelbert said: "We are paying £180 a week to live with mould."\n\n'
        "The university said it had spent £1.2 million on repairs at the hall since September."
    )
    assert ticket(claims, "£1.2 million").speaker == "Halsetown University"


def test_a_pronoun_speaker_no_one_can_be_keeps_its_words_in_the_flagged_claim():
    claims = tickets(
        'Organiser Jess Jelbert said: "We are paying £180 a week to live with mould." '
        "She said students would keep withholding rent until the university agreed to a 30% refund."
    )
    rent = ticket(claims, "30% refund")
    assert rent.needs_human and rent.speaker is None
    assert rent.claim.startswith("She said that students would keep withholding rent")


def test_a_spokesperson_who_denied_it_saying_something_is_its_speaker():
    claims = tickets(
        "Councillor Sue Bosanko said the council had been warned in June.\n\n"
        "A council spokesperson denied that, saying the June warning concerned bin collection dates, not benefits."
    )
    assert ticket(claims, "bin collection").speaker == "a council spokesperson"


def test_it_said_with_no_body_it_can_be_keeps_it_said_in_the_flagged_claim():
    claims = tickets(
        "The council said the signs met national rules and had been checked in March. "
        "It said the money could only be spent on transport."
    )
    money = ticket(claims, "spent on transport")
    assert money.needs_human and money.claim.startswith("It said that the money could only be spent")


def test_the_company_after_a_business_named_with_what_it_is_is_that_business_never_a_research_firm():
    claims = tickets(
        "Bakery chain Oven Door plans to open 40 shops over the next two years.\n\n"
        "The company, which was founded in Plymouth in 1987, now has 112 shops."
    )
    assert ticket(claims, "112 shops").claim.startswith("Oven Door, which was founded in Plymouth")
    cited = tickets(
        "Phone maker Norlink cut its forecast.\n\n"
        "According to the market research firm Vantage Research, the company shipped 41 million phones in 2024."
    )
    assert "Vantage Research shipped" not in ticket(cited, "41 million").claim


def test_said_outside_court_that_is_where_it_was_said_not_what():
    claims = tickets("Bakery owner Fiona Bramble said outside court that the business had lost about £20,000.")
    assert (
        ticket(claims, "£20,000").claim == "Bakery owner Fiona Bramble said that the business had lost about £20,000."
    )


def test_the_practice_is_the_gp_practice_the_story_names():
    claims = tickets(
        "Lathom Medical Centre, which has 11,800 patients, told them on Friday that requests must be made online. "
        "Reception staff will help patients who cannot use the internet to fill in the form, the practice said.\n\n"
        "The practice said patients would still be able to ring for test results and prescriptions."
    )
    assert ticket(claims, "Reception staff").speaker == "Lathom Medical Centre"
    assert ticket(claims, "test results").speaker == "Lathom Medical Centre"


def test_what_a_named_rule_or_contract_requires_is_a_claim():
    claims = tickets(
        "Lathom Medical Centre will stop phone booking.\n\n"
        "Under the national GP contract, practices must let patients contact them online, by phone or in person."
    )
    assert ticket(claims, "national GP contract").speaker is None


def test_a_bodys_statement_joined_to_the_reporters_fact_by_and_is_its_own_claim():
    claims = tickets(
        "The building has stood empty since the market moved out in 2019, and the council says a car park "
        "would bring in about £180,000 a year."
    )
    assert ticket(claims, "£180,000").claim == "The council says that a car park would bring in about £180,000 a year."
    empty = [c for c in claims if c.claim.startswith("The building has stood empty")]
    assert empty and empty[0].claim == "The building has stood empty since the market moved out in 2019."


def test_it_after_a_described_body_with_an_acronym_is_that_body():
    claims = tickets(
        "The Fellbeck Ambulance Service said some patients had waited nine hours.\n\n"
        "Hospitals in the area have been full all weekend, the regional NHS body said. It said 210 patients "
        "who were well enough to leave were still in hospital."
    )
    assert ticket(claims, "210 patients").speaker == "the regional NHS body"


def test_it_said_after_a_lead_naming_its_own_subject_is_that_subject():
    claims = tickets("Hambledon Aquarium has hatched 14 penguin chicks this spring, the most in its history, it said.")
    assert ticket(claims, "14 penguin chicks").speaker == "Hambledon Aquarium"


def test_its_after_a_sentence_opening_on_a_thing_is_not_the_speaker_of_that_sentence():
    claims = tickets(
        "The planet, named TOI-4410 b, circles its star every 5.2 days, the team wrote in the journal Nature "
        "Astronomy. Its surface is thought to be far too hot for liquid water, at around 400C."
    )
    surface = ticket(claims, "400C")
    assert "team" not in surface.claim and surface.claim.startswith("Its surface")


def test_what_did_not_happen_or_will_not_change_is_a_claim_told_plainly_but_not_a_hypothetical():
    claims = tickets(
        "About 4,000 tonnes of earth slid onto the line near Alder Cross on Sunday. No train was passing at the "
        "time.\n\nStaff will pay £3.50 a day from October. Charges for patients and visitors will not change."
    )
    assert ticket(claims, "No train was passing").speaker is None
    assert ticket(claims, "will not change").speaker is None
    assert checkworthy.plain_record("No arrests have been made.")
    assert not checkworthy.plain_record("No one would have been hurt if the barrier had held.")
    assert not checkworthy.plain_record("Nothing will change until the council listens.")


def test_a_verb_inside_a_relative_clause_is_never_the_speakers_verb():
    claims = tickets(
        "The surveyors who found it, from the Pennock Caving Club, said they had mapped the cave for eight years."
    )
    assert ticket(claims, "eight years").speaker.lower().startswith("the surveyors who found it")


def test_a_business_described_with_where_it_is_based_is_what_the_company_means():
    claims = tickets(
        "Pellacott, a battery recycling start-up based in Coldmere, has raised £18m from investors, the company "
        "said on Friday.\n\nThe company said it expected to create 120 jobs."
    )
    assert ticket(claims, "£18m").speaker == "Pellacott" and not ticket(claims, "£18m").needs_human
    assert ticket(claims, "120 jobs").speaker == "Pellacott"


def test_a_tag_naming_the_speaker_and_the_group_he_speaks_for_names_him():
    claims = tickets(
        "The company said leakage had fallen by 9% in five years.\n\n"
        '"Customers are asked to save water while a quarter of it pours out of broken pipes," said Ivan Merrow '
        "of the campaign group Clean Mains."
    )
    assert ticket(claims, "broken pipes").speaker == "Ivan Merrow" and not ticket(claims, "broken pipes").needs_human


def test_a_business_named_for_its_trade_is_what_it_and_the_company_mean_a_sentence_later():
    claims = tickets(
        "Stagelight Events said it would refund all ticket holders within 14 days.\n\n"
        "About 7,500 tickets had been sold, at £145 each.\n\n"
        "It said it had offered to double the number of security staff.\n\n"
        "Organisers can appeal within 21 days. The company said it had not yet decided whether to do so."
    )
    assert ticket(claims, "security staff").speaker == "Stagelight Events"
    assert ticket(claims, "not yet decided").speaker == "Stagelight Events"


def test_the_investor_named_last_is_never_what_the_company_means():
    claims = tickets(
        "Ferrolyt, a battery recycling start-up, has raised £18m, the company said on Friday.\n\n"
        "The round was led by a venture capital firm, Haldane Capital.\n\n"
        "The company, which employs 34 people, made a loss of £6.2m in the year to March 2025."
    )
    assert "Haldane" not in ticket(claims, "£6.2m").claim


def test_a_group_named_between_commas_then_which_says_makes_a_claim_of_its_own():
    claims = tickets(
        "Parents have set up a campaign group, Keep Aldby School, which says 140 people attended a public meeting."
    )
    assert ticket(claims, "140 people").speaker == "Keep Aldby School"
    assert ticket(claims, "campaign group").speaker is None


def test_a_body_opening_a_sentence_in_the_possessive_is_named_without_it():
    claims = tickets(
        "Harwell District Council's website and phone lines have been down since Friday.\n\n"
        "The council said it had shut down its own systems as a precaution after staff noticed unusual activity."
    )
    assert ticket(claims, "precaution").speaker == "Harwell District Council"


def test_a_detectives_abbreviated_rank_is_never_part_of_her_name():
    claims = tickets(
        'Det Ch Insp Karen Whitfield, who is leading the investigation, said: "Her family are being supported by '
        'specialist officers."\n\nShe said officers were not looking for anyone else in connection with the death.'
    )
    assert ticket(claims, "anyone else").speaker == "Karen Whitfield"


def test_a_finding_reported_by_the_tag_at_its_end_is_the_tags_speakers_account():
    claims = tickets("A review found that the maternity unit was understaffed on 40 nights, the trust said.")
    assert claims[0].speaker == "the trust" or claims[0].needs_human
    assert claims[0].claim.endswith("a review found that the maternity unit was understaffed on 40 nights.")


def test_it_after_a_body_spoke_of_another_thing_as_it_is_left_to_a_person():
    claims = tickets(
        "The route's operator, Fellway Coaches, announced in November that it would stop running the service "
        "because too few people used it. It carried an average of 34 passengers a day last year."
    )
    carried = ticket(claims, "34 passengers")
    assert "Fellway" not in carried.claim and carried.needs_human
    said = tickets(
        "Harlow Rail said 40 trains were cancelled on Monday. It blamed a signal failure that cut power to 12 miles "
        "of track."
    )
    assert ticket(said, "signal failure").claim.startswith("Harlow Rail blamed")


def test_being_unhurt_is_told_plainly_like_nobody_being_hurt():
    claims = tickets("The dog was rescued on Thursday. She had a cut paw but was otherwise unhurt, a vet said.")
    assert ticket(claims, "otherwise unhurt")
    assert checkworthy.reports_casualty("The driver was unharmed.")


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Drakelow Stone said it would appeal. The quarry, the company said, would have closed in 2028.",
            "Drakelow Stone said that the quarry would have closed in 2028.",
        ),
        (
            "Drakelow Stone said it would appeal. Without it, the company says, the quarry would have closed in 2028.",
            "Drakelow Stone says that without it, the quarry would have closed in 2028.",
        ),
    ],
)
def test_a_tag_between_commas_inside_its_sentence_names_the_speaker(text, claim):
    assert claim in [c.claim for c in tickets(text)]


def test_a_business_that_employs_people_and_says_more_is_a_fact_and_its_claim():
    claims = tickets(
        "The extension will allow Drakelow Aggregates to extract 9 million tonnes of limestone.\n\n"
        "The company employs 46 people at the site and says another 120 jobs depend on it."
    )
    assert ticket(claims, "46 people").claim == "Drakelow Aggregates employs 46 people at the site."
    assert ticket(claims, "120 jobs").speaker == "Drakelow Aggregates"


def test_a_persons_figure_from_a_survey_is_theirs_citing_the_survey_not_the_other_way():
    claims = tickets(
        "Ms Ambleside said one in five pupils in her constituency had tried vaping, according to a survey by the "
        "local health authority."
    )
    assert claims[0].claim.startswith("Ms Ambleside said that, according to a survey by the local health authority,")


def test_announcing_an_engagement_is_an_event_told_by_the_reporter():
    claims = tickets("The pair announced their engagement in January 2025 in a post liked 1.2 million times.")
    assert claims[0].speaker is None


def test_a_quotation_opened_after_its_tag_and_running_on_has_that_speaker():
    claims = tickets(
        "The couple have not been seen together since August, according to the Daily Glimpse.\n\n"
        "A source told the paper: \"They've been living separate lives for months. It's been amicable, but it's over.\""
    )
    months = ticket(claims, "separate lives")
    assert months.speaker and "source" in months.speaker.lower()


def test_a_council_named_only_as_one_a_bill_pays_is_never_what_the_council_means():
    claims = tickets(
        "Council tax in Satterby District will rise by 4.99% from April.\n\n"
        "The increase adds £96 a year to a typical Band D bill, including charges for the county council, police "
        "and fire service.\n\n"
        "The council says its reserves are already committed to projects."
    )
    reserves = ticket(claims, "reserves")
    assert reserves.speaker != "the county council" and "county council" not in reserves.claim


def test_a_day_of_the_week_is_never_the_short_form_of_a_name_that_ends_in_it():
    claims = tickets(
        "Footfall on Black Friday, November 27, was 11% higher than on an ordinary Friday.\n\n"
        "The Christmas market opens on Friday and will run until December 23 with 40 stalls."
    )
    market = ticket(claims, "Christmas market")
    assert "Black Friday" not in market.claim


def test_a_document_a_body_owns_is_never_what_the_body_means():
    claims = tickets(
        "The council's shoreline management plan, updated on Wednesday, says the authority will not build sea "
        "defences at Barmby.\n\nResidents will be offered up to £15,000 towards moving, the council said."
    )
    moving = ticket(claims, "£15,000")
    assert "plan" not in (moving.speaker or "") and "plan" not in moving.claim


def test_a_cause_and_a_place_among_few_are_claims_told_plainly_but_not_hypotheticals():
    claims = tickets(
        "Marrowby Rail cancelled 96 trains in September. The rest of the delays were blamed on a shortage of "
        "drivers.\n\nWrens are one of the few British birds that nest in old swallows' nests."
    )
    assert ticket(claims, "blamed on a shortage").speaker is None
    assert ticket(claims, "one of the few").speaker is None
    assert checkworthy.plain_record("Most of the closures were caused by flooding.")
    assert not checkworthy.plain_record("The closures could have been caused by flooding.")
    assert not checkworthy.plain_record("She is one of the best players the club has had.")
    assert checkworthy.plain_record("Kelbury is one of dozens of councils to cut library hours this year.")


def test_what_a_studys_researchers_say_is_their_account_however_plainly_told():
    claims = tickets(
        "Scientists at Brackwater University tagged 60 hedgehogs in three towns. They found that hedgehogs in "
        "gardens travelled 1.4km a night.\n\nHedgehogs that cross roads often lose weight over the summer, when "
        "they need to fatten up for winter, the researchers said."
    )
    assert ticket(claims, "lose weight").speaker.lower().endswith("researchers")


def test_they_after_a_group_opened_the_sentence_before_is_that_group_over_an_earlier_body():
    claims = tickets(
        "Hedgehogs in towns roam further than those in the country, according to new research.\n\n"
        "Scientists at Brackwater University recorded the calls of 60 hedgehogs in three towns between May and "
        "July last year. They found that "
        "hedgehogs in gardens travelled 1.4km a night."
    )
    assert ticket(claims, "1.4km").speaker == "Scientists at Brackwater University"


def test_a_body_named_after_a_place_never_lengthens_the_places_name():
    claims = tickets(
        "The trawler sank off the island of Rusk on Friday.\n\n"
        "A wildlife charity, Friends of Rusk, said seals had been seen near the wreck. An environmental group, "
        "Clear Waters Rusk, warned that diesel could reach the beaches.\n\n"
        "It is the third sinking off Rusk since 2020."
    )
    assert ticket(claims, "third sinking").claim.startswith("It is the third sinking off Rusk since 2020")


def test_a_union_named_for_a_trade_is_never_the_company_the_story_means():
    claims = tickets(
        "Kelbrook Foods said 60 jobs would go at its brewery in Dunholm.\n\n"
        "Paul Ashe, of the National Brewery Workers' Union, said staff had been told on Monday.\n\n"
        "The company said production would move to its site in Leeds."
    )
    assert ticket(claims, "Leeds").speaker == "Kelbrook Foods"


def test_a_time_after_said_with_a_verb_after_it_is_the_subject_of_what_was_said():
    claims = tickets(
        "Brackwater Water cut pressure in 12 villages. The company said last year was the driest in its records. "
        "The mayor said on Monday that 40 standpipes would be installed."
    )
    assert "said that 2024 was the driest" in ticket(claims, "driest").claim
    assert "on Monday" in ticket(claims, "standpipes").claim


def test_a_long_source_between_commas_and_an_unnamed_observer_body_are_who_speaks():
    claims = tickets(
        "Lena Varro has won the run-off with 52.8% of the vote, according to preliminary results released by the "
        "election board on Monday, ending 12 years of rule by the Civic Front.\n\n"
        "An observer mission from a group of neighbouring states said voting had been largely orderly."
    )
    won = ticket(claims, "52.8%")
    assert won.reported_by == "preliminary results released by the election board on Monday"
    orderly = ticket(claims, "largely orderly")
    assert orderly.speaker == "an observer mission from a group of neighbouring states"
    assert orderly.claim.startswith("An observer mission")


def test_they_after_what_a_court_heard_is_never_the_court():
    claims = tickets(
        "The gang broke into 30 homes between March and June, Fenholt Crown Court heard. They used a stolen van "
        "with false number plates."
    )
    van = ticket(claims, "stolen van")
    assert "Court" not in van.claim


def test_what_police_believe_and_what_the_law_protects_are_claims_and_mixed_evidence_is_no_ticket():
    claims = tickets(
        "Only £40,000 of the stolen cash has been recovered. Police believe most of it was spent on gambling.\n\n"
        "Otters are protected by law, and disturbing them can lead to a fine.\n\n"
        "Researchers have found mixed evidence. A study of 900 pupils found no difference in grades."
    )
    assert ticket(claims, "spent on gambling").speaker == "police"
    assert ticket(claims, "protected by law").speaker is None
    assert not any("mixed evidence" in c.claim for c in claims)


def test_a_declaration_has_its_declarer_and_arguing_against_a_proposal_is_an_act():
    claims = tickets(
        "Sian Pellow, the MP for Harnby, declared that she received £2,000 a month from a bank.\n\n"
        "In May, Sian Pellow argued against a proposed cap on bank bonuses.\n\n"
        "Councillors are not allowed to vote on plans in which they have a financial interest."
    )
    assert ticket(claims, "£2,000 a month").speaker == "Sian Pellow"
    assert "argued against a proposed cap" in ticket(claims, "proposed cap").claim
    assert checkworthy.states_a_rule("Councillors are not allowed to vote on plans in which they have an interest.")


def test_a_pronoun_after_an_opening_time_is_the_person_it_means():
    claims = tickets(
        "Councillor Daniel Doyle has chaired the planning committee since 2021.\n\n"
        "In June, he voted against the Harnby bypass."
    )
    assert ticket(claims, "bypass").claim.startswith("In June, Daniel Doyle voted against")


def test_a_firm_called_in_is_never_the_company_and_a_founders_name_is_never_expanded_into_a_business():
    claims = tickets(
        "Marsh's, a family butcher chain with 31 shops, has gone into administration.\n\n"
        "Administrators from the firm Kell Rowan were appointed on Wednesday.\n\n"
        "The company, founded in 1922 by butcher Albert Marsh, had been hit by rising costs, the administrators "
        "said.\n\nMarsh's sold 2 million sausages a year, according to its accounts."
    )
    costs = ticket(claims, "rising costs")
    assert "Kell Rowan" not in costs.claim
    # The firm's people are who "They" means in the sentence after they were appointed.
    more = tickets(
        "Administrators from the firm Kell Rowan were appointed on Wednesday. They said all 31 shops would keep "
        "trading while a buyer was found."
    )
    assert ticket(more, "31 shops").speaker == "Administrators from the firm Kell Rowan"
    assert "Albert Marsh's" not in ticket(claims, "2 million sausages").claim


def test_a_joined_statement_keeps_its_day_once_and_what_a_body_has_done_is_its_fact():
    claims = tickets(
        "About 9,000 homes in Penwick have had no water since Monday after a main burst, and Tarn Water said on "
        "Tuesday that supplies would be back by Thursday.\n\n"
        "The company has set up three water stations and says it has handed out 400,000 litres."
    )
    back = ticket(claims, "supplies would be back")
    assert back.speaker == "Tarn Water" and back.claim.count(" that ") == 1
    assert ticket(claims, "400,000 litres").speaker == "Tarn Water"


def test_what_police_believe_at_the_end_and_a_subject_told_by_what_it_handles_are_who_speaks():
    claims = tickets(
        "The van had been stolen from a depot in Arnby earlier that night, police believe.\n\n"
        "The striker will leave in the summer, many fans believe.\n\n"
        "A Georgian windmill near Selby Marsh has been sold for £640,000, the agent handling the sale said."
    )
    assert ticket(claims, "stolen from a depot").speaker == "police"
    assert not any("many fans" in (c.speaker or "") for c in claims)
    assert ticket(claims, "£640,000").speaker == "the agent handling the sale"


def test_an_inverted_tag_with_who_after_the_name_or_a_role_before_it_is_the_speaker():
    claims = tickets(
        "More than 800 members raised £80,000 for the roof, said Gideon Orlend, who chairs the Ferncroft Chapel "
        "Trust.\n\nMost of the chicks hatched late in the summer, said its warden, Priya Scaife."
    )
    roof = ticket(claims, "£80,000")
    assert (roof.speaker, roof.claim) == (
        "Gideon Orlend",
        "Gideon Orlend said that more than 800 members raised £80,000 for the roof.",
    )
    assert ticket(claims, "hatched late").speaker == "Priya Scaife"


def test_a_person_named_who_said_something_is_its_speaker():
    claims = tickets(
        "The first bus left at 6am with about 40 people aboard. Among them was Ada Greel, a nurse, who said the trip "
        "used to take her an hour and two changes."
    )
    trip = ticket(claims, "an hour and two changes")
    assert (trip.speaker, trip.claim) == (
        "Ada Greel",
        "Ada Greel said that the trip used to take her an hour and two changes.",
    )


def test_a_body_that_says_something_after_but_speaks_for_that_part_alone():
    claims = tickets(
        "Harwick Foods said on Tuesday that it had sold its bakery arm.\n\n"
        "Sales rose 4% to £88m, helped by a hot summer, but the company said a cold December had cost it £2m."
    )
    rose = ticket(claims, "Sales rose 4%")
    assert rose.claim == "Sales rose 4% to £88m, helped by a hot summer." and rose.speaker is None
    assert ticket(claims, "cold December").speaker == "Harwick Foods"


def test_a_group_named_by_a_pastime_and_a_body_named_after_its_role_are_the_speakers():
    claims = tickets(
        "A motoring group said the new limit would add about two minutes to journeys and questioned the council's "
        "figures.\n\nAbout 900 people crossed the bridge on its first day, the bridge's owners, the Tarnby Bridge "
        "Trust, said."
    )
    assert ticket(claims, "two minutes").speaker == "a motoring group"
    assert ticket(claims, "About 900 people").speaker == "the Tarnby Bridge Trust"


def test_a_person_named_with_an_age_who_found_a_thing_did_not_say_it():
    claims = tickets(
        "Nora Pell, 61, found the brooch in a ploughed field in May and handed it to the coroner.\n\n"
        "Nora Pell, 61, found that the bill had doubled."
    )
    brooch = ticket(claims, "the brooch")
    assert brooch.speaker is None and brooch.claim.startswith("Nora Pell, 61, found the brooch")
    assert ticket(claims, "bill had doubled").speaker == "Nora Pell"


def test_people_named_by_what_they_are_doing_at_the_end_are_the_speakers():
    claims = tickets(
        "A seal pup tagged in Norfolk has been seen off the coast of Norway, researchers tracking the animal said on "
        "Thursday."
    )
    assert claims[0].speaker == "researchers tracking the animal"


def test_a_body_described_by_whose_it_is_is_what_its_pointer_means():
    claims = tickets(
        "Ambulances took 14 minutes on average to reach the most urgent calls last year, according to figures from "
        "the county's ambulance service.\n\nThe service said the delays were caused by queues outside hospitals.\n\n"
        "The council's planning committee voted on Monday to refuse the scheme.\n\nThe site floods every winter, the "
        "committee heard."
    )
    assert ticket(claims, "queues outside hospitals").speaker == "the county's ambulance service"
    assert ticket(claims, "floods every winter").speaker == "the council's planning committee"


def test_a_fact_checks_claim_line_names_its_speaker_after_a_dash():
    claims = tickets(
        'Claim: "Bus fares in Harnby have doubled since 2020." - Cllr Jude Ferrand, in a speech to the council.'
    )
    assert len(claims) == 1
    assert claims[0].speaker == "Cllr Jude Ferrand" and "doubled since 2020" in claims[0].claim


def test_a_count_of_reports_made_to_a_body_is_the_tallys_and_keeps_its_source():
    claims = tickets(
        "Drivers reported 1,240 broken street lights to the council in 2025, according to figures released under "
        "freedom of information law."
    )
    assert claims[0].speaker is None
    assert claims[0].claim.startswith("According to figures released under freedom of information law, drivers")


def test_a_hyphenated_common_word_opening_the_sentence_is_no_business():
    claims = tickets(
        "Harwell Stores said on Monday that it would close 12 branches.\n\n"
        "Click-and-collect will continue at the other 80 stores for now, the company said."
    )
    assert ticket(claims, "other 80 stores").speaker == "Harwell Stores"


def test_a_club_named_in_passing_is_what_the_club_means():
    claims = tickets(
        "Firefighters were called to Wexley Bowls Club at about 3am, the fire service said.\n\n"
        "The club, which has 140 members, said its matches would move to a nearby green."
    )
    assert ticket(claims, "nearby green").speaker == "Wexley Bowls Club"


def test_a_body_told_by_what_it_runs_is_the_speaker_and_a_word_joined_to_a_noun_names_no_body():
    claims = tickets(
        "Visitors rose to 41,000 last year, the wildlife trust that manages it said.\n\n"
        "Lunches are served in 14 schools by Ferrick Borough Council.\n\n"
        "The number of council-owned playgrounds has fallen since 2010.\n\n"
        "The playgrounds that remain will get new swings this summer, the council said."
    )
    assert ticket(claims, "41,000").speaker == "the wildlife trust that manages it"
    assert ticket(claims, "new swings").speaker == "Ferrick Borough Council"


def test_a_count_before_claims_makes_it_a_noun_and_the_figures_shown_are_the_source():
    claims = tickets(
        "Tenants made 420 claims for damp repairs against the housing association in 2025, figures published by "
        "the regulator show.\n\n"
        "Figures for 2024 show that 310 claims were made."
    )
    first = ticket(claims, "damp repairs")
    assert "figures published by the regulator" in (first.speaker, first.reported_by)
    assert "made 420 claims for damp repairs" in first.claim and "citing" not in first.claim
    assert ticket(claims, "310 claims").speaker == "Figures for 2024"


def test_an_admission_closing_the_statement_names_its_speaker():
    claims = tickets(
        "The ferry ran 40 minutes late on most crossings in May because of a broken ramp, Ardmore Ferries has admitted."
    )
    assert claims[0].speaker == "Ardmore Ferries" and claims[0].claim.startswith(
        "Ardmore Ferries admitted that the ferry"
    )


def test_a_person_named_as_the_agent_says_what_follows_who_said():
    claims = tickets(
        "The auction was run by the valuer Osric Pennant, who said the painting had been kept in a barn for 50 years."
    )
    assert ticket(claims, "kept in a barn").speaker == "the valuer Osric Pennant"


def test_a_she_inside_a_quotation_does_not_make_its_speaker_a_woman():
    claims = tickets(
        '"She was grazing within an hour of the birth," said head groom Tadhg Merrivale.\n\n'
        "He added that the foal weighed about 50kg."
    )
    assert ticket(claims, "50kg").speaker == "Tadhg Merrivale"


def test_a_team_opening_the_paragraph_before_is_who_they_are():
    claims = tickets(
        "The team collected water samples from 85 garden ponds in two cities.\n\n"
        "They found that ponds with fish held half as many frog tadpoles as ponds without."
    )
    assert ticket(claims, "tadpoles").speaker == "the team"


def test_a_brewer_named_for_its_ales_is_the_company_a_later_sentence_means():
    claims = tickets(
        "Corvell Ales said on Monday it would close its brewery in Lanmouth, with the loss of 60 jobs.\n\n"
        "The company, which was founded in 1902, said cask sales had fallen by a fifth since 2022."
    )
    assert ticket(claims, "cask sales").speaker == "Corvell Ales"


def test_a_professions_plural_closing_the_statement_is_its_speaker():
    claims = tickets("Dental surgeries in the county have stopped taking new adult patients this year, dentists say.")
    assert claims[0].speaker == "dentists"


def test_people_reporting_a_sighting_are_a_count_and_the_body_told_of_it_speaks_after_which_said():
    claims = tickets(
        "About 120 walkers reported seeing the lynx to the Fellside Wildlife Trust, a conservation charity, which "
        "said the animal had probably escaped from a private collection."
    )
    assert ticket(claims, "reported seeing").speaker is None
    assert ticket(claims, "private collection").speaker == "the Fellside Wildlife Trust"


def test_an_obituarys_subject_who_died_aged_is_a_person_a_later_she_means():
    claims = tickets(
        "Tegwen Carrow, who ran the village post office for 40 years, has died aged 95.\n\n"
        "She died in hospital on Monday, her family said."
    )
    assert "Tegwen Carrow died in hospital" in ticket(claims, "in hospital").claim


def test_a_body_named_between_commas_after_what_it_is_is_what_the_company_means_but_a_person_is_not():
    claims = tickets(
        "The £30,000 cost was met by the energy company, Brightmoor Power, and the parish council.\n\n"
        "Brightmoor Power said the panels would supply 40 homes.\n\n"
        "The panels will be cleaned twice a year, the company said.\n\n"
        "The leader of the council, Ruth Okonedo, said 12 more schemes were planned."
    )
    assert ticket(claims, "twice a year").speaker == "Brightmoor Power"
    assert ticket(claims, "12 more schemes").speaker == "Ruth Okonedo"
    assert described_bodies("The leader of the council, Ruth Okonedo, said so.") == []


def test_a_primary_school_named_beside_a_woman_is_not_who_she_may_mean():
    claims = tickets(
        "Tamsin Rowe, who has taught at Trevenna Primary for 30 years, said she had never seen classes so large."
    )
    assert claims[0].speaker == "Tamsin Rowe" and not claims[0].needs_human


def test_a_plural_opening_the_sentence_before_is_never_the_council_a_later_sentence_means():
    claims = tickets(
        "Motorists will pay to park on the seafront from 1 June, after the borough council approved the charge "
        "last week.\n\nThe council says the charge will raise £400,000 a year."
    )
    assert ticket(claims, "£400,000").speaker == "the borough council"


def test_a_cleric_whose_title_takes_an_article_is_a_person_a_later_she_means():
    claims = tickets(
        "The rector, the Rev Perpetua Hale, said repairs to the tower would cost £90,000.\n\n"
        "She said the parish had raised a third of it from a summer fair."
    )
    assert ticket(claims, "summer fair").speaker == "Perpetua Hale"


def test_a_plural_noun_before_show_is_part_of_the_source_not_its_verb():
    claims = tickets(
        "The trust's own safety reports show that 14 patients waited more than 12 hours in the emergency department."
    )
    assert claims[0].speaker == "the trust's own safety reports"


def test_people_named_by_what_they_run_closing_the_statement_are_its_speaker():
    claims = tickets(
        "The lifeboat was launched 61 times in 2025, a record for the station, volunteers who run it said."
    )
    assert claims[0].speaker == "volunteers"


def test_a_her_the_verb_takes_does_not_make_the_one_named_a_woman():
    claims = tickets(
        "Orla Venn, 44, admitted theft at Brackford Crown Court. She was sentenced on Friday.\n\n"
        'Judge Alaric Pomfrey told her she had "abused her position". He said the charity had lost £40,000.'
    )
    assert ticket(claims, "£40,000").speaker == "Alaric Pomfrey"


def test_it_after_a_sentence_opening_with_the_company_is_the_company_that_meant():
    claims = tickets(
        "Shares in carmaker Pellworth Motors fell 8% on Tuesday after it cut its forecast.\n\n"
        "The company now expects to sell 90,000 cars this year. It said orders in August were 12% lower."
    )
    assert ticket(claims, "orders in August").speaker == "Pellworth Motors"


def test_a_trust_whose_place_name_is_a_given_name_is_a_body_it_may_mean():
    claims = tickets(
        "The Beverley and Marsden Hospitals Trust said it had 14 vacant consultant posts. It said the ward would reopen "
        "in March."
    )
    assert ticket(claims, "reopen").speaker == "The Beverley and Marsden Hospitals Trust"


def test_told_magistrates_names_who_spoke():
    claims = tickets("Rufus Kell, 40, admitted the offence. Mr Kell told magistrates he had sold 300 fake tickets.")
    assert ticket(claims, "300 fake tickets").speaker == "Rufus Kell"


def test_a_pronoun_opening_the_sentence_before_is_never_the_council_a_later_sentence_means():
    claims = tickets(
        "Lanbridge Networks was paid £12m to lay fibre in the valley.\n\n"
        "It had connected 4,000 homes by June, according to figures published by the county council.\n\n"
        "The council said it had withheld £2m of payments."
    )
    assert ticket(claims, "withheld").speaker == "the county council"


def test_officers_closing_the_statement_are_its_speaker():
    claims = tickets("Chip pans left unattended cause a fifth of kitchen fires in the county, fire officers say.")
    assert claims[0].speaker == "fire officers"


def test_a_nephew_named_beside_his_aunts_surname_is_a_person_he_means():
    claims = tickets(
        "Morwen Treloy worked as a nurse in the town for 40 years. She died in 2019.\n\n"
        'Her nephew, Linus Treloy, unveiled the plaque. He said she had "never once taken a sick day".'
    )
    assert ticket(claims, "sick day").speaker == "Linus Treloy"
    assert ticket(claims, "died in 2019").claim.startswith("Morwen Treloy died")


def test_a_pronoun_that_names_no_one_keeps_its_words_before_a_partial_quotation():
    claims = tickets('The ferry was cancelled 40 times in May.\n\nHe said the operator had "simply given up".')
    flagged = ticket(claims, "given up")
    assert flagged.speaker is None and flagged.needs_human and flagged.claim.startswith("He said that the operator")


def test_a_picture_that_shows_something_says_nothing():
    claims = tickets(
        "The mural, on the wall of the Fenner Road bus shelter, showed the town's three mills and the names of 54 "
        "pupils who painted it in May."
    )
    assert claims[0].speaker is None and claims[0].claim.startswith("The mural, on the wall")


def test_a_quoted_question_is_no_ticket_and_leaves_no_bare_tag_behind():
    claims = tickets(
        'Lena Pask said the closure would cost her £40 a week. "We have no car and there is no bus. How am I meant '
        'to get to work?" she said. "Is it 400 jobs or 4,000?" asked Cllr Ben Dray.'
    )
    assert not [c.claim for c in claims if c.claim.endswith(" said.") and len(c.claim.split()) <= 4]
    assert "£40" in " ".join(c.claim for c in claims)
    assert not any("meant to get" in c.claim or "4,000" in c.claim for c in claims)


def test_a_dateline_does_not_hide_the_company_a_wire_story_opens_with():
    found = ticket(
        tickets(
            "HULL, Nov 25 (Coast Wire) - Ambry Marine Freight will cut 90 jobs and shut one of its three yards, "
            "the company said on Tuesday."
        ),
        "90 jobs",
    )
    assert found.speaker == "Ambry Marine Freight" and not found.needs_human


def test_the_study_described_between_commas_is_the_studys_account_and_what_was_said_after_a_hearing_is_whats_said():
    claims = tickets(
        "Pupils who ate breakfast scored 9% higher in tests, the study, published in the journal Early Learning, "
        "found.\n\nDetective Constable Ivo Strand said after the hearing that only £2,100 had been recovered."
    )
    assert ticket(claims, "9% higher").reported_by == "the study"
    recovered = ticket(claims, "£2,100")
    assert recovered.speaker == "Detective Constable Ivo Strand"
    assert "that after" not in recovered.claim and "said that only £2,100" in recovered.claim


def test_a_name_inside_a_whose_clause_is_not_who_spoke_nor_who_he_is():
    claims = tickets(
        "Osric Venn, whose sister, Maud, spent her last week at the hospice in May, said it had cared for 900 "
        'people last year.\n\n"The nurses there kept her free of pain for 12 days," he said.'
    )
    assert ticket(claims, "900 people").speaker == "Osric Venn"
    assert ticket(claims, "12 days").speaker == "Osric Venn"


def test_a_leads_unnamed_role_is_the_one_the_next_sentence_names():
    claims = tickets(
        "A hospice will close eight of its 20 beds in spring, its chief executive has said.\n\n"
        "Fernlea Hospice needs £5.2m a year to run, chief executive Hester Quayle said on Monday."
    )
    assert ticket(claims, "eight of its 20 beds").speaker == "Hester Quayle"


def test_the_team_after_researchers_cited_as_a_source_is_those_researchers():
    claims = tickets(
        "A cell made with sodium kept 88% of its charge after 4,000 cycles, according to researchers at the "
        "University of Brackwater.\n\nThe team said the cell would cost about a quarter less to make."
    )
    assert ticket(claims, "a quarter less").speaker == "researchers at the University of Brackwater"


def test_a_word_quoted_before_an_inverted_tag_leaves_the_tag_out_of_the_claim():
    found = ticket(tickets('The closure of 12 wards was "reckless", said Ivo Hale, a nurse.'), "12 wards")
    assert found.speaker == "Ivo Hale" and "said Ivo Hale" not in found.claim


def test_he_after_a_quotation_about_another_he_is_left_for_a_person():
    claims = tickets(
        "A climber was lifted off Scar Edge after 20 hours on a ledge.\n\n"
        '"He did everything right. He stayed put and he kept warm," said the team leader, Lyle Dane.\n\n'
        "He was flown to hospital in Carlisle and was released after two days."
    )
    flown = ticket(claims, "flown to hospital")
    assert "Lyle Dane was flown" not in flown.claim and flown.needs_human


def test_a_party_and_role_before_the_name_and_told_us_name_the_speaker():
    found = ticket(
        tickets(
            "The leaflet's author, Green Way candidate Colm Pryer, told us the figure was based on the number "
            "of burglaries, which rose from 140 to 301."
        ),
        "140 to 301",
    )
    assert found.speaker == "Colm Pryer"


def test_a_leaflet_delivered_by_a_party_is_that_partys_leaflet():
    found = ticket(
        tickets(
            "A leaflet delivered to homes in Ashby by the Green Way party ahead of the May election says the "
            "town has lost 400 jobs since 2022."
        ),
        "400 jobs",
    )
    assert (found.speaker or found.reported_by) == "a leaflet by the Green Way party"


def test_a_body_that_has_apologised_and_said_is_who_said_it():
    claims = tickets(
        "Marlow County Council wrongly sent 300 parking fines. The council has apologised and said it had "
        "since checked all 4,100 fines issued in May."
    )
    assert ticket(claims, "4,100 fines").speaker == "Marlow County Council"


def test_a_trade_of_four_words_before_the_name_in_an_inverted_tag_is_the_speakers():
    found = ticket(
        tickets(
            '"Most of us take less than £150 on a wet day," said fruit and veg trader Ada Crewe, who has had a '
            "stall for 31 years."
        ),
        "£150",
    )
    assert found.speaker and found.speaker.endswith("Ada Crewe")


def test_a_sentence_that_turns_to_the_operator_who_has_said_something_splits_there():
    claims = tickets(
        "The mast above the village stopped working on November 9, and the operator that owns it, Eastwave "
        "Mobile, has said it will not be repaired until December because a part has to be made.\n\n"
        "Eastwave said engineers had visited the mast three times."
    )
    assert ticket(claims, "not be repaired").speaker == "Eastwave Mobile"
    assert ticket(claims, "three times").speaker == "Eastwave"


def test_a_share_of_a_surveys_answers_in_words_or_figures_is_no_speaker():
    claims = tickets(
        "Pollwise asked 1,200 adults about their bills. Thirty-six per cent said they had cut back on food. "
        "22% said they had missed a payment."
    )
    assert ticket(claims, "cut back on food").speaker is None
    assert "missed a payment" in ticket(claims, "22%").claim and ticket(claims, "22%").speaker is None


def test_he_after_an_unnamed_driver_opening_a_sentence_is_never_the_dead_cyclist_named_before():
    claims = tickets(
        "Owen Pask, 47, died after his bike was hit by a van on Tuesday, police said.\n\n"
        "The driver of the van, a 52-year-old man, stopped at the scene. He has not been arrested, police said."
    )
    arrested = ticket(claims, "not been arrested")
    assert "Owen Pask" not in arrested.claim and arrested.needs_human


def test_a_street_in_an_address_is_not_a_person_a_later_he_may_mean():
    claims = tickets(
        "Colin Marwick, 58, of Beech Close, Harlby, admitted theft at Thornbury Crown Court in May. "
        "He was sentenced on Thursday."
    )
    sentenced = ticket(claims, "sentenced")
    assert sentenced.claim.startswith("Colin Marwick was sentenced") and not sentenced.needs_human


def test_a_pronoun_after_a_time_with_no_comma_is_resolved_or_flagged():
    claims = tickets(
        "Joan Petley runs the mill bakery in Harlby.\n\n"
        "In March she bought 3,000 tonnes of flour.\n\n"
        "Last year they sold 40,000 loaves, and since 2024 it has been an offence to sell bread unlabelled."
    )
    assert ticket(claims, "3,000 tonnes").claim.startswith("In March Joan Petley bought")
    loaves = ticket(claims, "40,000 loaves")
    assert loaves.needs_human and "“they”" in loaves.flag_reason
    assert not openings.TIMED_POINTER.match("Since 2024 it has been an offence to sell bread unlabelled.")


def test_a_belief_reported_on_a_day_keeps_the_day_with_the_report():
    article = "Detectives believe one man started all three fires in Harnley since September, the force said on Friday."
    claims = OfflineEngine().extract(ArticleInput(text=article, published=date(2026, 11, 28))).claims
    fires = ticket(claims, "three fires")
    assert fires.claim.startswith("The force said on Friday, November 27, 2026, citing detectives, that one man")


def test_witnesses_account_of_what_a_named_person_did_is_a_claim_of_theirs():
    claims = tickets(
        "A parish councillor has resigned.\n\n"
        "According to two people who were at the meeting, Cllr Tom Askew shouted at the officer and had to be asked to "
        "leave by the chair."
    )
    shouted = ticket(claims, "shouted at the officer")
    assert shouted.speaker is None and "two people who were at the meeting" in shouted.claim


def test_the_nth_time_something_has_happened_is_a_tally_and_its_it_is_the_event():
    claims = tickets(
        "The Harwell Belle ran aground near Tollbay on Saturday.\n\n"
        "It is the third time the Harwell Belle has run aground."
    )
    third = ticket(claims, "third time")
    assert not third.needs_human
    assert not checkworthy.ranks_in_a_tally("It was the first time I had seen him cry.")


def test_the_observatory_is_the_one_observatory_the_story_names():
    claims = tickets(
        "A fireball was seen over Harnley on Thursday.\n\n"
        "Dr Ines Vayle, of the Pendle Hill Observatory, said the object was small.\n\n"
        "Fireballs this bright are seen over Britain a few times a year, the observatory said.\n\n"
        "Any pieces that reached the ground would have fallen into the sea, she added."
    )
    yearly = ticket(claims, "a few times a year")
    assert yearly.speaker == "the Pendle Hill Observatory"
    assert yearly.claim.startswith("The Pendle Hill Observatory said that fireballs this bright")
    assert "added that any pieces" in ticket(claims, "Any pieces").claim


def test_a_nationality_points_back_to_the_person_just_named():
    claims = tickets(
        "Carys Pendine won the British indoor 200 metres title on Saturday in 22.91 seconds.\n\n"
        '"I ran 22.91 and I still think there is more to come," the Welshwoman said.'
    )
    assert ticket(claims, "22.91 and I").speaker == "Carys Pendine"


def test_a_conductors_it_is_not_the_conductor_and_is_flagged():
    claims = tickets(
        "The Harnley Male Voice Choir was founded in 1968.\n\n"
        "The choir's current conductor, Emrys Vaughan-Tudor, said it would sing at the memorial service in May."
    )
    sing = ticket(claims, "memorial service")
    assert sing.needs_human and "“It”" in sing.flag_reason


def test_a_judges_step_is_kept_when_the_advice_said_after_it_is_dropped():
    claims = tickets(
        "District Judge Rona Kells adjourned the case until March, and said both men should try mediation first."
    )
    assert [c.claim for c in claims] == ["District Judge Rona Kells adjourned the case until March."]


def test_police_recorded_crime_figures_are_a_record_not_police_recording():
    claims = tickets(
        "The MP spoke at a public meeting.\n\n"
        "According to police recorded crime figures, there were 4,120 recorded crimes in the Harnley area in 2015."
    )
    crimes = ticket(claims, "4,120")
    assert crimes.speaker is None and crimes.claim.startswith("According to police recorded crime figures, there")


def test_who_funded_a_study_is_a_claim_and_names_the_charity_said_next():
    claims = tickets(
        "Older drivers braked later than younger ones, a study has found.\n\n"
        "The study, which is published in the journal Road Minds, was funded by a charity, the Safer Lanes Trust.\n\n"
        "About one in five drivers over 80 has had a crash in the past year, the charity says."
    )
    assert ticket(claims, "was funded by").speaker is None
    assert ticket(claims, "one in five").speaker.endswith("Safer Lanes Trust")


def test_a_neighbouring_council_is_never_what_the_council_means():
    claims = tickets(
        "A post says the council will charge £60 to collect a sofa.\n\n"
        "The £60 figure appears to come from a neighbouring council, Harnley District Council, which charges £60.\n\n"
        "About 900 sofas a year are collected, according to the council."
    )
    sofas = ticket(claims, "900 sofas")
    assert "Harnley" not in sofas.claim and sofas.needs_human


def test_figures_obtained_under_freedom_of_information_are_the_source_that_shows():
    claims = tickets(
        "Harnley General Hospital cancelled 820 operations on the day last year, figures obtained by the Harnley "
        "Courier under the Freedom of Information Act show."
    )
    cancelled = ticket(claims, "820 operations")
    assert cancelled.speaker.startswith("figures obtained by the Harnley Courier")


def test_a_utility_is_a_body_so_its_it_is_its_own():
    claims = tickets(
        "Overflows run by Brookmere Utilities spilled sewage for 900 hours last year.\n\n"
        "Brookmere said the winter had been wet, and that it was spending £12m on storage tanks by 2028."
    )
    tanks = ticket(claims, "storage tanks")
    assert tanks.speaker == "Brookmere" and not tanks.needs_human


def test_a_paper_that_understands_something_reports_it_in_its_own_name():
    claims = tickets(
        "Trains were stopped for two hours.\n\n"
        "The Harnley Courier understands that a cable was cut by contractors on a nearby building site."
    )
    assert ticket(claims, "cable was cut").speaker == "The Harnley Courier"


def test_never_recorded_is_no_speaker_and_reporting_an_error_to_a_regulator_is_an_act():
    claims = tickets(
        "A moth never recorded in Britain before has been found in a garden near Harnley.\n\n"
        "Harnley Energy reported the error to the energy regulator in October."
    )
    assert ticket(claims, "A moth").speaker is None
    reported = ticket(claims, "reported the error")
    assert reported.speaker is None and reported.claim.startswith("Harnley Energy reported the error")


def test_a_listener_of_ten_words_still_leaves_the_speaker_named():
    claims = tickets(
        "Commissioner Ada Quill said the force faced a gap of £2m.\n\n"
        'She told a meeting of the police and crime panel on Monday that without the rise, "we would cut 30 '
        'officers".'
    )
    assert ticket(claims, "panel on Monday").speaker == "Ada Quill"


def test_the_service_is_the_countys_fire_and_rescue_service_described_before():
    claims = tickets(
        "The fire station in Harnley will lose its night crew under plans announced by the county's fire and rescue "
        "service.\n\nThe service said the engine was called out at night 11 times a month last year."
    )
    assert ticket(claims, "11 times a month").speaker == "the county's fire and rescue service"


def test_advice_given_after_an_event_keeps_the_event_as_a_claim():
    claims = tickets(
        "Parents at a nursery in Harnley have been told to watch for a rash after a child was diagnosed with "
        "scarlet fever."
    )
    assert ticket(claims, "scarlet fever").speaker is None


def test_the_one_charity_the_story_describes_is_the_charity_paragraphs_later():
    claims = tickets(
        "A seal was freed from a fishing net at Harnley on Sunday.\n\n"
        "Volunteers from the charity Seal Watch Harnley cut the net away, the charity said.\n\n"
        "The seal was about two years old.\n\n"
        "It swam away strongly.\n\n"
        "Seals caught in nets have become more common in recent years, the charity said."
    )
    assert ticket(claims, "more common").speaker == "Seal Watch Harnley"


def test_a_sides_escape_from_the_bottom_and_a_run_of_wins_are_tallies():
    assert checkworthy.ranks_in_a_tally("The win lifts Harnley off the bottom of the table.")
    assert checkworthy.ranks_in_a_tally("Dunmere had won their previous three games.")
    assert not checkworthy.ranks_in_a_tally("Dunmere had won the hearts of the crowd.")
    # A win's place in a run, and a plural side's possessive.
    assert checkworthy.ranks_in_a_tally("The victory was Harnley Rangers' sixth in eight league games this season.")
    assert not checkworthy.ranks_in_a_tally("The win was a relief for everyone at the club.")
    assert checkworthy.ranks_in_a_tally("United have won only one of their last nine league games.")


def test_said_afterwards_that_keeps_one_that():
    claims = tickets(
        'Fly-half Owain Pryce, who kicked 14 points, said afterwards that the squad had "stopped listening to the '
        'noise" since October.'
    )
    assert "said that afterwards" not in ticket(claims, "kicked 14").claim


def test_the_only_town_in_the_district_is_a_place_in_a_tally():
    assert checkworthy.ranks_in_a_tally("Harnley is the only town in the district where parking had been free.")
    assert not checkworthy.ranks_in_a_tally("It was the only time I cried.")


def test_a_charity_named_after_a_word_never_turns_that_word_into_its_name():
    claims = tickets(
        "A drug eased pain in a trial.\n\n"
        "Asthma affects about 5 million people in the UK, according to the charity Breathe Asthma."
    )
    affects = ticket(claims, "5 million")
    assert "Breathe Asthma affects" not in affects.claim and "Asthma affects" in affects.claim


def test_a_thing_found_somewhere_is_the_subject_of_the_sentence_not_a_speaker():
    claims = tickets("A violin found under a stage during a refit has sold for £9,000, three times its estimate.")
    assert ticket(claims, "£9,000").speaker is None


def test_figures_a_body_sent_to_its_regulator_are_the_source():
    claims = tickets(
        "Harnley Water supplies 400,000 homes. Leaks from its mains lose 90 million litres a day, figures it "
        "reported to the regulator show."
    )
    assert ticket(claims, "90 million").speaker == "figures it reported to the regulator"


def test_a_cut_to_the_head_is_an_injury_told_plainly():
    assert checkworthy.reports_casualty("One of the climbers had a cut to his head.")
    assert checkworthy.reports_casualty("The driver suffered a broken arm.")
    assert not checkworthy.reports_casualty("The school had a cut of £20,000 to its budget.")


def test_a_recall_notices_list_of_products_is_no_claim():
    claims = tickets(
        "A dairy is recalling yoghurts that may contain glass, Harnley Dairy said.\n\n"
        "Products affected: Strawberry yoghurt 150g, use by 14 December 2026. Plain yoghurt 500g, use by 16 "
        "December 2026."
    )
    assert not [c for c in claims if "use by" in c.claim]


def test_a_live_blogs_welcome_is_the_desks_voice():
    assert segment.is_furniture("We are bringing you updates after a fire at a warehouse in Harnley.")


def test_calling_a_theft_a_cruel_crime_is_a_condemnation_not_a_claim():
    claims = tickets(
        "A woman's purse was stolen in Harnley on Monday, police said.\n\n"
        'Det Sgt Omar Brightholme said: "This was a cruel crime against a woman who was doing her shopping. '
        'We believe the thief got away on a bicycle."'
    )
    assert not [c for c in claims if "cruel crime" in c.claim]


def test_a_chef_named_by_his_trade_is_the_he_who_told_the_critic_a_figure():
    claims = tickets(
        "Chef Tomas Brightholme cooked in Lyon for ten years. He told me 80% of his vegetables are grown within "
        "ten miles of the kitchen."
    )
    assert ticket(claims, "80%").speaker == "Tomas Brightholme"


def test_a_reviews_address_line_is_a_listing():
    assert segment.is_furniture("The Old Forge, 12 Harnley Market Street.")
    assert not segment.is_furniture("The fire started at 12 Harnley Market Street.")


def test_a_second_subject_with_its_own_figure_is_a_second_claim():
    claims = tickets("Harnley Foods sold 3,100 tonnes, down from 3,400, and the average price fell 4% to £2.10.")
    assert ticket(claims, "fell 4%").claim.startswith("The average price fell")


def test_fifty_years_ago_this_week_is_that_week_then_not_this_one():
    claims = tickets("Fifty years ago this week, the Harnley Brook flooded 90 homes in the town.")
    flood = ticket(claims, "90 homes")
    assert "this week" in flood.claim and "2025" not in flood.claim


def test_a_paper_that_understands_is_the_source_of_its_own_story():
    claims = tickets("Harnley Town are in talks to sign a striker for about £2 million, the Harnley Argus understands.")
    assert ticket(claims, "£2 million").speaker == "the Harnley Argus"


def test_a_races_results_line_is_a_listing():
    assert segment.is_furniture("Results: Women: 1 Ana Vale (Harnley AC) 34:10; 2 Jo Reed (unattached) 35:02.")
    assert segment.is_furniture("Men: 1 Sam Orme (Harnley AC) 29:40.")


def test_having_had_no_idea_is_not_knowing():
    claims = tickets(
        "Jan Ortolan, now 80, was a nurse at the time. She said she spent the night in the church hall.\n\n"
        '"We had no idea how bad it was until the morning," she said.'
    )
    assert not [c for c in claims if "no idea" in c.claim]


def test_a_pledge_beside_another_subjects_news_is_not_all_the_pledgers():
    claims = tickets("A Harnley bakery has pledged £5,000 and a quiz night on Friday is expected to raise £900.")
    assert ticket(claims, "£900").speaker is None


def test_she_never_means_a_man_named_by_his_first_name_alone():
    claims = tickets(
        "Ruth Penwithen runs the bakery.\n\n"
        "Her son, Callum, said he was the only one of 20 trainees still baking.\n\n"
        "She said the family had turned down three offers for the shop."
    )
    assert ticket(claims, "three offers").speaker != "Callum"


def test_warning_someone_about_something_is_an_act_and_the_hearing_its_source():
    claims = tickets(
        "Nurses at a hospital where two patients fell had warned managers about broken bed rails four times, a "
        "tribunal has heard."
    )
    rails = ticket(claims, "bed rails")
    assert "had warned managers about broken bed rails" in rails.claim
    assert rails.speaker != "Nurses at a hospital where two patients fell"


def test_a_letters_setting_never_swallows_the_name_after_it():
    claims = tickets(
        "In a letter sent home on Monday, Ruth Ellery, head of Harnley Primary School, said the school faced a "
        "deficit of £90,000."
    )
    deficit = ticket(claims, "£90,000")
    assert deficit.speaker == "Ruth Ellery" and deficit.claim.startswith("Ruth Ellery said")


def test_a_family_tribute_is_no_claim():
    claims = tickets(
        'A cyclist died on the A40 in May, the court heard.\n\nIn a statement, her husband said: "Jo was the kindest '
        'person I have ever known."'
    )
    assert not [c for c in claims if "kindest" in c.claim]


def test_polling_hours_are_a_listing():
    assert segment.is_furniture("Polling stations will be open from 7am to 10pm.")


def test_a_chain_that_told_its_84000_members_is_their_source():
    claims = tickets("The cinema chain ReelWorks has told 12,500 members that their card details may have been seen.")
    assert ticket(claims, "card details").speaker == "the cinema chain ReelWorks"


def test_a_brand_with_a_capital_inside_keeps_it_after_according_to():
    claims = tickets("ReelWorks runs cinemas. ReelWorks has 14 cinemas in the UK, according to its website.")
    assert "ReelWorks has 14 cinemas" in ticket(claims, "14 cinemas").claim


def test_a_match_previews_kick_off_and_tickets_are_listings():
    assert segment.is_furniture("Kick-off is at 3pm.")
    assert segment.is_furniture("Tickets are still available from the club shop.")


def test_a_listicles_numbered_headings_with_their_lengths_are_headings():
    claims = tickets(
        "Four walks near Harnley\n\n1. Ridge Edge (6 miles)\n\nThe car park at Ridge End costs £4 for the day.\n\n"
        "2. Mill Brook (3 miles)\n\nThe brook floods in most winters."
    )
    assert not [c for c in claims if "miles)" in c.claim]


def test_a_court_lists_standing_notice_is_page_furniture():
    assert segment.is_furniture("Court results are published as a public service.")
    assert segment.is_furniture("Anyone named has been convicted unless stated otherwise.")


def test_a_christmas_show_that_has_become_a_fixture_is_no_speaker():
    claims = tickets("Harnley Playhouse's Christmas show has become a fixture and sold 9,000 tickets in 2025.")
    assert ticket(claims, "9,000").speaker is None


def test_a_reviews_ticket_price_line_is_a_listing():
    assert segment.is_furniture("Tickets from £18.")


def test_she_after_a_birthplace_on_a_row_is_the_woman_not_the_street():
    claims = tickets(
        "Ada Pellingham was born at 9 Tannery Row, Harnley, in 1890.\n\n"
        "She went on to found an engineering firm that employed 200 people by 1940."
    )
    assert ticket(claims, "200 people").claim.startswith("Ada Pellingham went on")


def test_a_body_described_with_a_hyphened_ing_word_can_speak():
    claims = tickets("The sprinter tested positive for a banned drug in May, the national anti-doping agency said.")
    drug = ticket(claims, "banned drug")
    assert "the national anti-doping agency" in (drug.speaker, drug.reported_by)


def test_people_named_by_what_they_have_done_can_speak():
    claims = tickets(
        "Harnley Audio sold 9,000 headphones. Testers who have tried them said the battery lasted 30 hours."
    )
    assert ticket(claims, "30 hours").speaker == "Testers who have tried them"


def test_official_estimates_that_suggest_are_a_source():
    claims = tickets(
        "Harnley has 41,200 residents, official estimates published on Tuesday show.\n\n"
        "The rise was driven by people moving in, the estimates suggest, with 90 more deaths than births."
    )
    assert ticket(claims, "41,200").speaker == "official estimates published on Tuesday"
    assert ticket(claims, "moving in").speaker == "the estimates"


def test_the_club_is_the_one_football_club_the_story_named():
    claims = tickets(
        "Plans for a new stand for Harnley Athletic have been approved.\n\n"
        "The stand will hold 2,000 people and cost £3 million, the club said."
    )
    assert ticket(claims, "2,000").speaker == "Harnley Athletic"


def test_a_reference_mark_after_a_tag_leaves_the_tag_readable():
    claims = tickets(
        "Researchers at Harnley University measured 300 badger skulls.\n\n"
        "Town badgers had jaws about 5% shorter, the researchers reported in the journal Mammal Notes [2]."
    )
    jaws = ticket(claims, "5% shorter")
    assert jaws.speaker and jaws.claim.startswith("The researchers reported in the journal Mammal Notes that")


def test_a_statement_in_full_after_a_colon_is_the_issuers_paragraph_by_paragraph():
    claims = tickets(
        "Harnley Rovers have sacked their manager.\n\n"
        "The club issued the following statement on Friday:\n\n"
        "“Harnley Rovers can confirm that Dean Pallot has left the club.\n\n"
        "“Dean joined in 2023 and led the team to 61 points in his first season.\n\n"
        "“Coach Ian Trask will take charge for Saturday's match against Ashwold.”"
    )
    assert ticket(claims, "61 points").speaker == "Harnley Rovers"
    assert ticket(claims, "Ian Trask").speaker == "Harnley Rovers"
    assert not [c for c in claims if "following statement" in c.quote]


def test_a_bodys_accounts_are_a_record_cited_as_the_source():
    claims = tickets("The Harnley bus operator received a £2.1 million subsidy in 2024, council accounts show.")
    assert ticket(claims, "£2.1 million").speaker == "council accounts"


def test_a_linking_word_after_said_that_is_no_name_and_loses_its_capital():
    claims = tickets(
        "Prosecutor Jane Ollery said the firm had no licence.\n\n"
        "Instead it dumped the loads in a quarry on 12 occasions, Ms Ollery said."
    )
    dumped = ticket(claims, "12 occasions")
    assert "said that instead" in dumped.claim and "Instead" not in dumped.claim


def test_the_firm_written_as_a_name_ending_in_s_takes_no_second_s():
    claims = tickets(
        "The bakery chain Harnley's is to close four shops, the company said on Friday.\n\n"
        "The firm's central bakery and its other 12 shops are not affected."
    )
    bakery = ticket(claims, "12 shops")
    assert "'s's" not in bakery.claim and "’s’s" not in bakery.claim


def test_the_team_after_researchers_at_a_university_is_those_researchers():
    claims = tickets(
        "Researchers at Harnley University tested the eyesight of 900 pupils.\n\n"
        "They found that 11% needed glasses they did not have.\n\n"
        "The findings were published on Monday in the journal Eye Notes.\n\n"
        "Lead author Dr Ann Vessey said most of those pupils had not told anyone.\n\n"
        "“They just thought everyone saw like that,” she said.\n\n"
        "The team also found that one in three had not had an eye test in two years."
    )
    assert ticket(claims, "one in three").speaker == "Researchers at Harnley University"


def test_a_team_reporting_its_findings_in_a_journal_is_publishing_not_speaking():
    claims = tickets(
        "Researchers at Harnley University followed 4,000 cyclists for five years. Riders who wore helmets were "
        "half as likely to be admitted to hospital, they found.\n\n"
        "Among riders on electric bikes, the gap was wider.\n\n"
        "The team reported its findings in the journal Road Safety Notes on Tuesday."
    )
    published = ticket(claims, "Road Safety Notes")
    assert published.speaker is None and not published.needs_human


def test_a_player_who_added_a_goal_said_nothing():
    claims = tickets(
        "Harnley Rovers beat Ashwold 3-1 on Saturday. Substitute Ian Pellow added the third in stoppage time."
    )
    goal = ticket(claims, "stoppage time")
    assert goal.speaker is None and "added that" not in goal.claim


def test_the_club_in_a_report_naming_two_clubs_is_left_to_a_person():
    claims = tickets(
        "Harnley United beat Ashwold Town 2-0 at Brook Park on Saturday.\n\n"
        "Striker Dan Ash scored both goals, taking his total for the season to 11.\n\n"
        "The crowd of 2,950 was the biggest at Brook Park this season, the club said."
    )
    crowd = ticket(claims, "2,950")
    assert crowd.speaker is None and crowd.needs_human
    assert "Harnley United" in crowd.flag_reason and "Ashwold Town" in crowd.flag_reason


def test_whose_chairman_named_between_commas_is_who_spoke():
    claims = tickets(
        "The hearing also heard from the campaign group Save Harnley Meadows, whose chairman, Ian Pellow, said "
        "the meadows flooded most winters.\n\n"
        "He told the inspector he had photographs of the site under water in four of the last six years."
    )
    assert ticket(claims, "flooded most winters").speaker == "Ian Pellow"
    assert ticket(claims, "photographs").speaker == "Ian Pellow"


def test_residents_told_to_prepare_with_a_forecast_figure_is_a_claim():
    claims = tickets(
        "Residents along the River Harn have been told to prepare for flooding, with up to 70mm of rain forecast "
        "to fall by Tuesday."
    )
    assert ticket(claims, "70mm")


def test_a_quoted_instruction_after_if_you_is_no_claim():
    claims = tickets(
        "Flood warnings are in place for 300 homes in Harnley, the council said.\n\n"
        '"If you live near the river, move valuables upstairs and keep your phone charged," said the council\'s '
        "flood manager, Ann Vessey."
    )
    assert not [c for c in claims if "valuables" in c.quote]


def test_advice_told_as_done_stays_advice_when_its_figure_is_the_advice():
    claims = tickets(
        "Three pupils at Harnley Primary School have chickenpox, the school said.\n\n"
        "Parents have been asked to keep children at home for 48 hours after their last symptoms."
    )
    assert not [c for c in claims if "48 hours" in c.quote]


def test_an_amount_added_to_something_is_no_statement():
    claims = tickets(
        "Harnley Bridge has been closed since November 20 for repairs.\n\n"
        "The signed diversion adds about four miles to journeys."
    )
    diversion = ticket(claims, "four miles")
    assert diversion.speaker is None and "adds that" not in diversion.claim


def test_an_interview_answer_in_the_first_person_is_the_interviewees():
    claims = tickets(
        "Jo Pellow became head of Harnley Fire Service in May. She spoke to the Harnley Echo about fires, "
        "staffing and the new station.\n\n"
        "Q: Have house fires gone up?\n\n"
        "A: They have. We recorded 412 house fires in the year to October, up 9% on the year before."
    )
    assert ticket(claims, "412 house fires").speaker == "Jo Pellow"
    assert not [c for c in claims if "spoke to the Harnley Echo" in c.quote]


def test_radiocarbon_tests_that_have_shown_something_are_the_source():
    claims = tickets(
        "A wooden canoe found in a flooded gravel pit near Harnley is about 3,000 years old, radiocarbon tests have shown."
    )
    canoe = ticket(claims, "3,000 years")
    assert canoe.speaker == "radiocarbon tests" and canoe.claim.startswith("Radiocarbon tests have shown that")


def test_a_thing_found_somewhere_with_a_setting_after_found_is_no_speaker():
    claims = tickets("A canoe found in a quarry is about 3,000 years old, tests have shown.")
    assert ticket(claims, "3,000 years").speaker != "a canoe"


def test_a_transcripts_capital_labels_name_who_says_each_paragraph():
    claims = tickets(
        "Harnley councillors debated the future of the town's swimming pool on Tuesday night. This is an edited "
        "transcript of the main exchanges.\n\n"
        "CLLR ANN VESSEY (Labour, cabinet member for leisure): The pool lost £290,000 last year. Repairs to the "
        "roof would cost £1.2 million.\n\n"
        "CLLR IAN PELLOW (Conservative): That loss includes the months it was shut for the heating to be fixed.\n\n"
        "CLLR VESSEY: The plan is to keep the pool open three days a week from April."
    )
    loss = ticket(claims, "£290,000")
    assert loss.speaker == "Ann Vessey" and "CLLR" not in loss.claim
    assert ticket(claims, "£1.2 million").speaker == "Ann Vessey"
    assert ticket(claims, "heating").speaker == "Ian Pellow"
    assert ticket(claims, "three days a week").speaker == "Ann Vessey"
    assert not [c for c in claims if "edited transcript" in c.quote]


def test_single_word_capital_labels_name_no_speaker():
    found = segment.sentences(
        "UPDATE: The road reopened at 6pm after the lorry was recovered.\n\nLATEST: Two lanes are still closed."
    )
    assert voices.answers(found) == {}


def test_a_coroner_recording_a_conclusion_is_an_act_and_a_witness_told_the_inquest():
    claims = tickets(
        "An inquest has heard that a walker who died on Harnley Edge had slipped on ice.\n\n"
        "PC Ann Vessey told the inquest the path had not been gritted for three days.\n\n"
        "Area coroner Ian Pellow recorded a conclusion of accidental death."
    )
    assert ticket(claims, "gritted").speaker == "PC Ann Vessey"
    assert ticket(claims, "accidental death").speaker is None


def test_a_forecast_the_forecasters_gave_is_on_the_record():
    claims = tickets(
        "Flights were cancelled at Harnley Airport on Sunday because of fog.\n\n"
        "Fog is expected to return on Tuesday night, forecasters said."
    )
    assert ticket(claims, "return on Tuesday").speaker == "forecasters"


def test_a_kicker_who_added_the_conversions_said_nothing():
    claims = tickets(
        "Harnley beat Ashwold 24-10 on Saturday. Flanker Ian Pellow scored two tries and fly-half Dan Ash added the "
        "conversions and a late penalty."
    )
    kicks = ticket(claims, "conversions")
    assert kicks.speaker is None and "added that" not in kicks.claim


def test_someones_claim_that_is_a_noun_not_a_verb_of_saying():
    claims = tickets(
        'An MP\'s claim that burglary in her town has "halved" since 2019 is not supported by police figures.'
    )
    assert ticket(claims, "burglary").speaker != "an MP's"


def test_an_embedded_posts_sentences_are_its_signers():
    claims = tickets(
        "Harnley's library will open on Sundays from January, the council has said.\n\n"
        "Great news for families. Sunday opening starts on January 10.\n\n"
        "— Cllr Ann Vessey (@annvessey) December 1, 2026\n\n"
        "The library lends about 90,000 books a year, council figures show."
    )
    assert ticket(claims, "January 10").speaker == "Ann Vessey"


def test_a_firm_named_for_what_it_makes_is_the_company_and_a_feast_day_is_nobody():
    claims = tickets(
        "Harnley's Christmas market drew 30,000 visitors.\n\n"
        "Vantor Cells said on Monday it would build a battery factory in Harnley.\n\n"
        "The factory will employ 400 people, the company said.\n\n"
        "Extra buses will run on Saturdays until Christmas, the council said."
    )
    assert ticket(claims, "400 people").speaker == "Vantor Cells"
    assert "Harnley's Christmas" not in ticket(claims, "Extra buses").claim


def test_what_the_jury_heard_is_on_the_record_and_the_trial_continuing_is_no_claim():
    claims = tickets(
        "A bookkeeper stole £60,000 from a charity, a jury has heard.\n\n"
        "The jury heard that the thefts came to light when a trustee noticed gaps in the accounts.\n\n"
        "The trial, expected to last a week, continues."
    )
    assert ticket(claims, "came to light").speaker == "the jury"
    assert not [c for c in claims if "continues" in c.quote]


def test_a_body_that_has_decided_is_the_source_of_its_decision():
    claims = tickets(
        "A trial of hire bikes in Harnley will continue for another year, the borough council has decided."
    )
    assert ticket(claims, "hire bikes").speaker == "the borough council"


def test_a_bakery_named_for_its_founder_is_no_he():
    claims = tickets(
        "Alf Dunnery, who founded a bakery chain, has died aged 88.\n\n"
        "Mr Dunnery started Dunnery's Bakery in 1961 with one oven.\n\n"
        "He was appointed an MBE in 1999 for raising £200,000 for charity."
    )
    mbe = ticket(claims, "MBE")
    assert mbe.claim.startswith("Alf Dunnery was appointed") and not mbe.needs_human


def test_a_council_leader_named_after_her_council_is_a_person_not_the_council():
    claims = tickets(
        "Two people were hurt when a barrier fell, the town council said.\n\n"
        "Town council leader Joan Addy said the council accepted every recommendation.\n\n"
        "Tickets for the event will go on sale in October, the council said."
    )
    assert ticket(claims, "go on sale").speaker == "the town council"


def test_a_quoted_they_that_names_nothing_in_its_own_sentence_is_flagged():
    claims = tickets(
        'Councillor Ann Boyle said: "Fake goods are not harmless. They fund organised crime in the county."'
    )
    they = ticket(claims, "They fund")
    assert they.speaker == "Councillor Ann Boyle"
    assert they.needs_human and "“They”" in (they.flag_reason or "")


def test_the_practice_is_the_dental_practice_that_spoke_under_its_trading_name():
    claims = tickets(
        "Brookvale Dental Care told patients on Monday that it would stop NHS treatment.\n\n"
        "The practice said it had lost money on NHS work in each of the last three years."
    )
    assert ticket(claims, "lost money").speaker == "Brookvale Dental Care"


def test_a_renewables_developer_is_the_company_a_report_later_in_between_does_not_hide():
    claims = tickets(
        "Hollin Renewables said on Friday that it had withdrawn its plan for 12 turbines.\n\n"
        "The officers' report said the turbines would harm the landscape.\n\n"
        "The company said the turbines would have powered 30,000 homes."
    )
    assert ticket(claims, "30,000 homes").speaker == "Hollin Renewables"


def test_a_report_that_said_two_things_keeps_its_said_that_before_the_second():
    claims = tickets("The report, published on Thursday, said pupils' behaviour was good and that they felt safe.")
    assert ticket(claims, "behaviour").claim.startswith("The report said that pupils' behaviour was good and that")


def test_a_study_group_that_reported_fewer_falls_is_no_speaker_but_a_firm_reporting_its_sales_is():
    claims = tickets(
        "Daily dog walkers reported 31% fewer falls over the four years.\n\n"
        "Harlow Stores reported 12% higher sales in October."
    )
    falls = ticket(claims, "fewer falls")
    assert falls.speaker is None and falls.reported_by is None
    assert ticket(claims, "higher sales").speaker == "Harlow Stores"


def test_a_question_put_at_a_meeting_is_no_ticket_but_one_that_takes_a_fact_as_given_is():
    claims = tickets(
        "Councillor Jo Fox asked whether the council had assessed the effect on shops.\n\n"
        "Councillor Ian Rudd asked when the free parking would start.\n\n"
        "The committee's chair asked why the firm had gone ahead when its own staff had warned it was not ready."
    )
    said = " ".join(c.quote for c in claims)
    assert "asked whether" not in said and "asked when" not in said
    assert "staff had warned" in said


def test_rangers_who_have_said_it_are_its_source():
    claims = tickets(
        "A record 1,284 grey seal pups have been counted at Gullstone Point this winter, rangers have said."
    )
    assert ticket(claims, "seal pups").speaker == "rangers"


def test_a_speaker_named_after_the_verb_with_where_they_work_is_the_speaker():
    claims = tickets("Up to 120 meteors an hour will be visible, said Dr Neil Bleasdale of Fittock Observatory.")
    assert ticket(claims, "120 meteors").speaker == "Dr Neil Bleasdale"


def test_a_pub_chain_is_the_company_that_later_says_more():
    claims = tickets(
        "Harrow Inns said rising energy bills had made 12 of its pubs unprofitable.\n\n"
        "The company, which is based in Tolby, said staff would be offered jobs at its other pubs."
    )
    assert ticket(claims, "offered jobs").speaker == "Harrow Inns"


def test_a_body_the_story_names_only_by_what_it_is_is_the_one_the_pointer_means():
    claims = tickets(
        "The blood service has asked donors to book after stocks of O negative blood fell to 3.1 days of supply.\n\n"
        "O negative can be given to almost any patient, the service said.\n\n"
        "The last bank in the town closed in 2019, and the service said 40 branches had closed since."
    )
    assert ticket(claims, "almost any patient").speaker == "the blood service"


def test_a_team_that_cautioned_is_the_research_group_before_it():
    claims = tickets(
        "Scientists at Brantley University say they have found a molecule that kills drug-resistant bacteria.\n\n"
        "It has not yet been tested in animals or people, the team cautioned."
    )
    assert ticket(claims, "not yet been tested").speaker == "Scientists at Brantley University"


def test_it_after_a_record_that_spoke_is_that_record_doing_what_records_do_but_not_a_thing_it_found():
    claims = tickets(
        "The draft, dated October 14, says 1 in 12 bin collections were missed.\n\n"
        "It recommends spending £3.2 million on new lorries over three years.\n\n"
        "The report found the footbridge was unsafe.\n\n"
        "It was closed in May 2019 for 14 weeks."
    )
    lorries = ticket(claims, "new lorries")
    assert lorries.claim.startswith("The draft recommends") and lorries.reported_by == "the draft"
    assert not lorries.needs_human
    closed = ticket(claims, "14 weeks")
    assert closed.needs_human and closed.claim.startswith("It was closed")


def test_a_runners_watch_that_recorded_her_climb_is_no_speaker_but_a_weather_station_reading_stays_a_claim():
    claims = tickets(
        "Her GPS watch recorded 16,400 feet of climbing over the course.\n\n"
        "A gauge at Tolby recorded 41mm of rain, the Met Office said."
    )
    climb = ticket(claims, "16,400 feet")
    assert climb.speaker is None and climb.reported_by is None
    assert ticket(claims, "41mm").speaker == "the Met Office"


def test_it_is_the_second_fire_is_the_event_just_told_but_it_was_the_first_company_is_unclear():
    claims = tickets(
        "Fire crews were called to a recycling plant at 2.14am.\n\n"
        "It is the second fire at the plant this year.\n\n"
        "It was the first company in the county to pay the living wage, with 40 staff."
    )
    assert not ticket(claims, "second fire").needs_human
    assert ticket(claims, "first company").needs_human


def test_a_hospice_named_in_full_is_a_body_never_a_person_whose_surname_is_hospice():
    claims = tickets(
        "A sponsored swim on Sunday raised £9,000 for Kelder Bay Children's Hospice.\n\n"
        "Hospice nurse Ruth Amble said the money would pay for 200 hours of care at home."
    )
    care = ticket(claims, "200 hours of care")
    assert care.claim.startswith("Hospice nurse Ruth Amble said")
    assert care.speaker == "Hospice nurse Ruth Amble"


def test_mrs_or_mr_after_a_couple_named_with_one_surname_is_the_one_of_that_sex():
    claims = tickets(
        "A cat missing for a year came home on Friday to Joan and Martin Pellow, who had reported her lost in 2024.\n\n"
        '"We had given up," said Mr Pellow. "She walked in through the cat flap at 6am as if she had never left."\n\n'
        '"She is two kilos lighter than she was," said Mrs Pellow.'
    )
    assert ticket(claims, "cat flap at 6am").speaker == "Martin Pellow"
    assert ticket(claims, "two kilos lighter").speaker == "Joan Pellow"


def test_mr_after_a_father_and_son_whose_names_say_one_sex_only_for_one_of_them_is_left_as_written():
    claims = tickets(
        "Arjun Tallis, 11, won the county chess title on Sunday, his father, Vikram Tallis, said.\n\n"
        '"He has played every evening since he was five," Mr Tallis said.'
    )
    assert ticket(claims, "every evening since he was five").speaker == "Mr Tallis"


def test_a_he_after_a_relative_the_sentence_names_only_by_kinship_is_left_for_a_person():
    claims = tickets(
        "A bench was unveiled on the harbour wall by the coxswain, Neil Ambrose.\n\n"
        "Joan Treharne, whose grandfather built the first lifeboat house, said he had never been paid for it."
    )
    paid = ticket(claims, "never been paid")
    assert "Neil Ambrose" not in paid.claim
    assert paid.needs_human and "grandfather" in paid.flag_reason


def test_a_she_after_a_woman_whose_first_name_the_census_files_elsewhere_is_hers():
    claims = tickets(
        "A walker was missing overnight on Helm Crag.\n\n"
        "He was found at 7am, cold but unhurt, team leader Bryony Askew said.\n\n"
        '"He had walked 14 miles before he lost the path in fog," she said.'
    )
    assert ticket(claims, "walked 14 miles").speaker == "Bryony Askew"


def test_what_he_told_her_as_police_tell_it_keeps_his_telling_and_never_cites_a_bare_he():
    claims = tickets(
        "A woman was called on Thursday by a man who said he was a detective.\n\n"
        "He told her that her bank's staff were stealing from customers and persuaded her to withdraw £9,000, "
        "police said."
    )
    told = ticket(claims, "stealing from customers")
    assert told.claim.startswith("Police said that he told her that")
    assert "citing he" not in told.claim and told.needs_human


def test_a_lead_council_is_never_the_councillor_the_next_paragraph_names_with_her_role():
    claims = tickets(
        "Libraries to open on Sundays\n\n"
        "More than 40 people have signed up to volunteer, the council said.\n\n"
        "Council cabinet member Ruth Okonjo said the Sunday openings would cost about £30,000 a year."
    )
    volunteers = ticket(claims, "signed up to volunteer")
    assert "Okonjo" not in volunteers.claim and volunteers.speaker != "Council cabinet member Ruth Okonjo"


def test_a_she_opening_a_statement_tagged_by_another_woman_is_the_woman_before_not_the_teller():
    claims = tickets(
        "Edith Marler celebrated her 105th birthday on Saturday.\n\n"
        "She received a card from the King, care home manager Janice Pell said."
    )
    card = ticket(claims, "card from the King")
    assert card.claim == "Care home manager Janice Pell said that Edith Marler received a card from the King."


def test_the_company_is_never_the_fishing_association_that_spoke_just_before():
    claims = tickets(
        "Wind farm planned off coast\n\n"
        "Tidemark Renewables said the scheme would power about 400,000 homes.\n\n"
        "The Kelby Inshore Fishing Association said it feared for its crab grounds, which employ 60 people.\n\n"
        "The company said it would pay £800,000 a year into a community fund."
    )
    assert ticket(claims, "community fund").speaker == "Tidemark Renewables"


def test_the_court_heard_with_no_that_is_what_was_said_in_court_but_heard_evidence_is_an_act():
    claims = tickets(
        "Ryan Pask, 31, admitted misconduct in a public office at Ormley Crown Court.\n\n"
        "The court heard he was paid about £400 for each phone he smuggled in.\n\n"
        "The court heard evidence from two prison officers."
    )
    paid = ticket(claims, "£400 for each phone")
    assert paid.speaker == "Ormley Crown Court" and paid.claim.startswith("Ormley Crown Court heard that")
    assert not [c for c in claims if "heard evidence" in c.claim and c.speaker]
