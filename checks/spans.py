"""Whether an article's spans keep the contract (``flows/content/article.py``): every
offset a character offset into its text, ``0 <= start <= end <= len(text)``.

Extraction always produces such spans. Data read back from somewhere anyone could write
(the extraction cache in the workspace) is checked with this before it is trusted: an
entry with negated offsets once produced findings at ``-33..-44``.
"""

from __future__ import annotations

from copydesk.checks.records import Finding, ReviewedArticle

ITEM_LISTS = ("quotes", "figures", "dates", "sources", "citations", "vague", "hidden")


def article_problem(article: ReviewedArticle) -> str | None:
    """What breaks the contract in ``article`` (its items, zones and directives), or None."""
    size = len(article.text)
    for name in ITEM_LISTS:
        for i, item in enumerate(getattr(article, name)):
            problem = _item_problem(item, size)
            if problem:
                return f"{name}[{i}]: {problem}"
    for i, (_, start, end) in enumerate(article.zones):
        if not _inside(start, end, size):
            return f"zones[{i}]: {start}..{end} is not inside the text ({size} characters)"
    for i, (start, end, _) in enumerate(article.directives):
        if not _inside(start, end, size):
            return f"directives[{i}]: {start}..{end} is not inside the text ({size} characters)"
    return findings_problem(article.findings, size)


def findings_problem(findings: list[Finding], size: int) -> str | None:
    for i, finding in enumerate(findings):
        problem = _item_problem(finding, size)
        if problem:
            return f"findings[{i}]: {problem}"
        if min(finding.line, finding.column) < 0:
            return f"findings[{i}]: negative line or column"
    return None


# The spans the contract documents; other offsets in the records are internal to extraction.
SPANS = (
    ("start", "end"),
    ("speaker_start", "speaker_end"),
    ("scope_start", "scope_end"),
    ("claim_start", "claim_end"),
)


def _item_problem(item: object, size: int) -> str | None:
    for start_name, end_name in SPANS:
        if not hasattr(item, start_name):
            continue
        start, end = getattr(item, start_name), getattr(item, end_name)
        if start is None and end is None:  # optional spans: a quote without a speaker
            continue
        if not _inside(start, end, size):
            return f"{start_name}..{end_name} {start}..{end} is not inside the text ({size} characters)"
    return None


def _inside(start: object, end: object, size: int) -> bool:
    ints = isinstance(start, int) and isinstance(end, int)
    return ints and not isinstance(start, bool) and 0 <= start <= end <= size  # type: ignore[operator]
