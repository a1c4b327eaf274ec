"""The extraction task: one Prefect task per batch of files, wherever it runs.

Kept apart from the rest of the flow so that a worker process, which only ever runs this
task, imports Prefect, spaCy and the extractors, and not the checks, the ledger and the
report renderers (pandas, SQLAlchemy, Jinja) that the flow's own process needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from prefect import task
from prefect.cache_policies import NO_CACHE

from copydesk.checks.records import ReviewedArticle
from copydesk.flows.extract.pipeline_version import pipeline_version


@dataclass
class ExtractedBatch:
    articles: list[ReviewedArticle]
    # What produced them (model, spaCy, extraction code): a worker on another machine may
    # differ from the flow's, and then its results must not be filed under the flow's.
    version: str | None


@task(name="extract-batch", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def extract_batch_task(paths: list[str], max_bytes: int) -> ExtractedBatch:
    # Imported here: a flow process that parses nothing itself (a warm re-run, a pool,
    # a Dask cluster) never pays for importing spaCy.
    from copydesk.flows.extract.pipeline import extract_batch

    return ExtractedBatch(extract_batch(paths, max_bytes), pipeline_version())


def warm_worker() -> None:
    """A pool worker's start: load the model and import what its first task will run,
    so that the first batch costs what every other batch costs. Called by the pool with
    a reference to this function, so the flow's process itself never imports spaCy."""
    import prefect.task_engine  # noqa: F401  (runs every task in the worker)

    from copydesk.flows.extract.nlp import warm_up
    from copydesk.flows.runtime.fastexit import skip_teardown

    warm_up()
    # Last: a worker that fails to start exits the ordinary way, with its error.
    skip_teardown()
