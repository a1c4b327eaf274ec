"""How ``copydesk ci`` scales with the archive: one changed article in a repository of 1
article against one in a repository of 300. The gate reviews only changed files, so the
two times should be close (target: the large repository at most 1.5x the small one).

    .venv/bin/python benchmarks/ci_gate.py [--articles 300] [--runs 5]

Each repository gets a main branch with synthetic articles (one template, varied names,
places and numbers), then a branch that adds an unsourced figure to one article. The
median of ``--runs`` timed runs (taking turns) is reported; every run is a fresh process, as in CI.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOWNS = ["Kestrel Bay", "Holm Island", "Ashford", "Lowmoor", "Pelham", "Brackwater", "Thornby", "Eastcliff"]
PEOPLE = ["Maria Olsen", "Jonas Lind", "Elena Petrova", "Abdul Rahman", "Claire Moreau", "Noor Haddad"]
TOPICS = ["library", "ferry", "harbour", "school", "clinic", "market", "bridge", "park"]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def synthetic_article(n: int, rng: random.Random) -> str:
    town, person, topic = rng.choice(TOWNS), rng.choice(PEOPLE), rng.choice(TOPICS)
    money, share, count, year = (
        rng.randint(2, 90),
        rng.randint(3, 60),
        rng.randint(100, 9000),
        rng.randint(2001, 2022),
    )
    return f"""---
title: The {topic} in {town}, part {n}
author: {person}
published: 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}
---
# The {topic} in {town}, part {n}

The council of {town} agreed on Tuesday to spend €{money} million on the {topic}, according to the
budget papers published the same day.[1]

“We have waited since {year} for this,” said {person}, who chairs the residents' association.
“Nobody here thought it would happen.”

About {share} percent of households in {town} use the {topic} every week, the council said.
Critics say the plan leaves out the villages to the north.

The {topic} counted {count} visitors in {year}, the council's annual report shows.

Work is due to start next spring and to finish by 2027, the council expects.

[1]: {town} Council, budget papers, 2024, p. {rng.randint(2, 40)}.
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, check=True, capture_output=True)


def make_repo(root: Path, articles: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    repo = root / f"repo-{articles}"
    (repo / "content").mkdir(parents=True)
    for n in range(articles):
        (repo / "content" / f"article-{n:04d}.md").write_text(synthetic_article(n, rng), encoding="utf-8")
    git(repo, "-c", "init.defaultBranch=main", "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "archive")
    git(repo, "checkout", "-q", "-b", "feature")
    changed = repo / "content" / "article-0000.md"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nThe new hall will seat 1,250 people.\n", encoding="utf-8"
    )
    git(repo, "commit", "-q", "-am", "one more figure")
    return repo


def time_gate(repo: Path, copydesk: str) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    start = time.perf_counter()
    proc = subprocess.run(
        [copydesk, "ci", "--base", "main"], cwd=repo, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 1 or "1,250 people" not in proc.stdout:  # the new figure must block
        sys.exit(f"unexpected gate result in {repo}:\n{proc.stdout}{proc.stderr}")
    return elapsed


def compare(small: Path, large: Path, copydesk: str, runs: int) -> tuple[float, float]:
    """Median times, the two repositories taking turns so that load from other work on
    the machine falls on both alike."""
    time_gate(small, copydesk)  # warm the OS file cache and Python's bytecode cache
    pairs = [(time_gate(small, copydesk), time_gate(large, copydesk)) for _ in range(runs)]
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sibling = Path(sys.executable).parent / "copydesk"
    copydesk = str(sibling) if sibling.exists() else shutil.which("copydesk") or "copydesk"
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
        small, large = make_repo(Path(tmp), 1), make_repo(Path(tmp), args.articles)
        t_small, t_large = compare(small, large, copydesk, args.runs)
    ratio = t_large / t_small
    print(f"copydesk ci, one changed article, median of {args.runs} runs")
    print(f"  repository of 1 article:    {t_small:6.2f} s")
    print(f"  repository of {args.articles} articles: {t_large:6.2f} s")
    print(f"  ratio: {ratio:.2f}x (target <= 1.5x) {'ok' if ratio <= 1.5 else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
