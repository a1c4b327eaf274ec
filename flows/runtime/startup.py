"""Start what a review from the command line needs, side by side rather than in turn.

Works around: three slow starts a review would otherwise pay one after the other:
Prefect's temporary server, the workers' fork server and the Great Expectations import.
Buys: the review waits for the slowest of them instead of their sum.

Before the first article is parsed, a review waits for three slow starts: Prefect's
temporary API server (a separate process, 4-6 s, when ``PREFECT_API_URL`` is unset; see
``copydesk.flows.runtime.tempserver``), the workers' fork server (it imports Prefect and spaCy and
loads the model once, ``copydesk.flows.runtime.preload``) and Great Expectations (a 1-2 s import).
Started in turn they cost their sum; here the server and the fork server boot in their
own processes meanwhile, the workers are forked as soon as it is ready, and Great
Expectations is imported while the workers parse (``copydesk.flows.review_flow``). A warm re-run, with
every article in the cache, starts no workers, and imports Great Expectations while the
server boots only if some article's findings are not cached for the rules in force.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from copydesk.flows.batching import plan_batches
from copydesk.flows.cache import ExtractionCache, cache_root, keep_read_ahead
from copydesk.flows.extract.pipeline_version import pipeline_version
from copydesk.flows.runtime.tempserver import TemporaryServer


@dataclass(frozen=True)
class Plan:
    """What the flow will have to do, known from the cache before it starts."""

    to_parse: list[str]  # files without a cached article
    to_check: int  # articles without cached findings for the rules in force


def read_ahead(
    files: list[str],
    max_bytes: int,
    use_cache: bool,
    cache_dir: str | None,
    suites_dir: str | None,
) -> Plan:
    """Read the cache for these files now and leave what was decoded for the flow
    (``copydesk.flows.cache.take_read_ahead``). Loading the suites here also refuses a bad suite file
    before anything else starts."""
    from copydesk.checks.config import load_suites
    from copydesk.checks.project_config import current_config
    from copydesk.checks.rules_version import rules_version

    # As the flow will compute it (``copydesk.flows.review_flow``): --suites, else the settings' folder.
    settings = current_config()
    suites = load_suites(Path(suites_dir) if suites_dir else settings.suites)
    rules = rules_version(suites, settings.policy)
    version = pipeline_version() if use_cache else None
    if version is None:
        return Plan(files, len(files))
    cache = ExtractionCache(cache_root(cache_dir), version)
    cache.read_ahead(files, max_bytes, rules)
    keep_read_ahead(cache)
    found = cache.ahead()
    return Plan([f for f in files if f not in found], sum(1 for f in files if not found.get(f)))


@contextmanager
def started(
    files: list[str],
    *,
    workers: int,
    runner: str,
    max_bytes: int,
    batch_size: int,
    use_cache: bool,
    cache_dir: str | None,
    suites_dir: str | None = None,
    server: TemporaryServer | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[None]:
    """With ``server`` booting (``copydesk.flows.runtime.tempserver``), run ``meanwhile``, start the
    pool and GX, and wait for the server; stop the pool when the block ends."""
    with ExitStack() as stack:
        if meanwhile is not None:
            meanwhile()
        plan = read_ahead(files, max_bytes, use_cache, cache_dir, suites_dir)
        if runner == "local":
            batches = len(plan_batches(plan.to_parse, workers, batch_size))  # as the flow will cut them
            if min(workers, batches) > 1:  # the flow parses one batch in its own process
                from copydesk.flows.runtime.pools import prestarted, start_forkserver

                start_forkserver()  # preloads in its own process while this one goes on
                stack.enter_context(prestarted(min(workers, batches)))
            if batches == 0 and plan.to_check:
                # Nothing to parse: the checks come next, so import GX while the server
                # boots. Otherwise the flow imports it while the workers parse, where it
                # does not hold up the first batch; and with every finding cached, not at all.
                from copydesk.checks.runner import preload

                preload()
        import copydesk.flows.review_flow  # noqa: F401  (the flow's own imports: pandas, Jinja, SQLAlchemy)

        if server is not None:
            server.wait_ready()
        yield
