"""Cues: the verb (or "according to") that reports a quote, and the sentences to look in.

A cue is a verb of the communication class (``lexicon.SPEECH_VERBS``) or "according to";
among the cues in a quote's frame the one whose clause holds the quote wins, then the
nearest, and "X said that Y called it “…”" is credited to the outermost reporter.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from flows.extract.doccache import sentence_of, text_of
from flows.extract.lexicon import SPEECH_VERBS
from flows.extract.quote_speakers import SUBJECT_DEPS, speaker_of

REPORTED_CLAUSE = {"ccomp", "xcomp", "advcl", "relcl", "pcomp", "pobj", "dobj", "acl"}


def is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in SPEECH_VERBS:
        return True
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"


def best_cue(doc: Doc, span: Span, frame: Span, inside: bytearray) -> Token | None:
    best: tuple[float, Token] | None = None
    for token in frame:
        if inside[token.idx] or not is_cue(token):
            continue
        if token.lemma_.lower() in {"read", "begin", "continue", "quote"} and not has_subject(token):
            continue
        distance = token.idx - span.end_char if token.idx >= span.end_char else span.start_char - token.idx
        # Prefer a cue whose clause holds the quote, then the nearest one.
        score = distance + (0 if governs(token, span) else 400)
        if speaker_of(token, inside) is None:
            score += 200
        if best is None or score < best[0]:
            best = (score, token)
    return best[1] if best else None


def has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def governs(cue: Token, span: Span) -> bool:
    return any(t.head == cue or cue in t.ancestors for t in span if not t.is_punct)


def cue_text(cue: Token) -> str:
    if cue.lower_ == "according":
        return "according to"
    prt = [c for c in cue.children if c.dep_ == "prt"]
    return cue.text + (" " + prt[0].text if prt else "")


def outermost_cue(cue: Token, inside: bytearray) -> Token:
    """ "X said that Y called it “…”" is X's statement in the article: the source the
    reader is given is the outermost speaker whose report contains the quote."""
    node = cue
    best = cue
    for _ in range(6):
        if node.head == node or node.dep_ not in REPORTED_CLAUSE | {"prep"}:
            break
        node = node.head
        if (
            not inside[node.idx]
            and node.pos_ == "VERB"
            and node.lemma_.lower() in SPEECH_VERBS
            and speaker_of(node, inside) is not None
        ):
            best = node
    return best


def frame_of(doc: Doc, span: Span) -> Span:
    """The sentences the quote touches: where its cue and speaker are to be found."""
    first = sentence_of(doc[span.start])
    last = sentence_of(doc[span.end - 1])
    start, end = first.start, last.end
    # A quote that fills its sentence is often attributed in the next one: “…,” she said.
    nxt = sentence_of(doc[end]) if end < len(doc) else None
    if (
        nxt is not None
        and span.end >= last.end - 1
        and same_paragraph(doc, last, nxt)
        and len(nxt) <= 40
        and (
            any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" for t in nxt[:6])
            or (nxt.root.lemma_.lower() in SPEECH_VERBS and nxt.root.pos_ == "VERB")
        )
    ):
        end = nxt.end
    return doc[start:end]


def same_paragraph(doc: Doc, a: Span, b: Span) -> bool:
    between = text_of(doc)[a.end_char : b.start_char]
    return "\n\n" not in between and not any("\n\n" in t.text for t in a if t.is_space)


def previous_sentence(doc: Doc, token_index: int) -> Span | None:
    if token_index == 0:
        return None
    prev = sentence_of(doc[token_index - 1])
    if "\n\n" in text_of(doc)[prev.end_char - 2 : doc[token_index].idx]:
        return None
    return prev
