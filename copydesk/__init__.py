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
ledger; ``copydesk.reports.writer.write_reports`` and the flow do that.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

# copydesk's code lives in four folders of the checkout, copydesk/, flows/, checks/ and
# reports/, all imported under this one package: ``copydesk.flows``, ``copydesk.checks``,
# ``copydesk.reports``. Where they are found:
#
# - installed wheel: setuptools' package-dir mapping (pyproject.toml) copies the folders
#   into copydesk/ (copydesk/flows/...), so ordinary imports find them; nothing to do here.
# - editable install (``make setup``): the finder setuptools generates maps each
#   namespaced package to its folder in the checkout.
# - a checkout on PYTHONPATH (how helpers and tests run): nothing maps them, so this
#   package's search path gets the checkout's root as its second entry, and
#   ``copydesk.flows`` is found at <checkout>/flows as an ordinary subpackage.
#
# The last is the least magic that covers a bare checkout: one entry in ``__path__``, the
# standard place Python looks for a package's submodules (no import hook to maintain, no
# symlinks, which a wheel build and Windows checkouts would not keep). It applies only
# beside a pyproject.toml with the sibling folders, never in an installed copy (there
# copydesk/flows exists), so a site-packages holding the PyPI ``flows`` is never mistaken
# for ours. In an editable install it applies too and finds the folders the finder maps.
# Its cost: any other folder of the checkout is reachable as ``copydesk.<folder>``; no code
# asks for one, and nothing imports the old top-level names (tests/unit/test_layers.py),
# so each module is loaded once, under its ``copydesk.`` name.
_HERE = Path(__file__).resolve().parent
_CHECKOUT = _HERE.parent
_IN_CHECKOUT = not (_HERE / "flows").is_dir() and (_CHECKOUT / "pyproject.toml").is_file()
if _IN_CHECKOUT and all(
    (_CHECKOUT / name / "__init__.py").is_file() for name in ("flows", "checks", "reports")
):
    __path__.append(str(_CHECKOUT))  # noqa: F821  (a package's own __path__)

# The public names are imported on first use (PEP 562): ``import copydesk`` is what every
# command pays first, and ``copydesk check`` forks its checker as early as it can, so the
# loader, the review and the report models (pydantic, Markdown, settings: a sixth of a
# second) load when a caller reads them, not when the package is imported.
_PUBLIC = {
    "ReviewedArticle": "copydesk.checks.records",
    "ReviewOptions": "copydesk.flows.reviewing",
    "ReviewResult": "copydesk.flows.reviewing",
    "ArticleReport": "copydesk.reports.report_schema",
}

if TYPE_CHECKING:
    from copydesk.checks.records import ReviewedArticle
    from copydesk.flows.reviewing import ReviewOptions, ReviewResult
    from copydesk.reports.report_schema import ArticleReport

__all__ = ["ArticleReport", "ReviewOptions", "ReviewResult", "ReviewedArticle", "extract", "review"]

# Articles per parse call: the batch ``copydesk extract`` uses.
EXTRACT_BATCH = 32


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'copydesk' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # looked up once
    return value


def review(paths: Iterable[str], options: ReviewOptions | None = None) -> ReviewResult:
    """Review article files (or folders of them): extraction, checks and suppressions.
    One bad file gets a result with its error; it never stops the others."""
    from copydesk.flows.reviewing import ReviewOptions, review_articles

    return review_articles([str(p) for p in paths], options or ReviewOptions())


def extract(paths: Iterable[str], max_bytes: int | None = None) -> list[ArticleReport]:
    """What copydesk reads in each article (quotes, figures, dates, sources), as the JSON
    contract's models, without running the checks."""
    from copydesk.flows.content.loader import DEFAULT_MAX_BYTES, discover_files
    from copydesk.flows.extract.pipeline import extract_batch  # spaCy: only when asked to parse
    from copydesk.reports.contract import article_report

    if max_bytes is None:
        max_bytes = DEFAULT_MAX_BYTES

    files = list(discover_files([str(p) for p in paths]))
    reports: list[ArticleReport] = []
    for i in range(0, len(files), EXTRACT_BATCH):
        for art in extract_batch(files[i : i + EXTRACT_BATCH], max_bytes):
            reports.append(article_report(art, with_findings=False))
    return reports
