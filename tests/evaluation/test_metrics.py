"""Evaluation metrics are the standard ones, and the eval commands read the published formats."""

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.core.errors import InvalidInput
from factcheck.evaluation.checkworthy import evaluate, read_tsv
from factcheck.evaluation.questions import QgenExample, coverage, score_questions
from tests.helpers import shared_file


def test_precision_recall_f1_and_average_precision():
    labels = [True, False, True, False, True]
    scores = [0.9, 0.8, 0.7, 0.2, 0.1]
    s = evaluate(labels, scores, threshold=0.5)
    assert (s.precision, s.recall) == (2 / 3, 2 / 3)
    assert s.f1 == pytest.approx(2 / 3)
    # Positives at ranks 1, 3 and 5: AP = (1/1 + 2/3 + 3/5) / 3.
    assert s.average_precision == pytest.approx((1 + 2 / 3 + 3 / 5) / 3)


def test_read_tsv_takes_the_text_column_and_the_last_label(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("line\tspeaker\ttext\tlabel\n1\tA\tWe cut taxes by 10 percent.\t1\n2\tB\tThanks.\t0\n")
    rows = read_tsv(path)
    assert [(r.text, r.label) for r in rows] == [("We cut taxes by 10 percent.", True), ("Thanks.", False)]
    path.write_text("text\tlabel\nHello\tmaybe\n")
    with pytest.raises(InvalidInput, match="line 2"):
        read_tsv(path)


def test_question_coverage_is_content_word_recall():
    assert (
        coverage(
            "Did Barr receive $36,550 from payday lenders?",
            ["Has Barr received $36,550 from payday lenders, per FEC filings?"],
        )
        == 1.0
    )
    assert coverage("Did the bill pass the Senate?", ["Who is the original source?"]) == 0.0


def test_drafts_are_credited_only_for_what_the_claim_itself_does_not_already_cover():
    example = QgenExample(
        claim="Barr took $36,550 from payday lenders.",
        person=None,
        references=[
            "Did Barr take $36,550 from payday lenders?",  # the claim covers this on its own
            "Did Barr vote to weaken the consumer bureau?",
        ],
    )  # only a real draft can
    echo = score_questions([example], [["Did Barr take $36,550 from payday lenders?"]])
    assert (echo.covered, echo.echo_covered, echo.beyond_echo, echo.useful) == (1, 1, 0, 1)
    real = score_questions(
        [example],
        [["Did Barr take $36,550?", "Did Barr vote to weaken the consumer bureau?", "Who is the original source?"]],
    )
    assert (real.covered, real.beyond_echo, real.useful, real.drafted) == (2, 1, 2, 3)


def test_eval_checkworthy_command_prints_the_figures(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text(
        "id\ttext\tlabel\n1\tUnemployment fell to 3.5 percent in 2019, the lowest in 50 years.\tYes\n"
        "2\tThank you all very much.\tNo\n"
    )
    result = CliRunner().invoke(app, ["eval", "checkworthy", str(path)])
    assert result.exit_code == 0, result.output
    assert "precision: 1.000  recall: 1.000  F1: 1.000" in result.stdout


def test_offline_engine_on_the_shared_benchmarks():
    """The figures the README reports; a regression below them fails here."""
    from factcheck.engines.offline.engine import OfflineEngine

    engine = OfflineEngine()
    # The ClaimBuster sample is in the training data now: its floor only catches a broken model.
    floors = {
        "checkworthy_claimbuster_groundtruth_sample300.tsv": ("f1", 0.90),
        "checkworthy_ct23_1b_test_gold.tsv": ("f1", 0.80),
        "checkworthy_ct23_1b_test_gold.tsv ": ("average_precision", 0.87),
        "checkworthy_clef2019_20190205_trump_state_of_union.tsv": ("average_precision", 0.21),
    }
    for name, (metric, floor) in floors.items():
        rows = read_tsv(shared_file(f"eval/{name.strip()}"))
        s = evaluate([r.label for r in rows], engine.checkworthiness([r.text for r in rows]), engine.threshold)
        assert getattr(s, metric) >= floor, (name, metric, getattr(s, metric))
