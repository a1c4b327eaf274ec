"""The summary a person sees at the end of a run."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from checks.hidden import show_hidden
from checks.records import ReviewedArticle


def print_summary(articles: list[ReviewedArticle], out_dir: str, console: Console) -> None:
    table = Table(title="copydesk review", show_lines=False)
    table.add_column("article")
    for col in ("errors", "warnings", "info"):
        table.add_column(col, justify="right")
    table.add_column("problems")
    totals = {"error": 0, "warning": 0, "info": 0}
    for art in articles:
        c = {s: sum(1 for f in art.findings if f.severity == s and f.status == "open") for s in totals}
        for s in totals:
            totals[s] += c[s]
        # File names and error messages come from the files: "[/red]" in either must print
        # as text, not be read as Rich markup (an unmatched closing tag raises MarkupError).
        problem = escape(show_hidden("; ".join(art.errors)))
        table.add_row(
            escape(show_hidden(art.path)),
            str(c["error"]),
            str(c["warning"]),
            str(c["info"]),
            f"[red]{problem}[/red]" if not art.reviewed else problem,
        )
    console.print(table)
    failed = sum(1 for a in articles if not a.reviewed)
    console.print(
        f"{len(articles)} file{'s' if len(articles) != 1 else ''} reviewed"
        + (f", {failed} could not be read" if failed else "")
        + f": {totals['error']} errors, {totals['warning']} warnings, {totals['info']} info. "
        + f"Reports in {escape(str(out_dir))}/index.html"
    )
