"""Run one Prefect task per batch on a task runner, and keep going when batches fail.

Works around: a process pool whose worker dies is broken for every batch it runs
(``BrokenProcessPool``), and CPython's executor can wait forever, on shutdown, for a pool
one of whose workers was killed.
Buys: a dead worker costs only the batches it was running, and the run goes on.

Two kinds of failure:

- the task raised (a bug, a memory error): Prefect has already retried it as its
  ``retries`` say, so the batch gives up with the error's message;
- the worker process died (killed, out of memory, a crash in native code). A process
  pool whose worker dies is broken for every batch it was running, so those batches are
  run again in a fresh pool, one at a time, which tells the batch that kills its worker
  apart from the ones that only shared a pool with it. A batch whose worker dies twice
  gives up.

A batch that gives up yields a ``GaveUp`` instead of its result; the caller reports its
files as errors and the run goes on.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from prefect import Task
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import TaskRunner

OpenRunner = Callable[[int], AbstractContextManager[TaskRunner]]


@dataclass(frozen=True)
class GaveUp:
    reason: str


FAILED = "could not be processed: the extraction task failed twice"
DIED = "could not be processed: the worker process parsing it died twice"


def _outcome(future: PrefectFuture[Any]) -> Any:
    """The task's result, a ``GaveUp``, or the ``BrokenProcessPool`` of a dead worker."""
    try:
        return future.result()
    except BrokenProcessPool as exc:
        return exc
    except Exception as exc:
        return GaveUp(f"{FAILED} ({type(exc).__name__}: {exc})")


def run_batches(
    task: Task[..., Any],
    batches: list[list[str]],
    params: dict[str, Any],
    open_runner: OpenRunner,
    width: int,
) -> Iterator[tuple[list[str], Any]]:
    """Yield ``(batch, result or GaveUp)`` for every batch, in the order they finish.

    ``task`` is called as ``task(paths=batch, **params)``; ``open_runner(n)`` gives a
    started runner for ``n`` batches at once. Batches are submitted as others finish, at
    most ``width`` running and one waiting, so a dead worker costs only those, not the
    whole queue.
    """
    died = yield from _drain(task, deque(batches), params, open_runner, width, last_try=False)
    yield from _drain(task, deque(died), params, open_runner, 1, last_try=True)


def _kill_workers(runner: Any) -> None:
    """End a broken pool's surviving workers now. Leaving the runner shuts its executor
    down with wait=True, and CPython's executor can wait forever on a pool one of whose
    workers was killed; with no worker left its manager thread exits and the join returns."""
    executor = getattr(runner, "_executor", None)
    for process in list(getattr(executor, "_processes", {}).values()):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()


def _drain(
    task: Task[..., Any],
    queue: deque[list[str]],
    params: dict[str, Any],
    open_runner: OpenRunner,
    width: int,
    last_try: bool,
) -> Generator[tuple[list[str], Any], None, list[list[str]]]:
    died: list[list[str]] = []
    while queue:
        size = min(width, len(queue))
        # One batch queued beyond those running, so that a worker that finishes starts the
        # next at once instead of waiting for this process to hand it one. On the last try
        # exactly one runs at a time: a dead worker then names the batch that killed it.
        limit = size if last_try else size + 1
        with open_runner(size) as runner:
            in_flight: dict[PrefectFuture[Any], list[str]] = {}
            broken = False
            # Batches that raised: held until the pool's batches are done. In a pool that
            # broke, the other batches' futures may fail with whatever the dying pool
            # raises (an OSError on a closed pipe, say) before or after the
            # BrokenProcessPool that names the death: those batches died with the pool.
            raised: list[tuple[list[str], GaveUp]] = []
            while in_flight or (queue and not broken):
                while queue and not broken and len(in_flight) < limit:
                    batch = queue.popleft()
                    in_flight[runner.submit(task, {"paths": batch, **params})] = batch
                future = next(as_completed(list(in_flight)))
                batch = in_flight.pop(future)
                outcome = _outcome(future)
                if isinstance(outcome, BrokenProcessPool):
                    broken = True  # this pool is done for: the rest of the queue gets a new one
                    _kill_workers(runner)
                    if last_try:
                        yield batch, GaveUp(DIED)
                    else:
                        died.append(batch)
                elif isinstance(outcome, GaveUp):
                    raised.append((batch, outcome))
                else:
                    yield batch, outcome
            for batch, gave_up in raised:
                if broken and not last_try:
                    died.append(batch)
                else:
                    yield batch, gave_up
    return died
