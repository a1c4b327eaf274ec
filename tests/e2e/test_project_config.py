"""Project settings found upwards (``copydesk.toml`` or ``[tool.copydesk]``) and honoured
by every command that reviews: a scratch content repository with year folders, drafts,
a README full of figures, and a settings file that keeps drafts out, ignores a rule and
lowers a severity for the archive, used from a nested working directory."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_command import COPYDESK

from copydesk.checks.config import ConfigError, SuiteConfig
from copydesk.checks.project_config import load_project_config
from copydesk.checks.records import ArticleInfo, Finding, ReviewedArticle
from copydesk.checks.rule_policy import RulePolicy

# The same unsourced figure in both piers, one in the archive's 2019 folder.
PIER = """\
---
title: Pier {year}
published: {year}-05-02
---
# Pier

The pier reopened on Monday. About 900 people use it every day.
"""
SETTINGS = """\
[copydesk]
content = ["content/**"]
exclude = ["content/drafts/**"]
ignore = ["quote-anonymous"]
out = "published/reports"

[copydesk.per-path]
"content/2019/**" = { figure-unsourced = "warning" }
"""


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "COPYDESK_CACHE_DIR": str(cwd / ".cache-test"), **(env or {})}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [*COPYDESK, *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=300
    )


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> Path:
    """A git repository of articles: two piers in year folders, a draft, a README."""
    root = tmp_path / "site"
    root.mkdir()
    git(root, "-c", "init.defaultBranch=main", "init", "-q")
    write(
        root,
        {
            "copydesk.toml": SETTINGS,
            "content/2019/pier.md": PIER.format(year=2019),
            "content/2024/pier.md": PIER.format(year=2024),
            "content/drafts/idea.md": PIER.format(year=2024),
            "README.md": "# Site\n\nAbout 900 people read it every day.\n",
        },
    )
    return root


# --- the settings file --------------------------------------------------------------------


def test_found_upwards_with_kebab_and_snake_keys(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.copydesk]\ncontent = "news/**"\nfail_on = "warning"\n'
        'select = ["figure", "quote-unattributed"]\n[tool.copydesk.per-path]\n'
        '"news/archive/**" = { figure = "info", quote-unattributed = "off" }\n',
        encoding="utf-8",
    )
    nested = tmp_path / "news" / "2024"
    nested.mkdir(parents=True)
    config = load_project_config(nested, nested)
    assert config.source == tmp_path / "pyproject.toml" and config.root == tmp_path
    assert config.fail_on == "warning" and config.content == ("news/**",)
    policy = config.policy
    assert policy.severity("figure-unsourced", "error", "news/2024/a.md") == "error"
    assert policy.severity("figure-unsourced", "error", "news/archive/2001/a.md") == "info"
    assert policy.severity("quote-unattributed", "error", "news/archive/a.md") is None
    assert policy.severity("date-future", "error", "news/2024/a.md") is None  # not selected
    assert config.content_folders() == [tmp_path / "news"]


def test_search_stops_at_the_git_top(tmp_path):
    (tmp_path / "copydesk.toml").write_text('[copydesk]\nignore = ["figure"]\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    config = load_project_config(repo, repo)
    assert config.source is None and config.policy.is_default


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('contents = ["a/**"]', r"copydesk.toml: unknown key 'contents' in \[copydesk\]; known: content, "),
        ('ignore = ["figure-unsorced"]', r"copydesk.toml: ignore: unknown rule 'figure-unsorced'"),
        ('[copydesk.per-path]\n"a/**" = { figure = "loud" }', r"per-path.a/\*\*.figure: severity must be"),
        ('[copydesk.per-path]\n"a/**" = { figur = "info" }', r"per-path: unknown rule 'figur' in \"a/\*\*\""),
        ('fail-on = "fatal"', r"copydesk.toml: fail-on: Input should be 'error', 'warning' or 'info'"),
        ('suites = "nowhere"', r"copydesk.toml: suites: 'nowhere' is not a folder"),
        ("content = [3]", r"copydesk.toml: content.*: Input should be a valid string"),
    ],
)
def test_a_bad_setting_is_one_line_naming_file_and_key(tmp_path, table, message):
    text = table if table.startswith("[copydesk.") else "[copydesk]\n" + table
    (tmp_path / "copydesk.toml").write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_project_config(tmp_path, tmp_path)
    assert "\n" not in str(caught.value)


def test_globs_are_gitignore_globs(tmp_path):
    (tmp_path / "copydesk.toml").write_text(
        '[copydesk]\ncontent = ["content/**/*.md", "/letters"]\nexclude = ["drafts/", "*.draft.md"]\n',
        encoding="utf-8",
    )
    config = load_project_config(tmp_path, tmp_path)
    inside = ["content/a.md", "content/2024/05/a.md", "letters/x.txt"]
    outside = ["content/a.txt", "content/drafts/a.md", "content/2024/a.draft.md", "news/letters/x.md"]
    assert all(config.includes(tmp_path / p) for p in inside)
    assert not any(config.includes(tmp_path / p) for p in outside)
    assert config.includes(tmp_path.parent / "elsewhere.md")  # not the settings' to judge


def test_suite_paths_use_the_same_globs():
    """Scoped suites' ``paths:`` are .gitignore globs too, at any depth."""
    suite = SuiteConfig("opinion", "x.yml", [], paths=["opinion/**"])
    assert suite.matches("content/opinion/2024/a.md", None) and suite.matches("opinion/a.md", None)
    assert not suite.matches("content/news/opinion-poll.md", None)
    anchored = SuiteConfig("wire", "y.yml", [], paths=["/wire/*"])
    assert anchored.matches("wire/a.md", None) and not anchored.matches("content/wire/a.md", None)


