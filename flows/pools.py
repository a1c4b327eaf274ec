"""Local worker pools: Prefect's ``ProcessPoolTaskRunner`` whose workers load the spaCy
model as they start, once per process (``flows.extraction.warm_worker``).

Starting a worker (a fresh interpreter importing Prefect and spaCy, then the model)
takes seconds, and so does starting Prefect's temporary API server. The CLI therefore
starts a pool *before* the flow, while the server comes up (``prestarted``), and the
flow takes that pool instead of making its own (``open_pool``). A flow run without the
CLI, such as a scheduled one, makes its own pool.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

from prefect.task_runners import ProcessPoolTaskRunner

from flows.extraction import warm_worker


def _started() -> None:
    """Nothing: submitted once per worker so that the pool starts them all now."""


class WorkerPool(ProcessPoolTaskRunner):
    def __init__(self, max_workers: int) -> None:
        super().__init__(max_workers=max_workers, initializer=warm_worker)
        self.workers = max_workers

    def start_workers(self) -> None:
        """Start every worker process now rather than at the first task. The executor
        spawns a process per submission until it has ``max_workers``; Prefect keeps it
        in ``_executor`` (3.9). Without one, workers start with the first task instead."""
        executor = getattr(self, "_executor", None)
        if executor is not None:
            for _ in range(self.workers):
                executor.submit(_started)


_prestarted: list[WorkerPool] = []


@contextmanager
def prestarted(workers: int) -> Iterator[None]:
    """Start a pool of ``workers`` now, for the next flow in this process to take."""
    with WorkerPool(workers) as pool:
        pool.start_workers()
        _prestarted.append(pool)
        try:
            yield
        finally:
            if pool in _prestarted:
                _prestarted.remove(pool)


def open_pool(workers: int) -> AbstractContextManager[WorkerPool]:
    """A started pool: the prestarted one if there is one (once: after a worker died the
    next pool must be a fresh one), else a new pool of ``workers`` that the caller's
    ``with`` starts and stops."""
    if _prestarted:
        return nullcontext(_prestarted.pop())
    return WorkerPool(workers)
