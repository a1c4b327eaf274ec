"""A review as plain functions, without Prefect: what ``copydesk check`` runs, and the
steps the Prefect flow (``copydesk.flows.review_flow``) wraps in its tasks.

    review_articles(paths, ReviewOptions(...)) -> ReviewResult

reads each file's extraction and findings from the cache when its bytes, the pipeline and
the rules are unchanged, parses the rest in this process (one ``nlp.pipe`` per batch),
runs the Great Expectations suites once over the articles that need checking, applies the
inline suppressions and keeps the new results in the cache. The ledger and the reports
are left to the caller: the flow records each run in the ledger, ``copydesk check`` only
reads editors' decisions from it and writes reports only when asked.

No Prefect here, nor in anything this module imports: ``copydesk check`` starts in the
time it takes to load spaCy, not Prefect's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from copydesk.checks.config import SuiteConfig, load_suites
from copydesk.checks.identity import article_id, project_root
from copydesk.checks.records import Finding, ReviewedArticle
from copydesk.checks.rule_policy import RulePolicy
from copydesk.checks.rules_version import rules_version
from copydesk.checks.statedir import mark_ignored
from copydesk.checks.suppressions import apply_suppressions
from copydesk.flows.cache import ExtractionCache, cache_root, take_read_ahead
from copydesk.flows.content.loader import DEFAULT_MAX_BYTES, unique_files
from copydesk.flows.extract.pipeline_version import pipeline_version

if TYPE_CHECKING:
    from copydesk.flows.checker import Checker

# Articles per nlp.pipe call when parsing in this process (the flow's batch size).
PARSE_BATCH = 40


@dataclass(frozen=True)
class ReviewOptions:
    suites_dir: Path | None = None  # suite files replacing built-in ones by name
    max_bytes: int = DEFAULT_MAX_BYTES
    use_cache: bool = True
    cache_dir: Path | None = None  # None: $COPYDESK_CACHE_DIR, else .copydesk/cache in the working directory
    root: Path | None = None  # the project root article ids are relative to; None: found from the cwd
    # Check in a process forked before spaCy loads (``copydesk.flows.checker``): Great Expectations
    # imports on the other core meanwhile. For one-off commands; the flow has its workers.
    check_in_parallel: bool = False
    # The project's select / ignore / per-path severities (``copydesk.checks.rule_policy``).
    policy: RulePolicy | None = None


@dataclass(frozen=True)
class ReviewResult:
    articles: tuple[ReviewedArticle, ...]  # in the order of the files, each once
    parsed: int  # articles parsed this run (the rest came from the cache)
    checked: int  # articles whose findings were computed this run
    cache_write_failures: int = 0


def review_articles(
    paths: Iterable[str],
    options: ReviewOptions = ReviewOptions(),
    meanwhile: Callable[[], object] | None = None,
    checker: Checker | None = None,
) -> ReviewResult:
    """Review the article files named by ``paths`` (files or folders).

    ``meanwhile`` is the caller's own work (``copydesk check`` reads the ledger), called
    once in this thread after the parse, while the forked checker runs the suites: it
    costs no time then. Called before the checks when they run here, and whatever it
    raises is raised.

    ``checker`` is one the caller forked already (``copydesk check`` forks it first thing,
    ``copydesk.flows.checker.start_early``); the review uses it or, when nothing needs
    checking, closes it. Without one, ``options.check_in_parallel`` forks one here."""
    suites = load_suites(options.suites_dir)  # a bad suite file fails now, not after parsing
    rules = rules_version(suites, options.policy)
    files = unique_files(paths)
    root = options.root or project_root()
    ids = {path: article_id(path, root) for path in files}
    cache = open_cache(options.cache_dir, rules) if options.use_cache else None
    found = cached_articles(files, options.max_bytes, cache) if cache else {}
    for path, art in found.items():
        # findings are kept under the article's id: the id this run gives it, not the one
        # stored with the extraction (another root, or the path as another command named it)
        art.article.id = ids[path]
    known = known_findings(cache, found, rules)
    misses = [p for p in files if p not in found]
    needs_checks = len(known) < len(files)
    if checker is not None and not needs_checks:
        checker.close()  # nothing to check: not left importing Great Expectations
        checker = None
    elif checker is None and needs_checks and misses:
        # Great Expectations takes seconds to import: start it while spaCy parses.
        if options.check_in_parallel:
            from copydesk.flows.checker import Checker

            checker = Checker()
        else:
            preload_checks_in_background()
    try:
        parsed: dict[str, ReviewedArticle] = {}
        for i in range(0, len(misses), PARSE_BATCH):
            from copydesk.flows.extract.pipeline import (
                extract_batch,  # spaCy: only when something needs parsing
            )

            batch = misses[i : i + PARSE_BATCH]
            parsed.update(zip(batch, extract_batch(batch, options.max_bytes), strict=True))
            if cache is not None:
                for path in batch:
                    cache.store(parsed[path], options.max_bytes)
        articles = assemble(files, found, parsed, ids, known)
        unchecked = [a for a in articles if a.path not in known]
        if checker is not None and unchecked:
            checker.send(unchecked, suites)  # the suites and suppressions, in the forked checker
        if meanwhile is not None:
            meanwhile()
        if unchecked:
            if checker is not None:
                checker.receive(unchecked, suites)
                for art in unchecked:
                    if options.policy is not None:
                        options.policy.apply(art)
            else:
                check_articles(unchecked, suites, options.policy)
    finally:
        if checker is not None:
            checker.close()
    failures = 0
    if cache is not None:
        for art in unchecked:
            cache.store_findings(art, rules)
        cache.close()
        failures = cache.write_failures
    return ReviewResult(tuple(articles), len(parsed), len(unchecked), failures)


def check_articles(
    articles: list[ReviewedArticle], suites: list[SuiteConfig], policy: RulePolicy | None = None
) -> list[ReviewedArticle]:
    """Run the suites over the articles (one validation per suite and table), apply their
    inline ``<!-- copydesk-disable… -->`` switches, then the project's rule settings
    (``policy``: select, ignore, per-path severities), in place."""
    from copydesk.checks.runner import review_findings  # pandas and Great Expectations: only when checking

    review_findings(articles, suites)
    for art in articles:
        apply_suppressions(art)
        if policy is not None:
            policy.apply(art)
    return articles


def cached_articles(files: list[str], max_bytes: int, cache: ExtractionCache) -> dict[str, ReviewedArticle]:
    """The files whose extraction the cache holds for their current bytes, by path."""
    found: dict[str, ReviewedArticle] = {}
    for path in files:
        if path not in found and (article := cache.lookup(path, max_bytes)) is not None:
            found[path] = article
    return found


def known_findings(
    cache: ExtractionCache | None, found: dict[str, ReviewedArticle], rules: str
) -> dict[str, list[Finding]]:
    """Findings kept from an earlier run for the articles found in the cache, by path."""
    if cache is None:
        return {}
    known = {}
    for path, article in found.items():
        findings = cache.lookup_findings(article, rules)
        if findings is not None:
            known[path] = findings
    return known


def assemble(
    files: list[str],
    found: dict[str, ReviewedArticle],
    parsed: dict[str, ReviewedArticle],
    ids: dict[str, str],
    known: dict[str, list[Finding]],
) -> list[ReviewedArticle]:
    """The run's articles in file order, each under its id, with the findings the cache
    kept for it (the rest are checked next)."""
    articles = [found.get(p) or parsed[p] for p in files]
    for art in articles:
        art.article.id = ids[art.path]
        if art.path in known:
            art.findings = known[art.path]
    return articles


def open_cache(cache_dir: str | Path | None, rules: str) -> ExtractionCache | None:
    """The cache for this pipeline version (the one the CLI read ahead, if any), with
    versions and rules versions no longer used pruned; None when none can be used."""
    version = pipeline_version()
    if version is None:  # the model's version is unknown: nothing could be keyed safely
        return None
    root = cache_root(cache_dir)
    mark_ignored(root)
    cache = take_read_ahead(root, version) or ExtractionCache(root, version)
    try:
        cache.prune()
        cache.use_rules(rules)
    except OSError:  # an unwritable cache folder costs speed, never the review
        return None
    return cache


def preload_checks_in_background(archive: bool = False) -> None:
    """Import Great Expectations (and, for a review that keeps the quote archive, datasketch)
    on a thread while the articles are parsed."""
    threading.Thread(target=_preload_checks, args=(archive,), name="copydesk-gx-import", daemon=True).start()


def _preload_checks(archive: bool) -> None:
    import contextlib

    from copydesk.checks.runner import preload

    with contextlib.suppress(Exception):  # failures are left to the checks, which raise them
        preload()
        if archive:  # datasketch imports scipy.integrate: a second or two
            from copydesk.checks.archive.signatures import preload as preload_archive

            preload_archive()
