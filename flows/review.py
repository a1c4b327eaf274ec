"""The review flow: load -> extract (per batch) -> check (once per suite over the run) ->
report. Tasks are thin wrappers over plain functions in ``flows.extract``, ``checks``
and ``reports``, so the same work runs with or without Prefect."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from checks.config import load_suites
from checks.ledger import Ledger
from checks.records import ReviewedArticle
from checks.runner import review_findings
from checks.suppressions import apply_suppressions
from flows.content.loader import DEFAULT_MAX_BYTES, discover_files
from flows.extract.pipeline import extract_batch, failed
from reports.markdown import open_findings_table, run_markdown
from reports.writer import unique_ids, write_reports

BATCH_SIZE = 20

ProgressCallback = Callable[[int], None]


@task(name="extract-batch", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def extract_batch_task(paths: list[str], max_bytes: int) -> list[ReviewedArticle]:
    return extract_batch(paths, max_bytes)


@task(name="run-checks", cache_policy=NO_CACHE)
def check_task(articles: list[ReviewedArticle], suites_dir: str | None) -> list[ReviewedArticle]:
    review_findings(articles, load_suites(Path(suites_dir) if suites_dir else None))
    for art in articles:  # inline <!-- copydesk-disable… --> switches, with their reasons
        apply_suppressions(art)
    return articles


@task(name="ledger-sync", cache_policy=NO_CACHE)
def ledger_task(articles: list[ReviewedArticle], db_url: str | None) -> list[ReviewedArticle]:
    """Record the run in the ledger and give each finding its editors' status (in place)."""
    with Ledger.open(db_url) as ledger:
        ledger.sync(articles)
    return articles


@task(name="write-reports", cache_policy=NO_CACHE)
def report_task(articles: list[ReviewedArticle], out_dir: str) -> str:
    unique_ids(articles)
    write_reports(articles, out_dir)
    create_markdown_artifact(
        markdown=run_markdown(articles), key="copydesk-summary", description="copydesk review summary"
    )
    rows = open_findings_table(articles)
    if rows:
        create_table_artifact(table=rows, key="copydesk-open-findings", description="Open findings")
    return out_dir


@flow(name="copydesk-review", log_prints=False, validate_parameters=False)
def review_flow(
    paths: list[str],
    out_dir: str = "reports/out",
    suites_dir: str | None = None,
    batch_size: int = BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_progress: ProgressCallback | None = None,
    db_url: str | None = None,
) -> list[ReviewedArticle]:
    files = list(discover_files(paths))
    articles: list[ReviewedArticle] = []
    for i in range(0, len(files), batch_size):
        batch = files[i : i + batch_size]
        state = extract_batch_task(batch, max_bytes, return_state=True)
        if state.is_completed():
            articles.extend(state.result())
        else:  # the batch failed twice: report its files, review the rest
            articles.extend(
                failed(p, "could not be processed: the extraction task failed twice") for p in batch
            )
        if on_progress:
            on_progress(len(batch))
    articles = check_task(articles, suites_dir)
    articles = ledger_task(articles, db_url)
    report_task(articles, out_dir)
    return articles
