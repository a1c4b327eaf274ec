"""Start what a review from the command line needs, side by side rather than in turn.

Before the first article is parsed, a review waits for three slow starts: Prefect's
temporary API server (a separate process, 5-10 s, when ``PREFECT_API_URL`` is unset),
the worker processes (each imports Prefect and spaCy and loads the model) and Great
Expectations (a 2-3 s import). Started in turn they cost their sum; here the server and
the workers boot in their own processes while this one imports Great Expectations, so
they cost about the slowest of them. A warm re-run, with every article in the extraction
cache, starts no workers at all.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

from flows.cache import ExtractionCache, cache_root
from flows.extract.version import pipeline_version


def _start_temporary_server() -> threading.Thread | None:
    """Boot Prefect's temporary server in the background; the flow then finds it running.
    Any failure is left to the flow's own attempt, which reports it properly."""
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    if settings.api.url or not settings.server.ephemeral.enabled:
        return None
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()

    def boot() -> None:
        with contextlib.suppress(Exception):  # the flow calls start() again and raises it there
            server.start()

    thread = threading.Thread(target=boot, name="copydesk-prefect-server", daemon=True)
    thread.start()
    return thread


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
    """Start the server, run ``meanwhile``, start the pool and GX, and wait for the server."""
    server = _start_temporary_server()
    if meanwhile is not None:  # first: when it fails, nothing else has been started for nothing
        meanwhile()
    with ExitStack() as stack:
        if runner == "local":
            pool = min(workers, batches_to_parse(files, max_bytes, batch_size, use_cache, cache_dir))
            if pool > 1:  # the flow parses one batch in its own process
                from flows.pools import prestarted

                stack.enter_context(prestarted(pool))
            from checks.runner import preload

            preload()  # the flow runs the checks in this process
        if server is not None:
            server.join()
        yield
