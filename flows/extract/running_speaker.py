"""The running speaker: quotes with no cue of their own that continue an attributed one."""

from __future__ import annotations

from spacy.tokens import Doc

from checks.records import Quote
from flows.extract.quote_marks import QuoteSpan


def carry_speakers(doc: Doc, quotes: list[Quote], spans: list[QuoteSpan], paragraphs) -> None:
    """A quote with no speaker takes the previous quote's when it continues that quote, sits
    in the same paragraph, or opens the paragraph right after a quote paragraph of one
    speaker."""
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
        follows = (
            opens_paragraph and prev.paragraph == quote.paragraph - 1 and _one_speaker(speech, prev.paragraph)
        )
        if (qs is not None and qs.continuation) or same_paragraph or follows:
            quote.speaker = prev.speaker
            quote.speaker_start, quote.speaker_end = prev.speaker_start, prev.speaker_end
            quote.speaker_name = prev.speaker_name
            quote.cue = prev.cue
            quote.anonymous = prev.anonymous


def _one_speaker(speech: list[Quote], paragraph: int) -> bool:
    names = {q.speaker_name or q.speaker for q in speech if q.paragraph == paragraph}
    return len(names) == 1 and None not in names
