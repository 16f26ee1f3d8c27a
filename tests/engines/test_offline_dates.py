"""Relative dates are made absolute only when the words leave no doubt (issue 29)."""

from datetime import date

import pytest

from factcheck.engines.offline.dates import resolve

TUESDAY = date(2025, 11, 25)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A day name that is the article's own day is that day, whatever the tense.
        ("The agency said on Tuesday that it had confirmed 1,753 cases.", "on Tuesday, November 25, 2025"),
        ("The council will vote on Tuesday on the measure.", "on Tuesday, November 25, 2025"),
        # "last" and "next" move a week; "this past" is "last".
        ("The minister resigned last Tuesday.", "on Tuesday, November 18, 2025"),
        ("The board meets next Tuesday.", "on Tuesday, December 2, 2025"),
        ("Fans gathered this past Sunday.", "on Sunday, November 23, 2025"),
        # Another day: the tense says which side of the publication date.
        ("The agency said on Sunday that clinics would open in 40 schools.", "on Sunday, November 23, 2025"),
        ("The council will vote on Thursday on a separate measure.", "on Thursday, November 27, 2025"),
        ("Two walkers were found on Saturday morning.", "on Saturday morning, November 22, 2025"),
        ("Cocoa hit a record in December last year.", "in December 2024"),
        ("Cases fell last week.", "in the week of November 17, 2025"),
        ("Thieves broke in during the early hours of Sunday.", "the early hours of Sunday, November 23, 2025"),
        ("Police were called on the night of Friday.", "on the night of Friday, November 21, 2025"),
        # An irregular past is as past as "-ed": "heard", "sat", "stood".
        ("The court heard on Sunday that Heppell used the cards.", "on Sunday, November 23, 2025"),
        # The verb the day hangs on, past an adverb of place, outweighs the future in the same clause.
        ("The birds will be culled after the virus was confirmed there on Monday.", "on Monday, November 24, 2025"),
        # A passive in the future is no past tense, however its participle ends.
        ("The Education Authority said that schools will be closed on Friday.", "on Friday, November 28, 2025"),
        # A past that looks like a present ("beat", "cut"), and the same word after "will", which is no past.
        (
            "Somerset beat Surrey at Taunton on Sunday, their last pair scraping the final 11 runs to keep their hopes alive.",
            "on Sunday, November 23, 2025",
        ),
        ("The firm will cut 200 jobs on Friday.", "on Friday, November 28, 2025"),
        # What happened first, told after ", after", is not when the day's act happens.
        (
            "The Lyric will show its first film in ten years on Friday, after residents raised £300,000 to buy it.",
            "on Friday, November 28, 2025",
        ),
        ("The Lyric shut on Friday, after a storm damaged its roof.", "on Friday, November 21, 2025"),
        # "before he could be brought out on Sunday": "could" after "before" is a past ability, not a modal.
        (
            "Divers pumped water from the passage for 14 hours before he could be brought out on Sunday.",
            "on Sunday, November 23, 2025",
        ),
        # A day inside an "after" clause told in the past is that clause's, whatever the sentence will do next.
        (
            "Brigg Town will play in the final for the first time in 31 years after Sol Amos's header in the 88th "
            "minute beat Lark Rovers 2-1 at Ings Lane on Saturday night.",
            "on Saturday night, November 22, 2025",
        ),
    ],
)
def test_a_day_name_is_resolved_when_the_words_say_which_day(sentence, expected):
    resolved = resolve(sentence, TUESDAY)
    assert expected in resolved.text
    assert resolved.unsure == [] and resolved.reason is None


def test_a_day_name_whose_tense_is_unclear_is_left_as_written_and_flagged():
    resolved = resolve("Protests on Friday across the region.", TUESDAY)
    assert resolved.text == "Protests on Friday across the region."
    assert resolved.unsure == ["on Friday"]
    assert "“on Friday”" in resolved.reason


def test_past_and_future_in_one_clause_is_unclear_too():
    resolved = resolve("Officials said talks would resume on Friday.", TUESDAY)
    # "would resume" is the future of a past report: either Friday could be meant.
    assert "on Friday" in resolved.text and "November" not in resolved.text
    assert resolved.unsure == ["on Friday"]


