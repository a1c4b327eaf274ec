"""Speakers the layout names, where no verb reports the quote: the introduction before a
colon ("Maria Olsen was blunt: “…”", "Jo Ray, Daily Post: “…”"), a round-up item's
signature ("… - Philip Bump: “…”"), a headline's "Name: ‘…’", a transcript's turn label
inside the marks, and a name or a bracketed citation after a dash ("“…” — Jane Doe").

Functions over a parsed ``Doc``; ``inside`` is the quote mask of ``quote_speakers``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.doccache import ents_in, named_in_story, paragraph_index, sentence_of, text_of
from copydesk.flows.extract.quote_speakers import SPEAKER_ENTS, issuer, phrase, speaker_like

DASH_AFTER = re.compile(r"\s*(?:[―—–]|--?)\s*(?!so\b|as\b)")
# A round-up's citation in brackets right after the quote: “…” [Reuters.]
CITED_AFTER = re.compile(r"[ \t]*\[([A-Z][^\[\]\n]{0,40}?)\.?\]")


def colon_introducer(doc: Doc, span: Span, inside: bytearray) -> Span | None:
    """A colon right before the quote, with no verb of saying, introduces its speaker:
    a clause whose subject is a person, a body or a document ("Maria Olsen was blunt
    about the budget: “…”", "The ruling is short: “…”"); a name that ends the words
    before the colon ("… did not surprise the pollster Ann Lee: “…”"); or a verbless
    introduction that names someone, as in round-ups and transcripts ("Jo Ray, Daily
    Post: “…”", "LEE: “…”")."""
    i = _colon_before(doc, span)
    if i is None:
        return _headline_speaker(doc, span, inside)
    start = sentence_of(doc[i]).start
    intro = [t for t in doc[start:i] if not inside[t.idx]]
    if not intro:
        return None
    if not any(t.pos_ in {"VERB", "AUX"} for t in intro):
        return _named(doc[intro[0].i : i], inside)
    # The clause before the colon: climb from its last word while the heads stay before it.
    clause_root = doc[i - 1]
    while clause_root.head != clause_root and clause_root.head.i < i:
        clause_root = clause_root.head
    subj = [c for c in clause_root.children if c.dep_ in {"nsubj", "nsubjpass"} and not inside[c.idx]]
    if subj and speaker_like(subj[0]):
        return issuer(phrase(subj[0], inside), inside)
    last = doc[i - 1]
    if last.ent_type_ == "PERSON" and last.ent_iob_ in {"B", "I"}:
        return phrase(last, inside)
    return None


DASHES = frozenset({"-", "–", "—", "―"})
MAX_SIGNATURE_WORDS = 6


def round_up_signature(doc: Doc, span: Span, inside: bytearray) -> Span | None:
    """ "The interplay has mattered - Philip Bump: “…”", "POLLS NOT WRONG, JUST EARLY - Ann
    Lee and Jo Ray: “…”": in a round-up, a name set off by a dash between the item's
    headline and the colon before the quote signs it, whatever the headline's own verb."""
    colon = _colon_before(doc, span)
    if colon is None:
        return None
    intro = [t for t in doc[sentence_of(doc[colon]).start : colon] if not inside[t.idx]]
    # A dash set off by spaces: "(R-S.C.)" and "17-year-old" hold hyphens, not dashes.
    dashes = [t for t in intro if t.text in DASHES and t.whitespace_ and t.i > 0 and doc[t.i - 1].whitespace_]
    if not dashes or not 0 < colon - dashes[-1].i - 1 <= MAX_SIGNATURE_WORDS:
        return None
    signature = doc[dashes[-1].i + 1 : colon]
    named = _named(signature, inside)
    if named is None and all(t.text[:1].isupper() for t in signature if not t.is_punct):
        named = signature  # capitalised as a name, whatever the tagger calls it
    return named


def _colon_before(doc: Doc, span: Span) -> int | None:
    """The index of a colon right before the quote (spaces apart), if there is one."""
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i if i >= 0 and doc[i].text == ":" else None


def _headline_speaker(doc: Doc, span: Span, inside: bytearray) -> Span | None:
    """ "Ben Carson: Hillary Clinton ‘Not Fit To Serve’": a name and a colon opening the
    sentence make all that follows the colon that person's statement, in headline style,
    the quote inside it too. Only a verbless name: "Update: …" or "The ruling: …" names
    nobody. The parser may end a sentence at the colon ("OK Gov Fallin:" then "Trump Is
    ‘…’"): the introduction is then the sentence before, in the same paragraph."""
    sent = sentence_of(doc[span.start])
    start = sent.start
    if start > 0 and doc[start - 1].text == ":" and not inside[doc[start - 1].idx]:
        before = sentence_of(doc[start - 1])
        if paragraph_index(doc, before.start_char) == paragraph_index(doc, sent.start_char):
            start = before.start
    colons = [t for t in doc[start : span.start] if t.text == ":" and not inside[t.idx]]
    if not colons or colons[0].i - start > MAX_SIGNATURE_WORDS:
        return None
    intro = doc[start : colons[0].i]
    if not len(intro) or any(t.pos_ in {"VERB", "AUX"} or inside[t.idx] for t in intro):
        return None
    return _named(intro, inside)


def _named(intro: Span, inside: bytearray) -> Span | None:
    """The first person or body named in a verbless introduction, else its proper nouns."""
    for ent in ents_in(intro):
        if ent.label_ in SPEAKER_ENTS:
            return ent
    words = [t for t in intro if not t.is_punct and not t.is_space]
    if words and len(words) <= 6 and all(t.pos_ == "PROPN" or t.is_upper for t in words):
        return intro.doc[words[0].i : words[-1].i + 1]
    # A headline's "Trump: ‘…’" or "Ortiz on the Levy: ‘…’": the capitalised words that
    # open the introduction, up to a preposition, name the speaker when the story names a
    # person or body by them (the tagger often calls a lone surname in a headline a noun;
    # "Excerpts from the speech:" names nobody).
    lead: list[Token] = []
    for t in words:
        if not (t.is_alpha and t.text[0].isupper() and t.pos_ in {"PROPN", "NOUN"}):
            break
        lead.append(t)
    rest = words[len(lead) :]
    if (
        lead
        and len(lead) <= 4
        and (not rest or rest[0].pos_ == "ADP" and rest[0].text.islower())
        and named_in_story(intro.doc, {t.text for t in lead}, SPEAKER_ENTS - {"GPE"})
    ):
        return intro.doc[lead[0].i : lead[-1].i + 1]
    return None


def turn_label(span: Span) -> Span | None:
    """A transcript pasted in quotation marks names each turn's speaker inside the marks:
    "“WALLACE: Will she be there?”" is Wallace's. The label is a name in capitals (up to
    three words) right after the opening mark, then a colon."""
    words = [t for t in span[:6] if not t.is_space]
    while words and words[0].is_punct and words[0].text != ":":
        words = words[1:]
    name: list[Token] = []
    for t in words:
        if t.text == ":":
            break
        if not (t.is_alpha and t.is_upper and len(t.text) > 1 and t.pos_ == "PROPN") or len(name) == 3:
            return None
        name.append(t)
    else:
        return None
    return span.doc[name[0].i : name[-1].i + 1] if name else None


def dash_speaker(doc: Doc, quote_end: int) -> Span | None:
    """“…” — Jane Doe  /  “…”― Jane Doe, a teacher: a name after a dash signs the quote;
    so does a source cited in brackets right after it, as round-ups do (“…” [Reuters.])."""
    cited = CITED_AFTER.match(text_of(doc), quote_end)
    if cited:
        return doc.char_span(cited.start(1), cited.end(1), alignment_mode="expand")
    m = DASH_AFTER.match(text_of(doc), quote_end)
    if not m:
        return None
    tail = doc.char_span(m.end(), min(len(text_of(doc)), m.end() + 80), alignment_mode="expand")
    if tail is None:
        return None
    name: list[Token] = []
    for tok in tail:
        if tok.pos_ == "PROPN" or (name and tok.text == "." and len(name[-1]) <= 2):
            name.append(tok)
        elif tok.pos_ in {"DET", "ADJ", "NOUN"} and not name:
            continue
        else:
            break
    if not name or len(name) > 6:
        return None
    return doc[name[0].i : name[-1].i + 1]
