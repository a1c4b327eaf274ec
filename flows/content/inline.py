"""Inline markup inside a zone: footnote markers, Markdown links, emphasis, comments.

Each is recorded with its file offsets and turned into an ``Edit`` so that the reviewed
text reads as prose ("February 1988[2]" parses as "February 1988").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copydesk.flows.content.article import Edit, FootnoteMarker, Link

FOOTNOTE_MARKER = re.compile(r"\[\^([^\]\s]{1,20})\](?!:)|\[(\d{1,3})\](?![:(\[])")
MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]\n]{1,500})\]\(\s*<?([^)\s>]{1,2000})>?(?:\s+\"[^\"\n]*\")?\s*\)")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# Strong/emphasis delimiters; a lone "*" or "_" inside a word is left alone.
EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])")


@dataclass
class InlineMarkup:
    edits: list[Edit] = field(default_factory=list)
    markers: list[FootnoteMarker] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    directives: list[tuple[int, int, str]] = field(default_factory=list)


def scan_inline(text: str, start: int, end: int, markdown: bool) -> InlineMarkup:
    found = InlineMarkup()
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in HTML_COMMENT.finditer(text, start, end):
        found.directives.append((m.start(), m.end(), m.group(0)))
        found.edits.append(Edit(m.start(), m.end(), " "))
        taken.append(m.span())
    for m in FOOTNOTE_MARKER.finditer(text, start, end):
        if not free(*m.span()) or m.start() == start:
            continue  # a "[1]" opening a zone is a definition, not a marker
        label = m.group(1) or m.group(2)
        found.markers.append(FootnoteMarker(label, m.start(), m.end()))
        found.edits.append(Edit(m.start(), m.end(), ""))
        taken.append(m.span())
    if markdown:
        for m in MARKDOWN_LINK.finditer(text, start, end):
            if not free(*m.span()):
                continue
            found.links.append(Link(m.group(2), m.start(1), m.end(1), m.group(1)))
            found.edits.append(Edit(m.start(), m.start(1), ""))
            found.edits.append(Edit(m.end(1), m.end(), ""))
            taken.append(m.span())
        for m in EMPHASIS.finditer(text, start, end):
            if free(*m.span()):
                found.edits.append(Edit(m.start(), m.end(), ""))
                taken.append(m.span())
    return found
