"""Words owned by a noun of saying: "her claim that “…”", "Obama's “…” promise".

A quote inside what a noun of saying says ("her remark that …", "his pledge to …") is in
the words of the noun's owner, whoever the sentence's subject is. These read the owner off
the parse (and, where the parse hung the clause elsewhere, off the noun chunks); the cue
and speaker machinery of ``quote_speakers`` is used for the phrase of the owner.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from copydesk.flows.extract.lexicon import POSSESSIVE_PRONOUNS, SPEECH_VERBS, communicates, is_statement_noun
from copydesk.flows.extract.quote_speakers import SPEAKER_ENTS, SUBJECT_DEPS, phrase, words_root
from copydesk.flows.extract.speaker_nouns import cannot_speak
from copydesk.flows.extract.tense import TENSED_TAGS


def owned_before_noun(span: Span, inside: bytearray) -> tuple[Token, Span] | None:
    """ "Obama's “if you like your plan, you can keep it” promise", "her “we will rebuild”
    pledge": a quoted clause set between a possessor and a noun of saying is what the
    possessor said, whatever the parser makes of it (it often takes the noun for the
    clause's object). Read off the words: a possessive right before the opening mark, a
    tensed verb inside, the noun right after the closing mark."""
    doc = span.doc
    if span.start < 1 or span.end >= len(doc):
        return None
    if not any(t.tag_ in TENSED_TAGS for t in span):
        return None  # "his “D-minus” rating", "her “work-related” emails": a label, not a clause
    noun = doc[span.end]
    if noun.pos_ != "NOUN" or not is_statement_noun(noun.lemma_.lower()):
        return None
    mark = doc[span.start - 1]
    if mark.lower_ in POSSESSIVE_PRONOUNS and mark.pos_ == "PRON":
        return noun, doc[mark.i : mark.i + 1]
    if mark.tag_ != "POS" or span.start < 2 or inside[doc[span.start - 2].idx]:
        return None
    owner = doc[span.start - 2]
    if not _can_own_words(owner):
        return None
    start = owner.i
    while start > 0 and doc[start - 1].dep_ in {"compound", "det", "amod"} and doc[start - 1].head.i >= start:
        start -= 1
    return noun, doc[start : owner.i + 1]


def statement_owner(span: Span, inside: bytearray) -> tuple[Token, Span] | None:
    """ "Ortiz fanned controversy over her remark that “…”", "Pence blamed the press for
    Trump's claim that Obama “founded” it": a quote inside the clause that gives what a
    noun of saying says ("her claim that …") is in the noun's owner's words, whoever the
    sentence's subject is. Only that clause: quoted words that modify or name the noun
    ("Trump's “divisive” comments", "his call for a “deportation force”") are the
    reporter's words about it. Read on the path up from the quoted words, stopping at a
    verb of saying with a subject, which reports the quote itself ("Lee said her claim was
    “absurd”" quotes Lee). Returns the noun and its owner."""
    node = words_root(span)
    below = node
    for _ in range(8):
        if node.head == node:
            return None
        below, node = node, node.head
        if inside[node.idx]:
            continue
        if (
            node.pos_ == "VERB"
            and node.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ in SUBJECT_DEPS for c in node.children)
        ):
            return None
        if node.lemma_ == "be" and _content_clause(below):
            # "Her argument was that the pier “will pay for itself”": the copula gives the
            # content of its subject, a noun of saying
            noun = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if noun is not None and noun.pos_ == "NOUN" and is_statement_noun(noun.lemma_.lower()):
                return _owned_words(noun, inside)
        if node.pos_ == "NOUN" and is_statement_noun(node.lemma_.lower()):
            if not _content_clause(below) or _restated(node):
                return None
            return _owned_words(node, inside)
        noun = _noun_before_that(below)
        if noun is not None:
            return _owned_words(noun, inside)
        if node.lemma_ == "be" and _content_clause(below):
            return None  # "The point was that the pier “will pay”": the reporter's words
    return None


def _restated(noun: Token) -> bool:
    """ "De Blasio repeated his claim that “…”", "she defended her remark that …": a noun of
    saying owned by a pronoun, the object of a verb of saying with a subject, is the
    subject's own words said again; the verb reports them, as any verb of saying does."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in noun.children)
        and verb.pos_ == "VERB"
        and communicates(verb)
        and any(c.dep_ in {"nsubj", "csubj"} for c in verb.children)
    )


def _noun_before_that(clause: Token) -> Token | None:
    """ "… after her March comment that “We are going to …”", "using her comments before a
    House committee that “I was responsible …”": the parser often hangs a noun's "that"
    clause on the verb or noun above the noun, as if that reported it. A "that" clause right
    after a noun phrase headed by a noun of saying (or after such a phrase and one
    prepositional phrase) gives that noun's content. Read off the noun chunks, since the
    parse is what went wrong."""
    if clause.dep_ not in {"ccomp", "acl", "advcl"} or clause.pos_ not in {"VERB", "AUX"}:
        return None
    mark = clause.left_edge
    if mark.dep_ != "mark" or mark.lower_ != "that" or mark.head != clause or mark.i == 0:
        return None
    doc = clause.doc
    chunks = {chunk.end: chunk for chunk in doc[max(0, mark.i - 16) : mark.i].noun_chunks}
    chunk = chunks.get(mark.i)
    if chunk is not None and chunk.start > 0 and doc[chunk.start - 1].pos_ == "ADP":
        noun_first = chunks.get(chunk.start - 1)  # "her comments | before | a committee"
        if noun_first is not None and is_statement_noun(noun_first.root.lemma_.lower()):
            chunk = noun_first
    if chunk is None or chunk.root.pos_ != "NOUN" or not is_statement_noun(chunk.root.lemma_.lower()):
        return None
    return chunk.root


def _owned_words(noun: Token, inside: bytearray) -> tuple[Token, Span] | None:
    """The owner of a noun of saying: its possessor ("her claim") or the agent its "by"
    names ("a statement by the mayor that …", "the claim by Ortiz that …")."""
    owners = [c for c in noun.children if c.dep_ == "poss" and not inside[c.idx] and _can_own_words(c)]
    if not owners:
        owners = [
            o
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "by" and not inside[c.idx]
            for o in c.children
            if o.dep_ == "pobj" and not inside[o.idx] and _can_own_words(o)
        ]
    return (noun, phrase(owners[0], inside)) if owners else None


def _content_clause(clause: Token) -> bool:
    """A clause that gives a noun's content: a "that" clause ("(her claim) that the pier
    will pay") or an infinitive ("(his promise) to stay “neutral”", "(her pledge) to fight
    “every inch”"). Without "that" or "to" the clause may as well be relative: "(a
    candidate whose) words “you would not repeat”" describes the words, in the reporter's
    own."""
    if clause.dep_ not in {"acl", "ccomp", "appos"} or clause.pos_ not in {"VERB", "AUX"}:
        return False
    return any(
        (c.dep_ == "mark" and c.lower_ == "that") or (c.dep_ == "aux" and c.lower_ == "to")
        for c in clause.children
    )


def _can_own_words(owner: Token) -> bool:
    """A possessor who can have said something: a person's or a group's pronoun, or a name."""
    if owner.pos_ == "PRON":
        return owner.lower_ in POSSESSIVE_PRONOUNS
    return owner.ent_type_ in SPEAKER_ENTS or owner.pos_ == "PROPN" or not cannot_speak(owner)