def test_policy_applies_select_ignore_then_per_path_in_order():
    policy = RulePolicy(
        ignore=("footnote-unused",),
        per_path=(
            ("archive/**", (("figure", "info"),)),
            ("archive/1999/**", (("figure-unsourced", "off"), ("date-future", "warning"))),
        ),
        base="site",
    )
    art = ReviewedArticle("x", ArticleInfo("site/archive/1999/a.md"))
    art.findings = [
        Finding(rule, "error", "i", 0, 1, 1, 1, "m")
        for rule in ("figure-unsourced", "figure-implausible", "date-future", "footnote-unused")
    ]
    policy.apply(art)
    assert [(f.rule, f.severity) for f in art.findings] == [
        ("figure-implausible", "info"),
        ("date-future", "warning"),
    ]
    # outside the settings' folder ("site"), per-path globs do not match
    assert policy.severity("figure-unsourced", "error", "archive/1999/a.md") == "error"


# --- the commands honour them -----------------------------------------------------------


def _reports(out: Path) -> dict[str, dict]:
    found = {}
    for path in out.glob("*.json"):
        if not path.name.startswith("."):
            data = json.loads(path.read_text(encoding="utf-8"))
            found[data["article"]["id"]] = data
    return found


def test_review_from_a_nested_folder_honours_the_settings(site):
    nested = site / "content" / "2024"
    shown = run("config", cwd=nested)
    assert shown.returncode == 0, shown.stderr
    assert f"settings: {site / 'copydesk.toml'}" in shown.stdout
    assert "ignore:   quote-anonymous" in shown.stdout
    assert "content/2019/**: figure-unsourced = warning" in shown.stdout
    as_json = json.loads(run("config", "--format", "json", cwd=nested).stdout)
    assert as_json["rules"]["quote-anonymous"] == "off" and as_json["exclude"] == ["content/drafts/**"]

    review = run("review", "--quiet", "--fail-on", "error", "--db", f"sqlite:///{site}/l.db", cwd=nested)
    assert review.returncode == 1, review.stderr  # the 2024 pier's figure is an error
    reports = _reports(site / "published" / "reports")  # `out` of the settings, from the root
    # content/** only: no README, no draft; each pier at its own severity
    assert set(reports) == {"content/2019/pier.md", "content/2024/pier.md"}
    severities = {
        path: [(f["rule"], f["severity"]) for f in data["findings"]] for path, data in reports.items()
    }
    assert severities == {
        "content/2019/pier.md": [("figure-unsourced", "warning")],
        "content/2024/pier.md": [("figure-unsourced", "error")],
    }

    # A draft named on the command line is still out: the hook passes staged files by name.
    drafted = run("review", "--quiet", "../drafts/idea.md", cwd=nested)
    assert drafted.returncode == 2 and "left out by" in drafted.stderr

    # Edit the settings: the cached findings are not reused under the new ones.
    (site / "copydesk.toml").write_text(SETTINGS.replace('"warning"', '"off"'), encoding="utf-8")
    again = run("review", "--quiet", "--fail-on", "warning", cwd=site)
    assert again.returncode == 1, again.stderr
    reports = _reports(site / "published" / "reports")
    assert reports["content/2019/pier.md"]["findings"] == []


