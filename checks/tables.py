"""One pandas table per kind of item over a whole batch, keyed (article_id, item_id).

Columns hold facts the extractors established; the judgement (is this allowed?) is left
to the expectation suites, so a maintainer tunes rules in the suite files, not here.
"""

from __future__ import annotations

import pandas as pd

from checks.matching import content_words
from checks.records import ReviewedArticle

KEY = ["article_id", "item_id"]


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=KEY + columns)
    # Object dtype throughout: GX type expectations and pandas 3's string dtype disagree.
    return frame.astype({c: object for c in KEY})


def _date(value: str | None):
    return pd.Timestamp(value) if value else pd.NaT


def build_tables(articles: list[ReviewedArticle]) -> dict[str, pd.DataFrame]:
    quotes, figures, dates, citations, sources, attributions, archive = [], [], [], [], [], [], []
    hidden: list[dict] = []
    for art in articles:
        aid = art.article.id
        published = art.article.published
        for q in art.quotes:
            quotes.append(
                {
                    "article_id": aid,
                    "item_id": q.id,
                    "kind": q.kind,
                    "speaker": q.speaker,
                    "has_speaker": q.speaker is not None,
                    "anonymous": bool(q.anonymous),
                    "past_statement": q.statement_year is not None,
                    "cited": bool(q.sources),
                }
            )
        for f, other in zip(art.figures, same_quantity(art), strict=True):
            figures.append(
                {
                    "article_id": aid,
                    "item_id": f.id,
                    "kind": f.kind,
                    "value": f.value,
                    "unit": f.unit,
                    "source_count": len(f.sources),
                    # A worked example, a plan's terms or the rest of a breakdown asserts
                    # nothing of its own: only the claims a reader would check need a source.
                    "claim": f.mood is None and not f.parallel,
                    "implausible_context": f.share or f.decrease,
                    "running_tally": f.running_tally,
                    "same_quantity_value": other.value if other else None,
                }
            )
        for d in art.dates:
            dates.append(
                {
                    "article_id": aid,
                    "item_id": d.id,
                    "kind": d.kind,
                    "tense": d.tense,
                    "range_start": _date(d.range_start),
                    "range_end": _date(d.range_end),
                    "published": _date(published),
                }
            )
        for c in art.citations:
            src = next((s for s in art.sources if s.id == c.source_id), None)
            citations.append(
                {
                    "article_id": aid,
                    "item_id": c.id,
                    "kind": c.kind,
                    "source_id": c.source_id,
                    "source_year": src.year if src else None,
                    "claim_year": c.claim_year,
                    "mismatch": c.mismatch,
                }
            )
        for s in art.sources:
            sources.append({"article_id": aid, "item_id": s.id, "kind": s.kind, "cited": s.cited})
        for v in art.vague:
            attributions.append({"article_id": aid, "item_id": v.id, "named": False})
        for h in art.hidden:
            hidden.append({"article_id": aid, "item_id": h.id, "kind": h.kind, "visible": False})
        # The quotes joined with their archive matches (``checks.archive``): one row per
        # quote and matching quote of another article.
        for m in art.archive_matches:
            archive.append(
                {
                    "article_id": aid,
                    "item_id": m.quote_id,
                    "other_article": m.match.article_id,
                    "other_item": m.match.item,
                    "same_words": m.match.same_words,
                    "same_speaker": m.match.same_speaker,
                }
            )
    return {
        "quotes": _frame(quotes, ["kind", "speaker", "has_speaker", "anonymous", "past_statement", "cited"]),
        "figures": _frame(
            figures,
            [
                "kind",
                "value",
                "unit",
                "source_count",
                "claim",
                "implausible_context",
                "running_tally",
                "same_quantity_value",
            ],
        ),
        "dates": _frame(dates, ["kind", "tense", "range_start", "range_end", "published"]),
        "citations": _frame(citations, ["kind", "source_id", "source_year", "claim_year", "mismatch"]),
        "sources": _frame(sources, ["kind", "cited"]),
        "attributions": _frame(attributions, ["named"]),
        "hidden": _frame(hidden, ["kind", "visible"]),
        "archive_matches": _frame(archive, ["other_article", "other_item", "same_words", "same_speaker"]),
    }


def same_quantity(art: ReviewedArticle):
    """For each figure, an earlier figure of the same quantity, if the article has one.

    Same quantity means: the same counted unit (not a bare percentage or currency, which
    too many different things share), the same rate ("a year"), no hedge on either, and
    a content word in common between the two sentences besides the unit.
    """
    out = []
    seen = []
    for f in art.figures:
        match = None
        if f.kind == "count" and f.unit and f.rate and not f.hedge:
            words = content_words(art.text[f.sentence_start : f.sentence_end]) - {f.unit, f.unit.rstrip("s")}
            for g, g_words in seen:
                if (
                    g.unit == f.unit
                    and g.rate == f.rate
                    and not g.hedge
                    and g.value != f.value
                    and words & g_words
                ):
                    match = g
                    break
            seen.append((f, words))
        out.append(match)
    return out
