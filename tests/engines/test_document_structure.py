"""What is part of the page and not the story is never a ticket: captions and credits, editor's
notes, reference lists, bylines, summary boxes, calls to write in, the outlet's own voice (issue 29)."""

import pytest

from factcheck.engines.offline.segment import sentences

STORY = "The council approved a budget of $2.4 billion on Wednesday, raising property taxes by 6 percent."


def story_with(furniture: str) -> list[str]:
    return [s.text for s in sentences(f"{STORY}\n\n{furniture}\n\n{STORY.replace('2.4', '3.1')}")]


@pytest.mark.parametrize(
    "furniture",
    [
        "A firefighter walks past a burned-out car in Dunmore on Friday. (Image: REUTERS)",
        "Crowds gather outside the court in Halden. Photograph: Lena Fischer for the Gazette",
        "Oranges on a market stall. (Photo by Ana Ruiz/Market Ledger)",
        "Pictured: A fallen tree blocks the road into the village.",
        "Photo caption: Cultivated chicken on display at a tasting.",
        "A teenager looks at a phone in bed. The study tracked 9,000 pupils. Credit: Alamy",
        "Editor’s note: An earlier version of this article gave the wrong year for the vote.",
        "Correction: The mayor was elected in 2021, not 2019.",
        "This article was updated on July 24 to add the company's response.",
        "Accessed 16 Mar 2020.",
        "Lissiman E, Bhasale AL. Garlic for the common cold. Cochrane Database Syst Rev. 2014;(11):CD006206.",
        "Smith J, et al. Sleep duration in adolescents. Sleep Health. 2025. doi: 10.1016/j.sleh.2025.01.001",
        "Words by Lena Fischer",
        "By Rosa Delgado and Ken Ishikawa",
        "Published Wednesday, October 22, 2025",
        "Updated 15 February 2025",
        "Key points:",
        "Do you have a story to share? Email us at stories@example.org",
        "This story was produced in partnership with the Statehouse News Network.",
        "We looked at what the research says about the five most shared remedies.",
        "Our reporters contacted all three companies for comment.",
        "Mum-of-two's warning as doctors report 14 cases of liver injury linked to supplements",
        "'MIRACLE' PILLS LEFT ME WITH A FAILING LIVER",
        "VerifyHub is a member of the International Fact-Checking Network. Read our corrections policy.",
        "All defendants are presumed innocent until proven guilty.",
        "Names and addresses are given as stated in court.",
        "DealDrop did not respond to a request for comment.",
        "A spokesman for the company declined to comment.",
        "Patients who are worried can call a helpline on 0800 123 4567.",
    ],
)
def test_page_furniture_between_two_story_paragraphs_is_left_out(furniture):
    found = story_with(furniture)
    assert found == [STORY, STORY.replace("2.4", "3.1")]


def test_a_reference_list_ends_the_story():
    text = f"{STORY}\n\nReferences\n\nHemilä H. Vitamin C and the common cold. 2013.\n\nThe body loses 10 percent of its heat."
    assert [s.text for s in sentences(text)] == [STORY]


def test_a_story_sentence_that_mentions_photographs_or_notes_is_still_the_story():
    kept = [
        "The agency said the photographs were taken in 2019 by a local resident.",
        "The report found that 14 of the 20 notes had been written by the same hand.",
        "Officials said 1,200 people had emailed the council about the plan.",
    ]
    assert [s.text for s in sentences("\n\n".join(kept))] == kept


@pytest.mark.parametrize(
    "furniture",
    [
        "FOR IMMEDIATE RELEASE",
        "Contact: Press Office, press@example.gov",
        "About the Department of Commerce: The department works to grow the state's economy and create jobs.",
        "###",
    ],
)
def test_press_release_furniture_is_left_out(furniture):
    assert story_with(furniture) == [STORY, STORY.replace("2.4", "3.1")]


def test_story_sentences_that_begin_like_furniture_stay():
    kept = [
        "Contact tracing found 40 further cases in the county by Friday.",
        "About half of the 300 residents said they had no heating.",
        # Letters after "The" are a body's name, not an author's initials ("Smith AB,").
        "The AIU, which handles doping cases for World Athletics, said the athlete had missed three tests.",
        "The FDA, which regulates infant formula, said 12 batches were affected.",
        # A body whose name ends in capitals, then a comma: not an author list unless a second author follows.
        "Universities UK, which represents 141 institutions, said the rise was not enough.",
        # "By" and a time opens a sentence; only "By" and a name is a byline.
        "By Friday afternoon, seats for the first night were listed for up to £900 on one resale site.",
        "By last night, 40 homes had been evacuated.",
    ]
    assert [s.text for s in sentences("\n\n".join(kept))] == kept


