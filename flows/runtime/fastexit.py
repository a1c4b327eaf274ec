"""Leave a finished process without the interpreter's teardown.

Works around: Python's exit freeing the objects of spaCy, pandas, Great Expectations and
Prefect one module at a time.
Buys: up to two seconds at the end of every CLI command, most of a second per spawned
pool worker.

After a review, a process has spaCy, pandas, Great Expectations and Prefect loaded, and
Python's exit frees their objects one module at a time: up to two seconds in the CLI and
most of a second in each spawned pool worker (they end with ``sys.exit``; workers forked
from ``copydesk.flows.runtime.preload``'s fork server end with ``os._exit`` already), spent
freeing memory the operating system takes back at once. The hook registered here runs
after every other exit hook (threads joined, Prefect's event and log workers drained,
other ``atexit`` functions run), flushes what is buffered and ends the process.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import sys
from collections.abc import Callable


def skip_teardown(status: Callable[[], int] = lambda: 0) -> None:
    """Register the exit hook. ``atexit`` runs hooks last-registered first, so hooks
    registered before this one are skipped: the CLI registers it before anything else; a
    pool worker registers it once the model is loaded, after Prefect's imports, whose
    hooks there only stop Prefect's own threads (its event and log queues are drained
    earlier, when threads are joined)."""
    atexit.register(_exit_now, status)


def _exit_now(status: Callable[[], int]) -> None:
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe (copydesk … | head) loses nothing
            stream.flush()
    os._exit(status())
