"""Small text helpers shared by extractors."""

from __future__ import annotations

import re

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by a blank line."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text.rstrip()) if text.rstrip() else len(text)))
    return [(a, b) for a, b in spans if b > a] or [(0, len(text))]


SENTENCE_END = tuple(".!?:…") + tuple("”\"’'»)")
# Hard-wrapped prose: lines of a fixed width, most of them ending mid-sentence.
WRAP_MIN, WRAP_MAX = 40, 100


def line_paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs as a reader sees them: a blank line always ends one, and so does a single
    line break, unless the block is hard-wrapped prose. Scraped news often puts one
    paragraph per line with no blank line between them ("Rubio disagreed." then a quote
    paragraph); hard-wrapped copy has lines of a similar width that mostly end mid-sentence.
    """
    out: list[tuple[int, int]] = []
    for start, end in paragraph_spans(text):
        lines = _lines(text, start, end)
        if len(lines) < 2 or _hard_wrapped(text, lines):
            out.append((start, end))
        else:
            out.extend(lines)
    return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            lines.append((a, b))
        pos = stop + 1
    return lines


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    body = lines[:-1]
    if not all(WRAP_MIN <= b - a <= WRAP_MAX for a, b in body):
        return False
    ends = sum(text[a:b].endswith(SENTENCE_END) for a, b in body)
    return ends * 2 < len(body)