def test_a_date_already_written_out_is_left_alone_and_without_a_date_nothing_changes():
    assert resolve("The talks ended on Sunday, November 23.", TUESDAY).text == "The talks ended on Sunday, November 23."
    assert resolve("The talks ended on Sunday.", None).text == "The talks ended on Sunday."


def test_a_quotation_is_never_reworded():
    resolved = resolve('He called it "as good as anything I have seen this year" on Sunday.', TUESDAY)
    assert '"as good as anything I have seen this year"' in resolved.text


def test_a_closing_price_is_past_and_a_period_a_warning_covers_is_unsure():
    monday = date(2025, 10, 20)
    priced = resolve("Brightwell will pay $48 a share, a 31% premium to Canora's closing price on Friday.", monday)
    assert "closing price on Friday, October 17, 2025" in priced.text
    warned = resolve("The Met Office has issued a yellow warning for wind from 6am on Saturday until midnight.", monday)
    assert "October" not in warned.text and warned.unsure == ["on Saturday"]


def test_the_full_stops_of_an_abbreviation_end_no_clause():
    # "p.m. on Friday": were "p.m. " a sentence break, "and meant" alone would make Friday last week's.
    resolved = resolve("The warning would be in force from 7 a.m. to 2 p.m. on Friday and meant danger.", TUESDAY)
    assert "November" not in resolved.text and resolved.unsure == ["on Friday"]


def test_an_expectation_reported_in_the_past_is_unclear_not_last_week():
    resolved = resolve("The weather service warned that gusts of 45 mph were expected on Sunday.", TUESDAY)
    assert "November" not in resolved.text and resolved.unsure == ["on Sunday"]


def test_a_figure_after_the_day_is_not_a_date_already_written():
    # "on Wednesday that 1,200 …": the number belongs to the statement, not to the day.
    resolved = resolve("The minister told MPs on Wednesday that 1,200 operations were cancelled.", TUESDAY)
    assert "on Wednesday, November 19, 2025 that 1,200" in resolved.text


def test_a_programme_or_paper_called_today_is_a_name_not_a_day():
    assert resolve("She told BBC Radio 4's Today programme that fares would rise.", TUESDAY).text == (
        "She told BBC Radio 4's Today programme that fares would rise."
    )
    assert (
        resolve("He wrote in USA Today that the plant closed.", TUESDAY).text
        == "He wrote in USA Today that the plant closed."
    )
    assert resolve("Today the council voted to close it.", TUESDAY).text.startswith("On November 25, 2025 the council")


def test_this_years_and_last_years_become_the_years_themselves():
    resolved = resolve("The strain changed after this year's vaccine was chosen, unlike last year's.", TUESDAY)
    assert resolved.text == "The strain changed after 2025's vaccine was chosen, unlike 2024's."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Eight more hours of telescope time were approved for next year.", "approved for 2026."),
        ("Economists expect the rate to peak early next year.", "peak early in 2026."),
        ("Fares rise next month.", "Fares rise in December 2025."),
        ("The bridge reopens next week.", "reopens in the week of December 1, 2025."),
        ("Next year's festival was cut, and last month's figures were revised.", "2026's festival"),
        ("Next year's festival was cut, and last month's figures were revised.", "October 2025's figures"),
    ],
)
def test_next_year_month_and_week_count_from_the_dateline_too(sentence, expected):
    assert expected in resolve(sentence, TUESDAY).text


@pytest.mark.parametrize(
    "sentence",
    [
        "Its own figures show a gap of £9.6 million in next year's budget.",
        "The council set last year's accounts aside.",
        "This year's tax bills go out in March.",
    ],
)
def test_a_years_budget_or_accounts_stay_as_written_since_a_financial_year_straddles_two(sentence):
    assert resolve(sentence, TUESDAY).text == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices rose 5% over the last year, the ONS said.",
        "Sales fell in the last week of March.",
        "His last year in office was the hardest.",
        "The museum bought the coins in 2021 and put them on show the next year.",
        "Staff will be retrained over the next month.",
    ],
)
def test_a_span_owned_or_counted_from_something_else_is_not_the_datelines(sentence):
    assert resolve(sentence, TUESDAY).text == sentence


