"""Run every extractor over one parsed article and map the results back to the file.

This is the only place that knows both the ``Doc`` (clean text) and the ``Article``
(file text): extractors return clean offsets; here they become file offsets, get ids,
and figures and quotes are linked to the citations that cover them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html

from spacy.tokens import Doc

from copydesk.checks.hidden import kind_of
from copydesk.checks.matching import names, plain_text, stems
from copydesk.checks.records import (
    ArticleInfo,
    Citation,
    HiddenCharacter,
    Quote,
    ReviewedArticle,
    Source,
    VagueAttribution,
)
from copydesk.flows.content.article import Article
from copydesk.flows.content.view import ReviewText
from copydesk.flows.extract.dates import extract_dates
from copydesk.flows.extract.doccache import sentence_of, sentences, text_of
from copydesk.flows.extract.figures import extract_figures
from copydesk.flows.extract.notices import mask_notices
from copydesk.flows.extract.quotes import extract_quotes
from copydesk.flows.extract.scope import cover_figures
from copydesk.flows.extract.sources import extract_attributions, footnote_year
from copydesk.flows.extract.tense import clause_verb
from copydesk.flows.extract.text import paragraph_spans
from copydesk.flows.extract.vague import extract_vague


def _headline(article: Article, view: ReviewText) -> tuple[int, int] | None:
    """Where the article's title is in the reviewed text, if it has one that is reviewed."""
    titles = [z for z in article.zones if z.kind == "title" and z.reviewed and z.end > z.start]
    if not titles:
        return None
    return view.to_clean(titles[0].start), view.to_clean(titles[0].end)


def article_info(article: Article) -> ArticleInfo:
    meta = article.meta
    return ArticleInfo(
        meta.id, meta.title, meta.author, meta.published.isoformat() if meta.published else None, meta.section
    )


def extract_article(article: Article, doc: Doc, view: ReviewText) -> ReviewedArticle:
    text = text_of(doc)
    published = article.meta.published
    quotes = extract_quotes(doc)
    in_quote = bytearray(len(text) + 1)
    for q in quotes:
        in_quote[q.start : q.end] = b"\x01" * (q.end - q.start)
    # Quotes are the speaker's claims, a correction notice restates the story's: neither
    # is the article's own word for the figure, date and attribution checks.
    paragraphs = paragraph_spans(text)
    not_own = mask_notices(text, paragraphs, in_quote)
    dates = extract_dates(doc, published, skip=not_own)
    figures = extract_figures(doc, skip=not_own, dates=[(d.start, d.end) for d in dates])
    attributions = extract_attributions(doc, skip=not_own)

    sources = _footnote_sources(article) + _link_sources(article)
    citations = _citations(article, view, sources)
    inline_sources = cover_figures(
        doc, figures, citations, attributions, paragraphs, _headline(article, view)
    )
    _cite_quotes(doc, quotes, citations, dates, published)
    _claims(doc, citations, dates, published, sources, article, view)

    result = ReviewedArticle(
        article.path, article_info(article), text=article.text, errors=list(article.errors)
    )
    result.zones = [(z.kind, z.start, z.end) for z in article.zones if z.reviewed]
    result.directives = sorted(set(article.directives))
    result.quotes = [_quote_to_file(q, article, view, i + 1) for i, q in enumerate(quotes)]
    result.figures = [_span_to_file(f, article, view, f"f{i + 1}") for i, f in enumerate(figures)]
    result.dates = [_span_to_file(d, article, view, f"d{i + 1}") for i, d in enumerate(dates)]
    for src in inline_sources:
        src.start, src.end = view.to_file(src.start, src.end)
        src.scope_start, src.scope_end = view.to_file(src.scope_start, src.scope_end)
        src.text = article.text[src.start : src.end]  # the phrase; `entity` keeps who
    result.sources = sources + inline_sources
    result.citations = citations
    result.vague = [
        _span_to_file(VagueAttribution(v.start, v.end, v.holder), article, view, f"v{i + 1}")
        for i, v in enumerate(extract_vague(doc, skip=not_own))
    ]
    result.hidden = [
        HiddenCharacter(
            start, end, article.text[start:end], kind_of(html.unescape(article.text[start:end])), f"h{i + 1}"
        )  # type: ignore[arg-type]
        for i, (start, end) in enumerate(view.hidden)
    ]
    return result


