"""The checks of a one-off review in a second process, started before spaCy loads.

``copydesk check`` on one changed article spends its time on two imports that do not
depend on each other: spaCy with its model (to parse) and Great Expectations with pandas
(to check), 1-2 s and 2-4 s of CPU. In one process they run in turn (a thread does not
help: both are Python code holding the GIL). Forked before the parse, a checker process
imports Great Expectations on the other core while this one loads spaCy and parses; it
then runs the same ``check_articles`` over the articles it is sent and sends back their
findings. Nothing else changes: same suites, same rules, same findings.

``copydesk check`` forks it first thing, before its own imports and settings
(``start_early``, called by the console script ``copydesk.flows.cli.entry``), so that its
import, the longer of the two, starts a sixth of a second sooner; other callers of
``review_articles`` get one forked when the review finds something to parse.

A checker that cannot start or dies is not fatal: the checks then run in this process.
Errors the checks raise (a bad suite) are sent back and raised here.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the checker starts before copydesk's own modules load: names only
    from copydesk.checks.config import SuiteConfig
    from copydesk.checks.records import ReviewedArticle


class Checker:
    """A forked process that imports Great Expectations now and checks articles later.

    It takes nothing to start: the suites come with the articles (``send``), so it can be
    forked before the command has read its settings (``start_early``)."""

    def __init__(self) -> None:
        self._conn: Connection | None = None
        self._process = None
        self._sent = False  # articles were sent
        self._pending = False  # ... and their findings not yet received
        if "fork" not in multiprocessing.get_all_start_methods():
            return  # not on this platform: check in this process
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        try:
            process = context.Process(target=_serve, args=(theirs,), name="copydesk-checker", daemon=True)
            process.start()
        except OSError:  # no process to spare: check in this process
            return
        theirs.close()
        self._conn, self._process = ours, process

    def send(self, articles: list[ReviewedArticle], suites: list[SuiteConfig]) -> None:
        """Hand ``articles`` and the ``suites`` to run over them to the checker, which checks
        them while this process does other work; ``receive`` then waits for their findings."""
        if self._conn is None or not articles:
            return
        try:
            self._conn.send((articles, suites))
            self._sent = self._pending = True
        except (OSError, EOFError):  # the checker died: ``receive`` does the work here
            self.close()

    def receive(self, articles: list[ReviewedArticle], suites: list[SuiteConfig]) -> list[ReviewedArticle]:
        """``check_articles`` over the ``articles`` last sent (findings set in place): their
        results from the checker, or the checks run here when it is not running."""
        from copydesk.flows.reviewing import check_articles

        if self._conn is None or not articles:
            return check_articles(articles, suites)
        try:
            outcome = self._conn.recv()
            self._pending = False
        except (OSError, EOFError):  # the checker died: do the work here
            self.close()
            return check_articles(articles, suites)
        if isinstance(outcome, BaseException):
            raise outcome
        for art, findings in zip(articles, outcome, strict=True):
            art.findings = findings
        return articles

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.close()
            self._conn = None
        if self._process is not None:
            # A checker whose findings were received is ending by itself; one never used
            # (everything came from the cache, the command failed first) or with checks
            # nobody will read is killed, not left importing Great Expectations.
            done = self._sent and not self._pending
            self._process.join(timeout=5 if done else 0)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()  # reaped: no zombie left behind
            self._process = None
            self._sent = self._pending = False

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# The checker ``start_early`` forked for a command that has not asked for it yet.
_early: Checker | None = None


def start_early() -> None:
    """Fork a checker now, first thing in ``copydesk check``: Great Expectations' import
    (the longest part of a one-article check) then overlaps everything the command does
    before it parses, its own imports included. ``take_early`` hands it to the review."""
    global _early
    if _early is None:
        _early = Checker()


def take_early() -> Checker | None:
    """The checker ``start_early`` forked, now the caller's to use and close (or None)."""
    global _early
    checker, _early = _early, None
    return checker


def close_early() -> None:
    """Kill a checker ``start_early`` forked that no review took (the command failed or
    had nothing to check)."""
    checker = take_early()
    if checker is not None:
        checker.close()


def _serve(conn: Connection) -> None:
    """In the checker: import Great Expectations, then check what arrives, once."""
    # Ctrl-C is the command's to handle: it kills this process (``Checker.close``), which
    # must not print a traceback of its own meanwhile.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from copydesk.checks.deferred_imports import collector_paused

    # The imports make objects, not garbage: no cycle collection while they run.
    with collector_paused():
        from copydesk.checks.runner import preload
        from copydesk.flows.reviewing import check_articles

        with contextlib.suppress(Exception):  # an import failure is raised by the checks, and sent
            preload()
    try:
        articles, suites = conn.recv()
    except (EOFError, OSError):  # nothing to check after all
        os._exit(0)
    try:
        check_articles(articles, suites)
        reply: object = [a.findings for a in articles]
    except Exception as exc:  # sent back to be raised in the command's process
        reply = exc
    # A reply that cannot be sent (an exception that does not pickle) closes the pipe:
    # the command then runs the checks itself, and raises the error there.
    with contextlib.suppress(Exception):
        conn.send(reply)
    # No interpreter teardown: the parent holds the results; GX's atexit hooks are not needed.
    os._exit(0)
