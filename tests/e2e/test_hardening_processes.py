"""Issue 17: a review killed with SIGKILL leaves no process behind, and a Prefect API
that does not answer ends a review with one line naming it.

``copydesk review`` runs in a session of its own (``setsid``), with a marker in its
environment that every process it starts inherits: Prefect's temporary server, the
multiprocessing resource tracker, the workers' fork server and the workers. It is killed
with ``kill -9`` at three points, seen from outside: as soon as its temporary server
exists (early), as soon as a worker exists (parsing), and once the extraction cache holds
every article (the checks, ledger and reports). Then no process with the marker may
remain. The reports folder, the cache and the ledger are left as a kill leaves them; the
next review over them must work.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest
from cli_command import COPYDESK

MARKER = "COPYDESK_TEST_RUN"
ARTICLES = 24
HANG_GUARD = 240.0  # seconds: only against a hang, on a loaded machine


def _processes(marker: str) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get(MARKER) == marker:
                found.append(proc)
        except psutil.Error:  # gone, or not ours to read
            continue
    return found


def _describe(procs: list[psutil.Process]) -> list[str]:
    described = []
    for proc in procs:
        try:
            described.append(f"{proc.pid} {' '.join(proc.cmdline())[:120]}")
        except psutil.Error:
            continue
    return described


def _is_server(proc: psutil.Process) -> bool:
    return "prefect.server.api.server:create_app" in " ".join(proc.cmdline())


def _is_worker(proc: psutil.Process) -> bool:
    # Forked from the fork server: a forkserver command line whose parent has the same one.
    if "multiprocessing.forkserver" not in " ".join(proc.cmdline()):
        return False
    parent = proc.parent()
    return parent is not None and "multiprocessing.forkserver" in " ".join(parent.cmdline())


def _cached_articles(cache: Path) -> int:
    return sum(1 for p in cache.rglob("*.json") if "findings" not in p.parts and not p.name.startswith("."))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of distinct articles (the cache keys by bytes: copies would be one entry)."""
    root = tmp_path_factory.mktemp("killed")
    (root / "content").mkdir()
    for i in range(ARTICLES):
        (root / "content" / f"story-{i:02d}.md").write_text(
            f"---\ntitle: Story {i}\npublished: 2024-06-01\n---\n"
            f"The harbour handled {3000 + i} ships last year, the port said.\n\n"
            f"About {200 + i} jobs depend on the harbour.\n\n"
            "“The channel has to be deeper,” said Ana Ruiz, the harbour master.\n\n"
            + "Observers believe the fees will rise again. " * 20
            + "\n",
            encoding="utf-8",
        )
    return root


def _start(project: Path, marker: str, cache: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(
        {
            MARKER: marker,
            "PREFECT_HOME": str(project / "prefect-home"),
            "COPYDESK_CACHE_DIR": str(cache),
            "COPYDESK_DB_URL": f"sqlite:///{project / 'ledger.db'}",
        }
    )
    return subprocess.Popen(
        [
            *COPYDESK,
            "review",
            "content",
            "--out",
            "out",
            "-q",
            "--workers",
            "2",
        ],
        cwd=project,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # setsid: the run's processes are found by marker, not by tree
    )


def _wait_for(condition: Callable[[], bool], review: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + HANG_GUARD
    while not condition():
        assert review.poll() is None, f"the review ended ({review.returncode}) before {what}"
        assert time.monotonic() < deadline, f"no {what} within {HANG_GUARD:.0f} s"
        time.sleep(0.05)


POINTS = {
    "early": lambda marker, cache: any(_is_server(p) for p in _processes(marker)),
    "parsing": lambda marker, cache: any(_is_worker(p) for p in _processes(marker)),
    "checks": lambda marker, cache: _cached_articles(cache) >= ARTICLES,
}


@pytest.mark.parametrize("point", list(POINTS))
def test_a_killed_review_leaves_no_process(project, tmp_path, point):
    marker = uuid.uuid4().hex
    cache = tmp_path / "cache"
    review = _start(project, marker, cache)
    try:
        _wait_for(lambda: POINTS[point](marker, cache), review, f"{point} point")
        started = _processes(marker)
        assert len(started) >= 2, _describe(started)  # the review and at least one child
        os.kill(review.pid, signal.SIGKILL)
        review.wait(timeout=30)
        deadline = time.monotonic() + 60  # the children's signal is immediate; this is a hang guard
        while _processes(marker) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = _processes(marker)
        assert left == [], f"left behind after kill -9 at {point}: {_describe(left)}"
    finally:
        for proc in _processes(marker):  # never leak a run's processes into other tests
            with contextlib.suppress(psutil.Error):
                proc.kill()
        if review.poll() is None:
            review.kill()
            review.wait()


# ── a Prefect API that does not answer ──


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A socket on 127.0.0.1 that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])  # kept open, never read or answered
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/api"
    finally:
        stop.set()
        thread.join(timeout=10)
        for conn in held:
            conn.close()
        listener.close()


def _review_against(url: str, project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PREFECT_API_URL": url, "COPYDESK_DB_URL": f"sqlite:///{project / 'ledger.db'}"}
    return subprocess.run(
        [
            *COPYDESK,
            "review",
            "content/story-00.md",
            "--out",
            "out-api",
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,  # before: the review hung with no output (killed at 170 s)
        check=False,
    )


def test_a_server_that_never_answers_is_named_in_one_line(project, silent_server):
    run = _review_against(silent_server, project)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and silent_server in lines[0] and "did not answer" in lines[0], run.stderr
    assert not (project / "out-api").exists()


def test_a_dead_port_is_named_in_one_line(project):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/api"  # bound, never listening
        run = _review_against(url, project)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and url in lines[0] and "cannot reach" in lines[0], run.stderr
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr
