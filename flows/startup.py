"""Start what a review from the command line needs, side by side rather than in turn.

Before the first article is parsed, a review waits for three slow starts: Prefect's
temporary API server (a separate process, 4-6 s, when ``PREFECT_API_URL`` is unset; see
``flows.tempserver``),
the worker processes (each imports Prefect and spaCy and loads the model) and Great
Expectations (a 2-3 s import). Started in turn they cost their sum; here the server and
the workers boot in their own processes while this one imports Great Expectations, so
they cost about the slowest of them. A warm re-run, with every article in the extraction
cache, starts no workers at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

from flows.batching import plan_batches
from flows.cache import ExtractionCache, cache_root
from flows.extract.version import pipeline_version
from flows.tempserver import TemporaryServer


def batches_to_parse(
    files: list[str], max_bytes: int, batch_size: int, workers: int, use_cache: bool, cache_dir: str | None
) -> int:
    """How many batches the flow will parse: the files not in the extraction cache,
    planned as the flow plans them."""
    version = pipeline_version() if use_cache else None
    misses = files
    if version is not None:
        cache = ExtractionCache(cache_root(cache_dir), version)
        misses = [f for f in files if not cache.contains(f, max_bytes)]
    return len(plan_batches(misses, workers, batch_size))


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
    server: TemporaryServer | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[None]:
    """With ``server`` booting (``flows.tempserver``), run ``meanwhile``, start the pool
    and GX, and wait for the server; stop the pool when the block ends."""
    with ExitStack() as stack:
        if meanwhile is not None:
            meanwhile()
        if runner == "local":
            pool = min(workers, batches_to_parse(files, max_bytes, batch_size, workers, use_cache, cache_dir))
            if pool > 1:  # the flow parses one batch in its own process
                from flows.pools import prestarted

                stack.enter_context(prestarted(pool))
            from checks.runner import preload

            preload()  # the flow runs the checks in this process
        if server is not None:
            server.wait_ready()
        yield
