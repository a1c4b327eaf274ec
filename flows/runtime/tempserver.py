"""Prefect's temporary API server for one ``copydesk review``, spawned before Prefect is imported.

Works around: a flow run with no ``PREFECT_API_URL`` starts Prefect's temporary server
itself, after importing its server code into this process (1.5-2.5 s), then waits for
the server's own 3-4 s of imports; that server registers every block type, persists
events and runs automations, and the run sends heartbeats to it.
Buys: the server boots while this process imports Prefect and starts its workers, 0.7 s
less of its start (no block registration), 0.4 s less of its import (made with the cycle
collector paused, ``lifeline.import_paused``; over a 336-article review the server used
3.0 s of CPU instead of 3.8-3.9 s), and no second-long wait for the heartbeat thread at
the end of every run.

With no ``PREFECT_API_URL``, a flow run starts a temporary server itself
(``prefect.server.api.server.SubprocessASGIServer``). Merely importing that module costs
this process 1.5-2.5 s, before the server process begins its own 3-4 s of imports. Here
the server process is spawned first, with the same command and environment Prefect uses
(uvicorn on ``create_app``, marked ephemeral so that its background services stay off), and
the run is pointed at it through ``PREFECT_API_URL``; this process imports Prefect and
starts its workers while the server boots. Pool workers inherit the address from the
environment.

The server's output goes to a temporary file rather than this terminal: a normal run is
quiet, and a server that fails to start is reported in one line, the exception it ended
with (``ServerError``).
"""

from __future__ import annotations

import contextlib
import importlib.util
import inspect
import logging
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from copydesk.flows.runtime.lifeline import launcher
from copydesk.flows.runtime.quiet import STARTUP_TIMEOUT, STARTUP_TIMEOUT_VARIABLE

SERVER_APP_MODULE = "prefect.server.api.server"
# What Prefect's own SubprocessASGIServer sets for a temporary server (Prefect 3.9).
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
# Defaults of ours that the environment may override, for a server that lives for one review:
# - no block-type registration at start. It imports every installed Prefect collection
#   (prefect-dask brings in distributed) and writes the block catalogue, 0.7 s of a 4 s
#   start; a review stores no blocks, and a lasting ``prefect server start`` on the same
#   database registers them anyway;
# - no event persister and no automations. The run's history is its flow and task runs,
#   which the task-run recorder keeps; storing every event also had the server vacuum
#   old events as it started, in the same event loop as its first requests (the flow run's
#   creation waited 0.15 s longer); and no automation can act on a server that stops with
#   the run.
SERVER_DEFAULTS = {
    "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
    "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
}
# uvicorn's exit status when it cannot start: the port was taken (then another port is
# tried, a few times), or the app failed to start (a database it cannot open).
STARTUP_FAILURE = 3
PORT_ATTEMPTS = 3


# The last line of a Python traceback: ``sqlalchemy.exc.OperationalError: (…) unable to open``.
_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit)\b.*:")


class ServerError(RuntimeError):
    """The temporary server did not come up; the message says why."""


def wanted() -> bool:
    """Whether a run needs a temporary server: no API configured and Prefect allowed to
    start one (``PREFECT_SERVER_EPHEMERAL_ENABLED``, true by default)."""
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    return not settings.api.url and settings.server.ephemeral.enabled


