"""A reviewed article as the JSON contract of DESIGN.md (``copydesk extract`` and
``<id>.json``): the records of ``copydesk.checks.records`` turned into the models of
``copydesk.reports.report_schema``, which every written object goes through."""

from __future__ import annotations

from typing import Any

from copydesk.checks.records import ArchiveMatch, DateMention, Figure, Finding, Quote, ReviewedArticle, Source
from copydesk.reports.coverage import source_name
from copydesk.reports.markup import is_html
from copydesk.reports.naming import report_name
from copydesk.reports.report_schema import (
    ArticleReport,
    ReportArchiveQuote,
    ReportArticleInfo,
    ReportDate,
    ReportFigure,
    ReportFinding,
    ReportQuote,
    ReportSource,
    ReportWordChange,
)


def to_contract(art: ReviewedArticle, with_findings: bool = True) -> dict[str, Any]:
    """The article's JSON object, as plain data. Callers write it with ``json.dumps``, which
    formats numbers as copydesk always has (``1e-05``, where pydantic's own JSON has
    ``0.00001``): the values come from the model either way."""
    return article_report(art, with_findings).model_dump(mode="json")


def article_report(art: ReviewedArticle, with_findings: bool = True) -> ArticleReport:
    return ArticleReport(
        path=art.path,
        article=ReportArticleInfo(
            id=art.article.id,
            title=art.article.title,
            author=art.article.author,
            published=art.article.published,
            section=art.article.section,
        ),
        quotes=tuple(_quote(q) for q in art.quotes),
        figures=tuple(_figure(f, art) for f in art.figures),
        dates=tuple(_date(d) for d in art.dates),
        sources=tuple(_source(s) for s in art.sources),
        findings=tuple(_finding(f) for f in art.findings) if with_findings else None,
        errors=tuple(art.errors),
    )


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


def _covered_by(art: ReviewedArticle, ids: list[str]) -> str | None:
    """The first covering source as an editor reads it: a footnote's text, a link's
    address, an attribution's words."""
    for s in art.sources:
        if ids and s.id == ids[0]:
            return source_name(s, is_html(art.path))
    return None


def _quote(q: Quote) -> ReportQuote:
    return ReportQuote(
        id=q.id,
        start=q.start,
        end=q.end,
        text=q.text,
        kind=q.kind,
        speaker=q.speaker,
        speaker_start=q.speaker_start,
        speaker_end=q.speaker_end,
        speaker_name=q.speaker_name,
        cue=q.cue,
        sources=tuple(q.sources),
    )


def _figure(f: Figure, art: ReviewedArticle) -> ReportFigure:
    return ReportFigure(
        id=f.id,
        start=f.start,
        end=f.end,
        text=f.text,
        value=_number(f.value),
        unit=f.unit,
        hedge=f.hedge,
        kind=f.kind,
        sources=tuple(f.sources),
        covered_by=_covered_by(art, f.sources),
        carried=f.carried,
        mood=f.mood,
        parallel=f.parallel,
        restated=f.restated,
    )


def _date(d: DateMention) -> ReportDate:
    return ReportDate(
        id=d.id, start=d.start, end=d.end, text=d.text, value=d.value, kind=d.kind, tense=d.tense
    )


def _source(s: Source) -> ReportSource:
    return ReportSource(
        id=s.id,
        kind=s.kind,
        label=s.label,
        start=s.start,
        end=s.end,
        text=s.text,
        year=s.year,
        url=s.url,
        entity=s.entity,
        scope_start=s.scope_start,
        scope_end=s.scope_end,
    )


def _finding(f: Finding) -> ReportFinding:
    return ReportFinding(
        rule=f.rule,
        severity=f.severity,
        item=f.item,
        start=f.start,
        end=f.end,
        line=f.line,
        column=f.column,
        end_line=f.end_line,
        end_column=f.end_column,
        message=f.message,
        fingerprint=f.fingerprint,
        status=f.status,
        # Archive rules only: the other article's quote.
        match=archive_quote(f.match) if f.match is not None else None,
    )


def archive_quote(match: ArchiveMatch) -> ReportArchiveQuote:
    """The other article's quote an archive finding is about, with where its report is."""
    return ReportArchiveQuote(
        article=match.article_id,
        path=match.path,
        published=match.published,
        report=report_name(match.article_id) + ".html",
        item=match.item,
        start=match.start,
        end=match.end,
        line=match.line,
        text=match.text,
        speaker=match.speaker,
        same_words=match.same_words,
        same_speaker=match.same_speaker,
        diff=tuple(ReportWordChange(op=c.op, here=c.here, there=c.there) for c in match.diff),
    )
