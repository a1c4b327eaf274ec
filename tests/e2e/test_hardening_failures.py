"""Issue 17: when the disk, the ledger or the Prefect server fails, a review prints one
line that names the cause, exits 2, shows no traceback, and leaves the previous reports as
they were. (A server that does not answer: tests/e2e/test_hardening_processes.py.)"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from cli_command import COPYDESK

from copydesk.reports import writer


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _review(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(root / "prefect-home"), COPYDESK_CACHE_DIR=str(root / "cache"))
    return subprocess.run(
        [*COPYDESK, "review", "content", "--workers", "1", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and 'File "' not in stderr
    return lines[0]


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory, articles_dir: Path) -> Path:
    """A project reviewed once: reports in out/, decisions in ledger.db."""
    root = tmp_path_factory.mktemp("failures")
    (root / "content").mkdir()
    for name in ("ferry-service.md", "river-cleanup.txt"):
        (root / "content" / name).write_bytes((articles_dir / name).read_bytes())
    first = _review(root, "--out", "out", "--db", f"sqlite:///{root / 'ledger.db'}", "-q")
    assert first.returncode in (0, 1), first.stderr
    return root


def test_a_malformed_ledger_is_one_line_and_the_reports_stay(reviewed):
    """Before: a 65-line Prefect traceback and no reports. The ledger opens (its first
    pages are sound) but its findings table's page is damaged: the run fails in ledger-sync."""
    ledger = reviewed / "damaged.db"
    ledger.write_bytes((reviewed / "ledger.db").read_bytes())
    with sqlite3.connect(ledger) as db:
        [(root_page,)] = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'flags'")
        [(page_size,)] = db.execute("PRAGMA page_size")
    with ledger.open("r+b") as fh:
        fh.seek((root_page - 1) * page_size)
        fh.write(b"\x0d" + b"\xff" * 31)  # a leaf page header that points nowhere
    before = _snapshot(reviewed / "out")
    run = _review(reviewed, "--out", "out", "--db", f"sqlite:///{ledger}", "--no-cache")
    assert run.returncode == 2
    line = _one_line(run.stderr)
    assert "ledger" in line and "malformed" in line
    assert _snapshot(reviewed / "out") == before


def test_an_out_folder_that_cannot_be_written_is_one_line(reviewed):
    """Before: two tracebacks and a partial set of reports."""
    (reviewed / "a-file").write_text("not a folder\n", encoding="utf-8")
    run = _review(reviewed, "--out", "a-file/out", "--db", f"sqlite:///{reviewed / 'ledger.db'}")
    assert run.returncode == 2
    line = _one_line(run.stderr)
    assert "cannot write reports to a-file/out" in line and "Not a directory" in line


def test_a_disk_that_fills_up_mid_run_leaves_the_previous_reports(reviewed, monkeypatch):
    """The writer stages a run's reports beside the folder and renames them in only once
    all are written: a full disk part way through changes nothing in the folder."""
    from copydesk.checks.codec import article_from_data  # the reviewed articles, as their reports hold them

    out = reviewed / "out"
    before = _snapshot(out)
    articles = []
    for name in ("content~ferry-service.md.json", "content~river-cleanup.txt.json"):
        data = json.loads((out / name).read_text(encoding="utf-8"))
        art = article_from_data(
            {"path": data["path"], "article": data["article"], "text": "", "reviewed": True}
        )
        art.article.title = "Edited since"  # so that every report would change
        articles.append(art)
    real = writer._write
    written: list[str] = []

    def filling(path: Path, content: str) -> None:
        if len(written) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(path.name)
        real(path, content)

    monkeypatch.setattr(writer, "_write", filling)
    with pytest.raises(OSError, match="No space left"):
        writer.write_reports(articles, out)
    assert _snapshot(out) == before
    assert not [p for p in reviewed.iterdir() if ".staging-" in p.name]  # nothing left behind
    monkeypatch.setattr(writer, "_write", real)
    writer.write_reports(articles, out)  # and with room, the new reports replace the old
    assert "Edited since" in (out / "content~ferry-service.md.html").read_text(encoding="utf-8")
