"""Throughput, re-run cost and peak memory of a real ``copydesk review``, against bare spaCy.

    .venv/bin/python benchmarks/throughput.py ../shared/polnear-dev/text \\
        [--repeat 4] [--workers 2] [--rounds 3] [--server]

For the articles in CORPUS_DIR repeated ``--repeat`` times (copies with distinct names),
each round measures, one after the other so that they see the same machine load:

- bare: ``nlp.pipe(texts, n_process=N)`` over the texts copydesk parses (front matter,
  footnote markers and comments stripped), same model and pipeline. Timed twice: the
  pipe alone, and the whole process (interpreter, imports, model load, pipe);
- cold: ``copydesk review DIR --workers N -q`` with an empty extraction cache: the whole
  command, Prefect's temporary server (or ``--server``'s), GX, ledger and reports included;
- warm: the same command again over the unchanged corpus.

- bare and cold again at 1x the corpus: the differences between 4x and 1x give the cost
  of each extra article with the fixed start-up taken out, the ratio a large archive
  tends to.

Before the rounds, one untimed review creates Prefect's database (once per
``PREFECT_HOME``), and before every timed command the disk is synced, so that no command
pays for the files the one before it wrote.

Peak memory is the largest sum of RSS over the review's process tree (the CLI, its
worker pool and Prefect's server), sampled every 50 ms, for the cold reviews at 1x and
at ``--repeat`` x. Prints a Markdown table with the medians over the rounds.

``--server`` starts ``prefect server start`` first and points the reviews at it through
PREFECT_API_URL, as a scheduled deployment runs; without it each review starts
Prefect's temporary server, as ``copydesk review`` does on a laptop.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

BARE = """
import json, sys, time
t0 = time.perf_counter()
from copydesk.flows.content import discover_files, load_article
from copydesk.flows.content.view import build_review_text
from copydesk.flows.extract.nlp import load_nlp
corpus, n = sys.argv[1], int(sys.argv[2])
texts = [build_review_text(load_article(f)).text for f in discover_files([corpus])]
nlp = load_nlp()
t1 = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=16, n_process=n):
    pass