def test_a_title_or_a_case_name_does_not_end_a_sentence_and_a_sentence_before_a_title_does():
    from factcheck.engines.offline.segment import sentences

    text = (
        "The bill passed. Sen. Gary Peters voted for it. Smith said so. Mr. Jones agreed. "
        "The case, Klamath Irrigators v. United States, was argued in January. "
        "Det. Insp. Claire Moss said 2 men were held."
    )
    assert [s.text for s in sentences(text)] == [
        "The bill passed.",
        "Sen. Gary Peters voted for it.",
        "Smith said so.",
        "Mr. Jones agreed.",
        "The case, Klamath Irrigators v. United States, was argued in January.",
        "Det. Insp. Claire Moss said 2 men were held.",
    ]


def test_a_dateline_ending_in_an_abbreviation_stays_with_its_sentence():
    from factcheck.engines.offline.segment import sentences

    found = [s.text for s in sentences("BRIDGEPORT, Conn. — The City Council voted 7-2 on Tuesday to cap rents.")]
    assert found == ["BRIDGEPORT, Conn. — The City Council voted 7-2 on Tuesday to cap rents."]


def test_a_fact_checks_verdict_paragraph_is_the_desks_conclusion_not_a_claim():
    from factcheck.engines.offline.segment import sentences

    text = (
        "A post claims the pension will stop in April 2026.\n\n"
        "Our verdict: False. The state pension is not being stopped for people who live abroad.\n\n"
        "Rating: Misleading. The figure is real but out of date."
    )
    assert [s.text for s in sentences(text)] == ["A post claims the pension will stop in April 2026."]


def test_a_press_releases_notes_to_editors_end_the_story():
    text = (
        "Harbourside Water will spend £340 million on 41 sewage works by 2030.\n\n"
        "Notes to editors\nHarbourside Water supplies water to 1.9 million people.\nFor media enquiries, call us."
    )
    assert [s.text for s in sentences(text)] == [
        "Harbourside Water will spend £340 million on 41 sewage works by 2030."
    ]


def test_a_no_comment_line_is_left_out_and_the_rest_of_its_paragraph_stays():
    text = "ShopNest said it had removed the listings. DealDrop did not respond to a request for comment."
    assert [s.text for s in sentences(text)] == ["ShopNest said it had removed the listings."]


def test_the_platform_x_ends_a_sentence_and_is_not_an_initial():
    text = (
        'The governor called the decision "a victory" in a post on X. Clinic operators said 1.1 million '
        "patients could be affected."
    )
    assert [s.text for s in sentences(text)] == [
        'The governor called the decision "a victory" in a post on X.',
        "Clinic operators said 1.1 million patients could be affected.",
    ]


def test_a_sentence_opening_on_a_figure_is_a_sentence_of_its_own():
    text = (
        "A caller told her the card had been cloned. £4,200 was taken from her account within an hour. "
        "Turnout rose by 6%. 1,200 more people voted than in 2022. The survey was carried out in Jan. 2024 by "
        "est. 40 volunteers, see vol. 3 of the report."
    )
    assert [s.text for s in sentences(text)] == [
        "A caller told her the card had been cloned.",
        "£4,200 was taken from her account within an hour.",
        "Turnout rose by 6%.",
        "1,200 more people voted than in 2022.",
        "The survey was carried out in Jan. 2024 by est. 40 volunteers, see vol. 3 of the report.",
    ]


def test_a_headline_closing_on_a_quotation_is_a_heading_and_a_sentence_closing_on_one_is_not():
    got = [
        s.text
        for s in sentences(
            'Norovirus closes 14 wards as hospitals face "worst January in years"\n\n'
            'The hospital\'s chief nurse said staff had worked 14 extra shifts, calling it "enormous pressure."\n\n'
            'Campaigners said the 2024 figures were "historic".'
        )
    ]
    assert got == [
        'The hospital\'s chief nurse said staff had worked 14 extra shifts, calling it "enormous pressure."',
        'Campaigners said the 2024 figures were "historic".',
    ]


