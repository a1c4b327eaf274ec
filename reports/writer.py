"""Write a run's reports: <name>.json, <name>.html and <name>.md per article, index.html and
summary.md over the run, all in one flat folder. A run's reports are first written to a
staging folder beside it (same parent, so the same file system), then renamed into place
one by one: a reader never sees half a report, and a run that cannot write them all (a
full disk) leaves the folder as the previous run left it.

An article's reports are named after its id (``copydesk.reports.naming``): ``content/2024/pier.md``
gets ``content~2024~pier.md.json``, ``.html`` and ``.md``; no two articles share a name,
and none is ``index.html`` or ``summary.md``."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from copydesk.checks.records import ReviewedArticle
from copydesk.reports.contract import to_contract
from copydesk.reports.html_report import render_article, render_index
from copydesk.reports.markdown_report import article_markdown, run_markdown
from copydesk.reports.naming import report_name

PREVIOUS_COUNTS = ".previous-counts.json"
_UMASK = os.umask(0)  # read once: os.umask can only be read by setting it
os.umask(_UMASK)


def _write(path: Path, content: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; reports are for everyone
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_reports(articles: list[ReviewedArticle], out_dir: str | os.PathLike[str]) -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = [report_name(art.article.id) for art in articles]
    if len(set(names)) < len(names):  # the flow reviews each article once; a caller did not
        raise ValueError("two articles with the same id in one run: their reports would overwrite each other")
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.staging-"))
    try:
        for art, name in zip(articles, names, strict=True):
            _write(
                staging / f"{name}.json", json.dumps(to_contract(art), ensure_ascii=False, indent=2) + "\n"
            )
            _write(staging / f"{name}.md", article_markdown(art))
            if art.reviewed:
                _write(staging / f"{name}.html", render_article(art))
        previous = _previous_counts(out)
        _write(staging / "index.html", render_index(articles, previous))
        _write(staging / "summary.md", run_markdown(articles))
        counts = {a.article.id: sum(1 for f in a.findings if f.status == "open") for a in articles}
        _write(staging / PREVIOUS_COUNTS, json.dumps(counts))
        # Everything is on disk: now into place. (A rename needs no new space.)
        for staged in sorted(staging.iterdir(), key=lambda p: p.name == "index.html"):  # the index last
            os.replace(staged, out / staged.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def _previous_counts(out: Path) -> dict[str, int] | None:
    try:
        data = json.loads((out / PREVIOUS_COUNTS).read_text(encoding="utf-8"))
        return {str(k): int(v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError):
        return None