def test_last_weeks_has_no_clean_rewrite_so_it_stays_with_its_week_named_for_a_person():
    resolved = resolve("Last week's vote failed.", TUESDAY)
    assert resolved.text == "Last week's vote failed."
    assert resolved.reason == "“Last week's” is the week of November 17, 2025."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Winter bookings are slightly ahead of last year.", "Winter bookings are slightly ahead of 2024."),
        ("Prices have risen 4 percent since yesterday.", "Prices have risen 4 percent since November 24, 2025."),
        ("The airline carried 6 percent more than last year.", "The airline carried 6 percent more than in 2024."),
        # "switched on on Thursday": the particle's "on" is not the date's, which keeps its own.
        (
            "The lights were switched on on Thursday, the council said.",
            "The lights were switched on on Thursday, November 20, 2025, the council said.",
        ),
        # "until at least" is a preposition with its hedge: "until at least on Monday" reads as nobody writes.
        (
            "The road will stay shut until at least next Monday.",
            "The road will stay shut until at least Monday, December 1, 2025.",
        ),
    ],
)
def test_a_date_after_a_preposition_takes_none_of_its_own(sentence, expected):
    assert resolve(sentence, TUESDAY).text == expected


def test_the_verb_a_day_hangs_on_settles_its_week_whatever_else_the_sentence_says():
    monday = date(2025, 3, 10)
    said = resolve("Two trusts will merge next April, their boards announced on Friday.", monday)
    assert said.text.endswith("announced on Friday, March 7, 2025.") and not said.unsure
    # A verb after "will be" is not in the past: the clause decides, and its "will" says the Friday to come.
    assert "announced on Friday, March 14, 2025" in resolve("The results will be announced on Friday.", monday).text
    # "expected" is a future word, never also a past tense: the Friday to come.
    assert (
        "expected on Friday, March 14, 2025" in resolve("The board is expected on Friday to name a chair.", monday).text
    )


def test_a_day_straight_after_the_verb_is_read_as_wire_copy_writes_it():
    friday = date(2025, 3, 7)
    said = resolve("The outbreak has grown to 48 cases, the health department said Thursday, up from 31.", friday)
    assert "said on Thursday, March 6, 2025, up from 31" in said.text
    assert (
        "released on Wednesday, March 5, 2025 found" in resolve("A poll released Wednesday found a lead.", friday).text
    )


def test_a_day_after_a_passive_in_the_past_is_the_last_one():
    monday = date(2025, 6, 9)
    assert "evacuated on Sunday, June 8, 2025" in resolve("About 400 homes were evacuated Sunday.", monday).text
    assert resolve("The hearing was scheduled Thursday.", monday).unsure == ["on Thursday"]


def test_a_day_after_could_or_may_is_left_as_written_whatever_tense_reported_it():
    resolved = resolve(
        "The Met Office has issued a red warning for wind, saying gusts could reach 100mph on Friday.", TUESDAY
    )
    assert resolved.text.endswith("on Friday.") and resolved.unsure == ["on Friday"]


def test_a_day_in_last_or_next_week_is_that_one_day():
    assert resolve("The ONS said on Wednesday last week that prices rose.", TUESDAY).text == (
        "The ONS said on Wednesday, November 19, 2025 that prices rose."
    )
    assert (
        resolve("The board meets on Friday next week.", TUESDAY).text == "The board meets on Friday, December 5, 2025."
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tickets go on sale at 9am on Friday, priced from £45 to £75.", "on Friday, November 28, 2025"),
        ("The new ward opens on Thursday, funded by a £2 million grant.", "on Thursday, November 27, 2025"),
        # The verb the day hangs on is a timetable's, whatever a relative clause after it did.
        (
            "The Grand reopens on Saturday after a £9m restoration that has brought its gallery back into use.",
            "on Saturday, November 29, 2025",
        ),
        ("The exhibition closes on Sunday, after a run that drew 80,000 visitors.", "on Sunday, November 30, 2025"),
    ],
)
def test_a_timetables_present_tense_is_ahead_and_a_participle_after_a_comma_is_no_past(sentence, expected):
    assert expected in resolve(sentence, TUESDAY).text


