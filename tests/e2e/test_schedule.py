"""``copydesk schedule``: a clear exit 2 without a reachable Prefect server, and, end to
end, a real ``prefect server start`` that records a completed scheduled review."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cli_command import COPYDESK

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """This test's own Prefect home: no profile on the machine may point it at a server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(tmp_path / "prefect-home"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_UI_ENABLED="false",
        COPYDESK_DB_URL=f"sqlite:///{tmp_path / 'ledger.db'}",
        **extra,
    )
    return env


def copydesk(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([*COPYDESK, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def workdir(tmp_path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def test_without_prefect_api_url_it_exits_2_and_says_what_to_do(workdir):
    result = copydesk("schedule", "content", "--interval", "5", cwd=workdir, env=_env(workdir))
    assert result.returncode == 2
    message = " ".join(result.stderr.split())
    assert "PREFECT_API_URL is not set" in message and "prefect server start" in message
    assert "Traceback" not in result.stderr


def test_an_unreachable_server_exits_2(workdir):
    env = _env(workdir, PREFECT_API_URL=f"http://127.0.0.1:{_free_port()}/api")
    result = copydesk("schedule", "content", "--cron", "0 2 * * *", cwd=workdir, env=env)
    assert result.returncode == 2
    assert "cannot reach the Prefect server" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "exactly one of --cron"),
        (["--cron", "0 2 * * *", "--interval", "60"], "exactly one of --cron"),
        (["--interval", "0"], "--interval must be a positive"),
        (["--cron", "61 * * *"], "Invalid cron string"),
    ],
)
def test_bad_schedules_exit_2(workdir, args, message):
    result = copydesk("schedule", "content", *args, cwd=workdir, env=_env(workdir))
    assert result.returncode == 2
    assert message in " ".join(result.stderr.split())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen, grace: float = 30) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(predicate, timeout: float, what: str, *processes: subprocess.Popen):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise AssertionError(f"{process.args[:3]} exited {process.returncode} waiting for {what}")
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    """``prefect server start`` on a free port, with its own home; stopped afterwards."""
    home = tmp_path_factory.mktemp("prefect-server")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = _env(home)
    server = subprocess.Popen(
        [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        cwd=home,
        env=env,
        stdout=open(home / "server.out", "w"),  # noqa: SIM115  (closed with the process)
        stderr=subprocess.STDOUT,
    )

    def healthy() -> bool:
        try:
            return httpx.get(f"{api}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        _wait_for(healthy, 60, "the Prefect server", server)
        yield api, server
    finally:
        _stop(server)


def _completed_runs(api: str) -> list[dict]:
    body = {"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}}
    return httpx.post(f"{api}/flow_runs/filter", json=body, timeout=5).json()


def _artifact_keys(api: str, run: dict) -> set[str]:
    body = {"artifacts": {"flow_run_id": {"any_": [run["id"]]}}}
    return {a["key"] for a in httpx.post(f"{api}/artifacts/filter", json=body, timeout=5).json()}


def test_a_served_schedule_runs_and_the_server_records_it(prefect_server, workdir):
    api, server = prefect_server
    env = _env(workdir, PREFECT_API_URL=api, PREFECT_RUNNER_POLL_FREQUENCY="2")
    logs = workdir / "logs"
    logs.mkdir()
    scheduler = subprocess.Popen(
        [*COPYDESK, "schedule", "content", "--interval", "5", "--out", "out", "--name", "e2e"],
        cwd=workdir,
        env=env,
        stdout=open(logs / "schedule.out", "w"),  # noqa: SIM115  (closed with the process)
        stderr=open(logs / "schedule.err", "w"),  # noqa: SIM115
    )
    try:

        def completed() -> list[dict]:
            return [r for r in _completed_runs(api) if _deployment(api, r) == "e2e"]

        [run, *_] = _wait_for(completed, 90, "a completed scheduled run", server, scheduler)
        assert "copydesk-summary" in _artifact_keys(api, run)
        assert (workdir / "out" / "content~remedial-secession.txt.json").is_file()
        assert (workdir / "out" / "summary.md").is_file()
    finally:
        _stop(scheduler)
    errors = (logs / "schedule.err").read_text()
    assert "Traceback" not in errors and "ERROR" not in errors, errors


def _deployment(api: str, run: dict) -> str | None:
    if not run.get("deployment_id"):
        return None
    return httpx.get(f"{api}/deployments/{run['deployment_id']}", timeout=5).json()["name"]


def test_prefect_yaml_deploys_both_schedules_and_a_process_worker_runs_them(prefect_server, tmp_path):
    """``prefect deploy --all`` from the repository, then one run of the incremental
    deployment on a worker of the process pool. The run reads the repository's content/
    and writes its reports, ledger and cache under tmp_path."""
    api, _ = prefect_server
    env = _env(
        tmp_path,
        PREFECT_API_URL=api,
        PWD=str(ROOT),  # prefect.yaml's working directory: "{{ $PWD }}" at deploy time
        COPYDESK_CACHE_DIR=str(tmp_path / "cache"),
    )

    def prefect(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(BIN / "prefect"), "--no-prompt", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    created = prefect("work-pool", "create", "copydesk", "--type", "process", "--overwrite")
    assert created.returncode == 0, created.stdout + created.stderr
    deployed = prefect("deploy", "--all")
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    found = httpx.post(f"{api}/deployments/filter", json={}, timeout=5).json()
    by_name = {d["name"]: d for d in found}
    assert by_name["nightly-full"]["schedules"][0]["schedule"]["cron"] == "0 2 * * *"
    assert by_name["incremental"]["schedules"][0]["schedule"]["interval"] == 900
    assert by_name["incremental"]["pull_steps"] == [
        {"prefect.deployments.steps.set_working_directory": {"directory": str(ROOT)}}
    ]
    started = prefect(
        "deployment", "run", "copydesk-review/incremental", "--param", f"out_dir={tmp_path / 'out'}"
    )
    assert started.returncode == 0, started.stdout + started.stderr
    worker = prefect("worker", "start", "--pool", "copydesk", "--run-once")
    assert worker.returncode == 0, worker.stdout + worker.stderr
    runs = [r for r in _completed_runs(api) if _deployment(api, r) == "incremental"]
    assert runs, worker.stdout + worker.stderr
    assert "copydesk-summary" in _artifact_keys(api, runs[0])
    assert (tmp_path / "out" / "content~remedial-secession.txt.json").is_file()
    assert list((tmp_path / "cache").rglob("*.json"))