# ---------------------------------------------------------------- sources
def _norm_label(label: str) -> str:
    return label.strip().lower().removeprefix("fn").lstrip("^:-_")


def _footnote_sources(article: Article) -> list[Source]:
    cited: dict[str, int] = {}
    for m in article.markers:
        cited[_norm_label(m.label)] = cited.get(_norm_label(m.label), 0) + 1
    return [
        Source(
            id=f"fn:{_norm_label(fn.label)}",
            kind="footnote",
            start=fn.start,
            end=fn.end,
            text=fn.text,
            label=_norm_label(fn.label),
            year=footnote_year(plain_text(fn.text)),
            cited=cited.get(_norm_label(fn.label), 0),
        )
        for fn in article.footnotes
    ]


def _link_sources(article: Article) -> list[Source]:
    return [
        Source(id=f"ln:{i + 1}", kind="link", start=ln.start, end=ln.end, text=ln.text, url=ln.url, cited=1)
        for i, ln in enumerate(article.links)
        if _reviewed(article, ln.start)
    ]


def _reviewed(article: Article, pos: int) -> bool:
    return any(z.reviewed and z.start <= pos < z.end for z in article.zones)


def _citations(article: Article, view: ReviewText, sources: list[Source]) -> list[Citation]:
    by_label = {s.label: s.id for s in sources if s.kind == "footnote"}
    out = [
        Citation(_norm_label(m.label), m.start, m.end, by_label.get(_norm_label(m.label)), "footnote")
        for m in article.markers
    ]
    out += [Citation(s.id, s.start, s.end, s.id, "link") for s in sources if s.kind == "link"]
    out.sort(key=lambda c: c.start)
    for i, c in enumerate(out):
        c.id = f"c{i + 1}"
        c.clean_pos = view.to_clean(c.start if c.kind == "footnote" else c.end)
    return out


# ---------------------------------------------------------------- quotes
def _cite_quotes(doc, quotes, citations, dates, published) -> None:
    """A quote's own citations: markers or links inside it or right after it in its sentence;
    and the year the statement was made, when its sentence says so."""
    by_start = sorted(dates, key=lambda d: d.start)
    starts = [d.start for d in by_start]
    for q in quotes:
        if q.kind != "speech":
            continue
        sent_end = doc.char_span(q.end - 1, q.end, alignment_mode="expand")
        end = sentence_of(sent_end[0]).end_char if sent_end is not None and len(sent_end) else q.end
        q.sources = [c.source_id or c.label for c in citations if q.start <= c.clean_pos < end + 1]
        q.statement_year = _statement_year(doc, q, by_start, published, starts)


def _statement_year(doc: Doc, q: Quote, dates, published, starts: list[int]) -> int | None:
    """The year the quoted statement was made, when the words that attribute it date it:
    "In 2004 the minister said", "In a 2017 interview, X said". A date elsewhere in the
    sentence dates something else."""
    if q.cue_start is None:
        return None
    cue_span = doc.char_span(q.cue_start, q.cue_start + 1, alignment_mode="expand")
    if cue_span is None or not len(cue_span):
        return None
    cue = cue_span[0]
    years = []
    # Only a date in the cue's own sentence can hang off it (a parse never crosses a
    # sentence): looking at those alone keeps long articles from going quadratic.
    sent = sentence_of(cue)
    lo, hi = bisect.bisect_left(starts, sent.start_char), bisect.bisect_left(starts, sent.end_char)
    for d in dates[lo:hi]:
        if d.kind not in {"absolute", "range"} or not d.range_start or q.start <= d.start < q.end:
            continue
        if _describes_speaker(doc, q, d):
            continue
        if _reported_occasion(d, published):
            continue
        if published is not None and d.range_start[:4] > str(published.year):
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if (
            span is not None
            and len(span)
            and clause_verb(span.root) is not None
            and clause_verb(span.root).i == cue.i
        ):
            years.append(int(d.range_start[:4]))
    return max(years) if years else None