def test_a_day_after_a_past_verb_and_early_is_in_the_past():
    resolved = resolve(
        "The attack was discovered early on Friday morning, when staff found they could not log in.", TUESDAY
    )
    assert "on Friday morning, November 21, 2025" in resolved.text


def test_an_irregular_past_like_tore_puts_the_day_in_the_past():
    resolved = resolve("A tornado tore through a small town on Friday night, killing three people.", TUESDAY)
    assert "on Friday night, November 21, 2025" in resolved.text


def test_a_closing_share_price_is_the_day_before_whatever_the_sentences_tense():
    resolved = resolve(
        "Brantwood will pay 412p a share, a premium of 31% to Corvina's closing share price on Monday.", TUESDAY
    )
    assert "on Monday, November 24, 2025" in resolved.text


def test_a_month_next_year_is_that_month_of_the_year_after():
    resolved = resolve("The closures will start in October and run until June next year.", TUESDAY)
    assert resolved.text.endswith("until June 2026.")


def test_a_deadline_set_on_the_day_of_publication_is_ahead_of_it():
    # Saturday July 26, 2025: everyone was asked that day to leave by the next day.
    saturday = date(2025, 7, 26)
    resolved = resolve(
        "The organisers cancelled the festival on Saturday and asked everyone to leave by 8pm on Sunday.", saturday
    )
    assert "by 8pm on Sunday, July 27, 2025" in resolved.text
    earlier = resolve("On Thursday the council asked tenants to leave by noon on Sunday.", saturday)
    assert "by noon on Sunday, July 27, 2025" in earlier.text
    unsaid = resolve("The council asked tenants to leave by noon on Sunday.", saturday)
    assert unsaid.unsure == ["on Sunday"]


@pytest.mark.parametrize(
    ("sentence", "published", "written"),
    [
        ("It failed every test at its swimming spots last summer.", date(2025, 6, 5), "in the summer of 2024"),
        ("Building will start next spring.", date(2025, 9, 11), "in the spring of 2026"),
        ("Tuition fees will rise this autumn.", date(2025, 1, 22), "in the autumn of 2025"),
        ("This summer was the warmest on record.", date(2025, 9, 30), "The summer of 2025 was"),
        # A season after a noun is when, even with a verb after it; only one that opens its clause is a subject.
        (
            "A festival expected to draw 12,000 people to Redmire Park this summer has been cancelled.",
            date(2025, 4, 24),
            "to Redmire Park in the summer of 2025 has been cancelled",
        ),
        ("Officials said this summer was the driest since 1976.", date(2025, 9, 30), "said the summer of 2025 was"),
    ],
)
def test_a_season_is_the_one_the_publication_date_makes_certain(sentence, published, written):
    assert written in resolve(sentence, published).text


def test_a_season_either_year_could_mean_is_left_and_said_so():
    # In October "last summer" may be the summer just gone or the one before; in January "next spring" either.
    autumn = resolve("It failed every test at its swimming spots last summer.", date(2025, 10, 5))
    assert "last summer" in autumn.text and "2024 or of 2025" in autumn.reason


def test_a_part_of_the_day_stays_with_it_whatever_number_follows():
    resolved = resolve("The pub reopened on Friday night, 20 months after a fire.", date(2025, 11, 29))
    assert "on Friday night, November 28, 2025, 20 months after" in resolved.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The span as a subject is named bare: "in March 2026 was the warmest" is no sentence.
        ("Last month was the wettest October on record.", "October 2026 was the wettest October on record."),
        ("The agency said that last year was the hottest yet.", "The agency said that 2025 was the hottest yet."),
        ("Prices fell last month.", "Prices fell in October 2026."),
    ],
)
def test_a_span_as_the_subject_is_named_without_in(sentence, expected):
    assert resolve(sentence, date(2026, 11, 4)).text == expected


