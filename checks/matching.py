"""Word-level helpers for rules that compare two pieces of text."""

from __future__ import annotations

import html
import re

STOP = set(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "were",
        "was",
        "are",
        "has",
        "have",
        "had",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "their",
        "there",
        "which",
        "while",
        "when",
        "where",
        "what",
        "will",
        "would",
        "could",
        "should",
        "been",
        "being",
        "also",
        "than",
        "then",
        "them",
        "they",
        "its",
        "onto",
        "upon",
        "said",
        "says",
        "year",
        "years",
        "once",
        "running",
        "page",
        "press",
        "release",
        "report",
        "annual",
    ]
)
WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def plain_text(text: str) -> str:
    """Text without HTML tags and with entities decoded (HTML footnotes keep their markup)."""
    return html.unescape(re.sub(r"<[^>]*>", " ", text)) if "<" in text or "&" in text else text


def content_words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text) if w.lower() not in STOP}


def stems(text: str) -> set[str]:
    """Content words cut to five letters, so 'Azerbaijan' meets 'Azerbaijani'."""
    return {w[:5] for w in content_words(text)}


def names(text: str) -> set[str]:
    """Capitalised words: the names a citation or a sentence is about."""
    return {w.lower() for w in re.findall(r"\b[A-Z][\w'’-]{3,}", text) if w.lower() not in STOP}
