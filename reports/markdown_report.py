"""A Markdown summary per article and for a whole run (for pull requests and Prefect artifacts)."""

from __future__ import annotations

from copydesk.checks.hidden import show_hidden
from copydesk.checks.records import ReviewedArticle
from copydesk.reports.coverage import figure_coverage

SEVERITIES = ("error", "warning", "info")


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def article_markdown(art: ReviewedArticle) -> str:
    title = art.article.title or art.article.id
    lines = [f"# Review: {_cell(title)}", "", f"`{art.path}`", ""]
    if art.errors:
        lines += ["**Problems with this file:**", ""] + [f"- {_cell(e)}" for e in art.errors] + [""]
    if art.reviewed and not art.article.published:
        lines += ["_No publication date found: date-future could not be checked._", ""]
    counts = {s: sum(1 for f in art.findings if f.severity == s) for s in SEVERITIES}
    lines.append(", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items()))
    lines.append("")
    if art.findings:
        # The fingerprint is what `copydesk flags show|accept|dismiss` and the desk take.
        lines += [
            "| Line:Col | Severity | Rule | Status | Message | Fingerprint |",
            "|---|---|---|---|---|---|",
        ]
        for f in art.findings:
            lines.append(
                f"| {f.line}:{f.column} | {f.severity} | `{f.rule}` | {f.status} | {_cell(f.message)} "
                f"| `{f.fingerprint}` |"
            )
    else:
        lines.append("No findings.")
    coverage = figure_coverage(art)
    if coverage:
        lines += ["", "## Figures and their sources", "", "| Figure | Status | Why |", "|---|---|---|"]
        lines += [f"| {_cell(c.text)} | {c.status} | {_cell(c.why)} |" for c in coverage]
    return show_hidden("\n".join(lines) + "\n")  # titles, paths, messages: hidden characters shown


def run_markdown(articles: list[ReviewedArticle]) -> str:
    lines = [
        "# copydesk review",
        "",
        "| Article | Errors | Warnings | Info | Problems |",
        "|---|---|---|---|---|",
    ]
    for art in articles:
        c = {s: sum(1 for f in art.findings if f.severity == s and f.status == "open") for s in SEVERITIES}
        lines.append(
            f"| `{art.path}` | {c['error']} | {c['warning']} | {c['info']} | {_cell('; '.join(art.errors))} |"
        )
    return show_hidden("\n".join(lines) + "\n")


def open_findings_table(articles: list[ReviewedArticle]) -> list[dict]:
    return [
        {
            "article": art.article.id,
            "line": f.line,
            "column": f.column,
            "rule": f.rule,
            "severity": f.severity,
            "message": f.message,
            "fingerprint": f.fingerprint,
        }
        for art in articles
        for f in art.findings
        if f.status == "open"
    ]
