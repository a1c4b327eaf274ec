"""Quotes: where they are, whether they are speech or a term, and who said them.

``extract_quotes(doc)`` is the extractor; it follows textacy's style (a function over a
``Doc``) but does not give up on unbalanced marks (see ``quote_marks``), reads the parse
for the cue verb and its subject (``quote_cues``, ``quote_speakers``), decides speech or
term (``quote_kind``), resolves pronouns to the nearest named person before them, and
carries a speaker over to follow-on quotes (``running_speaker``). Where the parse names
nobody, the words around the quote may: a reporting tail (``quote_tail``), an
introduction (``quote_introducers``), a signature line (``quote_signature``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from copydesk.checks.records import Quote
from copydesk.flows.extract.doccache import line_paragraphs, text_of
from copydesk.flows.extract.holders import is_person_noun
from copydesk.flows.extract.lexicon import PERSONAL_PRONOUNS, POSSESSIVE_PRONOUNS
from copydesk.flows.extract.quote_cues import (
    best_cue,
    cue_text,
    frame_of,
    governs,
    lead_in_sentence,
    outermost_cue,
    previous_sentence,
)
from copydesk.flows.extract.quote_introducers import introducer
from copydesk.flows.extract.quote_kind import classify
from copydesk.flows.extract.quote_labels import colon_introducer, dash_speaker, round_up_signature, turn_label
from copydesk.flows.extract.quote_marks import QuoteSpan, find_quote_spans
from copydesk.flows.extract.quote_nearby import named_nearby
from copydesk.flows.extract.quote_owners import owned_before_noun, statement_owner
from copydesk.flows.extract.quote_signature import signature_line
from copydesk.flows.extract.quote_speakers import (
    adjacent_speaker,
    antecedent,
    name_in,
    neighbour_speaker,
    poll_behind,
    resolve_pronoun,
    speaker_of,
)
from copydesk.flows.extract.quote_tail import tail_report
from copydesk.flows.extract.running_speaker import carry_speakers
from copydesk.flows.extract.speaker_identity import titled_person


def extract_quotes(doc: Doc) -> list[Quote]:
    paragraphs = line_paragraphs(doc)
    spans = find_quote_spans(text_of(doc), paragraphs)
    inside = _char_mask(len(text_of(doc)), spans)
    quotes: list[Quote] = []
    previous: Quote | None = None  # the last speech quote, which a follow-on quote may continue
    for qs in spans:
        span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        kind = classify(doc, span, qs, inside)
        quote = Quote(
            qs.start,
            qs.end,
            text_of(doc)[qs.start : qs.end],
            kind,
            paragraph=_para_index(paragraphs, qs.start),
        )
        if kind == "speech":
            _attribute(doc, span, quote, inside, previous)
            if quote.speaker is None:
                _attribute_from_tail(doc, span, quote, inside)
            if quote.speaker is None:
                _attribute_from_layout(doc, span, quote, inside)
            previous = quote
        quotes.append(quote)
    carry_speakers(doc, quotes, spans, paragraphs, inside)
    # Last, a person in the quote's sentence or the next to it (FLAGS-GUIDE: a reader
    # finds the speaker there), after the quote's own cue and the running speaker; failing
    # that, any name there, which the rule reads (``quote_nearby``).
    for quote in quotes:
        if quote.kind != "speech" or quote.speaker is not None:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        neighbour = neighbour_speaker(doc, span, inside)
        if neighbour is not None:
            _set_speaker(doc, quote, neighbour, None, inside)
        else:
            nearby = named_nearby(doc, span, inside)
            quote.named_nearby = nearby.text if nearby is not None else None
    for quote in quotes:
        if quote.kind == "speech" and quote.speaker and not quote.speaker_name:
            quote.speaker_name = quote.speaker
    return quotes


def _attribute(doc: Doc, span: Span, quote: Quote, inside: bytearray, previous: Quote | None) -> None:
    label = turn_label(span) or round_up_signature(doc, span, inside)
    if label is not None:
        _set_speaker(doc, quote, label, ":", inside)
        return
    owned = statement_owner(span, inside) or owned_before_noun(span, inside)
    if owned is not None:
        noun, owner = owned
        quote.cue_start = noun.idx
        _set_speaker(doc, quote, owner, noun.text, inside)
        return
    frame = frame_of(doc, span)
    cue = best_cue(doc, span, frame, inside)
    if cue is None:
        # "Smith praised the plan. “It will work.”" / "He added:" then the quote: a quote
        # that opens its sentence is often introduced by the sentence before it.
        prev = previous_sentence(doc, frame.start)
        opens_sentence = not any(not t.is_punct and not t.is_space for t in doc[frame.start : span.start])
        if (
            prev is not None
            and not prev.text.rstrip().endswith(":")
            and opens_sentence
            and _spoke_in(previous, prev)
        ):
            # "“Your reputation is amazing,” Trump assured Jones, after Jones assured
            # him. “I will not let you down.”": the quote goes on from the one before,
            # whatever other verbs of saying its sentence has.
            _continue_speaker(quote, previous)
            return
        if prev is not None and (prev.text.rstrip().endswith(":") or opens_sentence):
            cue = best_cue(doc, span, prev, inside)
        elif prev is None:
            # "Alvarez praised the crew. / “We need …”": the paragraph before introduces it.
            lead = lead_in_sentence(doc, span, inside)
            cue = best_cue(doc, span, lead, inside) if lead is not None else None
    if cue is None or speaker_of(cue, inside) is None:
        introducer = colon_introducer(doc, span, inside)
        if introducer is not None:
            _set_speaker(doc, quote, introducer, ":", inside)
            return
    dash = dash_speaker(doc, quote.end)
    if cue is None or (dash is not None and not governs(cue, span)):
        if dash is None:
            return
        cue_word, speaker = "—", dash
    else:
        cue = outermost_cue(cue, inside)
        cue_word = cue_text(cue)
        quote.cue_start = cue.idx
        speaker = speaker_of(cue, inside) or adjacent_speaker(doc, span, cue, inside)
        if speaker is not None:
            speaker = poll_behind(doc, speaker, inside) or speaker
    quote.cue = cue_word
    if speaker is not None:
        _set_speaker(doc, quote, speaker, cue_word, inside, _speaking_before(quote, previous))


def _spoke_in(previous: Quote | None, sentence: Span) -> bool:
    """Does ``sentence`` hold a speech quote with a speaker (``previous``, the last one)?"""
    return (
        previous is not None
        and previous.speaker is not None
        and sentence.start_char <= previous.start < sentence.end_char
    )


def _continue_speaker(quote: Quote, previous: Quote) -> None:
    quote.speaker = previous.speaker
    quote.speaker_start = previous.speaker_start
    quote.speaker_end = previous.speaker_end
    quote.speaker_name = previous.speaker_name
    quote.cue = previous.cue
    quote.cue_start = previous.cue_start
    quote.anonymous = previous.anonymous


def _attribute_from_tail(doc: Doc, span: Span, quote: Quote, inside: bytearray) -> None:
    """ "“…,” the two write.": the reporting clause after the quote, read off the words
    when the parse gave the quote no speaker (``quote_tail``)."""
    found = tail_report(doc, span, inside)
    if found is not None:
        verb, speaker = found
        quote.cue_start = verb.idx
        _set_speaker(doc, quote, speaker, verb.text, inside)


def _attribute_from_layout(doc: Doc, span: Span, quote: Quote, inside: bytearray) -> None:
    """The words around the quote name its speaker where no verb reports it: a document
    or an inverted verb right before it (``quote_introducers``), a name signing it on the
    line under it (``quote_signature``)."""
    speaker = introducer(doc, span, inside)
    if speaker is not None:
        _set_speaker(doc, quote, speaker, ":", inside)
        return
    signed = signature_line(doc, span, inside)
    if signed is not None:
        _set_speaker(doc, quote, signed, "—", inside)


def _speaking_before(quote: Quote, previous: Quote | None) -> str | None:
    """Who spoke the speech quote before ``quote``, when it was in the same paragraph or the
    one before: "he added" after a quote of Manafort's goes on with Manafort."""
    if previous is None or previous.speaker_name is None or quote.paragraph - previous.paragraph > 1:
        return None
    return previous.speaker_name


