"""The review flow: load -> extract (per batch) -> check (once per suite over the run) ->
report. Tasks are thin wrappers over plain functions in ``copydesk.flows.extract``, ``checks``
and ``reports``, so the same work runs with or without Prefect.

Where the work runs is a parameter of the run, not of the flow, so that the CLI, a
served deployment and ``prefect deploy`` all choose it the same way:

- ``runner="local"``, ``workers=1``: every task in the flow's own process;
- ``runner="local"``, ``workers=N``: extraction batches on a pool of N processes
  (``copydesk.flows.runtime.pools``), checks, ledger and reports in the flow's process;
- ``runner="dask"``: extraction and checks on the Dask cluster at ``address``.

Articles whose bytes, model and extraction code are unchanged come from the cache
(``copydesk.flows.cache``) and are not parsed; those whose rules are unchanged too keep their
findings and are not checked. The ledger and the reports cover every article, every run.
"""

from __future__ import annotations

# The checks (pandas, Great Expectations) and the ledger (SQLAlchemy) are imported inside
# the tasks that use them: a pool worker unpickles this flow with every task it runs, and
# should import no more than the extraction needs.
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, Literal

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import TaskRunner
from prefect.utilities.annotations import quote

from copydesk.checks.config import SuiteConfig, load_suites
from copydesk.checks.identity import article_id, project_root
from copydesk.checks.project_config import ProjectConfig, current_config
from copydesk.checks.records import ArticleInfo, Finding, ReviewedArticle
from copydesk.checks.rule_policy import RulePolicy
from copydesk.checks.rules_version import rules_version
from copydesk.flows.batching import BATCH_SIZE, plan_batches
from copydesk.flows.cache import ExtractionCache, archive_context
from copydesk.flows.content.loader import DEFAULT_MAX_BYTES, unique_files
from copydesk.flows.extraction import extract_batch_task
from copydesk.flows.progress import advance
from copydesk.flows.reviewing import (
    assemble,
    cached_articles,
    check_articles,
    known_findings,
    open_cache,
    preload_checks_in_background,
)
from copydesk.flows.runtime.parallel import FAILED, GaveUp, run_batches
from copydesk.flows.runtime.pools import open_pool
from copydesk.flows.runtime.workers import worker_api_url
from copydesk.reports.markdown_report import open_findings_table, run_markdown
from copydesk.reports.writer import write_reports

# Articles per Great Expectations run: one run over the whole review up to this size
# (GX costs ~10 ms per expectation per run), bounded above so that a Dask task's input
# and a validation's tables stay a few megabytes however large the archive.
CHECK_CHUNK = 1000

RunnerKind = Literal["local", "dask"]

# Lists of articles go to tasks inside ``quote`` (or a ``Parcel``): Prefect otherwise walks
# every field of every record looking for futures to wait on, about a second per task for
# 300 articles.


class Parcel:
    """Articles handed to a task that may run on Dask, or returned by the flow. Not a
    ``quote``: Dask rebuilds tuples, ``quote`` among them, as plain tuples on the way to
    the worker; nor a list or dataclass, which Prefect and Dask would both walk through,
    record by record."""

    __slots__ = ("articles",)

    def __init__(self, articles: list[ReviewedArticle]) -> None:
        self.articles = articles


@task(name="cache-lookup", cache_policy=NO_CACHE)
def cache_lookup_task(files: list[str], max_bytes: int, cache: ExtractionCache) -> dict[str, ReviewedArticle]:
    return cached_articles(files, max_bytes, cache)


@task(name="run-checks", cache_policy=NO_CACHE)
def check_task(parcel: Parcel, suites: list[SuiteConfig], policy: RulePolicy | None = None) -> Parcel:
    # the suites, then inline <!-- copydesk-disable… --> switches, then the project's
    # select / ignore / per-path severities
    check_articles(parcel.articles, suites, policy)
    return parcel


@task(name="ledger-sync", cache_policy=NO_CACHE)
def ledger_task(articles: list[ReviewedArticle], db_url: str | None) -> list[ReviewedArticle]:
    """Record the run in the ledger and give each finding its editors' status (in place)."""
    from copydesk.checks.ledger import Ledger

    with Ledger.open(db_url) as ledger:
        ledger.sync(articles)
    return articles


