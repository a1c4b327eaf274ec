"""What a reader sees of an HTML article's source text. Offsets and the JSON contract's
spans stay the file's (markup and all, ``text[start:end]``); what reports show to people,
a highlighted paragraph, a footnote's wording, is its words: tags dropped, character
references decoded."""

from __future__ import annotations

import html
import re

HTML_SUFFIXES = (".html", ".htm")
TAG = re.compile(r"<[^>]*>")


def is_html(path: str) -> bool:
    return path.lower().endswith(HTML_SUFFIXES)


def words(piece: str) -> str:
    """A piece of HTML source as its text. Pieces are cut at finding boundaries, which fall
    on words, never inside a tag."""
    return html.unescape(TAG.sub("", piece))