t2 = time.perf_counter()
print(json.dumps({"pipe": t2 - t1, "words": sum(len(t.split()) for t in texts), "docs": len(texts)}))
"""


class PeakRss:
    """The largest total RSS of a process and its descendants, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.peak = 0
        self._root = psutil.Process(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while not self._stop.is_set():
            try:
                procs = [self._root, *self._root.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            for proc in procs:
                with contextlib.suppress(psutil.Error):  # a worker may exit between listing and reading
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total)
            time.sleep(every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int, str]:
    """Wall seconds, peak tree RSS in bytes and stdout of one command; fails loudly.

    The disk is synced first, untimed: a review writes two thousand files, and without
    this the next command (a bare parse writes nothing, a review's databases fsync) would
    pay for the kernel flushing them. Each command pays for its own writes only."""
    os.sync()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = PeakRss(proc.pid)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    rss = peak.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{stderr}")
    if "Traceback" in stderr or "ERROR" in stderr:
        raise SystemExit(f"{' '.join(cmd)} wrote errors:\n{stderr}")
    return wall, rss, stdout


def corpus_copy(src: Path, repeat: int, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for i in range(repeat):
        for f in sorted(src.iterdir()):
            if f.is_file():
                shutil.copyfile(f, dest / f"r{i + 1}-{f.name}")
    return dest


def start_server(home: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env={**env, "PREFECT_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    api = f"http://127.0.0.1:{port}/api"
    import httpx

    for _ in range(240):
        try:
            if httpx.get(f"{api}/health", timeout=1).status_code == 200:
                return server, api
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    server.kill()
    raise SystemExit("prefect server did not start")


def machine() -> str:
    mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    gib = int(mem.split()[1]) / 1024 / 1024
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    try:  # the code measured, for the README's table
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown commit"
    return (
        f"{dt.date.today().isoformat()}, commit {commit}, {platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
        f"{gib:.0f} GiB RAM, Python {platform.python_version()}, load average at start {load}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="folder of articles (.txt, .md, .html)")
    ap.add_argument("--repeat", type=int, default=4, help="copies of the corpus for the scale test")
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--rounds", type=int, default=3, help="bare/cold/warm measured this many times")
    ap.add_argument("--server", action="store_true", help="review against a running prefect server")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),  # the code of this checkout, whatever the venv's install points at
        "COPYDESK_DB_URL": f"sqlite:///{work / 'ledger.db'}",
        "PREFECT_HOME": str(work / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }
    server = None
    try:
        if args.server:
            server, api = start_server(work / "server-home", env)
            env["PREFECT_API_URL"] = api
        info = machine()
        big = corpus_copy(args.corpus, args.repeat, work / f"corpus-{args.repeat}x")
        one = corpus_copy(args.corpus, 1, work / "corpus-1x")
        bare_s, bare_proc, cold, warm, cold_rss = [], [], [], [], []
        bare_one, cold_one, one_rss = [], [], []
        words = docs = 0

        def bare(corpus: Path) -> tuple[float, float, dict]:
            wall, _, out = run([sys.executable, "-c", BARE, str(corpus), str(args.workers)], env, work)
            stats = json.loads(out.strip().splitlines()[-1])
            return stats["pipe"], wall, stats

        def review(corpus: Path, tag: str) -> list[str]:
            out = [str(BIN / "copydesk"), "review", str(corpus), "--out", str(work / f"out-{tag}")]
            # --exit-zero: the corpus has findings, and exit 1 would read as a failed run here.
            return out + ["--workers", str(args.workers), "-q", "--exit-zero"]

        # Untimed: the first review with a new PREFECT_HOME creates Prefect's database
        # (about 5 s, once per machine), which is not what a review costs.
        run(review(one, "setup"), {**env, "COPYDESK_CACHE_DIR": str(work / "cache-setup")}, work)
        for r in range(args.rounds):
            pipe, wall, stats = bare(big)
            bare_s.append(pipe)
            bare_proc.append(wall)
            words, docs = stats["words"], stats["docs"]
            review_env = {**env, "COPYDESK_CACHE_DIR": str(work / f"cache-{r}")}
            wall, rss, _ = run(review(big, str(r)), review_env, work)
            cold.append(wall)
            cold_rss.append(rss)
            wall, _, _ = run(review(big, str(r)), review_env, work)
            warm.append(wall)
            bare_one.append(bare(one)[0])
            one_env = {**env, "COPYDESK_CACHE_DIR": str(work / f"cache-1x-{r}")}
            wall, rss, _ = run(review(one, f"1x-{r}"), one_env, work)
            cold_one.append(wall)
            one_rss.append(rss)
            print(
                f"round {r + 1}: {args.repeat}x: bare pipe {bare_s[-1]:.1f} s (process "
                f"{bare_proc[-1]:.1f} s), cold {cold[-1]:.1f} s, warm {warm[-1]:.1f} s; "
                f"1x: bare pipe {bare_one[-1]:.1f} s, cold {cold_one[-1]:.1f} s",
                file=sys.stderr,
            )
    finally:
        if server is not None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)

    med = statistics.median
    b, bp, c, w = med(bare_s), med(bare_proc), med(cold), med(warm)
    # What each extra article costs, the fixed start-up (Prefect's server, the workers,
    # GX) taken out: the ratio a large archive tends to.
    marginal = (c - med(cold_one)) / (b - med(bare_one))
    gib = 1024**3
    prefect = "a running prefect server (PREFECT_API_URL)" if args.server else "Prefect's temporary server"
    print(f"{info}")
    print(
        f"{docs} articles ({args.repeat}x {args.corpus.name}), {words} words, {args.workers} processes, "
        f"{prefect}; medians of {args.rounds} rounds\n"
    )
    print("| measure | value | ratio | target |")
    print("|---|---|---|---|")
    print(f"| bare spaCy `nlp.pipe(n_process={args.workers})`, pipe only | {b:.1f} s | 1.00 | |")
    print(f"| bare spaCy, whole process (imports, model load, pipe) | {bp:.1f} s | {bp / b:.2f} | |")
    print(
        f"| `copydesk review --workers {args.workers}`, cold cache | {c:.1f} s | {c / b:.2f} × pipe, "
        f"{c / bp:.2f} × process | ≤ 1.25 × |"
    )
    print(
        f"| `copydesk review`, unchanged re-run (warm cache) | {w:.1f} s | {100 * w / c:.1f} % of cold | ≤ 15 % |"
    )
    print(
        f"| the same per extra article: (cold {args.repeat}x − cold 1x) / (bare {args.repeat}x − bare 1x) "
        f"| {c - med(cold_one):.1f} s / {b - med(bare_one):.1f} s | {marginal:.2f} × | |"
    )
    print(
        f"| peak memory, cold review, 1x ({docs // args.repeat} articles) | {med(one_rss) / gib:.2f} GiB "
        "| | ≤ 2 GiB |"
    )
    print(
        f"| peak memory, cold review, {args.repeat}x ({docs} articles) | {med(cold_rss) / gib:.2f} GiB | "
        f"{med(cold_rss) / med(one_rss):.2f} × 1x | flat |"
    )
    print(f"\nthroughput: bare {words / b:.0f} words/s, review cold {words / c:.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
