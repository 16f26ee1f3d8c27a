"""Finding a model's quote in the article, tolerant of whitespace and typographic differences.

The stored quote is always the article's own text at the found offsets, never the model's copy.
"""

from __future__ import annotations

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2026": "...",
    }
)


def _normalise(text: str) -> tuple[str, list[int]]:
    """Folded text, with the original index of each of its characters."""
    out: list[str] = []
    index: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        folded = ch.translate(_FOLD)
        if folded.isspace():
            if previous_space:
                continue
            folded, previous_space = " ", True
        else:
            previous_space = False
        for c in folded:
            out.append(c)
            index.append(i)
    return "".join(out), index


def locate(quote: str, text: str, *, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """(start, end) of ``quote`` in ``text[start:end]``, or None when it is not there."""
    end = len(text) if end is None else end
    window = text[start:end]
    exact = window.find(quote)
    if exact >= 0:
        return start + exact, start + exact + len(quote)
    needle, _ = _normalise(quote.strip())
    needle = needle.strip()
    if not needle:
        return None
    hay, index = _normalise(window)
    found = hay.find(needle)
    if found < 0:
        return None
    first = index[found]
    last = index[found + len(needle) - 1]
    return start + first, start + last + 1
