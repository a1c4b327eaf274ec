"""The reporting tail: "“…,” the two write." read off the words, where the parse fails.

A quote closed by a comma is, in news copy, followed by its reporting clause: a short
noun phrase and a verb of saying ("“…,” the ad states."), or the verb and then the
phrase ("“…,” read one."). In that position the tagger often takes the verb for a noun
("states", "write", "read") or the name for a verb ("Will wrote"), and the parse then
gives no subject. The word order alone is enough to find the speaker: this is the
fallback when the parse named nobody.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.lexicon import SPEECH_VERBS
from copydesk.flows.extract.quote_speakers import RELATIVE_PRONOUNS

# Where the reporting clause stops: the end of its sentence or a new clause.
CLAUSE_END = frozenset({".", "!", "?", ";", ":"})
# The verb of a reporting clause comes early: "Nate Silver, the polling guru who founded
# the site, tweeted"; what follows it ("in the white paper, which was shared …") is free.
MAX_TAIL = 14
MAX_SPEAKER_WORDS = 8
CLOSING_MARKS = frozenset({"”", '"', "’", "'", "»"})


def tail_report(doc: Doc, span: Span, inside: bytearray) -> tuple[Token, Span] | None:
    """The verb of saying and the speaker of the clause that follows a quote closed by a
    comma, or None when the words after the quote are not such a clause."""
    tail = _tail(doc, span, inside)
    if not tail:
        return None
    for k, token in enumerate(tail):
        if not _saying_word(token, tail[k + 1] if k + 1 < len(tail) else _next_word(token)):
            continue
        if k == 0:
            speaker = _inverted_speaker(tail[1:])
        else:
            speaker = _speaker_before(tail[:k])
            if speaker is None and tail[k - 1].lower_ in RELATIVE_PRONOUNS:
                continue  # "“…,” the man who called the station said": the verb after it
        if speaker is None or _passive(token, tail[:k]):
            return None
        return token, speaker
    return None


def _tail(doc: Doc, span: Span, inside: bytearray) -> list[Token]:
    """The words after a quote closed by a comma ("…,”" or "…”,"), or by "?" or "!" with
    the sentence going on in lower case, up to the end of the clause; else []."""
    words = [t for t in span if not t.is_space]
    if len(words) < 2 or words[-1].text not in CLOSING_MARKS:
        return []
    i = span.end
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if words[-2].text in {"?", "!"}:
        # "“Why?” asked Lee.": the sentence goes on after a question or an exclamation
        # only when the next word is not the start of a new one.
        if i >= len(doc) or not doc[i].is_lower:
            return []
    elif words[-2].text != ",":
        if i >= len(doc) or doc[i].text != ",":
            return []
        i += 1  # British style: the comma after the closing mark
    tail: list[Token] = []
    for token in doc[i : i + MAX_TAIL]:
        if "\n" in token.text or inside[token.idx] or token.text in CLAUSE_END | CLOSING_MARKS:
            break
        if not token.is_space:
            tail.append(token)
    return tail


def _next_word(token: Token) -> Token | None:
    doc = token.doc
    return doc[token.i + 1] if token.i + 1 < len(doc) else None


def _saying_word(token: Token, after: Token | None) -> bool:
    """A verb of saying, whatever the tagger made of it: a noun in this place ("the two
    write.") counts when nothing of a noun phrase follows it."""
    if not token.is_lower or token.lemma_.lower() not in SPEECH_VERBS:
        return False
    if token.pos_ == "VERB":
        return True
    return after is None or after.pos_ in {"ADP", "PUNCT", "ADV"} or after.ent_type_ in {"DATE", "TIME"}


def _speaker_before(words: list[Token]) -> Span | None:
    """ "the two", "a voice-over in the ad", "Nate Silver, the polling guru …": the noun
    phrase before the verb, up to its first comma (the name before an appositive)."""
    if words[0].pos_ in {"ADP", "SCONJ", "CCONJ", "ADV", "PART"} or words[0].lower_ in RELATIVE_PRONOUNS:
        return None
    if words[-1].lower_ in RELATIVE_PRONOUNS or words[-1].pos_ in {"DET", "ADP", "CCONJ"}:
        return None
    head = words
    if any(t.text == "," for t in words):
        head = words[: next(i for i, t in enumerate(words) if t.text == ",")]
    if not head or len(head) > MAX_SPEAKER_WORDS:
        return None
    # A lower-case auxiliary makes the words a clause ("it was", "he has"), not a name a
    # tagger got wrong ("Will wrote").
    if any(t.pos_ == "AUX" and t.is_lower for t in head):
        return None
    # An adjective can head it: the tagger reads "the editorial" as one before a noun.
    if not any(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "ADJ"} or t.text[:1].isupper() for t in head):
        return None
    return head[0].doc[head[0].i : head[-1].i + 1]


def _inverted_speaker(words: list[Token]) -> Span | None:
    """ "“…,” read one.", "“…,” said the 46-year-old.": the noun phrase right after the verb,
    up to a comma, a preposition or a verb."""
    phrase: list[Token] = []
    for t in words:
        if t.text == "," or t.pos_ in {"ADP", "VERB", "AUX", "SCONJ", "CCONJ"}:
            break
        phrase.append(t)
    if not phrase or len(phrase) > MAX_SPEAKER_WORDS:
        return None
    # "said Monday", "said on Tuesday": a date is when, not who ("the 46-year-old", which the
    # recogniser also calls a date, is a person: an age used as a noun).
    if all(t.ent_type_ in {"DATE", "TIME"} or t.is_punct for t in phrase) and phrase[-1].lower_ != "old":
        return None
    if not any(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "ADJ"} for t in phrase):
        return None
    return phrase[0].doc[phrase[0].i : phrase[-1].i + 1]


def _passive(verb: Token, before: list[Token]) -> bool:
    """ "“…,” it was said": a passive verb of saying names no speaker."""
    return any(c.dep_ == "auxpass" for c in verb.children) or bool(
        before and before[-1].lemma_ == "be" and verb.tag_ == "VBN"
    )
