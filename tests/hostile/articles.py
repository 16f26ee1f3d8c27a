"""Articles written to hurt: every separator and word piece the patterns accept, repeated."""

from __future__ import annotations

from tests.hostile.regexes import ALPHABET, PIECES


def adversarial_article(chars_per_paragraph: int = 400, limit: int = 190_000) -> str:
    """A title, then one paragraph per pump (a piece repeated, ended the way a sentence ends), up
    to ``limit`` characters: the shape of text that made the old name pattern take minutes."""
    paragraphs = ["A report on separators", "A-" * 22 + "A x."]
    for pump in [*PIECES, *ALPHABET, *(a + b for a in "A-. ’“" for b in "A-. ’“")]:
        paragraphs.append((pump * max(1, chars_per_paragraph // len(pump))).strip() + " said x.")
        paragraphs.append("“" + (pump * max(1, chars_per_paragraph // len(pump))).strip() + ",” Mayor A said.")
    text = "\n\n".join(paragraphs)
    while len(text) < limit:
        text = text + "\n\n" + text
    return text[: text.rindex("\n\n", 0, limit)]
