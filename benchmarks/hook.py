"""How long the pre-commit hook takes on one changed article (target: at most 3 s).

    .venv/bin/python benchmarks/hook.py [--runs 5] [--articles 50]

Builds a scratch content repository (``--articles`` articles in year folders, its own
``copydesk.toml``, a ``.pre-commit-config.yaml`` pointing at a clone of this repository's
working tree) and installs the hook's environment once, untimed, the way
``tests/e2e/test_precommit.py`` does (pre-commit's own virtualenv with copydesk installed in it
by pip, its dependencies found in this environment). Then, each run: one article gets a new
sentence with a new figure, is staged, and ``pre-commit run`` (what ``git commit`` runs) is
timed: pre-commit's start, ``copydesk check`` parsing and checking the changed article.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the test's helpers: one way to build the hook's repository

from tests.e2e.test_precommit import GIT_ENV, hook_repository, installed_packages_view  # noqa: E402

ARTICLE = """---
title: Harbour news {n}
author: Bench
published: 2024-03-1{d}
---
# Harbour news {n}

The council approved the dredging plan on Monday, the mayor said.

The port handled 3,400 ships last year, according to the port authority's annual report.
"""


def run(cwd: Path, env: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-hook-") as tmp:
        work = Path(tmp)
        clone, rev = hook_repository(work)
        repo = work / "archive"
        for n in range(args.articles):
            path = repo / str(2020 + n % 5) / f"news-{n}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(ARTICLE.format(n=n, d=n % 10), encoding="utf-8")
        (repo / "copydesk.toml").write_text('[copydesk]\ncontent = ["20*/**"]\n', encoding="utf-8")
        (repo / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {clone}\n    rev: {rev}\n    hooks:\n      - id: copydesk\n", encoding="utf-8"
        )
        env = {
            **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")},
            **GIT_ENV,
            "PRE_COMMIT_HOME": str(work / "pre-commit-home"),
            "PYTHONPATH": str(installed_packages_view(work)),
        }
        run(repo, env, "git", "-c", "init.defaultBranch=main", "init", "-q")
        run(repo, env, "git", "add", "-A")
        started = time.perf_counter()
        first = run(repo, env, sys.executable, "-m", "pre_commit", "run")  # installs the hook's environment
        print(
            f"first run (installs the hook's environment, checks {args.articles} articles): "
            f"{time.perf_counter() - started:.1f} s, exit {first.returncode}"
        )
        run(repo, env, "git", "commit", "-q", "--no-verify", "-m", "archive")
        changed = repo / "2020" / "news-0.md"
        times, cpus = [], []
        for i in range(args.runs):
            with changed.open("a", encoding="utf-8") as fh:
                fh.write(f"\nAbout {250 + i} jobs depend on the harbour.\n")
            run(repo, env, "git", "add", "-A")
            os.sync()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = run(repo, env, sys.executable, "-m", "pre_commit", "run")
            times.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if done.returncode != 1 or "figure-unsourced" not in done.stdout:
                raise SystemExit(f"the hook did not flag the new figure:\n{done.stdout}{done.stderr}")
    load = os.getloadavg()
    print(
        f"hook on one changed article, {args.runs} runs: median {statistics.median(times):.2f} s wall, "
        f"{statistics.median(cpus):.2f} s CPU (user + system, every process) "
        f"(walls {' '.join(f'{t:.2f}' for t in times)}); load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, "
        f"{os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
