"""``copydesk review`` without PREFECT_API_URL: the temporary Prefect server it starts
records the run, stops with the command, and when it cannot start says why in one line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import psutil

SERVER_APP = "prefect.server.api.server:create_app"


def review(*args: str, cwd: Path, prefect_home: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    environ.update(PREFECT_HOME=str(prefect_home), **env)
    script = Path(sys.executable).parent / "copydesk"
    return subprocess.run(
        [str(script), "review", *args], cwd=cwd, env=environ, capture_output=True, text=True, timeout=300
    )


def servers_of(prefect_home: Path) -> list[psutil.Process]:
    """Server processes still running with this PREFECT_HOME."""
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        try:
            if SERVER_APP in (proc.info["cmdline"] or []) and proc.environ().get("PREFECT_HOME") == str(
                prefect_home
            ):
                found.append(proc)
        except psutil.Error:
            continue
    return found


def test_the_run_is_recorded_and_the_server_stops_with_the_command(articles_dir, tmp_path):
    home = tmp_path / "prefect-home"
    result = review(
        str(articles_dir), "--out", "out", "--no-cache", "--workers", "1", cwd=tmp_path, prefect_home=home
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "WARNING" not in result.stderr
    assert servers_of(home) == []
    with sqlite3.connect(home / "prefect.db") as db:
        runs = db.execute("SELECT name, state_type FROM flow_run").fetchall()
        tasks = {name.rsplit("-", 1)[0] for (name,) in db.execute("SELECT name FROM task_run")}
    assert [state for _, state in runs] == ["COMPLETED"]
    # every task's last events reached the server before it was stopped
    assert {"extract-batch", "run-checks", "ledger-sync", "write-reports"} <= tasks


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
