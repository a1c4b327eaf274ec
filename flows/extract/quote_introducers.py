"""Introductions right before a quote that the parse misreads.

"Trump issued a statement, “…”": the parser often makes the quote the main clause and the
issuing verb a clause hung on it, so no verb holds the quote and no cue is found. And
"Continued Stone: “…”" inverts a verb of saying before its subject, which the parser
reads as an adjective on a name. The words before the quote say who speaks in both.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.doccache import sentence_of
from copydesk.flows.extract.lexicon import ISSUED_TEXT_NOUNS, SPEECH_VERBS
from copydesk.flows.extract.quote_speakers import issuer, phrase

INTRODUCING_PUNCT = frozenset({",", ":"})
MAX_NAME_WORDS = 4


def introducer(doc: Doc, span: Span, inside: bytearray) -> Span | None:
    """Who the words before the quote say speaks it, or None."""
    before = _word_before(doc, span)
    if before is None:
        return None
    return _document(before, inside) or _inverted_verb(doc, before)


def _word_before(doc: Doc, span: Span) -> Token | None:
    """The word before the comma or colon that leads into the quote."""
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 1 or doc[i].text not in INTRODUCING_PUNCT:
        return None
    return doc[i - 1]


def _document(noun: Token, inside: bytearray) -> Span | None:
    """ "The union released a statement, “…”": a document named right before the quote
    says it; its issuer, when the clause names one, is the speaker."""
    if inside[noun.idx] or noun.pos_ != "NOUN" or noun.lemma_.lower() not in ISSUED_TEXT_NOUNS:
        return None
    return issuer(phrase(noun, inside), inside)


def _inverted_verb(doc: Doc, last: Token) -> Span | None:
    """ "Continued Stone: “…”", "Added Lee, “…”": the sentence opens with a verb of saying
    and a name, and nothing else comes before the quote."""
    start = sentence_of(last).start
    words = [t for t in doc[start : last.i + 1] if not t.is_space]
    if len(words) < 2 or len(words) > MAX_NAME_WORDS + 1:
        return None
    verb, name = words[0], words[1:]
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.tag_ not in {"VBD", "VBZ", "VBN"}:
        return None
    if not all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name):
        return None
    return doc[name[0].i : name[-1].i + 1]
