"""Write a run's reports: <name>.json, <name>.html and <name>.md per article, index.html and
summary.md over the run, all in one flat folder. A run's reports are first written to a
staging folder beside it (same parent, so the same file system), then renamed into place
one by one: a reader never sees half a report, and a run that cannot write them all (a
full disk) leaves the folder as the previous run left it. A report whose bytes are those
of the file already in the folder is not written again: an unchanged re-run touches
only what changed (the index, whose counts compare with the run before, and the reports
of the articles that changed), and readers that go by modification times (the desk's
``copydesk.reports.desk.store``) read nothing again. An article whose record and renderers are
those its reports in the folder were written from is not even rendered
(``copydesk.reports.unchanged``).

An article's reports are named after its id (``copydesk.reports.naming``): ``content/2024/pier.md``
gets ``content~2024~pier.md.json``, ``.html`` and ``.md``; no two articles share a name,
and none is ``index.html`` or ``summary.md``."""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from pathlib import Path

from copydesk.checks.records import ReviewedArticle
from copydesk.reports.contract import to_contract
from copydesk.reports.html_report import render_article, render_index
from copydesk.reports.markdown_report import article_markdown, run_markdown
from copydesk.reports.naming import report_name
from copydesk.reports.unchanged import REPORT_INPUTS, ReportInputs, Stamps, input_digest, stamp

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
    inputs = ReportInputs.read(out)
    written: dict[str, tuple[str, Stamps]] = {}
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.staging-"))

    def stage(name: str, content: str) -> tuple[int, int] | None:
        """Stage the file unless the folder has it with these bytes; its stamp once in place
        (a rename keeps size and modification time)."""
        if _same_bytes(out / name, content):
            return stamp(out / name)
        _write(staging / name, content)
        return stamp(staging / name)

    try:
        for art, name in zip(articles, names, strict=True):
            digest = input_digest(art)
            if inputs.unchanged(out, name, digest):  # rendered from the same inputs, still there
                written[name] = (digest, inputs.stamps(name))
                continue
            files = {
                f"{name}.json": json.dumps(to_contract(art), ensure_ascii=False, indent=2) + "\n",
                f"{name}.md": article_markdown(art),
            }
            if art.reviewed:
                files[f"{name}.html"] = render_article(art)
            stamps = {file: stage(file, content) for file, content in files.items()}
            if None not in stamps.values():  # else rendered again next run
                written[name] = (digest, stamps)
        previous = _previous_counts(out)
        stage("index.html", render_index(articles, previous))
        stage("summary.md", run_markdown(articles))
        counts = {a.article.id: sum(1 for f in a.findings if f.status == "open") for a in articles}
        stage(PREVIOUS_COUNTS, json.dumps(counts))
        stage(REPORT_INPUTS, ReportInputs.to_json(written))
        # Everything is on disk: now into place. (A rename needs no new space.)
        for staged in sorted(staging.iterdir(), key=lambda p: p.name == "index.html"):  # the index last
            os.replace(staged, out / staged.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def _same_bytes(path: Path, content: str) -> bool:
    """Whether ``path`` is a regular file (not a link to one: replaced as always) holding
    exactly ``content`` as ``_write`` writes it."""
    data = content.encode("utf-8")
    try:
        # O_NONBLOCK: a pipe put in its place must not hang the run (it is then replaced)
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:  # missing, a symbolic link, unreadable: written as always
        return False
    try:
        info = os.fstat(fd)
        # not a regular file (a folder in its place: replaced, and the error raised there,
        # as always), or one of another size: differs without being read
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read() == data
    finally:
        os.close(fd)


def _previous_counts(out: Path) -> dict[str, int] | None:
    try:
        data = json.loads((out / PREVIOUS_COUNTS).read_text(encoding="utf-8"))
        return {str(k): int(v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError):
        return None
