"""Prefect's process pool with workers forked from a preloaded fork server
(``copydesk.flows.runtime.preload``).

Works around: Prefect's ``ProcessPoolTaskRunner`` always spawns its workers, and each
imports Prefect and spaCy and loads the model itself (2.5-3 s of CPU apiece).
Buys: the model is loaded once per review, not once per worker, and the pool is started
while Prefect's temporary server boots.

Prefect 3.9 always spawns its pool's workers; ``WorkerPool`` gives the executor a
``forkserver`` context instead, with the same initializer, so that event and log
forwarding work as Prefect sets them up. Should a Prefect release rename what this
relies on, the pool keeps Prefect's own spawning executor: slower to start, same results.

Starting the fork server (a fresh interpreter importing all that) takes seconds, and so
does starting Prefect's temporary API server. The CLI therefore starts the fork server
and a pool *before* the flow, while the server comes up (``start_forkserver``,
``prestarted``), and the flow takes that pool instead of making its own (``open_pool``).
A flow run without the CLI, such as a scheduled one, makes its own pool.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.forkserver
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from multiprocessing.context import BaseContext

from prefect import task_runners
from prefect.task_runners import ProcessPoolTaskRunner

from copydesk.flows.extraction import warm_worker
from copydesk.flows.runtime.lifeline import PARENT_ENV

PRELOAD = ["copydesk.flows.runtime.preload"]


def _forkserver() -> BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_forkserver() -> None:
    """Start the fork server now; it preloads in its own process while this one goes on.
    The first worker forked from it waits for that to finish. (Should it fail to start,
    the pool tries again with its first worker, and a failure there is a batch's.)

    Started from the main thread, the fork server is told this process's pid, and ends
    when it does (``copydesk.flows.runtime.lifeline``); from another thread it is not: the kernel's
    signal would come when that thread ends."""
    _forkserver()
    told = threading.current_thread() is threading.main_thread()
    if told:
        os.environ[PARENT_ENV] = str(os.getpid())  # the fork server's environment, and only its
    try:
        with contextlib.suppress(OSError):
            multiprocessing.forkserver.ensure_running()
    finally:
        if told:
            os.environ.pop(PARENT_ENV, None)


def _started() -> None:
    """Nothing: submitted once per worker so that the pool starts them all now."""


class WorkerPool(ProcessPoolTaskRunner):
    def __init__(self, max_workers: int) -> None:
        super().__init__(max_workers=max_workers, initializer=warm_worker)
        self.workers = max_workers

    def __enter__(self) -> WorkerPool:
        super().__enter__()
        spawning = getattr(self, "_executor", None)
        queue = getattr(self, "_subprocess_message_queue", None)
        initialize = getattr(task_runners, "_initialize_process_pool_worker", None)
        if isinstance(spawning, ProcessPoolExecutor) and queue is not None and initialize is not None:
            # Prefect's executor has started no process yet (they start with the first
            # submission): swap it for one that forks them from the preloaded server.
            spawning.shutdown(wait=False)
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=_forkserver(),
                initializer=initialize,
                initargs=(queue, warm_worker, ()),
            )
        return self

    def start_workers(self) -> None:
        """Start every worker process now rather than at the first task. The executor
        starts a process per submission until it has ``max_workers``. A failure here is
        left to the first task, which reports it as that batch's failure (in a thread of
        its own, it would only print a traceback)."""
        executor = getattr(self, "_executor", None)
        if executor is not None:
            with contextlib.suppress(Exception):
                for _ in range(self.workers):
                    executor.submit(_started)


_prestarted: list[WorkerPool] = []


@contextmanager
def prestarted(workers: int) -> Iterator[None]:
    """Start a pool of ``workers`` now, for the next flow in this process to take.
    Its workers are forked in a thread of their own: each fork waits until the fork
    server has preloaded, and this process has other things to start meanwhile."""
    with WorkerPool(workers) as pool:
        starting = threading.Thread(target=pool.start_workers, name="copydesk-pool-start", daemon=True)
        starting.start()
        _prestarted.append(pool)
        try:
            yield
        finally:
            starting.join()
            if pool in _prestarted:
                _prestarted.remove(pool)


def open_pool(workers: int) -> AbstractContextManager[WorkerPool]:
    """A started pool: the prestarted one if there is one (once: after a worker died the
    next pool must be a fresh one), else a new pool of ``workers`` that the caller's
    ``with`` starts and stops."""
    if _prestarted:
        return nullcontext(_prestarted.pop())
    return WorkerPool(workers)
