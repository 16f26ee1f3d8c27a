"""A named person's quoted reaction is no ticket; a quoted statement of the same shape is one."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from factcheck.encoders import minilm
from factcheck.engines.base import ArticleInput
from factcheck.engines.offline import duplicates, reactions
from factcheck.engines.offline.engine import OfflineEngine

needs_encoder = pytest.mark.skipif(
    not minilm.available(), reason="the sentence encoder is not installed (scripts/install)"
)

FIRE = (
    "Kevin Harrow, who lives on the street, said the fire had started just after midnight. "
    "“Nobody stopped to take anything,” he said.\n\n"
    "“Staff were told about the closure by email,” said Joan Pelham, who worked at the depot."
)


def tickets(text: str):
    return OfflineEngine().extract(ArticleInput(text=text, published=date(2026, 3, 2))).claims


@needs_encoder
def test_a_quoted_reaction_is_no_ticket_and_a_quoted_statement_is_one():
    quoted = [c.claim for c in tickets(FIRE)]
    assert not any("Nobody stopped" in claim for claim in quoted)
    assert "Joan Pelham said: “Staff were told about the closure by email”" in quoted
    assert any(claim.startswith("Kevin Harrow said that the fire had started") for claim in quoted)


@needs_encoder
def test_a_figure_keeps_a_quotation_whatever_the_model_reads():
    claims = tickets("“Nobody stopped to take anything, and 14 families lost everything,” said Kevin Harrow.")
    assert any("14 families" in c.claim for c in claims)


def test_without_the_encoder_the_model_reads_nothing_and_the_reaction_stays(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    assert any("Nobody stopped" in c.claim for c in tickets(FIRE))


def test_the_shipped_model_has_a_weight_for_every_dimension_and_feature_and_a_threshold():
    model = json.loads(reactions.MODEL.read_text(encoding="utf-8"))
    assert model["dimensions"] == minilm.DIMENSIONS
    assert model["features"] == list(reactions.FEATURES)
    assert len(model["weights"]) == model["dimensions"] + len(reactions.FEATURES)
    assert 0.0 < model["threshold"] < 1.0


def test_an_article_of_hundreds_of_quotations_costs_the_encoder_a_bounded_batch(monkeypatch):
    read: list[int] = []

    class Counting:
        def encode(self, texts):
            read.append(len(texts))
            return np.zeros((len(texts), minilm.DIMENSIONS), dtype=np.float32)

    monkeypatch.setattr(duplicates, "encoder", lambda: Counting())
    tickets(" ".join(f"“Nobody on street {chr(65 + i % 26)} slept at all,” said Kevin Harrow." for i in range(300)))
    assert read and max(read) <= reactions.MAX_READ  # one batch for the reaction model, bounded


def test_a_platitude_of_priorities_or_seriousness_is_no_ticket_with_or_without_the_encoder(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "“The safety of our passengers and crew is always our first priority,” a Brightway spokesperson said. "
        "“We are treating this with the utmost seriousness,” said Claire Pascoe. "
        "“No university wants to do this,” Alan Feltham wrote."
    )
    assert claims == []


def test_a_warning_that_a_body_would_not_hesitate_to_act_is_no_ticket():
    claims = tickets("The council said it would not hesitate to prosecute landlords who put tenants at risk.")
    assert claims == []


@needs_encoder
def test_a_reaction_introduced_by_its_tag_and_a_colon_is_read_as_one_too():
    said = [c.claim for c in tickets("Kevin Harrow lives on the street. He said: “Nobody stopped to take anything.”")]
    assert not any("Nobody stopped" in claim for claim in said)


def test_a_quotation_after_its_tag_is_whole_and_a_phrase_quoted_in_a_statement_is_not():
    from factcheck.engines.offline.attribution import attribute
    from factcheck.engines.offline.moods import whole_quotation

    assert whole_quotation(attribute("Kevin Harrow said: “Nobody stopped to take anything.”"))
    assert whole_quotation(attribute("“Nobody stopped to take anything,” he said."))
    assert not whole_quotation(attribute("Mrs Lowe said arrears remained “very low” across the estate."))


def test_a_promise_that_those_responsible_will_be_held_to_account_is_no_ticket(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Transport Minister Elena Marisca said the government would review the licences of all passenger ferries. "
        '"Those responsible will be held to account," she said.'
    )
    assert not any("held to account" in c.claim for c in claims)


def test_being_pleased_to_have_found_something_is_a_feeling_but_pleased_to_confirm_a_fact_is_not():
    from factcheck.engines.offline.moods import feeling

    assert feeling("it was “pleased to have found a buyer committed to Bexbury”.")
    assert not feeling("it was pleased to confirm that the factory will reopen.")


def test_having_been_shocked_is_a_feeling_as_being_shocked_is():
    from factcheck.engines.offline.moods import feeling

    assert feeling("she had been “shocked” by how fast it spread.")
    assert feeling("they have been “overwhelmed” by the response.")
    assert not feeling("she had been told by the council that the school would close.")


def test_an_encouragement_and_a_verdict_on_what_made_the_difference_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Dr Anya Kesteven said uptake of the booster among over-75s in Kettlebury was 64%. "
        '"It is never too late to come forward," she said. '
        'Rescuer Owen Brack said the climber had stayed with his rope. "That almost certainly made all the difference," he said.'
    )
    said = " ".join(c.claim for c in claims)
    assert "64%" in said
    assert "never too late" not in said and "the difference" not in said


def test_a_verdict_quoted_as_the_whole_predicate_and_full_cooperation_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "The county's director of transport, Mina Olsztyn, said shutting the viaduct was “the only responsible "
        "choice”. She said the repairs would cost about £6m. Haulier Brookway said it was “co-operating fully” "
        "with the inquiry, and that it had suspended the driver."
    )
    said = " ".join(c.claim for c in claims)
    assert "£6m" in said and "suspended the driver" in said
    assert "responsible choice" not in said and "co-operating" not in said


def test_a_quoted_predicate_with_a_figure_or_more_after_it_is_still_a_claim():
    from factcheck.engines.offline.moods import feeling

    assert feeling("closing the bridge was “the only safe option”.")
    assert feeling("the figures were “deeply worrying”.")
    assert feeling("the conditions were “utterly unacceptable”.")
    assert feeling("she was “a force of nature” who had “done more for this town than any of us”.")
    assert not feeling("the shortfall was “about £40m”.")
    assert not feeling("the bridge was “unsafe” after cracks were found in six beams.")
    # An inspection's word for what it found is its finding.
    found = "The report found that teaching had improved, and that the sixth form was “a strength of the school”."
    assert not feeling("the sixth form was “a strength of the school”.", found)


def test_relief_that_it_is_over_and_a_decision_not_taken_lightly_are_no_tickets(monkeypatch):
    from factcheck.engines.offline.moods import feeling

    assert feeling("members were “relieved it is over”.")
    assert feeling("the family was relieved that the trial was over.")
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Dr Cal Merriman, the branch president, said staff “did not take this decision lightly”. He said 140 "
        "posts would go."
    )
    said = " ".join(c.claim for c in claims)
    assert "140" in said and "lightly" not in said


def test_a_sentence_that_only_calls_something_a_quoted_name_is_no_ticket(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Ferrox raised £18m to build a plant in Coldmere. The council leader, Amrit Sandhu, called the investment "
        "“a vote of confidence in Coldmere”."
    )
    assert [c.quote for c in claims] == ["Ferrox raised £18m to build a plant in Coldmere."]


def test_what_the_figures_showed_in_a_quoted_phrase_and_a_quoted_appeal_are_no_tickets(monkeypatch):
    from factcheck.engines.offline.moods import feeling

    assert feeling("the poll showed “everything to play for”.")
    assert feeling("the figures showed that business taxes were “killing jobs”.")
    assert not feeling("the figures showed that 1,200 jobs had gone since “the crisis began”.")
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Sgt Rhian Carrow said officers were trying to establish what caused the crash on the A49. "
        '"We\'d like to hear from anyone with dashcam footage of the road before 6am," she said.'
    )
    assert not any("dashcam" in c.claim for c in claims)
    # Said by a named candidate, with nothing else in it, it is still no ticket.
    said = tickets('Turnout was 29%. Ms Rosa Penhallow said the poll showed "everything to play for".')
    assert [c.quote for c in said] == ["Turnout was 29%."]


def test_what_a_body_called_its_trouble_leaves_the_sentence_a_claim():
    claims = tickets(
        "Harwell District Council's website and phone lines have been down since Friday after what it called a "
        '"serious cyber incident".'
    )
    assert len(claims) == 1 and "down since Friday" in claims[0].claim


def test_a_refusal_to_say_split_from_a_statement_is_no_ticket_of_its_own(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Council chief executive Ann Brockley said it had cost £40,000 to restore the systems, and would not "
        "say whether the council had received a ransom demand."
    )
    assert [c.claim for c in claims] == [
        "Council chief executive Ann Brockley said that it had cost £40,000 to restore the systems."
    ]


def test_advice_to_owners_a_welcome_with_a_lament_and_a_quoted_condemnation_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "The team said it was called to 14 incidents involving dogs on cliffs last year. It urged owners to keep "
        "dogs on leads near cliff edges.\n\n"
        'Patient group Fellside Voices said the fall was welcome but that "a year is still a long time to live in '
        'pain".\n\n'
        'Group manager Ian Brathay said: "Throwing fireworks at people who are trying to keep the community safe is '
        'dangerous and completely unacceptable."'
    )
    said = " ".join(c.claim for c in claims)
    assert "14 incidents" in said
    assert "leads" not in said and "welcome" not in said and "unacceptable" not in said


def test_understanding_a_frustration_and_a_grief_for_ever_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Dunmarsh Buses cancelled 84 journeys in October, the company said. Its operations director, Fiona Kell, "
        "said the company understood passengers' frustration. She said two new drivers would start in January.\n\n"
        "In a statement, the victim's brother, Sean, said the family would never get over their loss. His mother "
        "said the sentence would not bring her son back."
    )
    said = " ".join(c.claim for c in claims)
    assert "84 journeys" in said and "two new drivers" in said
    assert "frustration" not in said and "get over" not in said and "bring her son back" not in said


def test_a_refusal_to_say_told_alone_is_no_ticket(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Kelby Freight said 12 lorries had been stolen from its depot in Wessington since June. It did not say "
        "how much the lorries were worth. The company declined to say whether staff had been questioned."
    )
    said = " ".join(c.claim for c in claims)
    assert "12 lorries" in said
    assert "worth" not in said and "questioned" not in said


def test_where_to_report_something_is_advice_not_a_claim(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Kelbury Council fixed 9,300 potholes last year. The council says anyone who sees a pothole can report it "
        "online.\n\nTenants who find damp in their homes can report it to the council's housing team, it said."
    )
    said = " ".join(c.claim for c in claims)
    assert "9,300 potholes" in said
    assert "report it" not in said


def test_a_quoted_verdict_for_a_town_is_still_only_a_verdict(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Kelby Foods will close its Ashwick bakery in March with the loss of 120 jobs.\n\n"
        "Ashwick's MP said the closure was “a devastating blow” for the town."
    )
    said = " ".join(c.claim for c in claims)
    assert "120 jobs" in said and "blow" not in said


def test_a_warning_to_people_not_to_approach_and_where_to_leave_donations_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Dean Marlow, 41, walked out of Fenholt open prison on Monday. Officers had warned people not to approach "
        "him.\n\nThe charity handed out 820 parcels in October. Donations can be dropped off at its shop on Mill "
        "Street between 9am and 1pm."
    )
    said = " ".join(c.claim for c in claims)
    assert "820 parcels" in said and "walked out" in said
    assert "approach" not in said and "dropped off" not in said


def test_advice_told_as_done_is_no_ticket_and_a_promise_beside_advice_keeps_its_ticket(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Brackwater Bank's app failed for six hours on Friday. The bank said customers who had been charged fees "
        "would be refunded, and that they should contact it through its website.\n\n"
        "Swimmers have been told to avoid the lake after heavy rain."
    )
    said = " ".join(c.claim for c in claims)
    assert "refunded" in said and "six hours" in said
    assert "through its website" not in said and "avoid the lake" not in said


def test_directions_to_the_reader_are_no_ticket_whatever_their_minutes(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "The comet will be brightest on Saturday, astronomers said. "
        '"Look east about 40 minutes before dawn, just above the horizon," said Dr Ian Crake, of the Fellside '
        "Observatory. He said the comet was about 3 kilometres across."
    )
    said = " ".join(c.claim for c in claims)
    assert "3 kilometres" in said and "Look east" not in said


def test_what_someone_deserves_is_a_demand_not_a_claim(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Cllr Ed Marsh claimed £6,100 in mileage for trips he did not make, an audit found. Opposition leader "
        'Cllr Jo Tarn said taxpayers deserved "answers and an apology". She said her group would table a motion.'
    )
    said = " ".join(c.claim for c in claims)
    assert "£6,100" in said and "table a motion" in said
    assert "deserved" not in said


def test_a_side_taken_and_relief_that_common_sense_prevailed_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'The committee approved 1,200 homes on Thursday. "We are not against new homes. We are against this '
        'many with no new school," said residents\' chair Ann Tey. Developer Hale Homes said it was "pleased that '
        'common sense has prevailed". It said the first homes would be finished in 2029.'
    )
    said = " ".join(c.claim for c in claims)
    assert "1,200 homes" in said and "2029" in said
    assert "not against" not in said and "common sense" not in said


def test_a_verdict_on_figures_is_no_ticket_and_what_a_project_did_stays_with_it(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Police arrested 640 drivers for drug-driving in 2025. The charity Safe Roads said the figures were "
        "alarming.\n\nThe bypass cost £31m, about £6m more than planned, and opened a year late, according to the "
        "council."
    )
    said = " ".join(c.claim for c in claims)
    assert "640 drivers" in said and "alarming" not in said
    bypass = [c for c in claims if "£31m" in c.claim]
    assert len(bypass) == 1 and "opened a year late" in bypass[0].claim


def test_no_choice_real_progress_and_falling_in_love_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'The council cut gritting on 400 miles of road. Cllr Ann Rook said the council had "no choice". The '
        'industry body said firms had "made real progress". The buyers said they had fallen in love with the house.'
    )
    said = " ".join(c.claim for c in claims)
    assert "400 miles" in said
    assert "no choice" not in said and "progress" not in said and "in love" not in said


def test_a_verdict_hedged_as_little_short_of_a_miracle_is_no_ticket_and_the_count_beside_it_is(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'Historian Dr Ivo Pask said the mill\'s survival was "little short of a miracle" and that fewer than 30 '
        "working watermills were left in Wales."
    )
    said = " ".join(c.claim for c in claims)
    assert "fewer than 30" in said and "miracle" not in said


def test_a_rebuttal_pointing_at_evidence_and_advice_after_a_condition_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'Staff sickness fell by 18% during the trial. Cllr Joan Aske said: "We were warned it would fail. The '
        'evidence says otherwise."\n\nPC Lena Voss said: "Stolen bikes are being sold on quickly online. If you are '
        'offered a cheap bike, ask where it came from."'
    )
    said = " ".join(c.claim for c in claims)
    assert "18%" in said and "sold on quickly online" in said
    assert "otherwise" not in said and "ask where" not in said


def test_field_scientists_at_the_end_of_a_statement_are_its_speaker():
    claims = tickets("A rare moth has been found in a churchyard for the first time since 1950, naturalists have said.")
    assert claims[0].speaker == "naturalists"


def test_what_would_happen_without_us_is_no_ticket(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'Market traders pay £40 a day for a pitch. Ida Brenn, who runs a cheese stall, said: "We bring shoppers '
        'into the town centre. Without us, half the cafes would close."'
    )
    said = " ".join(c.claim for c in claims)
    assert "£40 a day" in said and "Without us" not in said


def test_a_wish_with_a_measure_is_no_ticket(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'More than 300 residents objected to the wind turbine. Parent Ada Quill said: "We just want it moved half '
        'a mile from the school."'
    )
    said = " ".join(c.claim for c in claims)
    assert "300 residents" in said and "half a mile" not in said


def test_a_tributes_guess_at_what_the_dead_would_feel_is_no_ticket(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "The library was named after Ruth Okoro, who ran it for 31 years. Her son, Olusola, said she would have been "
        "embarrassed by the fuss."
    )
    said = " ".join(c.claim for c in claims)
    assert "31 years" in said and "embarrassed" not in said


def test_praise_hedged_by_the_weather_and_a_near_miss_told_as_a_story_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'The meteor shower peaks on Tuesday night. Astronomer Dr Ravi Sethna said the display would be "stunning" '
        "if skies were clear.\n\nThe dog was pulled from the river after 40 minutes. Crew manager Jo Pike said: "
        '"Another ten minutes and it would have been a very different story."'
    )
    said = " ".join(c.claim for c in claims)
    assert "40 minutes" in said and "stunning" not in said and "Another ten minutes" not in said


def test_a_welcome_told_by_the_reporter_is_no_ticket(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets("The chain will hire 300 checkout staff. Shop workers' union leaders welcomed the move.")
    said = " ".join(c.claim for c in claims)
    assert "300 checkout staff" in said and "welcomed" not in said


def test_an_apology_that_it_should_not_have_happened_is_no_ticket(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'About 9,000 households were sent the wrong bills. Cllr Ines Darrow said: "This should never have happened, '
        'and I apologise to everyone affected."'
    )
    said = " ".join(c.claim for c in claims)
    assert "9,000 households" in said and "should never have happened" not in said


def test_a_feeling_shrugged_off_and_love_at_first_sight_are_no_tickets_but_a_price_paid_is(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'The relay team finished first in 41.2 seconds but was disqualified. "I was gutted, but these things happen," said '
        'Elowen Prisk, its captain.\n\nThe mill was bought by Tamsyn and Jago Venning. "We fell in love with it the '
        'moment we saw the wheel turning," Mrs Venning said. "We fell in love with the mill in 2019 and paid '
        '£600,000 for it," Mr Venning said.'
    )
    said = " ".join(c.claim for c in claims)
    assert "disqualified" in said and "gutted" not in said
    assert "wheel turning" not in said and "£600,000" in said


def test_an_apology_with_what_the_speaker_did_not_know_is_no_ticket_but_a_figure_beside_sorry_is(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Corin Ashby, 51, admitted selling fireworks without a licence. He told the court: \"I didn't realise I "
        'needed one and I am sorry." His sister, Wren Ashby, said: "We sold 300 boxes last year and we\'re sorry."'
    )
    said = " ".join(c.claim for c in claims)
    assert "without a licence" in said and "didn't realise" not in said and "300 boxes" in said


def test_regret_at_a_painful_decision_and_a_memorys_superlative_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'Marlow Bakeries will close its Eastgate plant, with 85 jobs lost. "This is a painful decision for a '
        'family firm," managing director Isolde Fane said.\n\nQueues at the food bank reached 200 on Friday. '
        "\"It's the worst I've seen in 30 years,\" said its manager, Cuthbert Ayres."
    )
    said = " ".join(c.claim for c in claims)
    assert "85 jobs" in said and "painful" not in said and "worst" not in said


def test_an_apology_to_everyone_caught_up_is_no_ticket_but_an_apology_with_a_figure_is(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'The lido closed after a pump failed. "We are very sorry to everyone who was caught up in this," said '
        'Hesper Vane, its manager. "We are sorry that 40 swimmers were turned away," she added.'
    )
    said = " ".join(c.claim for c in claims)
    assert "caught up" not in said and "40 swimmers" in said


def test_a_quoted_superlative_over_a_decade_is_a_record_to_check_but_a_quoted_verdict_is_not(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'The chief executive, Aldo Renn, told staff on Monday that sales were "the highest they have been for a '
        'decade". The finance director, Kit Asher, said the new system was "a real step forward".'
    )
    said = " ".join(c.claim for c in claims)
    assert "for a decade" in said and "step forward" not in said


def test_sympathy_with_a_but_a_memory_in_ellipses_a_retort_and_a_look_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'The council will close Marlow lido next year, saving £200,000 a year. "We understand how much the lido means to families, but we '
        'cannot ask taxpayers to keep pouring money into a pool that is failing," a spokesman said.\n\nDora Pell, 70, swam there as a '
        'girl. "We all swam here. I did, my sons did, my granddaughter swims here now," she said. "A new pool that '
        'nobody has paid for is no use to a child who needs lessons now," she added.\n\nThe tearoom reopened on '
        'Sunday after a £40,000 refit. "It looks better than it did when my mother ran it," said its owner, Ned Pell. '
        '"It looks better than it did in 1990, when we had 12 tables," he said.'
    )
    said = " ".join(c.claim for c in claims)
    assert "Marlow lido" in said and "£40,000" in said and "12 tables" in said
    assert "understand how much" not in said and "sons did" not in said and "no use" not in said
    assert "my mother ran" not in said


def test_shame_surprise_at_how_much_and_no_choice_but_to_shrink_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'Col Brant admitted stealing £8,000 from the club. "He is deeply ashamed," his barrister said.\n\n'
        'Pupils who walk slept 20 minutes longer, the study found. "We were surprised how big the difference was," '
        "said its author, Dr Ines Lowe.\n\nThe chief executive, Ada Munt, told Coast Wire that the firm had "
        '"no choice" but to shrink.\n\nIvo Hale, who owns Dray Shoes, said his firm had "no choice" but to close 12 of '
        "its 40 shops."
    )
    said = " ".join(c.claim for c in claims)
    assert "£8,000" in said and "20 minutes" in said and "12 of its 40 shops" in said
    assert "ashamed" not in said and "surprised" not in said and "shrink" not in said


def test_a_one_word_verdict_and_a_guess_at_a_culprit_are_no_tickets(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Thieves took 30 orchids from the reserve in June. Its warden, Ada Roe, whose mother, Iris, founded it "
        'in 1971, said the loss was "heartbreaking". "Whoever did this knew exactly where to dig," she said.'
    )
    said = " ".join(c.claim for c in claims)
    assert "30 orchids" in said and "heartbreaking" not in said and "Whoever" not in said


def test_no_receipt_needed_is_no_ticket_but_what_the_refund_covers_is(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Shopwell is recalling 9,000 kettles after 12 caught fire. Customers can return them for a refund, the "
        "company said. No receipt is needed. Refunds will cover the £24 price and postage."
    )
    said = " ".join(c.claim for c in claims)
    assert "9,000 kettles" in said and "£24" in said and "receipt" not in said


def test_he_did_everything_right_is_praise_and_no_ticket(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'A walker was found after 20 hours on the moor. "He did everything right," said Orla Dane, who led the '
        'search. "He had a whistle and a foil blanket and he stayed put for 20 hours," she said.'
    )
    said = " ".join(c.claim for c in claims)
    assert "20 hours" in said and "everything right" not in said


def test_what_another_sum_would_have_done_is_no_ticket_but_the_sum_taken_is(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'Stall rents will rise 8% to £27. "We take less than £150 on a wet day," said fish seller Ada Crewe. '
        '"Another £10 a day would have finished us," she said.'
    )
    said = " ".join(c.claim for c in claims)
    assert "£150" in said and "finished us" not in said


def test_a_dream_a_dedication_and_a_disappointment_are_no_tickets_but_a_figure_beside_a_wish_is(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'Dan Lusk won the title on points. "I have dreamed about this belt since I was 12 years old," Lusk said. '
        '"This is for everyone at the club who kept believing."\n\n'
        '"We are disappointed but we have not given up on the site," a Hollin Renewables spokesman said.\n\n'
        'Ms Ray said: "I have wanted this job since 2019, when the plant employed 400 people."'
    )
    said = " ".join(c.claim for c in claims)
    assert "dreamed" not in said and "kept believing" not in said and "disappointed" not in said
    assert "400 people" in said


def test_what_a_sign_told_its_users_is_a_finding_but_an_officer_telling_drivers_is_advice(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Signs at the crossing told users to phone the signaller before crossing with vehicles, investigators said. "
        "An officer told drivers to leave extra time for their journeys."
    )
    said = " ".join(c.claim for c in claims)
    assert "phone the signaller" in said and "extra time" not in said


def test_visitors_asked_to_keep_their_distance_and_a_columnists_please_are_advice_but_a_charge_asked_is_not(
    monkeypatch,
):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Visitors are being asked to stay at least 10 metres from the seals.\n\n"
        "Please sign the petition before the consultation closes on January 15.\n\n"
        "Residents are being asked to pay £40 more a year, the council said."
    )
    said = " ".join(c.claim for c in claims)
    assert "10 metres" not in said and "petition" not in said and "£40 more" in said


def test_a_columnists_years_of_volunteering_are_her_own_life_not_a_claim(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets("The library had 41,300 visits last year. I have volunteered there every week since 2014.")
    said = " ".join(c.claim for c in claims)
    assert "41,300" in said and "volunteered" not in said


def test_one_of_the_hardest_decisions_is_regret_but_the_bill_beside_it_is_a_claim(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'Chief executive Mark Eccles said: "This is one of the hardest decisions we have ever taken. '
        'Our energy bill alone has gone up by £1.4 million in three years."'
    )
    said = " ".join(c.claim for c in claims)
    assert "hardest decisions" not in said and "£1.4 million" in said


def test_declining_to_comment_is_silence_but_what_was_said_beside_it_is_a_claim(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Harrowby Pharma declined to comment on the job cuts but said in a statement that it would close two "
        "of its five plants.\n\nThe firm declined to comment.\n\n"
        "A spokesperson confirmed 40 job cuts but declined to comment on further reductions."
    )
    said = " | ".join(c.claim for c in claims)
    assert "two of its five plants" in said and "40 job cuts" in said
    assert "declined to comment on the job cuts" not in said and "The firm declined" not in said


def test_a_childhood_habit_is_no_claim_but_losses_since_a_date_are(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        'Shane Cowell said: "I have been throwing darts in my garage since I was eight. '
        'We have been losing money every month since I was made manager."'
    )
    said = " ".join(c.claim for c in claims)
    assert "throwing darts" not in said and "losing money" in said


def test_how_residents_can_comment_is_a_notice_but_what_they_are_charged_is_a_claim(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Council tax will rise by 4.99% from April. Residents can comment on the proposals online until January 10."
    )
    said = " ".join(c.claim for c in claims)
    assert "4.99%" in said and "comment on the proposals" not in said


def test_praise_for_working_so_hard_is_no_ticket_but_hard_work_with_a_result_in_figures_is(monkeypatch):
    monkeypatch.setattr(duplicates, "encoder", lambda: None)
    claims = tickets(
        "Harlow Otters beat Kendal Moss 3-1 on Saturday.\n\n"
        '"The lads had lost five in a row," said Otters coach Ed Voyce.\n\n'
        '"Sam has worked so hard to get back and he showed tonight what we have been missing."\n\n'
        '"Our nurses have worked incredibly hard to cut the waiting list by 40%," said Dr Ray Cope.'
    )
    said = " ".join(c.claim for c in claims)
    assert "worked so hard" not in said
    assert "cut the waiting list by 40%" in said


def test_a_quoted_phrase_in_a_plain_statement_keeps_it_a_claim_as_a_quoted_verdict_does_not():
    claims = tickets(
        "Dairy sold\n\n"
        'Belworth Dairy said all jobs would be kept and that bottling would stay at the farm "for the foreseeable '
        'future".\n\n'
        'The chairman said the sale was "a sad day" and that the name would be kept.'
    )
    said = [c.claim for c in claims]
    assert any("bottling would stay at the farm" in c for c in said)
    assert not any("sad day" in c for c in said)


def test_condolences_split_off_by_and_that_are_no_ticket_but_the_statement_before_them_is():
    claims = tickets(
        "In a statement, the county council said it had since resurfaced 40 miles of rural lanes and that it offered "
        "its condolences to Mr Hale's family."
    )
    said = [c.claim for c in claims]
    assert any("resurfaced 40 miles" in c for c in said)
    assert not any("condolences" in c for c in said)


def test_a_quoted_verdict_beside_a_demand_is_no_ticket_at_all():
    claims = tickets(
        "Bridge opens late\n\n"
        'Opposition councillor Ann Reeve said the overspend was "a disgrace" and that the council should publish a '
        "full account of what went wrong."
    )
    assert not [c for c in claims if "disgrace" in c.claim or "should publish" in c.claim]