def _describes_speaker(doc: Doc, q: Quote, d) -> bool:
    """ "said X, the architect of the 2008 campaign": a year in the speaker's noun phrase
    (or hanging from it) dates the speaker, not the statement."""
    if q.speaker_start is None or q.speaker_end is None:
        return False
    if q.speaker_start <= d.start < q.speaker_end:
        return True
    speaker = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
    date = doc.char_span(d.start, d.end, alignment_mode="expand")
    if speaker is None or date is None or not len(speaker) or not len(date):
        return False
    return speaker.root in date.root.ancestors


def _reported_occasion(d, published) -> bool:
    """A day-dated statement ("said at a news conference on Tuesday, March 11, 2025") is
    the event the article reports, not a past statement quoted from elsewhere, unless the
    publication date puts it more than a year back."""
    if not d.range_start or len(d.range_start) < 10:
        return False
    if published is None:
        return True
    try:
        return abs((published - dt.date.fromisoformat(d.range_start[:10])).days) <= 365
    except ValueError:
        return False


def _claims(doc, citations, dates, published, sources, article: Article, view: ReviewText) -> None:
    """The claim each footnote stands behind: its sentence, back to the previous marker."""
    by_id = {s.id: s for s in sources}
    prev_end = 0
    cited_sentences: dict[str, list[tuple[int, int]]] = {}
    for c in citations:
        pos = c.clean_pos
        tok = doc.char_span(max(pos - 1, 0), max(pos, 1), alignment_mode="expand")
        sent = sentence_of(tok[0]) if tok is not None and len(tok) else None
        start = max(sent.start_char if sent is not None else 0, prev_end)
        c.claim_start, c.claim_end = start, pos
        prev_end = pos
        completed = [
            int(d.range_start[:4])
            for d in dates
            if start <= d.start < pos
            and d.range_start
            and d.tense in {"past", "unknown"}
            and (published is None or dt.date.fromisoformat(d.range_start) <= published)
        ]
        c.claim_year = max(completed) if completed else None
        if c.source_id:
            cited_sentences.setdefault(c.source_id, []).append(
                (sent.start_char, sent.end_char) if sent is not None else (start, pos)
            )
    body = text_of(doc)
    for c in citations:
        src = by_id.get(c.source_id or "")
        if src is None or src.kind != "footnote":
            continue
        claim = body[c.claim_start : c.claim_end]
        context = claim + " " + _previous_sentence_text(doc, c.claim_start)
        own = stems(plain_text(src.text))
        if len(own) < 2 or own & stems(context):
            continue
        src_names = names(plain_text(src.text))
        if len(src_names) < 2:
            continue
        elsewhere = _sentences_naming(doc, src_names, exclude=cited_sentences.get(src.id, []))
        c.mismatch = bool(elsewhere)
    for c in citations:
        c.claim_start, c.claim_end = view.to_file(c.claim_start, c.claim_end)


def _previous_sentence_text(doc: Doc, pos: int) -> str:
    tok = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if tok is None or not len(tok) or sentence_of(tok[0]).start == 0:
        return ""
    here = sentence_of(tok[0])
    prev = sentence_of(doc[here.start - 1])
    if "\n\n" in text_of(doc)[prev.start_char : here.start_char]:
        return ""
    return prev.text


def _sentences_naming(doc: Doc, wanted: set[str], exclude: list[tuple[int, int]]) -> list[str]:
    hits = []
    for sent in sentences(doc):
        if any(a <= sent.start_char < b for a, b in exclude):
            continue
        if len(wanted & names(sent.text)) >= 2:
            hits.append(sent.text)
    return hits


# ---------------------------------------------------------------- to file offsets
def _span_to_file(item, article: Article, view: ReviewText, item_id: str):
    item.start, item.end = view.to_file(item.start, item.end)
    item.text = article.text[item.start : item.end]
    item.id = item_id
    if hasattr(item, "sentence_start"):
        item.sentence_start, item.sentence_end = view.to_file(item.sentence_start, item.sentence_end)
    return item


def _quote_to_file(q: Quote, article: Article, view: ReviewText, n: int) -> Quote:
    _span_to_file(q, article, view, f"q{n}")
    if q.speaker_start is not None and q.speaker_end is not None:
        q.speaker_start, q.speaker_end = view.to_file(q.speaker_start, q.speaker_end)
        q.speaker = article.text[q.speaker_start : q.speaker_end]
    return q
