"""Why each figure was or was not flagged, as an editor reads it: which source covers it,
or that none does. Shared by the HTML and Markdown reports (from the records) and the desk
(from the JSON report it reads)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from copydesk.checks.records import ReviewedArticle, Source
from copydesk.reports.markup import is_html, words

MOOD_WORDS = {
    "modal": "stated as a possibility (would, could)",
    "goal": "a goal, plan or proposal's own term",
    "condition": "inside a condition (if …)",
    "second person": "a worked example (you, your)",
    "imperative": "advice to the reader",
    "question": "asked, not stated",
    "purpose": "what something is for, not what happened",
    "rule": "a standing rule's own term (what it requires or allows)",
    "reference": "a reference fact given in passing (a contest's seats, a place's population)",
    "act": "a public body's own act on the record (a fine it imposed, a loan or grant it gave)",
    "location": "a distance that says where something is",
}


@dataclass(frozen=True)
class FigureCoverage:
    id: str
    text: str
    start: int
    status: str  # "sourced" | "carried" | "not a claim" | "breakdown" | "restated" | "unsourced"
    why: str


def describe(
    covered_by: str | None, carried: bool, mood: str | None, parallel: bool, restated: bool = False
) -> tuple[str, str]:
    """(status, why) of one figure."""
    if restated:
        where = f", sourced there by “{covered_by}”" if covered_by else ""
        return "restated", f"the same figure as elsewhere in the article{where}; judged there"
    if covered_by:
        if carried:
            return "carried", f"from “{covered_by}”, named earlier in the passage"
        return "sourced", f"by “{covered_by}”"
    if mood:
        return "not a claim", MOOD_WORDS.get(mood, mood)
    if parallel:
        return "breakdown", "part of a list of figures in one sentence, judged on its first"
    return "unsourced", "no source covers it"


def source_name(src: Source, markup: bool = False) -> str:
    """A source as an editor reads it; ``markup``: the article is HTML, whose footnotes'
    text is source (``copydesk.reports.markup``)."""
    if src.kind == "footnote":
        return f"footnote [{src.label}]: {' '.join(words(src.text).split()) if markup else src.text}"
    if src.kind == "link":
        return f"link: {src.url or src.text}"
    return src.entity or src.text or src.id


def figure_coverage(art: ReviewedArticle) -> list[FigureCoverage]:
    by_id = {s.id: s for s in art.sources}
    rows = []
    for f in art.figures:
        src = next((by_id[i] for i in f.sources if i in by_id), None)
        name = source_name(src, is_html(art.path)) if src else None
        status, why = describe(name, f.carried, f.mood, f.parallel, f.restated)
        rows.append(FigureCoverage(f.id, f.text, f.start, status, why))
    return rows


def coverage_from_report(report: dict[str, Any]) -> list[FigureCoverage]:
    """The same table from a JSON report (``copydesk.reports.contract``), for the desk."""
    rows = []
    for f in report.get("figures") or []:
        if not isinstance(f, dict):
            continue
        covered = f.get("covered_by")
        status, why = describe(
            str(covered) if covered else None,
            bool(f.get("carried")),
            f.get("mood"),
            bool(f.get("parallel")),
            bool(f.get("restated")),
        )
        start = f.get("start")
        rows.append(
            FigureCoverage(
                str(f.get("id") or ""),
                str(f.get("text") or ""),
                start if isinstance(start, int) else 0,
                status,
                why,
            )
        )
    return rows
