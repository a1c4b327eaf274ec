"""Why each figure was or was not flagged, as an editor reads it: which source covers it,
or that none does. Shared by the HTML report and the desk."""

from __future__ import annotations

from dataclasses import dataclass

from checks.records import ReviewedArticle

MOOD_WORDS = {
    "modal": "stated as a possibility (would, could)",
    "goal": "a goal, plan or proposal's own term",
    "condition": "inside a condition (if …)",
    "second person": "a worked example (you, your)",
    "imperative": "advice to the reader",
    "question": "asked, not stated",
}


@dataclass(frozen=True)
class FigureCoverage:
    id: str
    text: str
    start: int
    status: str  # "sourced" | "carried" | "not a claim" | "breakdown" | "unsourced"
    why: str


def figure_coverage(art: ReviewedArticle) -> list[FigureCoverage]:
    by_id = {s.id: s for s in art.sources}
    rows = []
    for f in art.figures:
        src = next((by_id[i] for i in f.sources if i in by_id), None)
        if src is not None:
            name = src.entity or src.text or src.url or src.id
            if src.kind == "footnote":
                name = f"footnote [{src.label}]: {src.text}"
            elif src.kind == "link":
                name = f"link: {src.url or src.text}"
            status = "carried" if f.carried else "sourced"
            why = f"from “{name}”, named earlier in the passage" if f.carried else f"by “{name}”"
        elif f.mood:
            status, why = "not a claim", MOOD_WORDS.get(f.mood, f.mood)
        elif f.parallel:
            status, why = "breakdown", "part of a list of figures in one sentence, judged on its first"
        else:
            status, why = "unsourced", "no source covers it"
        rows.append(FigureCoverage(f.id, f.text, f.start, status, why))
    return rows
