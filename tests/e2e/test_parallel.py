"""Parsing on a pool of worker processes: the same findings as in one process, and a run
that completes when a batch fails or a worker dies."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import psutil
import pytest
from cli_command import COPYDESK

from copydesk.flows.runtime.quiet import quiet_environment
from copydesk.reports.naming import report_name

quiet_environment()  # before Prefect is imported: no INFO lines from its temporary server


def _findings(articles) -> dict[str, list[tuple]]:
    return {
        Path(a.path).name: [(f.rule, f.start, f.end, f.fingerprint) for f in a.findings] for a in articles
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, articles_dir) -> Path:
    root = tmp_path_factory.mktemp("parallel")
    shutil.copytree(articles_dir, root / "articles")
    return root / "articles"


@pytest.fixture(scope="module")
def in_one_process(corpus, tmp_path_factory, nlp):
    from copydesk.flows.review_flow import review_flow

    out = tmp_path_factory.mktemp("one")
    return review_flow([str(corpus)], out_dir=str(out), batch_size=2, use_cache=False, workers=1).articles


def test_a_pool_of_two_finds_what_one_process_finds(corpus, in_one_process, tmp_path):
    from copydesk.flows.review_flow import review_flow

    pooled = review_flow(
        [str(corpus)], out_dir=str(tmp_path), batch_size=2, use_cache=False, workers=2
    ).articles
    assert [a.path for a in pooled] == [a.path for a in in_one_process]
    assert _findings(pooled) == _findings(in_one_process)
    assert all(a.reviewed for a in pooled)


def _is_worker(process: psutil.Process) -> bool:
    """A pool worker: forked by the pool's fork server (``copydesk.flows.runtime.pools``), or spawned by
    Prefect's own executor where that is what the pool fell back to."""
    try:
        if "spawn_main" in " ".join(process.cmdline()):
            return True
        parent = process.parent()
        return parent is not None and "multiprocessing.forkserver" in " ".join(parent.cmdline())
    except psutil.Error:
        return False


def _kill_first_worker(killed: list[int]) -> None:
    """SIGKILL the first pool worker this process starts, as the OOM killer would."""
    me = psutil.Process()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for child in me.children(recursive=True):
            if _is_worker(child):
                child.kill()
                killed.append(child.pid)
                return
        time.sleep(0.02)


def test_a_killed_worker_costs_nothing_but_time(corpus, in_one_process, tmp_path, monkeypatch):
    import copydesk.flows.runtime.parallel as parallel
    from copydesk.flows.review_flow import review_flow

    broken: list[BaseException] = []
    real_outcome = parallel._outcome

    def watching(future):
        outcome = real_outcome(future)
        if isinstance(outcome, BrokenProcessPool):
            broken.append(outcome)
        return outcome

    monkeypatch.setattr(parallel, "_outcome", watching)
    killed: list[int] = []
    killer = threading.Thread(target=_kill_first_worker, args=(killed,), daemon=True)
    killer.start()
    pooled = review_flow(
        [str(corpus)], out_dir=str(tmp_path), batch_size=2, use_cache=False, workers=2
    ).articles
    killer.join(timeout=1)
    assert killed, "no worker process was started"
    assert broken, "the pool never noticed its worker die"
    failed = {a.path: a.errors for a in pooled if not a.reviewed or a.errors}
    assert not failed, failed
    assert _findings(pooled) == _findings(in_one_process)


def test_a_batch_that_fails_twice_is_reported_and_the_rest_reviewed(corpus, tmp_path, monkeypatch, nlp):
    import copydesk.flows.extract.pipeline as pipeline
    from copydesk.flows.review_flow import review_flow

    real = pipeline.extract_batch
    calls: list[list[str]] = []

    def flaky(paths, max_bytes=pipeline.DEFAULT_MAX_BYTES):
        calls.append(list(paths))
        if any(p.endswith("ferry-service.md") for p in paths):
            raise MemoryError("simulated")
        return real(paths, max_bytes)

    monkeypatch.setattr(pipeline, "extract_batch", flaky)
    arts = review_flow(
        [str(corpus)], out_dir=str(tmp_path), batch_size=2, use_cache=False, workers=1
    ).articles
    bad = [a for a in arts if not a.reviewed]
    assert sorted(Path(a.path).name for a in bad) == ["clinic-closure.txt", "ferry-service.md"]
    assert all("failed twice" in a.errors[0] for a in bad)
    assert sum(1 for c in calls if any(p.endswith("ferry-service.md") for p in c)) == 2  # retried once
    assert all(a.reviewed for a in arts if a not in bad)
    failed = next(a for a in bad if a.path.endswith("ferry-service.md"))
    assert (tmp_path / f"{report_name(failed.article.id)}.json").exists()  # it still has its report


def _on_threads(batches: list[list[str]]) -> dict:
    """``run_batches`` in a flow on Prefect's thread runner, two at a time: the pool's code
    path (submit, wait, classify) with tasks that run in this process, where a failure can
    be injected. Returns each batch's outcome."""
    from prefect import flow
    from prefect.task_runners import ThreadPoolTaskRunner

    from copydesk.flows.review_flow import extract_batch_task
    from copydesk.flows.runtime.parallel import run_batches

    @flow
    def run() -> list:
        return list(
            run_batches(
                extract_batch_task,
                batches,
                {"max_bytes": 1 << 20},
                lambda n: ThreadPoolTaskRunner(max_workers=n),
                2,
            )
        )

    return dict((tuple(b), o) for b, o in run())


