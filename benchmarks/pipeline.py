"""Where a review's time goes, measured side by side in one process.

    .venv/bin/python benchmarks/pipeline.py ../shared/polnear-dev/text [--repeat N]

For the articles in CORPUS_DIR: a bare spaCy ``nlp.pipe`` parse of the same texts with
the same model; then copydesk's stages without Prefect: load + parse + extract, the
Great Expectations checks (one validation per suite over the whole batch, including the
one-time GX import and context), and writing every report. Prints each stage's time and
its ratio to the bare parse.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from copydesk.checks.config import load_suites  # noqa: E402
from copydesk.checks.runner import _gx, review_findings  # noqa: E402
from copydesk.flows.content import discover_files, load_article  # noqa: E402
from copydesk.flows.content.view import build_review_text  # noqa: E402
from copydesk.flows.extract.nlp import load_nlp  # noqa: E402
from copydesk.flows.extract.pipeline import extract_batch  # noqa: E402
from copydesk.reports.writer import write_reports  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="folder of articles (.txt, .md, .html)")
    ap.add_argument(
        "--repeat", type=int, default=1, help="review the corpus this many times over (scale test)"
    )
    args = ap.parse_args()
    files = list(discover_files([args.corpus])) * args.repeat
    if not files:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 2
    nlp = load_nlp()
    texts = [build_review_text(load_article(f)).text for f in files]
    words = sum(len(t.split()) for t in texts)

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    parse = time.perf_counter() - t0

    t0 = time.perf_counter()
    articles = []
    for i in range(0, len(files), 20):
        articles.extend(extract_batch(files[i : i + 20]))
    extract = time.perf_counter() - t0

    t0 = time.perf_counter()
    _gx()
    gx_start = time.perf_counter() - t0
    t0 = time.perf_counter()
    review_findings(articles, load_suites())
    checks = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        write_reports(articles, out)
        report = time.perf_counter() - t0

    total = extract + gx_start + checks + report
    findings = sum(len(a.findings) for a in articles)
    print(
        f"{len(files)} articles, {words} words, {findings} findings; model {nlp.meta['name']} {nlp.meta['version']}"
    )
    print("| stage | seconds | × bare parse |")
    print("|---|---|---|")
    for name, secs in [
        ("bare spaCy nlp.pipe parse", parse),
        ("load + parse + extract", extract),
        ("GX import and context (once per process)", gx_start),
        ("GX checks, all suites, one validation each", checks),
        ("write JSON, HTML, Markdown reports", report),
        ("whole review without Prefect", total),
    ]:
        print(f"| {name} | {secs:.2f} | {secs / parse:.3f} |")
    print(
        f"checks (with GX start-up) are {100 * (checks + gx_start) / total:.1f}% of the review; "
        f"parse throughput {words / parse:.0f} words/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
