"""The JSON object of DESIGN.md for one article (``copydesk extract`` and ``<id>.json``)."""

from __future__ import annotations

from dataclasses import asdict

from checks.records import ArchiveMatch, ReviewedArticle
from reports.coverage import source_name
from reports.markup import is_html
from reports.naming import report_name


def _number(value: float | None):
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


def match_data(match: ArchiveMatch) -> dict:
    """The other article's quote an archive finding is about, with where its report is."""
    return {
        "article": match.article_id,
        "path": match.path,
        "published": match.published,
        "report": report_name(match.article_id) + ".html",
        "item": match.item,
        "start": match.start,
        "end": match.end,
        "line": match.line,
        "text": match.text,
        "speaker": match.speaker,
        "same_words": match.same_words,
        "same_speaker": match.same_speaker,
        # Word by word, this quote against the other: equal, insert (words only the other
        # has), delete (words only this one has), replace.
        "diff": [{"op": c.op, "here": c.here, "there": c.there} for c in match.diff],
    }


def to_contract(art: ReviewedArticle, with_findings: bool = True) -> dict:
    obj = {
        "path": art.path,
        "article": asdict(art.article),
        "quotes": [
            {
                "id": q.id,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "speaker_name": q.speaker_name,
                "cue": q.cue,
                "sources": q.sources,
            }
            for q in art.quotes
        ],
        "figures": [
            {
                "id": f.id,
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "value": _number(f.value),
                "unit": f.unit,
                "hedge": f.hedge,
                "kind": f.kind,
                "sources": f.sources,
                # Why the figure is or is not flagged: which source covers it (its own
                # sentence, or "carried" from a data source named earlier in the passage),
                # or that it asserts nothing ("mood": a plan's term, a worked example) or
                # continues a breakdown whose first figure carries the finding.
                "covered_by": _covered_by(art, f.sources),
                "carried": f.carried,
                "mood": f.mood,
                "parallel": f.parallel,
            }
            for f in art.figures
        ],
        "dates": [
            {
                "id": d.id,
                "start": d.start,
                "end": d.end,
                "text": d.text,
                "value": d.value,
                "kind": d.kind,
                "tense": d.tense,
            }
            for d in art.dates
        ],
        "sources": [
            {
                k: v
                for k, v in {
                    "id": s.id,
                    "kind": s.kind,
                    "label": s.label,
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                    "year": s.year,
                    "url": s.url,
                    "entity": s.entity,
                    "scope_start": s.scope_start,
                    "scope_end": s.scope_end,
                }.items()
                if v is not None or k in {"label", "year"}
            }
            for s in art.sources
        ],
    }
    if with_findings:
        obj["findings"] = [
            {
                "rule": f.rule,
                "severity": f.severity,
                "item": f.item,
                "start": f.start,
                "end": f.end,
                "line": f.line,
                "column": f.column,
                "end_line": f.end_line,
                "end_column": f.end_column,
                "message": f.message,
                "fingerprint": f.fingerprint,
                "status": f.status,
                # Archive rules only: the other article's quote.
                **({"match": match_data(f.match)} if f.match is not None else {}),
            }
            for f in art.findings
        ]
    obj["errors"] = list(art.errors)
    return obj
