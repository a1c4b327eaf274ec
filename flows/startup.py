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

from flows.cache import ExtractionCache, cache_root
from flows.extract.version import pipeline_version


def batches_to_parse(
    files: list[str], max_bytes: int, batch_size: int, use_cache: bool, cache_dir: str | None
) -> int:
    """How many batches the flow will parse: the files not in the extraction cache."""
    version = pipeline_version() if use_cache else None
    if version is None:
        misses = len(files)
    else:
        cache = ExtractionCache(cache_root(cache_dir), version)
        misses = sum(1 for f in files if not cache.contains(f, max_bytes))
    return -(-misses // batch_size)


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
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[None]:
    """Start the server, run ``meanwhile``, start the pool and GX, and wait for the server;
    stop the server and the pool when the block ends."""
    from flows.tempserver import temporary_server

    with ExitStack() as stack:
        # First the server, the slowest to start; then everything else while it boots.
        server = stack.enter_context(temporary_server())
        if meanwhile is not None:
            meanwhile()
        if runner == "local":
            pool = min(workers, batches_to_parse(files, max_bytes, batch_size, use_cache, cache_dir))
            if pool > 1:  # the flow parses one batch in its own process
                from flows.pools import prestarted

                stack.enter_context(prestarted(pool))
            from checks.runner import preload

            preload()  # the flow runs the checks in this process
        if server is not None:
            server.wait_ready()
        yield
