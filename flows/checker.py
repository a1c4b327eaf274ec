"""The checks of a one-off review in a second process, started before spaCy loads.

``copydesk check`` on one changed article spends its time on two imports that do not
depend on each other: spaCy with its model (to parse) and Great Expectations with pandas
(to check), 1-2 s and 2-4 s of CPU. In one process they run in turn (a thread does not
help: both are Python code holding the GIL). Forked before the parse, a checker process
imports Great Expectations on the other core while this one loads spaCy and parses; it
then runs the same ``check_articles`` over the articles it is sent and sends back their
findings. Nothing else changes: same suites, same rules, same findings.

A checker that cannot start or dies is not fatal: the checks then run in this process.
Errors the checks raise (a bad suite) are sent back and raised here.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from multiprocessing.connection import Connection

from copydesk.checks.config import SuiteConfig
from copydesk.checks.records import ReviewedArticle


class Checker:
    """A forked process that imports Great Expectations now and checks articles later."""

    def __init__(self, suites: list[SuiteConfig]) -> None:
        self._suites = suites
        self._conn: Connection | None = None
        self._process = None
        self._pending = False  # articles sent and not yet received
        if "fork" not in multiprocessing.get_all_start_methods():
            return  # not on this platform: check in this process
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        try:
            process = context.Process(
                target=_serve, args=(theirs, suites), name="copydesk-checker", daemon=True
            )
            process.start()
        except OSError:  # no process to spare: check in this process
            return
        theirs.close()
        self._conn, self._process = ours, process

    def send(self, articles: list[ReviewedArticle]) -> None:
        """Hand ``articles`` to the checker, which checks them while this process does other
        work; ``receive`` then waits for their findings."""
        if self._conn is None or not articles:
            return
        try:
            self._conn.send(articles)
            self._pending = True
        except (OSError, EOFError):  # the checker died: ``receive`` does the work here
            self.close()

    def receive(self, articles: list[ReviewedArticle]) -> list[ReviewedArticle]:
        """``check_articles`` over the ``articles`` last sent (findings set in place): their
        results from the checker, or the checks run here when it is not running."""
        from copydesk.flows.reviewing import check_articles

        if self._conn is None or not articles:
            return check_articles(articles, self._suites)
        try:
            outcome = self._conn.recv()
            self._pending = False
        except (OSError, EOFError):  # the checker died: do the work here
            self.close()
            return check_articles(articles, self._suites)
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
            # Checks nobody will read (the command failed meanwhile) are not waited for.
            self._process.join(timeout=0 if self._pending else 5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()  # reaped: no zombie left behind
            self._process = None
            self._pending = False

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(conn: Connection, suites: list[SuiteConfig]) -> None:
    """In the checker: import Great Expectations, then check what arrives, once."""
    from copydesk.checks.runner import preload
    from copydesk.flows.reviewing import check_articles

    with contextlib.suppress(Exception):  # an import failure is raised by the checks, and sent
        preload()
    try:
        articles = conn.recv()
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
