"""Time the desk's article page for a very long article with thousands of findings.

    python benchmarks/desk_article.py [--chars 900000] [--findings 5000] [--repeat 3]

Builds, in a temporary folder, one Markdown article of about ``--chars`` characters, a
report with ``--findings`` findings over it (``copydesk.reports.writer``), a SQLite ledger that
saw them (``Ledger.sync``) with one decision on every tenth, then asks the desk for
``/articles/<id>`` through FastAPI's TestClient (in process: the time is the app's, not
the network's) and prints the time and size of each answer.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from copydesk.checks.fingerprints import assign_fingerprints, line_col  # noqa: E402
from copydesk.checks.ledger import Ledger  # noqa: E402
from copydesk.checks.records import ArticleInfo, Finding, ReviewedArticle  # noqa: E402
from copydesk.reports.desk import create_app  # noqa: E402
from copydesk.reports.writer import write_reports  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PARAGRAPH = "The harbour handled {n} ships last year, and about {m} jobs depend on it.\n\n"


def build(root: Path, chars: int, findings: int) -> tuple[str, str]:
    parts, size, n = ["---\ntitle: Long harbour\npublished: 2024-06-01\n---\n"], 0, 0
    while size < chars:
        piece = PARAGRAPH.format(n=1000 + n, m=200 + n)
        parts.append(piece)
        size += len(piece)
        n += 1
    text = "".join(parts)
    (root / "content").mkdir()
    (root / "content" / "long.md").write_text(text, encoding="utf-8")
    found, start = [], 0
    while len(found) < findings:
        start = text.index(" ships", start) - 4
        line, column = line_col(text, start)
        found.append(
            Finding(
                "figure-unsourced", "error", "x", start, start + 10, line, column, "Figure has no source."
            )
        )
        start += 12
    art = ReviewedArticle(
        "content/long.md", ArticleInfo("content/long.md", title="Long"), text=text, findings=found
    )
    art.zones = [("paragraph", 0, len(text))]
    assign_fingerprints(art.findings, art.path, text)
    db_url = f"sqlite:///{root / 'ledger.db'}"
    with Ledger.open(db_url) as ledger:
        ledger.sync([art])
        for f in art.findings[::10]:
            ledger.decide(f.fingerprint, "accepted", None, "Bench")
    write_reports([art], root / "reports" / "out")
    return db_url, art.article.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=900_000)
    parser.add_argument("--findings", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db_url, article = build(root, args.chars, args.findings)
        os.chdir(root)
        times, sizes = [], []
        with TestClient(create_app(root / "reports" / "out", db_url), base_url="http://127.0.0.1") as client:
            for _ in range(args.repeat):
                began = time.perf_counter()
                page = client.get(f"/articles/{article}")
                times.append(time.perf_counter() - began)
                assert page.status_code == 200, page.status_code
                sizes.append(len(page.content))
        text = (root / "content" / "long.md").read_text(encoding="utf-8")
        print(
            f"article {len(text):,} characters, {args.findings:,} findings: /articles/{article} "
            f"median {statistics.median(times):.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)}), "
            f"{sizes[0] / 1e6:.1f} MB"
        )


if __name__ == "__main__":
    main()