@task(name="archive-sync", cache_policy=NO_CACHE)
def archive_task(
    articles: list[ReviewedArticle],
    db_url: str | None,
    folders: list[str],
    cache: ExtractionCache | None = None,
    rules: str = "",
    ahead: dict | None = None,
) -> dict:
    """Index the run's articles in the quote archive and find their quotes elsewhere in it:
    the archive matches of each article with any, by article id. With a cache, the matches
    of a run that left the archive as an earlier run did are that run's, not compared again.
    ``ahead``: the parsed articles' entries, signed as their batches came back."""
    from copydesk.checks.archive.archive_review import find_matches, index_run

    run = index_run(articles, db_url, folders, ahead)
    matches = cache.lookup_archive_matches(rules, run.state) if cache is not None else None
    reused = matches is not None
    if matches is None:
        matches = find_matches(run, db_url)
        if cache is not None:
            cache.store_archive_matches(rules, run.state, matches)
    u = run.update
    get_run_logger().info(
        "quote archive: %d articles indexed, %d unchanged, %d removed; matches %s",
        u.indexed,
        u.unchanged,
        u.removed,
        "as the last run with this archive found them" if reused else "found",
    )
    return matches


@task(name="write-reports", cache_policy=NO_CACHE)
def report_task(articles: list[ReviewedArticle], out_dir: str) -> str:
    write_reports(articles, out_dir)
    create_markdown_artifact(
        markdown=run_markdown(articles), key="copydesk-summary", description="copydesk review summary"
    )
    rows = open_findings_table(articles)
    if rows:
        create_table_artifact(table=rows, key="copydesk-open-findings", description="Open findings")
    return out_dir


def _gave_up(path: str, reason: str) -> ReviewedArticle:
    """An article whose batch failed: reported with the reason, never checked."""
    return ReviewedArticle(path, ArticleInfo(article_id(path)), errors=[reason], reviewed=False)


@flow(name="copydesk-review", log_prints=False, validate_parameters=False)
def review_flow(
    paths: list[str],
    out_dir: str = "reports/out",
    suites_dir: str | None = None,
    batch_size: int = BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    db_url: str | None = None,
    workers: int = 1,
    runner: RunnerKind = "local",
    address: str | None = None,
    cache_dir: str | None = None,
    use_cache: bool = True,
) -> Parcel:
    """Review ``paths``; the reviewed articles, with their findings, are ``.articles`` of
    the result. (A Parcel and not a list: Prefect walks a flow's return value record by
    record looking for futures, a second per 300 articles.)"""
    # The project's settings (copydesk.toml or [tool.copydesk], found from the folder the
    # run starts in, as for copydesk review, ci and a scheduled run): which files, which
    # suites, which rules at what severity.
    settings = current_config()
    # Loaded once, here: a bad suite file fails now, not after parsing.
    suites = load_suites(_suites_folder(suites_dir, settings))
    rules = rules_version(suites, settings.policy)
    # A file named twice, or two ways, is reviewed once; the settings' content and exclude
    # globs apply to files named and found alike.
    files = [f for f in unique_files(paths) if settings.includes(f)]
    # Each article's id (its path from the project root) decided here, in the flow's own
    # process: a Dask worker may run in another folder.
    root = project_root()
    ids = {path: article_id(path, root) for path in files}
    cache = open_cache(cache_dir, rules) if use_cache else None
    found = cache_lookup_task(quote(files), max_bytes, quote(cache)) if cache else {}
    known = known_findings(cache, found, rules)
    advance(len(found))
    if runner != "dask" and len(known) < len(files):
        # Great Expectations takes seconds to import: do it while the articles are parsed,
        # not after. Failures are left to the checks, which raise them.
        preload_checks_in_background(archive=True)
    misses = [p for p in files if p not in found]
    batches = plan_batches(misses, workers, batch_size)

    from copydesk.checks.archive.archive_review import signed_ahead  # SQLAlchemy: not in a worker

    parsed: dict[str, ReviewedArticle] = {}
    ahead: dict[str, Any] = {}  # IndexEntry by content hash
    with _dask(address) if runner == "dask" else nullcontext() as dask:
        for batch, outcome in _extract(batches, max_bytes, workers, dask):
            if isinstance(outcome, GaveUp):
                results = [_gave_up(p, outcome.reason) for p in batch]
            else:
                results = outcome.articles
                if cache is not None and outcome.version == cache.version:
                    for art in results:
                        cache.store(art, max_bytes)
                # The archive's signatures, made while the workers parse the next batches
                # rather than after the last one.
                ahead.update(signed_ahead(results))
            parsed.update(zip(batch, results, strict=True))
            advance(len(batch))
        articles = assemble(files, found, parsed, ids, {})
        matches = archive_task(
            quote(articles), db_url, _whole_folders(paths, root), quote(cache), rules, quote(ahead)
        )
        for art in articles:
            art.archive_matches = matches.get(art.article.id, [])
            if art.path in known and _archive_free(art, known[art.path]):
                art.findings = known[art.path]
                continue
            # Its archive findings depend on the other articles, not only on its own bytes:
            # kept only under the same matches (their digest), else checked again.
            known.pop(art.path, None)
            kept = cache.lookup_findings(art, rules, archive_context(art.archive_matches)) if cache else None
            if kept is not None and art.archive_matches:
                art.findings = known[art.path] = kept
        unchecked = [a for a in articles if a.path not in known]
        checked = {a.path: a for a in _check(unchecked, suites, settings.policy, dask)} if unchecked else {}
        articles = [checked.get(a.path, a) for a in articles]
        if cache is not None:
            for art in checked.values():
                # Under its bytes alone too: what the next run counts as known before its
                # archive step (reused as is only when no archive rule is involved).
                cache.store_findings(art, rules)
                if art.archive_matches:
                    cache.store_findings(art, rules, archive_context(art.archive_matches))
    articles = ledger_task(quote(articles), db_url)
    report_task(quote(articles), out_dir)
    if cache is not None:
        # The entries stored meanwhile are written by the cache's threads. (A run that
        # fails before here leaves them to finish as the process exits.)
        cache.close()
        if cache.write_failures:
            get_run_logger().warning(
                "%d extraction cache entries could not be written to %s: those articles "
                "will be parsed again next run",
                cache.write_failures,
                cache.root,
            )
    return Parcel(articles)


