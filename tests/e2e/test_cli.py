"""End to end through the ``copydesk`` command. Each ``review`` starts a Prefect flow
(several seconds), so only two runs go through it; the other commands stop before the
flow or do not use it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cli_command import COPYDESK

CONTRACT_KEYS = {"path", "article", "quotes", "figures", "dates", "sources", "findings", "errors"}

GOOD = """\
---
title: Harbour wall to be raised
author: Test Writer
published: 2024-06-01
---
# Harbour wall to be raised

The harbour wall will be raised after winter storms flooded 140 homes on the seafront.

The meeting ended late.

“We cannot wait for another storm.”

One resident pasted <script>alert(1)</script> into the council's feedback form.
"""


def copydesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*COPYDESK, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    articles = root / "articles"
    articles.mkdir()
    (articles / "good.md").write_text(GOOD, encoding="utf-8")
    (articles / "empty.md").write_bytes(b"")
    (articles / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return root


@pytest.fixture(scope="module")
def review_run(workdir):
    result = copydesk("review", "articles", "--out", "out", cwd=workdir)
    return result, workdir / "out"


def test_review_exits_1_on_open_errors_and_writes_every_report(review_run):
    """good.md has error-level findings and two files cannot be read: the default
    --fail-on error fails the run (ruff's and Vale's exit 1), with every report written."""
    result, out = review_run
    assert result.returncode == 1, result.stderr
    names = {p.name for p in out.iterdir()}
    assert {  # named after each article's path from the project root (here, the workdir)
        "articles~good.md.json",
        "articles~good.md.html",
        "articles~good.md.md",
        "index.html",
        "summary.md",
        "articles~empty.md.json",
        "articles~scan.txt.json",
    } <= names
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="articles~good.md.html"' in index and "the file is empty" in index


def test_review_output_is_quiet(review_run):
    result, _ = review_run
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
        assert "ERROR" not in stream
    assert "in 3 articles, 2 could not be reviewed;" in result.stdout.splitlines()[-1]


def test_review_prints_one_line_per_open_finding_then_a_summary(review_run, workdir):
    result, _ = review_run
    text = (workdir / "articles" / "good.md").read_text(encoding="utf-8")
    at = text.index("140 homes")
    line, col = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    lines = result.stdout.splitlines()
    assert (
        f"articles/good.md:{line}:{col}: error figure-unsourced: Figure “140 homes” has no source: "
        "add a citation or say who counted."
    ) in lines
    assert "articles/empty.md: error: cannot review: the file is empty" in lines
    summary = lines[-1]
    assert summary.startswith("copydesk review: ") and "Reports in out/index.html." in summary
    assert summary.endswith("at or above error.") and "FAILED: " in summary
    findings = [x for x in lines if x.startswith("articles/good.md:")]
    report = json.loads((workdir / "out" / "articles~good.md.json").read_text(encoding="utf-8"))
    assert len(findings) == sum(1 for f in report["findings"] if f["status"] == "open")


def test_review_json_contract(review_run, workdir):
    _, out = review_run
    report = json.loads((out / "articles~good.md.json").read_text(encoding="utf-8"))
    assert set(report) == CONTRACT_KEYS
    assert report["path"] == "articles/good.md"
    assert report["article"] == {
        "id": "articles/good.md",
        "title": "Harbour wall to be raised",
        "author": "Test Writer",
        "published": "2024-06-01",
        "section": None,
    }
    assert report["errors"] == []
    text = (workdir / "articles" / "good.md").read_text(encoding="utf-8")
    rules = {f["rule"]: f for f in report["findings"]}
    assert {"figure-unsourced", "quote-unattributed"} <= set(rules)
    assert text[rules["figure-unsourced"]["start"] : rules["figure-unsourced"]["end"]] == "140 homes"
    assert text[rules["quote-unattributed"]["start"] : rules["quote-unattributed"]["end"]] == (
        "“We cannot wait for another storm.”"
    )
    for f in report["findings"]:
        assert f["severity"] in {"error", "warning", "info"} and f["status"] == "open"
        assert f["line"] == text.count("\n", 0, f["start"]) + 1
    for key in ("quotes", "figures", "dates", "sources"):
        for item in report[key]:
            assert text[item["start"] : item["end"]] == item["text"] or item.get("kind") == "inline"


@pytest.mark.parametrize(
    ("name", "problem"), [("articles~empty.md", "empty"), ("articles~scan.txt", "binary")]
)
def test_unreadable_files_get_their_own_report(review_run, name, problem):
    _, out = review_run
    report = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
    assert set(report) == CONTRACT_KEYS
    assert report["errors"] and problem in report["errors"][0]
    assert report["findings"] == [] and report["quotes"] == []
    assert "Problems with this file" in (out / f"{name}.md").read_text(encoding="utf-8")


def test_html_report_escapes_article_text(review_run):
    _, out = review_run
    page = (out / "articles~good.md.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<mark class="sev-error"' in page  # flagged spans are highlighted


def test_fail_on_error_exits_1_and_exit_zero_reports_only(workdir):
    """The second run of good.md: its findings are cached, so this costs a flow run only."""
    result = copydesk(
        "review", "articles/good.md", "--out", "out-strict", "--fail-on", "error", "--quiet", cwd=workdir
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert (workdir / "out-strict" / "articles~good.md.json").exists()
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("articles/good.md:") for line in lines)  # --quiet: findings only
    relaxed = copydesk(
        "review", "articles/good.md", "--out", "out-strict", "--exit-zero", "--statistics", cwd=workdir
    )
    assert relaxed.returncode == 0, relaxed.stderr
    stats = relaxed.stdout.splitlines()
    columns = [[cell.strip() for cell in x.split("\t")] for x in stats[:-1]]
    assert [
        "1",
        "figure-unsourced",
        "[error] A statistical figure in the article's own voice has no source.",
    ] in (columns), relaxed.stdout
    # reported, not enforced: the summary says the run would fail, and no "FAILED"
    assert stats[-1].startswith("copydesk review: ") and "FAILED" not in stats[-1]
    assert stats[-1].endswith("Would fail: 2 at or above error (--exit-zero: exit status 0).")
    assert not any(x.startswith("articles/good.md:") for x in stats)


def test_missing_path_exits_2(workdir):
    result = copydesk("review", "nonexistent", cwd=workdir)
    assert result.returncode == 2
    assert "no such file or folder: nonexistent" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["x[/y].md", "[bold]notes", "draft[/]"])
def test_usage_errors_print_markup_in_paths_as_written(workdir, name):
    """A path is data, not rich markup: ``x[/y].md`` once crashed the error message itself."""
    result = copydesk("review", name, "--suites", name, cwd=workdir)
    assert result.returncode == 2
    assert f"no such file or folder: {name}" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_bad_fail_on_level_exits_2(workdir):
    result = copydesk("review", "articles", "--fail-on", "fatal", cwd=workdir)
    assert result.returncode == 2
    assert "Invalid value for '--fail-on': Value error, 'fatal' is not one of 'error', 'warning', 'info'" in (
        " ".join(result.stderr.replace("│", " ").split())
    )


def test_help_shows_choices_and_version():
    import os

    env = {**os.environ, "COLUMNS": "200"}
    shown = subprocess.run(
        [*COPYDESK, "review", "--help"], capture_output=True, text=True, timeout=60, env=env
    ).stdout
    assert "<error|warning|info>" in shown and "<text|json|jsonl|sarif|github|rdjson>" in shown
    assert "<bool>" not in shown and "<str>" not in shown.split("--runner")[0]
    version = subprocess.run([*COPYDESK, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("copydesk ")


def test_extract_prints_json_lines(workdir):
    result = copydesk("extract", "articles/good.md", "articles/empty.md", cwd=workdir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    good, empty = (json.loads(line) for line in lines)
    assert set(good) == CONTRACT_KEYS - {"findings"}
    assert good["path"] == "articles/good.md"
    assert [f["text"] for f in good["figures"]] == ["140 homes"]
    assert [q["text"] for q in good["quotes"]] == ["“We cannot wait for another storm.”"]
    assert good["quotes"][0]["speaker"] is None and good["quotes"][0]["kind"] == "speech"
    assert empty["errors"] == ["the file is empty"]
