"""Editorial notices appended to a story: corrections, clarifications, editor's notes.

A notice restates what an earlier version got wrong or what changed ("An earlier version
of this article misstated the amount of time it takes an acre of trees to convert 156 tons
of carbon"): its figures and dates repeat or correct the story's, they are not new claims
of its own, so the extractors leave the notice's paragraph alone. Newsrooms write these in
a fixed form (a "Correction:" label, or "this article/story has been ..."), which is what
is matched: a convention of the genre, like a chart's "Source:" line.
"""

from __future__ import annotations

import re

NOTICE = re.compile(
    r"""^\W{0,3}(?:
        (?:corrections?|clarifications?|editor['’]?s?\s+note|update[ds]?)\s*[:.\u2014-]
      | (?:this|an\s+earlier\s+version\s+of\s+this)\s+(?:article|story|report|post|column)\s+
        (?:has\s+been|have\s+been|was|is\s+being|misstated|incorrectly|mistakenly|wrongly)
    )""",
    re.I | re.X,
)


def notice_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each of ``text``'s paragraphs that is an editorial notice."""
    return [(s, e) for s, e in paragraphs if NOTICE.match(text[s:e])]


def mask_notices(text: str, paragraphs: list[tuple[int, int]], mask: bytearray) -> bytearray:
    """``mask`` with every notice paragraph of ``text`` marked as well."""
    out = bytearray(mask)
    for s, e in notice_spans(text, paragraphs):
        out[s:e] = b"\x01" * (e - s)
    return out