class TemporaryServer:
    """A Prefect API server in a child process, on a free port of 127.0.0.1."""

    def __init__(self) -> None:
        self._log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop)
        self.port = _free_port()
        self.process = self._spawn()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _spawn(self) -> subprocess.Popen[bytes]:
        # find_spec locates Prefect without importing it. The server reads its settings
        # from the same environment, profile and prefect.toml as this process would.
        app_dir = Path(importlib.util.find_spec("prefect").origin).parent.parent  # type: ignore[union-attr, arg-type]
        env = {**SERVER_DEFAULTS, **os.environ, **SERVER_ENV}
        env.pop("PREFECT_API_URL", None)
        # Through flows/runtime/lifeline.py: the server gets SIGTERM (a clean stop that
        # finishes writing its database) when this process dies, even by SIGKILL.
        # The app's module imported first, with the cycle collector paused (lifeline.py).
        command = [
            *launcher(os.getpid(), signal.SIGTERM, preimport=(SERVER_APP_MODULE,)), "-m", "uvicorn",
            "--app-dir", str(app_dir),
            "--factory", f"{SERVER_APP_MODULE}:create_app",
            "--host", "127.0.0.1", "--port", str(self.port),
            "--log-level", "error", "--lifespan", "on",
        ]  # fmt: skip
        return subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT
        )

    def wait_ready(self, timeout: float | None = None) -> None:
        """Return once the API answers; ``ServerError`` if the process exits or time runs out
        (``startup_timeout()``). A health check that fails or is slow is tried again until then."""
        import httpx

        timeout = startup_timeout() if timeout is None else timeout
        deadline = time.monotonic() + timeout
        attempts = 1
        with httpx.Client(timeout=2) as client:
            while time.monotonic() < deadline:
                status = self.process.poll()
                if (
                    status == STARTUP_FAILURE
                    and attempts < PORT_ATTEMPTS
                    and "address already in use" in self._tail()
                ):
                    attempts += 1  # the port was taken between choosing it and binding it
                    self.port = _free_port()
                    self.process = self._spawn()
                    continue
                if status is not None:
                    raise ServerError(f"Prefect's temporary server could not start: {self._why()}")
                with contextlib.suppress(httpx.HTTPError):
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        return
                time.sleep(0.05)
        self.stop()
        raise ServerError(
            f"Prefect's temporary server did not answer within {timeout:.0f} s "
            f"(set {STARTUP_TIMEOUT_VARIABLE} to wait longer): {self._why()}"
        )

    def stop(self) -> None:
        """Ask the server to shut down cleanly (it finishes writing its database), then insist."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()

    def _tail(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def _why(self) -> str:
        """The server's own reason, in one line: the exception a traceback ends with, else
        its last line. The traceback itself is for Prefect's developers, not an editor."""
        lines = [line.strip() for line in self._tail().splitlines() if line.strip()]
        errors = [line for line in lines if _EXCEPTION_LINE.match(line)]
        reason = errors[-1] if errors else lines[-1] if lines else "it wrote nothing"
        return f"{reason} (set PREFECT_API_URL to use a running Prefect server instead)"


@contextmanager
def temporary_server() -> Iterator[TemporaryServer | None]:
    """A temporary server that this process and its workers use, or None when the run
    reports to a server of its own. Yields as soon as the server process is spawned, before
    this process has imported Prefect; call ``wait_ready`` before the flow starts."""
    if os.environ.get("PREFECT_API_URL"):
        yield None
        return
    server = TemporaryServer()  # first, so that it boots while Prefect is imported here
    if not wanted():  # a profile or prefect.toml names a server, or temporary ones are off
        server.stop()
        yield None
        return
    from prefect.context import refresh_global_settings_context
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    # In the environment, for the worker processes started from here; and in Prefect's
    # process-wide settings, which every thread falls back to. A context-local override
    # (``temporary_settings``) is not enough: Prefect's event and heartbeat threads would
    # not see it, and would start a second temporary server of their own.
    os.environ["PREFECT_API_URL"] = server.api_url
    refresh_global_settings_context()
    try:
        # No flow-run heartbeats: they tell a lasting server that a run has crashed, and
        # this one ends with the run. Stopping the heartbeat thread also held the end of
        # every run for up to a second. (The flow engine reads this in this thread.)
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            yield server
    finally:
        _drain_events()  # the run's last events reach the server before it stops
        os.environ.pop("PREFECT_API_URL", None)
        refresh_global_settings_context()
        server.stop()


def _drain_events() -> None:
    # Draining logs "Still processing items: N remaining" as a WARNING while it waits for
    # them; that is this wait working, not a problem, and a normal run prints no warnings.
    progress = logging.getLogger("EventsWorker")
    level = progress.level
    progress.setLevel(logging.ERROR)
    try:
        with contextlib.suppress(Exception):  # a failure here loses run history, never the review
            from prefect.events.worker import EventsWorker

            pending = EventsWorker.drain_all(timeout=5)
            if inspect.iscoroutine(pending):
                # Called inside a running event loop (an embedding application, a test
                # harness): Prefect hands back a coroutine this function cannot await.
                pending.close()
    finally:
        progress.setLevel(level)


def startup_timeout() -> float:
    """Seconds to wait for the server: Prefect's own setting for its temporary server, which
    ``copydesk.flows.runtime.quiet`` defaults to ``STARTUP_TIMEOUT``; a value that is not a positive
    number is ignored (Prefect refuses it when it loads its settings)."""
    try:
        value = float(os.environ.get(STARTUP_TIMEOUT_VARIABLE, STARTUP_TIMEOUT))
    except ValueError:
        return float(STARTUP_TIMEOUT)
    return value if value > 0 else float(STARTUP_TIMEOUT)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
