"""A saved page's boxes (newsletter, related stories, captions, references, bylines) never reach
the article's text, and its title is the article's, not a box's (issue 29)."""

from factcheck.core.webpages import from_html

STORY = " ".join(
    ["The council approved a budget of $2.4 billion on Wednesday after a session that ran past midnight."] * 2
)


def page(head: str, body: str) -> str:
    return f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


BOXES = """
<div class="subscribe-box"><h1>Never miss a story</h1><p>Join 40,000 readers who get our newsletter.</p></div>
<article>
  <h1>Harbour City council backs its budget</h1>
  <p class="byline">By Tom Alder, City Hall reporter</p>
  <p>{story}</p>
  <figure><img src="x.jpg"><figcaption>Councillors vote in the chamber on Wednesday. Photograph: City Ledger</figcaption></figure>
  <p>The mayor said the rise would cost the owner of a median-priced home about $212 a year, the first rise since 2014.</p>
  <p class="pullquote">"Nobody wanted this rise, least of all me"</p>
  <ol class="references"><li>Budget office. Revenue outlook 2025. Accessed 3 Jun 2025.</li></ol>
  <p class="bio">Tom Alder has covered City Hall for the Ledger since 2019 and chairs the press gallery.</p>
</article>
<section class="related-stories"><h2>Related</h2><p>Why bus fares are going up again this spring in the city</p></section>
<aside><p>Most read: Five things to do this weekend in Harbour City and nearby towns</p></aside>
""".replace("{story}", STORY)


def test_boxes_around_the_story_are_left_out():
    extracted = from_html(page("<title>Budget | City Ledger</title>", BOXES))
    assert STORY in extracted.text and "$212 a year" in extracted.text
    boxes = ["Never miss", "newsletter", "By Tom Alder", "Photograph", "Nobody wanted", "Accessed", "bus fares"]
    boxes += ["Tom Alder has covered"]  # the writer's biography
    for box in [*boxes, "Most read"]:
        assert box not in extracted.text, box


def test_the_title_comes_from_the_page_metadata_not_from_a_box():
    og = "<title>Newsletter | City Ledger</title><meta property='og:title' content='Council backs budget with 6% tax rise'>"
    assert from_html(page(og, BOXES)).title == "Council backs budget with 6% tax rise"
    # Without Open Graph, the story's own heading; the box's "Never miss a story" is not a title.
    assert (
        from_html(page("<title>Newsletter | City Ledger</title>", BOXES)).title
        == "Harbour City council backs its budget"
    )
    # The page title loses the site's name.
    plain = f"<article><p>{STORY}</p><p>{STORY}</p></article>"
    assert from_html(page("<title>Budget passes after late session | City Ledger</title>", plain)).title == (
        "Budget passes after late session"
    )


def test_a_box_word_on_the_element_holding_the_story_does_not_remove_the_story():
    long = "<p>" + " ".join(["The budget office said revenue grew by 2.9 percent in the year to April."] * 4) + "</p>"
    body = f"<div class='story share-tools-enabled'><h1>Budget</h1>{long * 3}</div>"
    assert "2.9 percent" in from_html(page("<title>Budget</title>", body)).text


def test_pasted_text_takes_its_title_from_the_first_line_that_is_not_a_box(session, settings):
    from tests.factories import ingest

    text = (
        "Sign up for our Health Desk newsletter, delivered every Thursday.\n\n"
        "By Maria Keane, Health Correspondent\n\n"
        "Measles cases climb on both sides of the Atlantic\n\n"
        "The CDC said it had confirmed 1,753 measles cases in 2025, the highest count since 1992."
    )
    assert ingest(session, settings, text).article.title == "Measles cases climb on both sides of the Atlantic"


def test_an_embedded_post_the_story_quotes_is_kept_and_handed_to_its_author():
    from datetime import date

    from factcheck.engines.base import ArticleInput
    from factcheck.engines.offline.engine import OfflineEngine

    body = f"""<article><h1>MP's post on ward closure is wrong, trust says</h1><p>{STORY}</p>
    <p>In a post on X on Monday, Ruth Calder-Hume wrote:</p>
    <blockquote class="social-embed"><p>Ward 9 at Fenby General will close in 2027. 4,000 patients a year will have
    to go elsewhere. #SaveWard9</p><p>— Ruth Calder-Hume MP (@RuthCHMP) March 2, 2026</p></blockquote>
    <p>The trust said no decision had been taken.</p></article>"""
    extracted = from_html(page("<title>Ward 9</title>", body))
    assert "4,000 patients a year" in extracted.text
    claims = OfflineEngine().extract(ArticleInput(text=extracted.text, published=date(2026, 3, 4))).claims
    post = [c for c in claims if "Ward 9" in c.claim or "4,000 patients" in c.claim]
    assert len(post) == 2 and all(c.speaker == "Ruth Calder-Hume" for c in post)
    assert not any("wrote:" in c.claim or "@RuthCHMP" in c.claim for c in claims)
