"""A review's child processes end when the review does, however it ends (even SIGKILL).

Works around: Prefect's temporary server and multiprocessing's fork server and workers
outliving a review that was killed; and, for the server it launches, the cycle collector
walking the server's objects again and again while they are imported (``--import``).
Buys: no orphaned server holding a port and a database, no orphaned workers; the server's
import 1.93 s of CPU instead of 2.37 s, while the review waits for it.

Killed with ``kill -9``, a review has no chance to stop what it started: Prefect's
temporary server kept listening, and the workers' fork server and its workers, blocked on
pipes whose other ends they hold themselves, stayed alive for good. Each child therefore
asks Linux for a signal when its parent dies (``prctl(PR_SET_PDEATHSIG)``):

- Prefect's temporary server is started through this file, run as a script:
  ``python lifeline.py PARENT_PID SIGNAL -m uvicorn ...`` (standard library only, so the
  server process imports nothing of copydesk);
- the fork server, from ``copydesk.flows.runtime.preload`` (its parent is the review);
- each worker, right after it is forked (``os.register_at_fork`` in the fork server).

The resource tracker needs nothing: it ends when every process holding its pipe has.

The signal comes when the *thread* that started the child ends, so children are started
from the review's main thread. Between the fork and the ``prctl`` call the parent may
already have died; the child then finds another parent and ends at once. Elsewhere than
Linux this does nothing.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1
PARENT_ENV = "COPYDESK_REVIEW_PID"  # the review's pid, for the fork server to check its parent


def die_with_parent(sig: int = signal.SIGKILL, parent: int | None = None) -> bool:
    """Have ``sig`` sent to this process when its parent ends. ``parent``: the pid the
    parent must be; if this process already has another (the parent died first), it ends
    now. False when the kernel offers no such signal (not Linux)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), sig)  # orphaned already: what the signal would have done
    return True


def launcher(parent: int, sig: int = signal.SIGTERM, preimport: tuple[str, ...] = ()) -> list[str]:
    """The start of a command line that runs ``python ARGS...`` under a parent-death
    signal: ``[*launcher(pid), "-m", "uvicorn", ...]``. ``preimport``: modules imported
    first, with the cycle collector paused (``import_paused``)."""
    command = [sys.executable, os.path.abspath(__file__), str(parent), str(int(sig))]
    for module in preimport:
        command += ["--import", module]
    return command


USAGE = "usage: lifeline.py PARENT_PID SIGNAL [--import MODULE]... -m MODULE [ARGS...]"


def import_paused(modules: list[str]) -> None:
    """Import ``modules`` with Python's cycle collector paused, then freeze what exists.

    Prefect's server creates some hundred thousand long-lived objects as it is imported
    (pydantic models, routes, ORM classes), none of them garbage, and the collector walked
    them again and again as they were made: the import took 2.37 s of CPU with it running
    and 1.93 s with it paused, while a review's workers wait for the server. Frozen
    (``gc.freeze``), those objects are no longer walked by the collections the server
    makes while it serves; cycles made after this are collected as usual. (The same pause
    as ``checks.deferred_imports.collector_paused``, written here again because this
    script imports nothing of copydesk.)"""
    import gc
    import importlib

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for module in modules:
            importlib.import_module(module)
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _main(argv: list[str]) -> None:
    """``lifeline.py PARENT SIGNAL [--import MODULE]... -m MODULE ARGS...``: set the
    signal, import the ``--import`` modules (``import_paused``), then run MODULE as
    ``python -m`` would, with ``sys.argv`` as it would see it."""
    import runpy

    if len(argv) < 4:
        raise SystemExit(USAGE)
    parent, sig, *rest = argv
    preimport = []
    while rest[:1] == ["--import"] and len(rest) >= 2:
        preimport.append(rest[1])
        rest = rest[2:]
    if len(rest) < 2 or rest[0] != "-m":
        raise SystemExit(USAGE)
    _, module, *args = rest
    # Run as a script, this file's folder is first on sys.path: its sibling modules must
    # not shadow the packages the module imports.
    if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
        del sys.path[0]
    die_with_parent(int(sig), int(parent))
    if preimport:
        import_paused(preimport)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    _main(sys.argv[1:])
