"""Per-Doc caches for what spaCy recomputes on every access.

``Doc.text`` joins every token and ``Token.sent`` walks the document each time they are
read; extractors read them thousands of times per article. Both are computed once per
Doc and kept in ``doc.user_data``.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

_KEY = "copydesk.sentences"
_TEXT = "copydesk.text"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        spans = list(doc.sents)
        cached = ([s.start for s in spans], spans)
        doc.user_data[_KEY] = cached
    return cached[1]


def sentence_of(token: Token) -> Span:
    sentences(token.doc)
    starts, spans = token.doc.user_data[_KEY]
    return spans[bisect.bisect_right(starts, token.i) - 1]
