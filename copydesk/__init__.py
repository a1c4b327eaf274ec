"""copydesk as a library: review and extract article files in-process, without Prefect.

    import copydesk

    result = copydesk.review(["content/"])          # files or folders
    for article in result.articles:
        for finding in article.findings:
            print(article.article.id, finding.rule, finding.message)

    for report in copydesk.extract(["content/pier.md"]):
        print(report.model_dump_json())           # the JSON contract (``copydesk schema``)

``review`` is the pipeline ``copydesk check`` and the Prefect flow's tasks run: cached
extraction, the Great Expectations suites, inline suppressions and the project's rule
settings (pass them in ``ReviewOptions``). It writes no reports and records nothing in the
ledger; ``reports.writer.write_reports`` and the flow do that.
"""

from __future__ import annotations

from collections.abc import Iterable

from checks.records import ReviewedArticle
from flows.content.loader import DEFAULT_MAX_BYTES, discover_files
from flows.reviewing import ReviewOptions, ReviewResult, review_articles
from reports.schema import ArticleReport

__all__ = ["ArticleReport", "ReviewOptions", "ReviewResult", "ReviewedArticle", "extract", "review"]

# Articles per parse call: the batch ``copydesk extract`` uses.
EXTRACT_BATCH = 32


def review(paths: Iterable[str], options: ReviewOptions | None = None) -> ReviewResult:
    """Review article files (or folders of them): extraction, checks and suppressions.
    One bad file gets a result with its error; it never stops the others."""
    return review_articles([str(p) for p in paths], options or ReviewOptions())


def extract(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> list[ArticleReport]:
    """What copydesk reads in each article (quotes, figures, dates, sources), as the JSON
    contract's models, without running the checks."""
    from flows.extract.pipeline import extract_batch  # spaCy: only when asked to parse
    from reports.contract import article_report

    files = list(discover_files([str(p) for p in paths]))
    reports: list[ArticleReport] = []
    for i in range(0, len(files), EXTRACT_BATCH):
        for art in extract_batch(files[i : i + EXTRACT_BATCH], max_bytes):
            reports.append(article_report(art, with_findings=False))
    return reports
