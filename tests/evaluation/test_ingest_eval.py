"""`factcheck eval ingest` reads each ticket against a person's annotation: claims found, junk,
duplicates, who said it (right, flagged, blank, wrong) and dates written in (issue 29)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.core.errors import InvalidInput
from factcheck.engines.base import ExtractedClaim
from factcheck.evaluation.ingest import Totals, read_folder, read_one, score
from factcheck.models import ClaimKind

NEWS = Path(__file__).parents[2] / "bench" / "data" / "news"

ARTICLE = (
    "The council approved a $2.4 billion budget on Wednesday.\n\n"
    "“The buses have to run,” Mayor Lucia Ferrante said.\n\n"
    "Sign up for our newsletter.\n\n"
    "Councillors approved the $2.4 billion budget after midnight."
)


@pytest.fixture
def annotated(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    gold = {
        "split": "dev",
        "published": "2025-06-11",
        "claims": [
            {"quote": "The council approved a $2.4 billion budget", "speaker": None, "dates": ["June 11, 2025"]},
            {"quote": "The buses have to run", "speaker": "Lucia Ferrante"},
        ],
        "duplicates_of": {"Councillors approved the $2.4 billion budget": "The council approved a $2.4 billion budget"},
        "not_claims": ["Sign up for our newsletter"],
    }
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    return read_one(tmp_path / "a.json")


def ticket(text: str, words: str, claim: str, speaker=None, needs_human=False, flag=None) -> ExtractedClaim:
    start = text.index(words)
    return ExtractedClaim(
        claim, words, start, start + len(words), ClaimKind.statement, 0.9, speaker, None, needs_human, flag
    )


def test_each_ticket_is_read_against_the_annotation(annotated):
    text = annotated.article.text
    tickets = [
        ticket(text, "The council approved", "The council approved a budget on Wednesday, June 4, 2025."),
        ticket(text, "The buses have to run", "Angela Ruiz said: “The buses have to run”", speaker="Angela Ruiz"),
        ticket(text, "Sign up for our", "Sign up for our newsletter."),
        ticket(text, "Councillors approved", "Councillors approved the budget."),
    ]
    totals = Totals()
    totals.add(score(annotated, tickets))
    f = totals.as_dict()
    assert (f["tickets"], f["good"], f["junk"], f["forbidden"], f["duplicates"]) == (4, 2, 1, 1, 1)
    assert (f["speaker_right"], f["speaker_wrong"], f["attributed"]) == (0, 1, 1)
    assert f["date_errors"] == 1  # "June 4, 2025" is not the Wednesday the annotation allows
    assert f["recall"] == 1.0


def test_a_flagged_speaker_is_not_a_wrong_one_and_a_blank_is_counted_apart(annotated):
    text = annotated.article.text
    flagged = ticket(text, "The buses", "An unnamed speaker said: “The buses have to run”", needs_human=True, flag="x")
    blank = ticket(text, "The buses", "“The buses have to run.”")
    for claim, outcome in ((flagged, "speaker_flagged"), (blank, "speaker_missing")):
        totals = Totals()
        totals.add(score(annotated, [claim]))
        assert totals.as_dict()[outcome] == 1 and totals.speaker_wrong == 0


def test_unreadable_annotations_are_refused_with_the_reason(tmp_path):
    with pytest.raises(InvalidInput, match="not a folder"):
        read_folder(tmp_path / "missing")
    (tmp_path / "b.json").write_text('{"claims": []}', encoding="utf-8")
    with pytest.raises(InvalidInput, match="no article beside it"):
        read_folder(tmp_path)
    (tmp_path / "b.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"claims": [], "duplicates_of": {"x": "y"}}', encoding="utf-8")
    with pytest.raises(InvalidInput, match="does not list"):
        read_folder(tmp_path)


def test_the_command_meets_the_desk_targets_on_the_annotated_development_articles():
    """The development split is what the rules were tuned on: this guards it from regressions."""
    done = CliRunner().invoke(app, ["eval", "ingest", str(NEWS), "--split", "dev", "--json"])
    assert done.exit_code == 0, done.output
    f = json.loads(done.output)
    assert f["articles"] >= 6 and f["junk_rate"] <= 0.05 and f["recall"] >= 0.85
    assert f["speaker_wrong"] == 0 and f["attribution_accuracy"] >= 0.95 and f["date_errors"] == 0


def test_the_command_refuses_a_split_it_has_no_articles_for():
    done = CliRunner().invoke(app, ["eval", "ingest", str(NEWS), "--split", "nope"])
    assert done.exit_code != 0 and "nope" in done.output


def test_a_one_word_name_inside_a_longer_one_is_not_the_same_speaker(tmp_path):
    (tmp_path / "c.txt").write_text(
        "Pedestrians will use a temporary footbridge from March, the council said.", encoding="utf-8"
    )
    gold = {"claims": [{"quote": "temporary footbridge", "speaker": "the county council", "also": ["council"]}]}
    (tmp_path / "c.json").write_text(json.dumps(gold), encoding="utf-8")
    item = read_one(tmp_path / "c.json")
    text = item.article.text
    pike = ticket(
        text, "temporary footbridge", "Council leader Graham Pike added that …", speaker="Council leader Graham Pike"
    )
    totals = Totals()
    totals.add(score(item, [pike]))
    assert totals.speaker_wrong == 1  # "council" is in the name, but Graham Pike is not the council


def test_a_one_word_name_after_what_it_is_is_the_same_speaker_but_not_after_of(tmp_path):
    (tmp_path / "a.txt").write_text("Flights will return in March, the airline said.", encoding="utf-8")
    gold = {"claims": [{"quote": "Flights will return", "speaker": "Aerwyn"}]}
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    item = read_one(tmp_path / "a.json")
    text = item.article.text
    for speaker, verdict in (("Budget airline Aerwyn", "right"), ("The chief executive of Aerwyn", "wrong")):
        said = ticket(text, "Flights will return", f"{speaker} said that …", speaker=speaker)
        totals = Totals()
        totals.add(score(item, [said]))
        assert (totals.speaker_right, totals.speaker_wrong) == ((1, 0) if verdict == "right" else (0, 1)), speaker


def test_a_name_something_else_belongs_to_is_not_the_same_speaker(tmp_path):
    (tmp_path / "b.txt").write_text("The problem was caused by a failed update, the bank said.", encoding="utf-8")
    gold = {"claims": [{"quote": "failed update", "speaker": "the bank", "also": ["Westmere Bank"]}]}
    (tmp_path / "b.json").write_text(json.dumps(gold), encoding="utf-8")
    item = read_one(tmp_path / "b.json")
    said = "Customers of Westmere Bank said that …"
    customers = ticket(item.article.text, "failed update", said, speaker="Customers of Westmere Bank")
    totals = Totals()
    totals.add(score(item, [customers]))
    assert totals.speaker_wrong == 1  # the bank's customers are not the bank


def test_a_right_source_does_not_make_the_speaker_it_cites_right(tmp_path):
    (tmp_path / "e.txt").write_text(
        "Milk-based drinks with added sugar will be taxed from 2028, the Treasury announced.", encoding="utf-8"
    )
    gold = {"claims": [{"quote": "Milk-based drinks with added sugar", "speaker": "the Treasury"}]}
    (tmp_path / "e.json").write_text(json.dumps(gold), encoding="utf-8")
    item = read_one(tmp_path / "e.json")
    text = item.article.text
    citing = ticket(text, "Milk-based drinks with added sugar", "According to the Treasury, citing …", speaker="drinks")
    citing.reported_by = "the Treasury"
    plain = ticket(text, "Milk-based drinks with added sugar", "According to the Treasury, …")
    plain.reported_by = "the Treasury"
    wrong, right = Totals(), Totals()
    wrong.add(score(item, [citing]))
    right.add(score(item, [plain]))
    assert (wrong.speaker_wrong, right.speaker_right) == (1, 1)


def test_pasted_text_is_scored_on_the_title_the_desk_would_save(tmp_path):
    (tmp_path / "d.txt").write_text(
        "Sign up for our newsletter\n\nBudget passes after all-night session\n\nThe council approved a budget.",
        encoding="utf-8",
    )
    (tmp_path / "d.json").write_text(json.dumps({"title": "Budget passes after all-night session"}), encoding="utf-8")
    item = read_one(tmp_path / "d.json")
    assert item.article.title == "Budget passes after all-night session"


def test_a_ticket_holding_a_required_claim_and_an_optional_one_counts_for_the_required_one(tmp_path):
    (tmp_path / "f.txt").write_text(
        "Velocell, which has about 6.2 million customers in the UK, said service had been restored by 4pm.",
        encoding="utf-8",
    )
    gold = {
        "claims": [
            {"quote": "service had been restored by 4pm", "speaker": "Velocell"},
            {"quote": "Velocell, which has about 6.2 million customers in the UK", "speaker": None, "optional": True},
        ]
    }
    (tmp_path / "f.json").write_text(json.dumps(gold), encoding="utf-8")
    item = read_one(tmp_path / "f.json")
    text = item.article.text
    whole = ticket(text, text, "Velocell said that service had been restored by 4pm.", speaker="Velocell")
    totals = Totals()
    totals.add(score(item, [whole]))
    f = totals.as_dict()
    assert f["recall"] == 1.0 and (f["speaker_right"], f["speaker_wrong"]) == (1, 0)