def test_review_from_outside_uses_the_settings_where_it_runs(site, tmp_path):
    """As Vale does: run from a folder with no settings of its own, a review of the site's
    folder uses the defaults, not the site's settings (its draft is reviewed, its 2019 pier
    keeps the rule's own severity)."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    review = run("review", "--quiet", "--out", "out", str(site / "content"), cwd=outside)
    assert review.returncode == 1, review.stderr  # an error-level finding is open
    reports = _reports(outside / "out")
    assert len(reports) == 3 and any(i.endswith("content/drafts/idea.md") for i in reports)
    severities = [f["severity"] for data in reports.values() for f in data["findings"]]
    assert severities == ["error"] * 3


def test_a_bad_settings_file_stops_every_command_with_one_line(site):
    (site / "copydesk.toml").write_text(
        SETTINGS.replace("[copydesk]\n", '[copydesk]\nselect = ["figure-unsorced"]\n'), encoding="utf-8"
    )
    nested = site / "content"
    for args in (
        ["review"],
        ["config"],
        ["ci"],
        ["baseline"],
        ["schedule", "--interval", "60"],
        ["serve", "--port", "0"],
    ):
        result = run(*args, cwd=nested, env={"PREFECT_API_URL": "http://127.0.0.1:9/api"})
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "copydesk.toml: select: unknown rule 'figure-unsorced'" in lines[0], (
            args,
            result.stderr,
        )


def test_ci_and_baseline_honour_per_path_severities(site):
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "base")
    git(site, "checkout", "-q", "-b", "feature")
    added = "\n\nRepairs cost 2.4 million euros.\n"
    for year in ("2019", "2024"):
        path = site / "content" / year / "pier.md"
        path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
    (site / "content" / "drafts" / "idea.md").write_text("Costs rose 40 percent.\n", encoding="utf-8")
    gate = run("ci", "--base", "main", "--format", "json", cwd=site / "content")
    assert gate.returncode == 1, gate.stdout + gate.stderr
    # paths as typed from where ci ran (content/), like ruff's
    new = {(f["path"], f["severity"]) for f in json.loads(gate.stdout)["findings"]}
    assert new == {("2019/pier.md", "warning"), ("2024/pier.md", "error")}

    base = run("baseline", cwd=site / "content" / "2019")
    assert base.returncode == 0, base.stderr
    entries = json.loads((site / ".copydesk-baseline.json").read_text(encoding="utf-8"))["entries"]
    assert {e["path"] for e in entries} == {"content/2019/pier.md", "content/2024/pier.md"}


def test_serve_reads_the_reports_folder_of_the_settings(site):
    desk = subprocess.Popen(
        [*COPYDESK, "serve", "--port", "0", "--db", f"sqlite:///{site}/desk.db"],
        cwd=site / "content",
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = desk.stdout.readline()  # the desk's address: it started
        assert "copydesk review desk: http://127.0.0.1:" in line
    finally:
        desk.terminate()
        try:
            _, errors = desk.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            desk.kill()
            _, errors = desk.communicate()
    assert "no reports in ../published/reports yet" in errors


def test_schedule_builds_its_run_from_the_settings(site, monkeypatch):
    """The deployment's parameters: the settings' content folders and reports folder, and
    where each run looks for the settings again."""
    import copydesk.flows.cli.schedule_command as cli_schedule
    from copydesk.flows.review_flow import review_flow

    served: dict = {}
    monkeypatch.chdir(site / "content" / "2024")
    monkeypatch.setattr(cli_schedule, "_api_url", lambda: "http://127.0.0.1:4200/api")
    monkeypatch.setattr(review_flow, "serve", lambda **kw: served.update(kw))
    cli_schedule.schedule(
        paths=None,
        cron=None,
        interval=60.0,
        out_dir=None,
        name="t",
        suites=None,
        workers=1,
        db=None,
        max_size=5.0,
    )
    parameters = served["parameters"]
    assert parameters["paths"] == [os.path.relpath(site / "content")]
    assert parameters["out_dir"] == os.path.relpath(site / "published" / "reports")
