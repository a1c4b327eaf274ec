"""Who a reader would look to for a quote the text gives no speaker.

Two questions about a quote, kept apart. ``quote_speakers`` answers "who does the text
say spoke?": a cue verb's subject, the running speaker, a signature; a wrong answer there
puts words in someone's mouth in the report, so it is strict. ``quote-unattributed`` asks
the reader's question (FLAGS-GUIDE): is this speech "whose speaker a reader cannot find:
not in its sentence, not in the sentence before or after (a pronoun there that refers to
a named person is enough)"? A reader finds one wherever a person or body is named beside
the quote, in any role: "Mrs. Clinton's focus on factories is anachronistic. ‘‘I am
committed …''", "“Could be ISIS.” Trump from his desk.", a credit after a slogan "(SVP)".

``named_nearby`` answers that weaker question for a quote left without a speaker. Only a
name counts (a person, an organisation, a proper noun that is no place or time, or
he/she standing for a person the story names): an unnamed group beside the quote
("Officials call the plan ‘fair fares’") is no speaker a reader could check, and the
quote stays unattributed.

Everything here is a function of parsed tokens: no file system, no Prefect.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.doccache import entities, sentence_of
from copydesk.flows.extract.quote_speakers import MAX_QUOTED_SENTENCES, wholly_quoted

# The entity types that name someone who can speak; a proper noun of any other type is a
# place, a time, an amount, a work, a group ("Democrats"): nobody a reader could check.
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG"})
PERSON_PRONOUNS = frozenset({"he", "she"})


def named_nearby(doc: Doc, span: Span, inside: bytearray) -> Span | None:
    """The name nearest the quote ``span`` in its own sentence, else in the sentence
    before or after it, outside every quotation; None when a reader finds nobody there.
    Sentences of quoted words only are passed over: in a run of quotes ("“…” / “…” /
    “…,” Bob said.") the sentence next to a quote is the run's narration."""
    first = sentence_of(doc[span.start])
    last = sentence_of(doc[span.end - 1])
    own = doc[first.start : last.end]
    around = [
        s for s in (_narrative(doc, first.start, -1, inside), _narrative(doc, last.end, 1, inside)) if s
    ]
    story_names_a_person = any(e.label_ == "PERSON" for e in entities(doc))
    for sentences in ([own], around):
        names = [
            t
            for sent in sentences
            for t in sent
            if not inside[t.idx] and _names_someone(t, story_names_a_person)
        ]
        if names:
            nearest = min(names, key=lambda t: abs(t.idx - span.start_char))
            return _mention(nearest)
    return None


def _narrative(doc: Doc, edge: int, step: int, inside: bytearray) -> Span | None:
    """The first sentence before (``step`` -1) or after (+1) the token boundary ``edge``
    that is not quoted words only, looking past at most ``MAX_QUOTED_SENTENCES``."""
    for _ in range(MAX_QUOTED_SENTENCES + 1):
        if step < 0 and edge == 0 or step > 0 and edge >= len(doc):
            return None
        sent = sentence_of(doc[edge - 1] if step < 0 else doc[edge])
        if not wholly_quoted(sent, inside):
            return sent
        edge = sent.start if step < 0 else sent.end
    return None


def _names_someone(token: Token, story_names_a_person: bool) -> bool:
    if token.ent_type_ in SPEAKING_ENTITIES:
        return True
    if _proper(token):
        return True  # a name the recogniser missed
    # "he" and "she" stand for a person the story names (resolve_pronoun finds whom)
    return story_names_a_person and token.lower_ in PERSON_PRONOUNS


def _mention(token: Token) -> Span:
    """The whole entity the token is part of, else the run of capitalised proper nouns
    around it ("Mayor Ana Ruiz's" when the recogniser saw no name there)."""
    doc = token.doc
    if token.ent_iob_ in {"B", "I"}:
        for ent in entities(doc):
            if ent.start <= token.i < ent.end:
                return ent
    start, end = token.i, token.i + 1
    while start > 0 and _proper(doc[start - 1]):
        start -= 1
    while end < len(doc) and _proper(doc[end]):
        end += 1
    return doc[start:end]


def _proper(token: Token) -> bool:
    """A capitalised proper noun the recogniser gave no type."""
    return token.pos_ == "PROPN" and not token.is_lower and not token.ent_type_