def test_told_on_a_day_is_never_told_on_on():
    resolved = resolve("Staff were told on Monday morning.", date(2026, 3, 3))
    assert resolved.text == "Staff were told on Monday morning, March 2, 2026."


def test_a_day_people_were_warned_to_expect_is_never_written_as_last_weeks():
    resolved = resolve("Drivers were warned to expect further delays on Thursday.", date(2026, 1, 6))
    assert "January 1" not in resolved.text


def test_a_plan_described_after_an_article_is_no_time_ahead():
    # Monday 16 November 2026: "were unable" is past, and "a planned upgrade" a thing, not a timetable.
    text = (
        "Customers were unable to make calls for nine hours on Saturday after what the company called "
        '"a fault during a planned software upgrade".'
    )
    assert "on Saturday, November 14, 2026" in resolve(text, date(2026, 11, 16)).text
    assert "on Saturday, November 21, 2026" in resolve("The upgrade is planned on Saturday.", date(2026, 11, 16)).text


def test_what_was_said_without_that_keeps_its_own_tense_and_a_described_thing_has_none():
    # Monday 19 January 2026: "cancelled" is the operator's act, "would run" what it said it would do.
    text = "Torrin Rail cancelled all services, and said it would run a reduced timetable on Tuesday."
    assert "on Tuesday, January 20, 2026" in resolve(text, date(2026, 1, 19)).text
    assert "on Sunday, January 18, 2026" in resolve("He said it rained on Sunday.", date(2026, 1, 19)).text


def test_what_takes_effect_on_a_day_takes_it_ahead_and_what_took_effect_behind():
    # Tuesday 31 March 2026.
    assert "on Wednesday, April 1, 2026" in resolve("The cuts take effect on Wednesday.", date(2026, 3, 31)).text
    assert "on Monday, March 30, 2026" in resolve("The rules took effect on Monday.", date(2026, 3, 31)).text


def test_a_day_last_year_is_written_as_that_days_date_but_not_inside_a_quotation():
    published = date(2026, 4, 16)
    assert resolve("he last attended on September 18 last year.", published).text == (
        "he last attended on September 18, 2025."
    )
    assert resolve("it opened on 4 March last year.", published).text == "it opened on 4 March 2025."
    quoted = 'she called it "the worst day since May 2 last year".'
    assert resolve(quoted, published).text == quoted


def test_on_last_year_compares_and_takes_no_in():
    published = date(2026, 11, 27)
    assert resolve("footfall was down by about a fifth on last year.", published).text == (
        "footfall was down by about a fifth on 2025."
    )


def test_a_sentence_opening_on_a_day_keeps_the_day_in_the_claim_or_with_its_verb():
    from factcheck.engines.base import ArticleInput
    from factcheck.engines.offline.engine import OfflineEngine

    claims = (
        OfflineEngine()
        .extract(
            ArticleInput(
                text="On Thursday, councillors will vote on a 240-space car park.\n\n"
                "Acme Foods cut prices. On Tuesday, the company said it would cut 200 jobs.",
                published=date(2026, 4, 8),
            )
        )
        .claims
    )
    texts = [c.claim for c in claims]
    assert "On Thursday, April 9, 2026, councillors will vote on a 240-space car park." in texts
    assert "Acme Foods said on Tuesday, April 7, 2026 that it would cut 200 jobs." in texts


@pytest.mark.parametrize(
    "sentence",
    [
        "Four libraries will open on Sunday afternoons for the first time from November.",
        "The pool is closed on Monday mornings while the filters are cleaned.",
    ],
)
def test_a_weekly_part_of_a_day_is_no_one_date(sentence):
    assert resolve(sentence, TUESDAY).text == sentence


