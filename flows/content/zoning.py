"""Shared helpers for building zones out of lines and inline markup."""

from __future__ import annotations

import re

from copydesk.flows.content.article import Article, Edit, FootnoteDefinition, Zone, ZoneKind
from copydesk.flows.content.blocks import Line
from copydesk.flows.content.inline import scan_inline

# Trailers that are not the article: reader comments and the author's bio. Each is
# recognised by its heading, which ``trailer_heading`` also requires to be shaped like one.
COMMENTS_HEADING = re.compile(
    r"^(?:#+\s*)?(?:leave a (?:reply|comment)|reader comments|comments|responses|"
    r"\d+\s+(?:comments?|responses?|replies))\b",
    re.I,
)
BIO_HEADING = re.compile(r"^(?:#+\s*)?(?:about the author|author bio)\b", re.I)
# "About Jane Doe": the name must be written as one (not case-folded: "About four in 10
# voters say ..." opens a paragraph of news, not a bio).
BIO_NAME_HEADING = re.compile(r"^(?:#+\s*)?[Aa]bout (?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3}$")
MAX_HEADING_WORDS = 12
CLOSERS = "\"'”’»)]"


def trailer_heading(line: str) -> ZoneKind | None:
    """The trailer a heading line begins ("comments" or "bio"), or None.

    A heading is short and is not a sentence: "Comments", "12 responses to “Pier Plan”",
    "About the author", "About Jane Doe". The same words opening a one-line paragraph of
    news ("About four in 10 voters say ...", "Comments from the mayor drew a rebuke.") are
    the article, and everything after them would be lost from the review if read as a
    trailer, so a line of more than ``MAX_HEADING_WORDS`` words, or one that ends as a
    sentence does, is never a heading."""
    text = line.strip()
    if not text or len(text.split()) > MAX_HEADING_WORDS or text.rstrip(CLOSERS)[-1:] in {".", "!", "?"}:
        return None
    if COMMENTS_HEADING.match(text):
        return "comments"
    if BIO_HEADING.match(text) or BIO_NAME_HEADING.match(text):
        return "bio"
    return None


def add_zone(
    article: Article, kind: ZoneKind, start: int, end: int, markdown: bool, edits: tuple[Edit, ...] = ()
) -> None:
    """Add a zone; for reviewed zones, record its inline markup too. ``edits`` are markup
    the block structure already found inside the zone (a quote's ">" on its next lines)."""
    if end <= start:
        return
    zone = Zone(kind, start, end, edits)
    if zone.reviewed or kind == "footnote":
        inline = scan_inline(article.text, start, end, markdown)
        article.markers.extend(inline.markers if zone.reviewed else [])
        article.links.extend(inline.links)
        article.directives.extend(inline.directives)
        zone = Zone(kind, start, end, tuple(sorted(edits + tuple(inline.edits), key=lambda e: e.start)))
    article.zones.append(zone)


def add_footnote(article: Article, label: str, start: int, end: int) -> None:
    article.footnotes.append(FootnoteDefinition(label, start, end, article.text[start:end]))
    article.zones.append(Zone("footnote", start, end))


def looks_like_heading(line: Line) -> bool:
    """A one-line block that reads as a section heading: short, capitalised, no end punctuation."""
    t = line.text
    words = t.split()
    return (
        0 < len(words) <= 12
        and len(t) <= 90
        and t[0].isupper()
        and t[-1] not in ".!?,;:\"”’'»)]"
        and not t[0].isdigit()
    )


def looks_like_name(line: Line) -> bool:
    words = line.text.split()
    return (
        1 < len(words) <= 5 and all(w[0].isupper() for w in words if w[0].isalpha()) and line.text[-1] != "."
    )