def test_a_list_items_marker_is_not_part_of_its_sentence():
    text = "What happens next\n\n- The school will be placed in special measures.\n\n2. It will be inspected within 30 months."
    got = sentences(text)
    assert [s.text for s in got] == [
        "The school will be placed in special measures.",
        "It will be inspected within 30 months.",
    ]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_a_reviews_listing_is_furniture_and_the_facts_above_it_stay():
    text = (
        "Ember opened in a former bank on Park Row in March.\n\n"
        "Ember, 14 Park Row, Leeds. Open Tuesday to Saturday, 5pm to 11pm.\n\n"
        "Runs until 14 June at the Lyric Theatre."
    )
    assert [s.text for s in sentences(text)] == ["Ember opened in a former bank on Park Row in March."]


def test_a_price_surveys_own_caveat_is_furniture():
    text = "The cheapest dinner costs £38.60, our survey found.\n\nPrices were checked online and may change."
    assert [s.text for s in sentences(text)] == ["The cheapest dinner costs £38.60, our survey found."]


def test_a_guides_hours_and_prices_are_furniture_but_a_price_rise_is_not():
    text = (
        "The lantern parade began in 2011.\n\n"
        "The parade leaves the library at 5pm on Saturday. Tickets cost £8. Entry is free.\n\n"
        "Harnley Silver Band plays carols at St Mary's Church at 3pm on Sunday.\n\n"
        "Tickets cost £8 more than last year."
    )
    assert [s.text for s in sentences(text)] == [
        "The lantern parade began in 2011.",
        "Tickets cost £8 more than last year.",
    ]


def test_an_answers_no_is_a_sentence_of_its_own_and_no_10_is_a_number():
    from factcheck.engines.offline.segment import sentences

    found = [s.text for s in sentences("No. Our grant is lower than in 2010. The prime minister returned to No. 10.")]
    assert found == ["No.", "Our grant is lower than in 2010.", "The prime minister returned to No. 10."]


def test_a_closing_line_about_the_columns_own_writer_is_no_claim():
    from factcheck.engines.offline.segment import sentences

    text = (
        "Norbury deserves better than another car park\n\nBy Anne Lydgate\n\n"
        "The council says a car park would bring in about £180,000 a year.\n\n"
        "Anne Lydgate is a former chair of the Norbury Chamber of Trade."
    )
    found = [s.text for s in sentences(text)]
    assert "The council says a car park would bring in about £180,000 a year." in found
    assert not any(s.startswith("Anne Lydgate is") for s in found)


def test_each_item_of_a_list_on_its_own_lines_is_a_sentence_but_a_summary_box_under_a_heading_is_none():
    items = "- Warnings are in place for 9 areas along the river\n- About 80 homes have been evacuated"
    said = [s.text for s in sentences(items + "\n\nThe council has opened a rest centre at the town hall.")]
    assert said[:2] == ["Warnings are in place for 9 areas along the river", "About 80 homes have been evacuated"]
    boxed = [s.text for s in sentences("Key points\n" + items + "\n\nThe council has opened a rest centre.")]
    assert boxed == ["The council has opened a rest centre."]


def test_a_tag_after_a_quoted_question_ends_the_questions_sentence():
    text = '"There is no bus. How am I meant to get there?" she said. "Why not?" asked Cllr Ben Dray.'
    assert [s.text for s in sentences(text)] == [
        '"There is no bus.',
        'How am I meant to get there?" she said.',
        '"Why not?" asked Cllr Ben Dray.',
    ]


def test_a_live_pages_update_label_is_not_part_of_its_sentence():
    text = "Update 11:05: Power is back at 300 homes, the network said.\n\nUPDATE 9.30am - The A40 has reopened."
    got = sentences(text)
    assert [s.text for s in got] == ["Power is back at 300 homes, the network said.", "The A40 has reopened."]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_a_sentence_ending_on_a_year_and_the_next_opening_on_a_figure_are_two_and_a_lead_in_is_kept():
    text = "Ward 9 will close in 2027. 4,000 patients a year will go elsewhere.\n\nThe MP wrote:\n\nIt is 12 miles."
    assert [s.text for s in sentences(text)] == [
        "Ward 9 will close in 2027.",
        "4,000 patients a year will go elsewhere.",
        "The MP wrote:",
        "It is 12 miles.",
    ]


def test_a_sentence_opening_on_a_percentage_is_a_sentence_of_its_own():
    assert [s.text for s in sentences("Pollwise asked 1,200 adults. 22% said they had missed a payment.")] == [
        "Pollwise asked 1,200 adults.",
        "22% said they had missed a payment.",
    ]
