"""The signature line: a quote paragraph signed by a name on the line under it.

Fact-checks, round-ups and collections of sayings set a quote as a paragraph of its own
and sign it on the next line ("“…” / – Bernie Sanders."). The loader drops a leading
dash as a list marker, so what is left is a line that is only a name. A line of a name
alone says nothing of its own: under a quote it can only be the quote's speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.doccache import line_paragraphs, paragraph_index, text_of

# A name of up to four words ("Hillary Rodham Clinton"), then perhaps a short description
# after a comma ("Jo Ray, Daily Post").
MAX_NAME_WORDS = 4
MAX_LINE_WORDS = 10
SIGNATURE_DASHES = "-–—―"


def signature_line(doc: Doc, span: Span, inside: bytearray) -> Span | None:
    """The name that signs a quote paragraph from the line right under it, or None."""
    paragraphs = line_paragraphs(doc)
    k = paragraph_index(doc, span.start_char)
    if k + 1 >= len(paragraphs):
        return None
    text = text_of(doc)
    start, end = paragraphs[k]
    if text[start : span.start_char].strip() or text[span.end_char : end].strip(" \t.,"):
        return None  # words of the article's own beside the quote: not a quote paragraph
    line_start, line_end = paragraphs[k + 1]
    if any(inside[line_start:line_end]):
        return None
    line = doc.char_span(line_start, line_end, alignment_mode="contract")
    if line is None:
        return None
    words = [t for t in line if not t.is_space and t.text not in SIGNATURE_DASHES]
    while words and words[-1].text == ".":
        words.pop()
    if not words or len(words) > MAX_LINE_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return None
    comma = next((i for i, t in enumerate(words) if t.text == ","), len(words))
    name = words[:comma]
    if not 0 < len(name) <= MAX_NAME_WORDS or not all(
        t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.text == "." for t in name
    ):
        return None
    if not any(t.is_alpha and len(t.text) > 1 for t in name):
        return None  # "X." or "* * *": a section break, not a name
    if len(name) < 2 and not _known_name(doc, name[0]):
        return None  # "Pause.": one capitalised word that names nobody in the article
    return doc[name[0].i : name[-1].i + 1]


def _known_name(doc: Doc, word: Token) -> bool:
    """One word signs a quote when it is a name: the recogniser says so here, or the
    article names a person with it elsewhere ("Sanders." after "Bernie Sanders")."""
    if word.ent_type_ in {"PERSON", "ORG"}:
        return True
    return any(ent.label_ == "PERSON" and word.text in ent.text.split() for ent in doc.ents)