def test_a_forecast_is_ahead_and_a_name_that_reads_as_a_past_tense_is_no_tense():
    forecast = resolve("The Met Office forecasts heavy snow for the Pennines on Friday evening.", TUESDAY).text
    assert "Friday evening, November 28, 2025" in forecast
    arrest = resolve("The Met Police arrested two men on Friday.", TUESDAY).text
    assert "Friday, November 21, 2025" in arrest


def test_later_than_planned_compares_with_a_plan_and_tells_no_time_ahead():
    opened = resolve("The new footbridge opened to walkers on Friday, a year later than planned.", TUESDAY).text
    assert "Friday, November 21, 2025" in opened
    ahead = resolve("The footbridge is planned to open on Friday.", TUESDAY).text
    assert "Friday, November 28, 2025" in ahead


def test_last_years_number_beside_this_winter_is_last_winters_and_stays_as_written():
    winter = "Admissions this winter are more than twice last year's number."
    assert resolve(winter, TUESDAY).text == winter
    assert resolve("Sales were twice last year's total.", TUESDAY).text == "Sales were twice 2024's total."


def test_two_days_joined_by_and_are_both_dated_unless_one_is_past_and_the_other_ahead():
    closed = resolve("The pool closed on Monday and Tuesday for repairs.", TUESDAY).text
    assert "on Monday, November 24, 2025 and Tuesday, November 25, 2025" in closed
    held = resolve("Talks were held on Tuesday and Wednesday.", TUESDAY)
    assert held.text == "Talks were held on Tuesday and Wednesday." and held.reason


def test_what_a_thing_will_do_is_no_time_for_the_event_after_its_comma():
    approved = resolve(
        "The board has approved a plan that will shut three libraries, after a long meeting on Monday night in "
        "which members argued.",
        TUESDAY,
    ).text
    assert "on Monday night, November 24, 2025" in approved
    ahead = resolve("The council said that it will close the bridge on Monday.", TUESDAY).text
    assert "on Monday, December 1, 2025" in ahead


def test_a_day_inside_a_participle_with_its_agent_is_the_acts_and_past():
    plan = resolve("Under the scheme, approved by the cabinet on Monday, bins will be emptied fortnightly.", TUESDAY)
    assert "on Monday, November 24, 2025" in plan.text
    tickets = resolve("Tickets go on sale on Friday, priced from £45.", TUESDAY).text
    assert "on Friday, November 28, 2025" in tickets


def test_a_day_after_what_was_done_is_past_whatever_follows_it():
    rise = resolve(
        "Bus fares will rise from July 1, after councillors approved the operator's request on Monday.", TUESDAY
    )
    assert "on Monday, November 24, 2025" in rise.text
    ahead = resolve("The road will reopen after engineers finish repairs on Friday.", TUESDAY).text
    assert "on Friday, November 28, 2025" in ahead


def test_used_is_a_past_tense_so_a_day_in_the_early_hours_is_the_last_one():
    text = "Raiders used a stolen tractor to pull a cash machine from a garage wall in the early hours of Sunday."
    resolved = resolve(text, date(2026, 7, 14))  # a Tuesday
    assert "in the early hours of Sunday, July 12, 2026" in resolved.text and not resolved.unsure


def test_a_day_after_under_rules_approved_by_is_the_acts_day_done():
    text = "Dogs will be banned from the beach from 1 May, under rules approved by the town council on Monday."
    resolved = resolve(text, date(2026, 3, 12))  # a Thursday
    assert "approved by the town council on Monday, March 9, 2026" in resolved.text and not resolved.unsure


def test_the_first_named_storm_is_a_name_not_a_past_tense():
    text = "Gales are expected on exposed hills on Saturday as the first named storm of the winter arrives."
    resolved = resolve(text, date(2026, 12, 4))  # a Friday
    assert "on Saturday, December 5, 2026" in resolved.text and not resolved.unsure


def test_a_day_after_plans_approved_by_is_the_approvals_day_without_a_comma():
    text = "Three pools will close next April under plans approved by councillors on Thursday."
    resolved = resolve(text, date(2026, 12, 6))  # a Sunday
    assert "approved by councillors on Thursday, December 3, 2026" in resolved.text and not resolved.unsure
