"""The running speaker: quotes with no cue of their own that continue an attributed one."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from copydesk.checks.records import Quote
from copydesk.flows.extract.quote_marks import QuoteSpan
from copydesk.flows.extract.quote_speakers import SPEAKER_ENTS, resolve_pronoun

# How many paragraphs of narration about the running speaker may stand between two of
# their quote paragraphs ("She pauses." between two lines of a phone call).
MAX_BRIDGE = 2


def carry_speakers(
    doc: Doc, quotes: list[Quote], spans: list[QuoteSpan], paragraphs, inside: bytearray
) -> None:
    """A quote with no speaker takes the previous quote's when it continues that quote, sits
    in the same paragraph, or opens the paragraph right after a quote paragraph of one
    speaker, or after a paragraph or two that only go on about that speaker. ``inside``
    marks the characters inside quotation marks."""
    by_start = {s.start: s for s in spans}
    speech = [q for q in quotes if q.kind == "speech"]
    for i, quote in enumerate(speech):
        if quote.speaker or i == 0:
            continue
        prev = speech[i - 1]
        if not prev.speaker:
            continue
        qs = by_start.get(quote.start)
        opens_paragraph = paragraphs[quote.paragraph][0] == quote.start
        same_paragraph = prev.paragraph == quote.paragraph
        between = quote.paragraph - prev.paragraph - 1  # paragraphs of narration in between
        follows = (
            opens_paragraph
            and _one_speaker(speech, prev.paragraph)
            and (
                between == 0
                or 0 < between <= MAX_BRIDGE
                and (
                    _only_about_the_speaker(doc, prev, quote, inside)
                    or _stage_direction(doc, paragraphs[prev.paragraph][1], quote.start)
                    or _introduces_what_follows(doc, paragraphs[prev.paragraph][1], quote.start)
                )
            )
        )
        if (qs is not None and qs.continuation) or same_paragraph or follows:
            quote.speaker = prev.speaker
            quote.speaker_start, quote.speaker_end = prev.speaker_start, prev.speaker_end
            quote.speaker_name = prev.speaker_name
            quote.cue = prev.cue
            quote.anonymous = prev.anonymous
            nearer = _nearer_mention(doc, prev, quote, inside)
            if nearer is not None:
                # "“…,” Ode added. He then turned to the crowd. / “Who will pay?”": the
                # reader meets the speaker again as "He"; that mention is the attribution.
                quote.speaker = nearer.text
                quote.speaker_start, quote.speaker_end = nearer.start_char, nearer.end_char


def _only_about_the_speaker(doc: Doc, prev: Quote, quote: Quote, inside: bytearray) -> bool:
    """The paragraphs between two quotes go on about the running speaker ("She pauses.",
    "Miller shakes her head.") and name nobody else: the next quote is still theirs."""
    if _nearer_mention(doc, prev, quote, inside) is None:
        return False
    gap = doc.char_span(prev.end, quote.start, alignment_mode="contract")
    names = set((prev.speaker_name or "").split())
    return gap is not None and all(
        set(ent.text.split()) <= names for ent in gap.ents if ent.label_ == "PERSON"
    )


# "Pause.", "A long pause.", "(Cheers.)": a note on the scene with no verb, no
# subject and no name; narration about someone is ``_only_about_the_speaker``'s to judge.
MAX_STAGE_WORDS = 4


def _stage_direction(doc: Doc, start: int, end: int) -> bool:
    """A few words with no subject and no name between two quote paragraphs of a speaker
    (a pause, laughter) say nothing of anyone: the next quote is still theirs."""
    gap = doc.char_span(start, end, alignment_mode="contract")
    words = [t for t in gap if not t.is_punct and not t.is_space] if gap is not None else []
    return (
        0 < len(words) <= MAX_STAGE_WORDS
        and not any(
            t.dep_ in {"nsubj", "nsubjpass", "expl"} or t.pos_ in {"VERB", "AUX", "PRON"} for t in words
        )
        and not any(t.ent_type_ in SPEAKER_ENTS for t in words)
    )


# "Transcript as follows:", "The rest, as delivered:": a short line that hands over to
# what follows, naming nobody.
MAX_HANDOVER_WORDS = 6


def _introduces_what_follows(doc: Doc, start: int, end: int) -> bool:
    """A short line ending in a colon that names no one, between a speaker's quote and
    the quote paragraphs after it, introduces more of the same speaker's words."""
    gap = doc.char_span(start, end, alignment_mode="contract")
    if gap is None or not gap.text.rstrip().endswith(":"):
        return False
    words = [t for t in gap if not t.is_punct and not t.is_space]
    return (
        0 < len(words) <= MAX_HANDOVER_WORDS
        and not any(t.ent_type_ in SPEAKER_ENTS for t in words)
        # a pronoun or a name may be someone else; a capital that opens the line may not
        and not any(t.pos_ == "PRON" or (t.pos_ == "PROPN" and t != words[0]) for t in words)
    )


def _one_speaker(speech: list[Quote], paragraph: int) -> bool:
    names = {q.speaker_name or q.speaker for q in speech if q.paragraph == paragraph}
    return len(names) == 1 and None not in names


def _nearer_mention(doc: Doc, prev: Quote, quote: Quote, inside: bytearray) -> Span | None:
    """The last subject between the two quotes that is the running speaker again: "he" or
    "she" whose nearest named person is the speaker, or the speaker's name."""
    if not prev.speaker_name or prev.speaker_end is None:
        return None
    gap = doc.char_span(max(prev.end, prev.speaker_end), quote.start, alignment_mode="contract")
    if gap is None:
        return None
    name_words = set(prev.speaker_name.split())
    found = None
    for token in gap:
        if token.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if (
            token.lower_ in {"he", "she"}
            and resolve_pronoun(doc, doc[token.i : token.i + 1], inside) == prev.speaker_name
        ):
            found = doc[token.i : token.i + 1]
        elif token.ent_type_ == "PERSON" and token.text in name_words:
            found = next((e for e in doc.ents if e.start <= token.i < e.end), doc[token.i : token.i + 1])
    return found