def _suites_folder(suites_dir: str | None, settings: ProjectConfig) -> Path | None:
    """``--suites`` if given, else the settings' ``suites`` folder, else None (built-in)."""
    return Path(suites_dir) if suites_dir else settings.suites


def _archive_free(art: ReviewedArticle, findings: list[Finding]) -> bool:
    """Neither the article's archive matches now nor its findings from an earlier run
    involve another article."""
    from copydesk.checks.facts import rules_reading

    archive_rules = rules_reading("archive_matches")
    return not art.archive_matches and not any(f.rule in archive_rules for f in findings)


def _whole_folders(paths: list[str], root: Path) -> list[str]:
    """The ids of the folders among ``paths`` ("" for the project root): reviewed whole, so
    that an archived article under one that is not in this run is gone."""
    folders = []
    for path in paths:
        if Path(path).is_dir():
            folder = article_id(path, root)
            folders.append("" if folder == "." else folder)
    return folders


def _extract(
    batches: list[list[str]], max_bytes: int, workers: int, dask: TaskRunner | None
) -> Iterator[tuple[list[str], Any]]:
    params = {"max_bytes": max_bytes}
    if dask is not None:
        yield from run_batches(extract_batch_task, batches, params, lambda n: nullcontext(dask), len(batches))
    elif workers > 1 and len(batches) > 1:
        with worker_api_url():
            yield from run_batches(extract_batch_task, batches, params, open_pool, workers)
    else:  # in this process: no pool to start for one batch, or when asked for one worker
        for batch in batches:
            state = extract_batch_task(batch, max_bytes, return_state=True)
            yield batch, state.result() if state.is_completed() else GaveUp(FAILED)


def _check(
    articles: list[ReviewedArticle],
    suites: list[SuiteConfig],
    policy: RulePolicy,
    dask: TaskRunner | None,
) -> list[ReviewedArticle]:
    chunks = [articles[i : i + CHECK_CHUNK] for i in range(0, len(articles), CHECK_CHUNK)]
    if dask is None:  # Great Expectations is already imported here; a pool worker would import it again
        return [
            art
            for chunk in chunks
            for art in check_task(Parcel(chunk), quote(suites), quote(policy)).articles
        ]
    futures = [
        dask.submit(check_task, {"parcel": Parcel(chunk), "suites": suites, "policy": policy})
        for chunk in chunks
    ]
    return [art for future in futures for art in future.result().articles]


@contextmanager
def _dask(address: str | None) -> Iterator[TaskRunner]:
    # Imported here: prefect-dask pulls in distributed (most of a second) and only a Dask
    # run needs it.
    from prefect_dask import DaskTaskRunner

    if not address:
        raise ValueError("runner 'dask' needs the address of a Dask scheduler (tcp://HOST:PORT)")
    with worker_api_url(), DaskTaskRunner(address=address) as dask:
        yield dask
