"""The desk's side-by-side view of an archive finding: the passage of the article under
review and the passage of the other article that quotes the same words, each with its
quote marked, read from the files the reports name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from copydesk.reports.desk.store import read_text

# The two decisions on a match, as ledger decisions: "both right" dismisses the finding
# (it stays dismissed while the pair is there), "fixed" accepts it (and the review that
# no longer finds it marks it fixed).
BOTH_RIGHT = "both right: two people said it, or one said it twice"
FIXED = "fixed: the wrong wording or speaker is being corrected"
CONTEXT = 400  # characters of the paragraph shown on each side of a quote, at most


@dataclass(frozen=True)
class Passage:
    article: str
    path: str
    published: str | None
    speaker: str | None
    line: int
    html: Markup | None  # the passage with its quote in <mark>; None when the file cannot be read
    problem: str | None


@dataclass(frozen=True)
class MatchView:
    rule: str
    message: str
    fingerprint: str
    here: Passage
    there: Passage
    diff: list[dict[str, str]]


def match_view(report: dict[str, Any], fingerprint: str, base: Path) -> MatchView | None:
    """The archive finding ``fingerprint`` of the article ``report`` is about, or None when
    the report has no such finding with a match."""
    finding = next(
        (
            f
            for f in report.get("findings") or []
            if isinstance(f, dict)
            and f.get("fingerprint") == fingerprint
            and isinstance(f.get("match"), dict)
        ),
        None,
    )
    if finding is None:
        return None
    match = finding["match"]
    meta = report.get("article") or {}
    quote = next(
        (q for q in report.get("quotes") or [] if isinstance(q, dict) and q.get("id") == finding.get("item")),
        {},
    )
    here = _passage(
        str(meta.get("id") or ""),
        str(report.get("path") or ""),
        meta.get("published"),
        quote.get("speaker_name") or quote.get("speaker"),
        _int(finding.get("line")),
        _int(finding.get("start")),
        _int(finding.get("end")),
        base,
    )
    there = _passage(
        str(match.get("article") or ""),
        str(match.get("path") or ""),
        match.get("published"),
        match.get("speaker"),
        _int(match.get("line")),
        _int(match.get("start")),
        _int(match.get("end")),
        base,
    )
    diff = [
        {k: str(c.get(k) or "") for k in ("op", "here", "there")}
        for c in match.get("diff") or []
        if isinstance(c, dict)
    ]
    return MatchView(
        str(finding.get("rule") or ""), str(finding.get("message") or ""), fingerprint, here, there, diff
    )


def _passage(
    article: str,
    path: str,
    published: str | None,
    speaker: str | None,
    line: int,
    start: int,
    end: int,
    base: Path,
) -> Passage:
    text, problem = read_text(base, path)
    html = None
    if text is not None:
        if not (0 <= start < end <= len(text)):
            problem, text = f"{path} has changed since the review: the quote is no longer where it was.", None
        else:
            # The paragraph around the quote (blank lines end it), at most CONTEXT either side.
            left = text.rfind("\n\n", max(0, start - CONTEXT), start)
            right = text.find("\n\n", end, end + CONTEXT)
            left = max(0, start - CONTEXT) if left < 0 else left + 2
            right = min(len(text), end + CONTEXT) if right < 0 else right
            html = Markup("{}<mark>{}</mark>{}").format(
                escape(text[left:start]), escape(text[start:end]), escape(text[end:right])
            )
    return Passage(article, path, published, speaker, line, html, problem)


def _int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0
