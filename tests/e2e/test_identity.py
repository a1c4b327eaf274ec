"""Article identity is the path from the project root, everywhere: a nested archive with
the same file name in two year folders (``2024/pier.md`` with a sourced figure,
``2025/pier.txt`` with an unsourced one), two byte-identical notices in two folders, and
articles called ``index.md`` and ``summary.txt``, reviewed end to end through the
``copydesk`` command, then again from the cache, then seen by the ledger and the desk.

Before this was so, ids were file stems: both piers were ``pier``, the checks keyed their
rows by it, and each pier got the other's findings (the sourced figure flagged); the
index.md article's report was index.html, over the run's own index."""

from __future__ import annotations

import json
import re
import subprocess
import warnings
from pathlib import Path

import pytest
from cli_command import COPYDESK

from copydesk.checks.fingerprints import fingerprint, normalise
from copydesk.checks.identity import article_id, project_root
from copydesk.checks.ledger import Ledger
from copydesk.flows.runtime.quiet import quiet_environment
from copydesk.reports.desk import create_app
from copydesk.reports.naming import report_name

with warnings.catch_warnings():  # starlette nudges towards httpx2; httpx is what the venv has
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

quiet_environment()  # before the warm re-run imports Prefect: no INFO lines from its temporary server

PIER_2024 = """\
---
title: Pier reopens
author: Test Writer
published: 2024-05-02
---
# Pier reopens

The pier reopened on Monday after repairs costing 2.4 million euros, according to the harbour authority.

Visitors walked its length in the sun.
"""
PIER_2025 = """\
Pier closes again
Published: 2025-03-04
By Test Writer

The pier closed again on Tuesday. About 900 people use it every day.

Nobody knows when it will reopen.
"""
NOTICE = """\
---
title: Ferry notice
published: 2024-06-01
---
The ferry carried 1,200 passengers in May.
"""
INDEX = """\
---
title: Archive front page
published: 2024-06-01
---
The market hall has 45 stalls this summer.
"""
SUMMARY = """\
Summary of the week
Published: 2024-06-07

The council spent 3 million euros on roads this week.
"""
ARCHIVE = {
    "content/2024/pier.md": PIER_2024,
    "content/2025/pier.txt": PIER_2025,
    "content/2024/notice.md": NOTICE,
    "content/2025/notice.md": NOTICE,  # the same bytes: one extraction cache entry, two articles
    "content/index.md": INDEX,
    "content/summary.txt": SUMMARY,
}
# The one figure each article has, and whether it is flagged.
FIGURES = {
    "content/2024/pier.md": ("2.4 million euros", False),
    "content/2025/pier.txt": ("900 people", True),
    "content/2024/notice.md": ("1,200 passengers", True),
    "content/2025/notice.md": ("1,200 passengers", True),
    "content/index.md": ("45 stalls", True),
    "content/summary.txt": ("3 million euros", True),
}


def copydesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*COPYDESK, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    (root / "copydesk.toml").write_text('[copydesk]\ncontent = ["content/**"]\n', encoding="utf-8")
    for rel, text in ARCHIVE.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def db_url(project) -> str:
    return f"sqlite:///{project / 'ledger.db'}"


@pytest.fixture(scope="module")
def cold(project, db_url) -> dict[str, dict]:
    """``copydesk review content`` run in the project: its reports by the path they name."""
    run = copydesk(
        "review", "content", "--out", "reports/out", "--db", db_url, "--quiet", "--exit-zero", cwd=project
    )
    assert run.returncode == 0, run.stderr
    return _reports(project / "reports" / "out")


def _reports(out: Path) -> dict[str, dict]:
    reports = {}
    for p in sorted(out.glob("*.json")):
        if p.name.startswith("."):  # the writer's own .previous-counts.json
            continue
        data = json.loads(p.read_text(encoding="utf-8"))
        assert data["path"] not in reports, f"two reports for {data['path']}"
        assert p.name == report_name(data["article"]["id"]) + ".json"
        reports[data["path"]] = data
    return reports


# ── ids ──