def _set_speaker(
    doc: Doc,
    quote: Quote,
    speaker: Span,
    cue: str | None,
    inside: bytearray,
    speaking_before: str | None = None,
) -> None:
    quote.cue = cue
    quote.speaker = speaker.text
    quote.speaker_start = speaker.start_char
    quote.speaker_end = speaker.end_char
    named = antecedent(speaker, inside) or speaker
    quote.speaker_name = name_in(named)
    if quote.speaker_name is None and named.root.lower_ in PERSONAL_PRONOUNS | POSSESSIVE_PRONOUNS:
        quote.speaker_name = resolve_pronoun(doc, named, inside, speaking_before=speaking_before)
    if quote.speaker_name is None:
        quote.speaker_name = titled_person(named)  # "the mayor", after "Mayor Ana Ruiz"
    if quote.speaker_name is None and named is not speaker:
        quote.speaker_name = named.text
    # Anonymous: a person described, not named ("one farmer"); a document, a body or a
    # count of people speaking is not an unnamed person (speaker_identity).
    quote.anonymous = (
        quote.speaker_name is None
        and not any(t.pos_ == "PROPN" and not t.is_lower for t in named)
        and is_person_noun(named.root)
    )


def _char_mask(n: int, spans: list[QuoteSpan]) -> bytearray:
    mask = bytearray(n + 1)
    for s in spans:
        mask[s.start : s.end] = b"\x01" * (s.end - s.start)
    return mask


def _para_index(paragraphs: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(paragraphs) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paragraphs[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


__all__ = ["extract_quotes"]
