"""Per-Doc caches for what spaCy recomputes on every access.

``Doc.text`` joins every token, ``Token.sent`` walks the document and ``Span.ents``
builds every entity of the document each time they are read; extractors read them
thousands of times per article, which made long articles quadratic. They are computed
once per Doc and kept in ``doc.user_data``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.attrs import POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.text import line_paragraph_spans

_KEY = "copydesk.sentences"
_TEXT = "copydesk.text"
_ENTS = "copydesk.ents"
_PARAS = "copydesk.line_paragraphs"
_PROPN = "copydesk.proper_nouns"


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


def _entities(doc: Doc) -> tuple[list[int], list[int], list[Span]]:
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data[_ENTS] = ([e.start for e in ents], [e.end_char for e in ents], ents)
    return cached


def proper_nouns(doc: Doc) -> list[Token]:
    """The tokens tagged PROPN, found in the tag array once per Doc instead of making a
    Token for every word."""
    cached = doc.user_data.get(_PROPN)
    if cached is None:
        cached = doc.user_data[_PROPN] = [doc[int(i)] for i in (doc.to_array([POS]) == PROPN).nonzero()[0]]
    return cached


def entities(doc: Doc) -> list[Span]:
    """``doc.ents``, built once."""
    return _entities(doc)[2]


def ents_in(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside ``span``) from a per-Doc list."""
    starts, _, ents = _entities(span.doc)
    i = bisect.bisect_left(starts, span.start)
    out = []
    while i < len(ents) and ents[i].start < span.end:
        if ents[i].end <= span.end:
            out.append(ents[i])
        i += 1
    return out


def named_in_story(doc: Doc, words: set[str], labels: frozenset[str] | set[str]) -> bool:
    """Is one of ``words`` part of an entity of one of ``labels`` anywhere in the story?
    ("Sanders" after "Bernie Sanders", a headline's "Trump" after "Donald Trump".)"""
    return any(ent.label_ in labels and any(t.text in words for t in ent) for ent in _entities(doc)[2])


def ents_before(doc: Doc, char: int) -> Iterator[Span]:
    """The entities that end at or before character ``char``, nearest first."""
    _, ends, ents = _entities(doc)
    for i in range(bisect.bisect_right(ends, char) - 1, -1, -1):
        yield ents[i]


def line_paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """``text.line_paragraph_spans`` of the doc's text, computed once."""
    cached = doc.user_data.get(_PARAS)
    if cached is None:
        spans = line_paragraph_spans(text_of(doc))
        cached = doc.user_data[_PARAS] = ([a for a, _ in spans], spans)
    return cached[1]


def paragraph_index(doc: Doc, char: int) -> int:
    """Which of ``line_paragraphs(doc)`` holds (or last started before) character ``char``."""
    line_paragraphs(doc)
    starts = doc.user_data[_PARAS][0]
    return max(bisect.bisect_right(starts, char) - 1, 0)
