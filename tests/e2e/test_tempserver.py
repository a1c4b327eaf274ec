"""``copydesk review`` without PREFECT_API_URL: the temporary Prefect server it starts
records the run, stops with the command, and when it cannot start says why in one line."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import psutil
from cli_command import COPYDESK

SERVER_APP = "prefect.server.api.server:create_app"


def _environ(prefect_home: Path, **env: str) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    environ.update(PREFECT_HOME=str(prefect_home), **env)
    return environ


def _command(*args: str) -> list[str]:
    return [*COPYDESK, "review", "--exit-zero", *args]


def review(*args: str, cwd: Path, prefect_home: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        _command(*args),
        cwd=cwd,
        env=_environ(prefect_home, **env),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _is_server(proc: psutil.Process) -> bool:
    try:
        return SERVER_APP in proc.cmdline()
    except psutil.Error:
        return False


def _is_own_server(proc: psutil.Process) -> bool:
    """A server process, not a child the server forked: at start-up the server runs
    ``file -b <python>`` (``platform.architecture``), and between that child's fork and
    its exec it has the server's command line. Sampled in that moment (more likely on a
    busy machine), it looked like a second server."""
    try:
        parent = proc.parent()
    except psutil.Error:
        return False
    return _is_server(proc) and not (parent is not None and _is_server(parent))


def servers_of(prefect_home: Path) -> list[psutil.Process]:
    """Server processes still running with this PREFECT_HOME."""
    found = []
    for proc in psutil.process_iter():
        try:
            if _is_server(proc) and proc.environ().get("PREFECT_HOME") == str(prefect_home):
                found.append(proc)
        except psutil.Error:
            continue
    return found


def test_one_server_records_the_run_and_stops_with_the_command(articles_dir, tmp_path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(4):  # 24 articles: several batches, so pool workers report to the server too
        for src in articles_dir.iterdir():
            shutil.copyfile(src, corpus / f"{i}-{src.name}")
    home = tmp_path / "prefect-home"
    proc = subprocess.Popen(
        _command(str(corpus), "--out", "out", "--no-cache", "--workers", "2"),
        cwd=tmp_path,
        env=_environ(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Every server process the review starts, sampled while it runs: Prefect threads that
    # miss the address start a temporary server of their own.
    root, servers = psutil.Process(proc.pid), set()
    while proc.poll() is None:
        with contextlib.suppress(psutil.Error):
            servers |= {child.pid for child in root.children(recursive=True) if _is_own_server(child)}
        time.sleep(0.05)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr and "WARNING" not in stderr and "ERROR" not in stderr
    assert len(servers) == 1
    assert servers_of(home) == []
    with sqlite3.connect(home / "prefect.db") as db:
        runs = db.execute("SELECT name, state_type FROM flow_run").fetchall()
        tasks = db.execute("SELECT name, state_type FROM task_run").fetchall()
    assert [state for _, state in runs] == ["COMPLETED"]
    # every task's last events reached the server before it was stopped, from the pool too
    assert {name.rsplit("-", 1)[0] for name, _ in tasks} >= {"extract-batch", "run-checks", "write-reports"}
    assert sum(name.startswith("extract-batch") for name, _ in tasks) >= 2
    assert {state for _, state in tasks} == {"COMPLETED"}


def test_a_server_that_cannot_start_is_reported_in_one_line(articles_dir, tmp_path):
    home = tmp_path / "prefect-home"
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("")
    result = review(
        str(articles_dir),
        "--out",
        "out",
        cwd=tmp_path,
        prefect_home=home,
        PREFECT_SERVER_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{not_a_folder}/prefect.db",
    )
    assert result.returncode == 2
    assert "Prefect's temporary server could not start" in result.stderr
    assert "unable to open database file" in result.stderr
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr
    assert servers_of(home) == []
    assert not (tmp_path / "out").exists()