def test_on_a_runner_a_failing_batch_gives_up_and_the_others_finish(corpus, monkeypatch, nlp):
    """A batch whose task raises, twice, gives up with the error; the others finish."""
    import copydesk.flows.extract.pipeline as pipeline
    from copydesk.flows.runtime.parallel import GaveUp

    real = pipeline.extract_batch

    def flaky(paths, max_bytes=pipeline.DEFAULT_MAX_BYTES):
        if any(p.endswith("school-meals.html") for p in paths):
            raise RuntimeError("simulated")
        return real(paths, max_bytes)

    monkeypatch.setattr(pipeline, "extract_batch", flaky)
    files = sorted(str(p) for p in corpus.iterdir())
    batches = [files[i : i + 2] for i in range(0, len(files), 2)]

    results = _on_threads(batches)
    assert set(results) == {tuple(b) for b in batches}
    for batch, outcome in results.items():
        if any(p.endswith("school-meals.html") for p in batch):
            assert isinstance(outcome, GaveUp) and "RuntimeError: simulated" in outcome.reason
        else:
            assert [a.path for a in outcome.articles] == list(batch)


def test_on_a_runner_batches_that_fail_beside_a_dead_worker_are_run_again(corpus, monkeypatch, nlp):
    """A pool whose worker dies can fail its other batches with whatever the dying pool
    raises (an OSError on a closed pipe), before or after the BrokenProcessPool that names
    the death: those batches died with the pool, and are run again in a fresh one."""
    from concurrent.futures.process import BrokenProcessPool

    import copydesk.flows.extract.pipeline as pipeline
    from copydesk.flows.runtime.parallel import GaveUp

    real = pipeline.extract_batch
    files = sorted(str(p) for p in corpus.iterdir())
    batches = [files[i : i + 2] for i in range(0, len(files), 2)]
    dying, beside = batches[0][0], batches[1][0]
    attempts: dict[str, int] = {}

    def failing_with_the_pool(paths, max_bytes=pipeline.DEFAULT_MAX_BYTES):
        first = paths[0]
        attempts[first] = attempts.get(first, 0) + 1
        if attempts[first] <= 2:  # both of the task's own tries, in the first pool
            if first == dying:
                raise BrokenProcessPool("simulated: a worker died")
            if first == beside:
                raise OSError(9, "Bad file descriptor")
        return real(paths, max_bytes)

    monkeypatch.setattr(pipeline, "extract_batch", failing_with_the_pool)

    results = _on_threads(batches)
    assert set(results) == {tuple(b) for b in batches}
    assert not [o for o in results.values() if isinstance(o, GaveUp)]
    assert attempts[dying] == 3 and attempts[beside] == 3  # run again, once, in a fresh pool


def copydesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*COPYDESK, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_a_parallel_review_prints_only_the_summary(articles_dir, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(4):  # 24 articles: two batches, so the pool is used
        for src in articles_dir.iterdir():
            shutil.copyfile(src, folder / f"{i}-{src.name}")
    for attempt in ("cold", "warm"):
        result = copydesk("review", "many", "--workers", "2", "--out", "out", "--exit-zero", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert " in 24 articles;" in result.stdout.splitlines()[-1], attempt
        for bad in ("ERROR", "Traceback", "WARNING"):
            assert bad not in result.stderr, f"{attempt}: {result.stderr}"
    entries = list((tmp_path / ".copydesk" / "cache").rglob("*.json"))
    articles = [e for e in entries if "findings" not in e.parts]
    matches = [e for e in entries if "archive-matches" in e.parts]
    assert len(articles) == len(list(articles_dir.iterdir()))  # one per distinct text
    assert len(entries) - len(articles) - len(matches) == 24  # findings: one per path
    assert len(matches) == 1  # the run's archive matches, found cold and reused warm


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "0"], "--workers must be at least 1"),
        (
            ["--runner", "threads"],
            "Invalid value for '--runner': Value error, 'threads' is not one of 'local', 'dask'",
        ),
        (["--runner", "dask"], "needs --address"),
        (["--runner", "dask", "--address", "not an address"], "not a Dask scheduler address"),
        (["--runner", "dask", "--address", "tcp://127.0.0.1:9"], "cannot reach the Dask scheduler"),
        (["--address", "tcp://127.0.0.1:8786"], "--address is for --runner dask"),
    ],
)
def test_bad_placement_options_exit_2(articles_dir, tmp_path, args, message):
    shutil.copytree(articles_dir, tmp_path / "articles")
    result = copydesk("review", "articles", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in " ".join(result.stderr.replace("│", " ").split())  # typer's error box, unwrapped
    assert "Traceback" not in result.stderr


def _worker_facts() -> tuple[int, bool, bool]:
    """Run in a pool worker: its parent, and whether it started with the preloaded imports
    (the fork server's, the extractors and the flow's module, which every task's context
    brings) and the model loaded."""
    import os

    from copydesk.flows.extract.nlp import load_nlp

    preloaded = all(
        name in sys.modules
        for name in (
            "copydesk.flows.runtime.preload",
            "copydesk.flows.extract.pipeline",
            "copydesk.flows.review_flow",
        )
    )
    return os.getppid(), preloaded, load_nlp.cache_info().currsize == 1


def test_pool_workers_are_forked_from_the_preloaded_fork_server():
    """The pool's workers start with Prefect, spaCy and the model already loaded, as forks
    of one process (``copydesk.flows.runtime.preload``), not spawned to load them each; the same holds
    for a second pool, such as the one that re-runs a dead worker's batches."""
    from copydesk.flows.runtime.pools import WorkerPool, start_forkserver

    start_forkserver()
    for _ in range(2):
        with WorkerPool(2) as pool:
            facts = [pool._executor.submit(_worker_facts).result(timeout=120) for _ in range(4)]
        for parent, preloaded, model_loaded in facts:
            assert "multiprocessing.forkserver" in " ".join(psutil.Process(parent).cmdline())
            assert preloaded and model_loaded