def test_ids_are_paths_from_the_settings_folder_however_the_file_is_named(tmp_path, monkeypatch):
    (tmp_path / "site" / "content" / "2024").mkdir(parents=True)
    (tmp_path / "site" / "copydesk.toml").write_text("[copydesk]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "site" / "content")
    root = project_root()
    assert root == (tmp_path / "site").resolve()
    want = "content/2024/pier.md"
    for spelled in ("2024/pier.md", "./2024/pier.md", "2024/../2024/pier.md", str(tmp_path / "site" / want)):
        assert article_id(spelled, root) == want
    outside = tmp_path / "elsewhere" / "pier.md"
    assert article_id(outside, root) == outside.resolve().as_posix()  # outside the root: absolute


def test_the_git_work_tree_is_the_root_as_for_copydesk_ci(tmp_path, monkeypatch):
    """The CI gate names files by their repository path: a review must give the same ids
    (and so the same fingerprints) even when the settings sit in a subfolder."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "copydesk.toml").write_text("[copydesk]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "site")
    assert project_root() == tmp_path.resolve()
    assert article_id("content/pier.md") == "site/content/pier.md"


def test_without_settings_or_git_the_working_directory_is_the_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert project_root() == tmp_path.resolve()
    assert article_id("2024/pier.md") == "2024/pier.md"


def test_a_file_named_two_ways_is_reviewed_once(tmp_path, monkeypatch):
    from copydesk.flows.content.loader import unique_files

    (tmp_path / "content" / "2024").mkdir(parents=True)
    for name in ("2024/pier.md", "2024/quay.md"):
        (tmp_path / "content" / name).write_text(PIER_2024, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    named = ["content/2024/pier.md", "./content/2024/pier.md", str(tmp_path / "content"), "content"]
    assert unique_files(named) == ["content/2024/pier.md", str(tmp_path / "content/2024/quay.md")]


# ── the review: each article its own findings, its own reports ──


def test_each_article_has_one_report_named_after_its_path(cold):
    assert set(cold) == set(ARCHIVE)
    for path, report in cold.items():
        assert report["article"]["id"] == path


@pytest.mark.parametrize("path", sorted(FIGURES))
def test_each_report_carries_only_its_own_findings(cold, project, path):
    report = cold[path]
    text = (project / path).read_text(encoding="utf-8")
    figure, flagged = FIGURES[path]
    assert [f["text"] for f in report["figures"]] == [figure]  # its own extraction, nothing else
    findings = report["findings"]
    assert [(f["rule"], text[f["start"] : f["end"]]) for f in findings] == (
        [("figure-unsourced", figure)] if flagged else []
    )
    for f in findings:  # fingerprinted by its own id, and nothing repeats
        assert f["fingerprint"] == fingerprint(f["rule"], path, normalise(figure), 0)
    assert len({f["fingerprint"] for f in findings}) == len(findings)


def test_the_sourced_pier_figure_is_not_flagged(cold):
    """The bug as reported: the 2024 pier's sourced figure was flagged, its report carrying
    the 2025 pier's finding too."""
    assert cold["content/2024/pier.md"]["findings"] == []
    [finding] = cold["content/2025/pier.txt"]["findings"]
    assert (finding["rule"], finding["line"]) == ("figure-unsourced", 5)


def test_identical_files_in_two_folders_are_two_articles(cold):
    fps = {p: [f["fingerprint"] for f in cold[p]["findings"]] for p in ARCHIVE if "notice" in p}
    assert len(fps["content/2024/notice.md"]) == len(fps["content/2025/notice.md"]) == 1
    assert fps["content/2024/notice.md"] != fps["content/2025/notice.md"]


def test_index_md_and_summary_txt_do_not_replace_the_runs_own_pages(cold, project):
    out = project / "reports" / "out"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<strong>copydesk review</strong> · 6 articles" in index
    for path in ARCHIVE:
        assert f'href="{report_name(path)}.html"' in index
        assert (out / f"{report_name(path)}.html").is_file() and (out / f"{report_name(path)}.md").is_file()
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("# copydesk review\n")
    assert all(f"| `{path}` |" in summary for path in ARCHIVE)
    assert "Archive front page" in (out / "content~index.md.html").read_text(encoding="utf-8")
    assert (
        (out / "content~summary.txt.md")
        .read_text(encoding="utf-8")
        .startswith("# Review: Summary of the week")
    )


# ── the cache: a re-run reads every article and its findings back, each under its own id ──


def test_a_warm_rerun_keeps_the_articles_apart(cold, project, db_url, monkeypatch):
    import copydesk.checks.runner as runner
    import copydesk.flows.extract.pipeline as pipeline
    from copydesk.flows.review_flow import review_flow

    parsed: list[str] = []
    checked: list[str] = []
    real_extract, real_check = pipeline.extract_batch, runner.review_findings

    def extracting(paths, *args):
        parsed.extend(paths)
        return real_extract(paths, *args)

    def checking(articles, suites):
        checked.extend(a.path for a in articles)
        return real_check(articles, suites)

    monkeypatch.setattr(pipeline, "extract_batch", extracting)
    monkeypatch.setattr(runner, "review_findings", checking)
    monkeypatch.chdir(project)
    cache = str(project / ".copydesk" / "cache")  # where the command's run put it
    warm = review_flow(["content"], out_dir="reports/warm", db_url=db_url, cache_dir=cache).articles
    assert parsed == [] and checked == []  # every article and its findings from the cache
    assert {a.article.id for a in warm} == set(ARCHIVE)
    assert _reports(project / "reports" / "warm") == cold
    # Findings are stored per article id: one entry for each of the six, the two identical
    # notices included, although they share one extraction entry (in two-character shards;
    # beside them, one entry of the run's archive matches, the same for both runs).
    entries = list((project / ".copydesk" / "cache").glob("*/findings/*/??/*.json"))
    assert len(entries) == len(ARCHIVE)
    assert len(list((project / ".copydesk" / "cache").glob("*/findings/*/archive-matches/*.json"))) == 1
    assert len([p for p in (project / ".copydesk" / "cache").glob("*/??/*.json")]) == len(ARCHIVE) - 1


# ── the ledger and the desk ──


def test_the_ledger_keeps_same_name_articles_apart(cold, db_url):
    with Ledger.open(db_url) as ledger:
        assert ledger.list(article="content/2024/pier.md") == []
        [flag] = ledger.list(article="content/2025/pier.txt")
        assert (flag.article, flag.path, flag.rule) == (
            "content/2025/pier.txt",
            "content/2025/pier.txt",
            "figure-unsourced",
        )
        notices = {f.article for f in ledger.list() if "notice" in f.article}
        assert notices == {"content/2024/notice.md", "content/2025/notice.md"}
        assert len(ledger.list()) == 5


def test_flags_list_takes_an_article_by_any_path_to_it(cold, project, db_url):
    for spelled, cwd in (("./content/2025/pier.txt", project), ("2025/pier.txt", project / "content")):
        run = copydesk("flags", "list", "--article", spelled, "--format", "json", "--db", db_url, cwd=cwd)
        assert run.returncode == 0, run.stderr
        assert [f["article"] for f in json.loads(run.stdout)] == ["content/2025/pier.txt"]


@pytest.fixture
def desk(cold, project, db_url, monkeypatch):
    monkeypatch.chdir(project)  # the desk reads article files from the folder the review ran in
    app = create_app(project / "reports" / "out", db_url, None)
    with TestClient(app, base_url="http://127.0.0.1") as client:  # a loopback Host, as a browser sends
        yield client


def test_the_desk_shows_each_pier_with_its_own_findings(desk, cold):
    page = desk.get("/articles/content/2025/pier.txt")
    assert page.status_code == 200
    assert "Pier closes again" in page.text and "900 people" in page.text
    assert cold["content/2025/pier.txt"]["findings"][0]["fingerprint"] in page.text
    other = desk.get("/articles/content/2024/pier.md")
    assert other.status_code == 200 and "Pier reopens" in other.text
    assert "figure-unsourced" not in other.text and "900 people" not in other.text
    queue = desk.get("/", params={"article": "content/2025/pier.txt"}).text
    # The filter is one article, not one file name: every row links to the 2025 pier.
    assert set(re.findall(r'href="/articles/([^"#]*)#fp-', queue)) == {"content/2025/pier.txt"}
    assert desk.get("/api/findings", params={"article": "content/2024/pier.md"}).json() == []
    [only] = desk.get("/api/findings", params={"article": "content/2025/pier.txt"}).json()
    assert only["path"] == "content/2025/pier.txt"


@pytest.mark.parametrize(
    "path", ["/articles/pier", "/articles/content/2025/%2E%2E/2025/pier.txt", "/articles/content//pier.md"]
)
def test_the_desk_knows_articles_by_their_path_only(desk, path):
    assert desk.get(path).status_code == 404


# ── the CI gate reviews two copies of one file in a batch ──


def test_the_gate_keeps_base_and_head_copies_and_same_name_files_apart(project, nlp, tmp_path):
    from copydesk.flows.cli.ci_command import review_files

    base = tmp_path / "base" / "pier.md"
    base.parent.mkdir()
    base.write_text(PIER_2024.replace(", according to the harbour authority", ""), encoding="utf-8")
    pairs = [
        (str(base), "content/2024/pier.md"),  # as at the merge base: unsourced
        (str(project / "content/2024/pier.md"), "content/2024/pier.md"),  # now: sourced
        (str(project / "content/2025/pier.txt"), "content/2025/pier.txt"),
    ]
    before, now, other = review_files(pairs, None, 5 << 20)
    assert [f.rule for f in before.findings] == ["figure-unsourced"]
    assert now.findings == []
    assert [f.rule for f in other.findings] == ["figure-unsourced"]
    assert before.article.id == now.article.id == "content/2024/pier.md"
