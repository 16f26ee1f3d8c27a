"""Measuring check-worthiness scoring against labelled sentences (CheckThat!, ClaimBuster, CLEF)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from factcheck.core.errors import InvalidInput

_POSITIVE = {"yes", "1", "true"}
_NEGATIVE = {"no", "0", "false"}


@dataclass
class Labelled:
    text: str
    label: bool


def read_tsv(path: Path) -> list[Labelled]:
    """A header row, a text column (named "text", or the one before the label), the label last."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Cannot read {path}: {exc}") from None
    if len(rows) < 2:
        raise InvalidInput(f"{path} has no rows under its header.")
    header = [h.strip().lower() for h in rows[0]]
    text_col = header.index("text") if "text" in header else len(header) - 2
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip():
            continue
        label = row[-1].strip().lower()
        if label not in _POSITIVE | _NEGATIVE:
            raise InvalidInput(f"{path}, line {number}: the label must be Yes/No or 1/0, not {row[-1]!r}.")
        out.append(Labelled(row[text_col], label in _POSITIVE))
    return out


@dataclass
class Scores:
    n: int
    positives: int
    precision: float
    recall: float
    f1: float
    average_precision: float
    precision_at: dict[int, float]


def evaluate(labels: list[bool], scores: list[float], threshold: float) -> Scores:
    """Positive-class P/R/F1 at a threshold, and ranking quality (AP, P@k) over the scores."""
    tp = sum(1 for y, s in zip(labels, scores, strict=True) if y and s >= threshold)
    fp = sum(1 for y, s in zip(labels, scores, strict=True) if not y and s >= threshold)
    fn = sum(1 for y, s in zip(labels, scores, strict=True) if y and s < threshold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    # Stable order: ties keep the document order, as the CheckThat! scorer does.
    ranked = [
        y for _, _, y in sorted(zip(scores, range(len(scores)), labels, strict=True), key=lambda t: (-t[0], t[1]))
    ]
    hits, ap_sum = 0, 0.0
    for rank, y in enumerate(ranked, start=1):
        if y:
            hits += 1
            ap_sum += hits / rank
    total_pos = sum(labels)
    return Scores(
        n=len(labels),
        positives=total_pos,
        precision=precision,
        recall=recall,
        f1=f1,
        average_precision=ap_sum / total_pos if total_pos else 0.0,
        precision_at={k: sum(ranked[:k]) / k for k in (10, 20) if len(ranked) >= k},
    )
