"""Sources: footnote definitions, links and inline attribution phrases.

Inline attributions are read from the parse: "according to X", "X said", "a 2022 audit
by X", "the 1979 census shows". Vague ones ("observers believe", "sources close to the
matter") are kept too, marked ``vague`` by ``flows.extract.vague``'s predicate, so they
never count as a figure's source; ``attribution-vague`` itself reads ``extract_vague``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from flows.extract.doccache import sentences, text_of
from flows.extract.lexicon import REPORT_VERBS, SPEECH_VERBS, VAGUE_VERBS
from flows.extract.vague import is_vague_holder

YEAR = re.compile(r"(?<![\d-])(1[6-9]\d\d|20\d\d)(?![\d-])")
# "the results of the 1979 census show", "a 2022 audit found": a document speaks for the
# figures in its sentence. Read from the words as well as the parse, because the small
# model often tags "show" as a noun here.
DOCUMENT_CLAIM = re.compile(
    r"\b(?:the|a|an|its|their|this|that|these)\s+(?:[\w'’-]+\s+){0,7}?(?:census|survey|report|study|audit|data|"
    r"figures|statistics|poll|results|analysis|records|estimates?|accounts|review|inquiry)\s+"
    r"(?:show|shows|showed|shown|found|finds|find|suggests?|suggested|indicates?|indicated|estimates?|estimated|"
    r"reveals?|revealed|puts?|counted|recorded)\b",
    re.I,
)
DOCUMENT_NOUNS = {
    "audit",
    "report",
    "study",
    "survey",
    "census",
    "analysis",
    "data",
    "figures",
    "statistics",
    "estimate",
    "estimates",
    "poll",
    "review",
    "investigation",
    "inquiry",
    "records",
    "count",
    "assessment",
    "research",
    "filing",
    "accounts",
    "projection",
    "forecast",
}


@dataclass(frozen=True)
class Attribution:
    """An inline attribution inside one sentence of the reviewed text."""

    start: int  # of the phrase (subject .. verb)
    end: int
    entity: str
    cue: Token | None
    sentence: Span
    vague: bool


def footnote_year(text: str) -> int | None:
    """The latest year a citation mentions: the earliest it can have been published."""
    text = re.sub(r"ISBN[\s:-]*[\d-]{10,17}|\bpp?\.\s*\d+(?:[-–]\d+)?", "", text)  # not years
    years = [int(y) for y in YEAR.findall(text)]
    return max(years) if years else None


def extract_attributions(doc: Doc, skip: bytearray | None = None) -> list[Attribution]:
    out: list[Attribution] = []
    for sent in sentences(doc):
        if not sent.text.strip():
            continue
        for m in DOCUMENT_CLAIM.finditer(sent.text):
            s, e = sent.start_char + m.start(), sent.start_char + m.end()
            if skip is None or not skip[s]:
                out.append(Attribution(s, e, m.group(0), None, sent, False))
        for token in sent:
            if skip is not None and skip[token.idx]:
                continue
            found = _attribution_at(token, sent)
            if found is not None:
                out.append(found)
    return _dedupe(out)


def _attribution_at(token: Token, sent: Span) -> Attribution | None:
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        objs = [c for c in token.nbor().children if c.dep_ == "pobj"]
        if not objs:
            return None
        obj = objs[0]
        phrase = token.doc[obj.left_edge.i : obj.right_edge.i + 1]
        vague = is_vague_holder(obj)
        return Attribution(token.idx, phrase.end_char, phrase.text, token, sent, vague)
    if token.pos_ == "NOUN" and token.lemma_.lower() in DOCUMENT_NOUNS:
        agents = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"]
        if agents and any(c.dep_ == "pobj" for c in agents[0].children):
            end = agents[0].right_edge
            return Attribution(
                token.left_edge.idx,
                end.idx + len(end.text),
                token.doc[token.left_edge.i : end.i + 1].text,
                token,
                sent,
                False,
            )
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or (
        lemma not in REPORT_VERBS and lemma not in SPEECH_VERBS and lemma not in VAGUE_VERBS
    ):
        return None
    subj = [c for c in token.children if c.dep_ in {"nsubj"}]
    if not subj:
        return None
    head = subj[0]
    if head.lower_ in {"it", "this", "that", "which", "who", "there"}:
        return None
    vague = is_vague_holder(head, token)
    if not vague and lemma not in REPORT_VERBS and lemma not in SPEECH_VERBS:
        return None
    if not vague and lemma in VAGUE_VERBS - REPORT_VERBS - SPEECH_VERBS:
        return None  # "the minister believes": an opinion, not a source
    start = head.left_edge.idx
    end = token.idx + len(token.text)
    if start > token.idx:  # inverted: "said the ministry"
        start, end = token.idx, head.right_edge.idx + len(head.right_edge.text)
    phrase = text_of(token.doc)[start:end]
    return (
        Attribution(start, end, token.doc[head.left_edge.i : head.right_edge.i + 1].text, token, sent, vague)
        if len(phrase) < 200
        else None
    )


def _dedupe(items: list[Attribution]) -> list[Attribution]:
    items.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Attribution] = []
    for a in items:
        if out and a.start < out[-1].end and a.vague == out[-1].vague:
            continue
        out.append(a)
    return out
