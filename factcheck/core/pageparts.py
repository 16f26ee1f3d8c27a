"""The parts of a saved web page that are not the story, recognised from the page's own elements:
captions, credits, bylines, newsletter and related-story boxes, reference lists. They are removed
before the text is extracted, and the title is chosen from the page's metadata with sanity checks,
never from a box that happens to hold the first heading."""

from __future__ import annotations

import re
from typing import Any

# Elements that never hold the story.
_DROP_TAGS = {"figcaption", "aside", "nav", "footer", "form", "noscript"}
# Class or id words that mark a box: a word of the attribute equal to one of these, or starting with it.
_BOX_WORDS = (
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "related",
    "recommend",
    "more-from",
    "share",
    "social",
    "byline",
    "author",
    # "Bryony Elsby is a former market trader …" under a column: who wrote it, not what it says.
    "bio",
    "caption",
    "credit",
    "reference",
    "bibliograph",
    "footnote",
    "advert",
    "sponsor",
    "comments",
    "paywall",
    "cookie",
    "outbrain",
    "taboola",
    "read-more",
    "readmore",
    # A reader poll, a donation appeal, a box of shopping deals: the page's, not the story's.
    "poll",
    "donate",
    "deals",
    # A quotation repeated large beside the story: the story has it already, with its speaker.
    "pullquote",
    "pull-quote",
)
_SPLIT = re.compile(r"[\s_]+")
# A title that names a box or the site's furniture, not the article.
_BAD_TITLE = re.compile(
    r"\b(newsletter|subscribe|sign\s*up|log\s*in|never\s+miss|cookie|page\s+not\s+found|access\s+denied|"
    r"just\s+a\s+moment|home\s*page)\b",
    re.I,
)
_SEPARATORS = (" | ", " - ", " – ", " — ")


def _without_site(title: str) -> str:
    """ "Does garlic stop a cold? | Northfield Health News" without the site's name."""
    title = " ".join(title.split())
    for sep in _SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and head and len(tail) <= 60:
            return head
    return title


def _is_box(element: Any) -> bool:
    if not isinstance(element.tag, str):
        return False  # comments and processing instructions
    if element.tag.lower() in _DROP_TAGS:
        return True
    if element.tag.lower() == "blockquote":
        return False  # an embedded post or letter the story quotes ("social-post") is what was said, not a box
    words = _SPLIT.split(f"{element.get('class', '')} {element.get('id', '')}".lower())
    return any(w.startswith(box) or w.endswith("-" + box) for w in words if w for box in _BOX_WORDS)


def prune(tree: Any) -> int:
    """Remove every box from the page's tree, keeping the text that follows each; how many."""
    root = tree.getroottree().getroot()
    boxes = [el for el in tree.iter() if _is_box(el) and el.tag.lower() not in {"html", "body", "article", "main"}]
    removed = 0
    for el in boxes:
        if el.getroottree().getroot() is not root or _holds_story(el):
            continue  # already gone with a box around it, or a "box" that is the story itself
        el.drop_tree()  # keeps the tail text, which belongs to the parent
        removed += 1
    return removed


def _holds_story(element: Any) -> bool:
    """Three paragraphs of 40 words or more: whatever its class says, this is the article."""
    long_paragraphs = 0
    for p in element.iter("p"):
        long_paragraphs += len(p.text_content().split()) >= 40
        if long_paragraphs >= 3:
            return True
    return False


def title(tree: Any) -> str | None:
    """The article's title: Open Graph's, then the story's first heading, then the page title
    without the site's name; each only if it reads like a title and not like a box."""
    candidates = [
        *tree.xpath("//meta[@property='og:title']/@content"),
        *tree.xpath("//meta[@name='twitter:title']/@content"),
        *[h.text_content() for h in tree.xpath("//article//h1 | //main//h1")],
        *[h.text_content() for h in tree.xpath("//h1")],
        *[_without_site(t.text_content()) for t in tree.xpath("//title")],
    ]
    for raw in candidates:
        text = " ".join(str(raw).split())
        if len(text.split()) >= 2 and len(text) <= 300 and not _BAD_TITLE.search(text):
            return text
    return None
