"""``copydesk check``: the review without Prefect, run as a subprocess in a scratch content
repository of its own (year folders, same-name articles, its own ``copydesk.toml``), the
way pre-commit and an editor at a terminal run it. Each run loads spaCy (and Great
Expectations when an article's findings are not cached), so the runs are few and each
checks several things."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from cli_command import COPYDESK

from tests.conftest import front_matter

SARIF_SCHEMA = Path(__file__).parents[1] / "data" / "sarif-2.1.0-schema.json"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Test Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}

JOBS = "About 250 jobs depend on the pier."
SOURCED = "The repairs cost 12 million dollars, the harbour board said in its annual report."
# Same name, different folders and formats: each keeps its own findings.
PIER_2024 = front_matter("2024-05-01", "Pier") + "# Pier\n\n" + JOBS + "\n"
PIER_2025 = "Pier\nPublished: 2025-03-02\n\n" + SOURCED + "\n"
README = "# Our archive\n\nAbout 500 jobs are listed here, unsourced, and README is not an article.\n"


def run(repo: Path, *args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    return subprocess.run(
        [*COPYDESK, *args],
        cwd=cwd or repo,
        env={**environ, **GIT_ENV, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )


def position(text: str, needle: str) -> tuple[int, int]:
    at = text.index(needle)
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("check") / "archive"
    for name, text in {
        "2024/pier.md": PIER_2024,
        "2025/pier.txt": PIER_2025,
        "README.md": README,
        "copydesk.toml": '[copydesk]\ncontent = ["2024/**", "2025/**"]\n',
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env={**os.environ, **GIT_ENV})
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env={**os.environ, **GIT_ENV})
    return root


@pytest.fixture(scope="module")
def first(repo):
    """The cold run: both piers and the README named, as pre-commit names staged files."""
    return run(repo, "check", "--force-exclude", "2024/pier.md", "2025/pier.txt", "README.md")


def test_check_prints_each_finding_and_fails_on_an_error(first, repo):
    assert first.returncode == 1, first.stdout + first.stderr
    line, col = position(PIER_2024, "250 jobs")
    lines = first.stdout.splitlines()
    assert lines[0] == (
        f"2024/pier.md:{line}:{col}: error figure-unsourced: Figure “250 jobs” has no source: "
        "add a citation or say who counted."
    )
    # The sourced figure of the other pier is not flagged, and README is not an article.
    assert not any(x.startswith(("2025/pier.txt:", "README.md:")) for x in lines), first.stdout
    assert lines[-1].startswith("copydesk check: 1 open finding (1 error, 0 warnings, 0 info) in 2 articles;")
    assert "No reports written" in lines[-1] and lines[-1].endswith("FAILED: 1 at or above error.")
    assert "Traceback" not in first.stderr


def test_check_leaves_nothing_untracked_and_writes_no_reports(first, repo):
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV},
    ).stdout
    assert status.split("\n")[:-1] and all(x.startswith("A  ") for x in status.splitlines()), status
    assert (repo / ".copydesk" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert list((repo / ".copydesk" / "cache").rglob("*.json"))  # the cache is there, ignored
    assert not (repo / "reports").exists() and not (repo / ".copydesk" / "ledger.db").exists()


def test_check_formats_from_a_subfolder(first, repo):
    """From 2024/ the path is the one typed there; machine formats carry the same finding.
    (Cached now: no parse, no Great Expectations.)"""
    text = run(repo, "check", "pier.md", "--fail-on", "warning", cwd=repo / "2024")
    assert text.returncode == 1
    assert text.stdout.splitlines()[0].startswith("pier.md:")
    jsonl = run(repo, "check", "2024/pier.md", "2025/pier.txt", "--format", "jsonl")
    (item,) = [json.loads(x) for x in jsonl.stdout.splitlines()]
    assert item["path"] == "2024/pier.md" and item["rule"] == "figure-unsourced" and item["fingerprint"]
    rd = json.loads(run(repo, "check", "2024/pier.md", "--format", "rdjson").stdout)
    (diagnostic,) = rd["diagnostics"]
    line, col = position(PIER_2024, "250 jobs")
    assert diagnostic["location"] == {
        "path": "2024/pier.md",
        "range": {"start": {"line": line, "column": col}, "end": {"line": line, "column": col + 8}},
    }
    assert diagnostic["severity"] == "ERROR" and diagnostic["code"] == {"value": "figure-unsourced"}
    sarif = run(repo, "check", "2024/pier.md", "--format", "sarif", "--exit-zero")
    assert sarif.returncode == 0
    log = json.loads(sarif.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
    (result,) = log["runs"][0]["results"]
    assert "baselineState" not in result  # a check compares with no base
    github = run(repo, "check", "2024/pier.md", "--format", "github")
    assert github.stdout.splitlines()[0].startswith(
        f"::error file=2024/pier.md,line={line},col={col},endLine={line},endColumn={col + 8},title=figure-unsourced::"
    )


def test_a_clean_article_passes_and_a_dismissal_in_the_ledger_counts(first, repo, tmp_path):
    from copydesk.checks.ledger import Ledger
    from copydesk.checks.records import ArticleInfo, Finding, ReviewedArticle

    clean = run(repo, "check", "2025/pier.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.splitlines()[-1].endswith("Passed (fails at error).")
    found = json.loads(run(repo, "check", "2024/pier.md", "--format", "json").stdout)
    (item,) = found["findings"]
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    finding = Finding(**{k: v for k, v in item.items() if k != "path"})
    with Ledger.open(url) as ledger:
        ledger.sync([ReviewedArticle("2024/pier.md", ArticleInfo("2024/pier.md"), findings=[finding])])
        ledger.decide(finding.fingerprint, "dismissed", reason="the union's own count", by="Ines")
    decided = run(repo, "check", "2024/pier.md", "--db", url)
    assert decided.returncode == 0, decided.stdout + decided.stderr
    assert "0 open findings" in decided.stdout and "1 accepted or dismissed in the ledger" in decided.stdout


def test_check_imports_no_prefect_and_matches_review(first, repo, tmp_path):
    """The same findings as ``copydesk review`` (reports compared), without importing Prefect."""
    probe = (
        "import sys\nfrom copydesk.flows.cli.main import _run\n"
        "sys.argv = ['copydesk', 'check', '2024', '2025', '--out', 'checked', '--quiet', '--exit-zero']\n"
        "code = _run()\nprint('PREFECT' if any(m.split('.')[0] == 'prefect' for m in sys.modules) else 'NO-PREFECT', code)\n"
    )
    checked = subprocess.run(
        [sys.executable, "-c", probe], cwd=repo, capture_output=True, text=True, timeout=600
    )
    assert checked.stdout.splitlines()[-1] == "NO-PREFECT 0", checked.stdout + checked.stderr
    reviewed = run(repo, "review", "2024", "2025", "--out", "reviewed", "--quiet", "--exit-zero")
    assert reviewed.returncode == 0, reviewed.stderr
    for name in ("2024~pier.md.json", "2025~pier.txt.json"):
        a = json.loads((repo / "checked" / name).read_text(encoding="utf-8"))
        b = json.loads((repo / "reviewed" / name).read_text(encoding="utf-8"))
        assert a == b, name
    assert [f["rule"] for f in a["findings"]] == []  # 2025/pier.txt: sourced


def test_rdjson_columns_count_utf8_bytes_and_text_columns_count_characters():
    """reviewdog positions count UTF-8 bytes (its schema: 'a𐐀b', b is column 6); the text
    line, like every report, counts characters."""
    from copydesk.checks.gate_decision import judge_review
    from copydesk.checks.records import ArticleInfo, Finding, ReviewedArticle
    from copydesk.reports.output import OutputFormat, render, review_outcome

    text = "Title\n\nCafé 𐐀 owners say 250 jobs depend on it.\n"
    start = text.index("250 jobs")
    finding = Finding(
        "figure-unsourced",
        "error",
        "f1",
        start,
        start + 8,
        3,
        start - 7 + 1,
        "m",
        "fp",
        end_line=3,
        end_column=start - 7 + 9,
    )
    art = ReviewedArticle("news/a.md", ArticleInfo("news/a.md"), text=text, findings=[finding])
    findings, unreadable = judge_review([art])
    outcome = review_outcome("check", findings, unreadable, 1, "error", None)
    (diagnostic,) = json.loads(render(outcome, OutputFormat.RDJSON, lambda p: p)[0])["diagnostics"]
    prefix = len("Café 𐐀 owners say ".encode())
    assert diagnostic["location"]["range"] == {
        "start": {"line": 3, "column": prefix + 1},
        "end": {"line": 3, "column": prefix + 9},
    }
    assert render(outcome, OutputFormat.TEXT, lambda p: p, quiet=True) == [
        f"news/a.md:3:{len('Café 𐐀 owners say ') + 1}: error figure-unsourced: m"
    ]
