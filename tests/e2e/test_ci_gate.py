"""The pull-request gate end to end: ``copydesk ci`` and ``copydesk baseline`` run as a
subprocess in scratch git repositories (commit on main, branch, change, commit), plus
in-process tests of the pieces that need no git: fingerprints, suppressions, settings,
GitHub escaping and the SARIF schema.

Each CLI run loads spaCy and Great Expectations (~5 s), so the scenarios are few and each
checks several things.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest
from cli_command import COPYDESK

from copydesk.checks.config import ConfigError
from copydesk.checks.gate_decision import GateFinding
from copydesk.checks.project_config import load_project_config
from copydesk.checks.records import ArticleInfo, Finding, ReviewedArticle
from copydesk.checks.suppressions import NO_REASON, apply_suppressions
from copydesk.reports.output import annotation, escape_property
from tests.conftest import front_matter

SCHEMA = Path(__file__).parents[1] / "data" / "sarif-2.1.0-schema.json"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Test Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,  # no signing or hooks from the machine's settings
    "GIT_CONFIG_NOSYSTEM": "1",
}

SAID = "The council approved the dredging plan on Monday, the mayor said."
SHIPS = "The port handled 3,400 ships last year."
CREWS = "Fishing crews say the channel silts up every winter."
JOBS = "About 250 jobs depend on the harbour."


def article(*paragraphs: str) -> str:
    return front_matter() + "# Harbour news\n\n" + "\n\n".join(paragraphs) + "\n"


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}  # same result on Actions
    return {**env, **GIT_ENV, **extra}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=environment(), check=True, capture_output=True)


def write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def scratch_repo(tmp_path: Path, base: dict[str, str], head: dict[str, str]) -> Path:
    """A repository whose main holds ``base`` and whose checked-out branch ``feature``
    commits ``head`` on top of it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "-c", "init.defaultBranch=main", "init", "-q")
    write(repo, base)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, head)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    return repo


def copydesk(repo: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COPYDESK, *args], cwd=repo, env=environment(**env), capture_output=True, text=True, timeout=300
    )


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text``."""
    at = text.index(needle)
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def validate_sarif(path: Path) -> dict:
    log = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    return log


# --- the gate, end to end -------------------------------------------------------------


def test_old_and_moved_findings_do_not_block(tmp_path):
    """The unsourced figure was already on main; the branch moves its paragraph to the end
    and rewords the others. Nothing is new, and SARIF says so."""
    moved = article(SAID.replace("on Monday", "late on Monday"), CREWS, "The work starts in spring.", SHIPS)
    repo = scratch_repo(
        tmp_path, {"content/harbour.md": article(SAID, SHIPS, CREWS)}, {"content/harbour.md": moved}
    )
    run = copydesk(repo, "ci", "--sarif", "out.sarif")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 new findings" in run.stdout and "1 already there" in run.stdout
    assert "figure-unsourced" not in run.stdout
    log = validate_sarif(repo / "out.sarif")
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "figure-unsourced"]
    assert result["baselineState"] == "unchanged"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "content/harbour.md"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == position(moved, "3,400")[0]


def test_new_unsourced_figure_blocks_with_its_line(tmp_path):
    """A figure added on the branch fails the gate, named by path, line and column; a file
    outside the configured ``content`` globs is not reviewed at all."""
    head = article(SAID, SHIPS, CREWS, JOBS)
    repo = scratch_repo(
        tmp_path,
        {
            "copydesk.toml": '[copydesk]\ncontent = ["content/**"]\n',
            "content/harbour.md": article(SAID, SHIPS, CREWS),
        },
        {"content/harbour.md": head, "notes/ideas.md": article("Maybe 900 readers would like a podcast.")},
    )
    run = copydesk(repo, "ci", "--sarif", "out.sarif")
    assert run.returncode == 1, run.stdout + run.stderr
    line, col = position(head, "250 jobs")
    assert (
        f"content/harbour.md:{line}:{col}: error figure-unsourced: Figure “250 jobs” has no source"
        in run.stdout
    )
    assert "notes/ideas.md" not in run.stdout
    assert "1 new finding (1 error" in run.stdout.splitlines()[-1]
    states = {
        (r["message"]["text"].split("”")[0], r["baselineState"])
        for r in validate_sarif(repo / "out.sarif")["runs"][0]["results"]
    }
    assert states == {("Figure “3,400 ships", "unchanged"), ("Figure “250 jobs", "new")}


def test_suppression_with_a_reason_passes(tmp_path):
    head = article(
        SAID, SHIPS, "<!-- copydesk-disable-next-line figure-unsourced: the union's own count -->", JOBS
    )
    repo = scratch_repo(tmp_path, {"content/harbour.md": article(SAID, SHIPS)}, {"content/harbour.md": head})
    run = copydesk(repo, "ci", "--sarif", "out.sarif")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 new findings" in run.stdout and "1 suppressed" in run.stdout
    suppressed = [r for r in validate_sarif(repo / "out.sarif")["runs"][0]["results"] if "suppressions" in r]
    assert [r["suppressions"] for r in suppressed] == [
        [{"kind": "inSource", "status": "accepted", "justification": "the union's own count"}]
    ]


def test_suppression_without_a_reason_fails_with_github_annotations(tmp_path):
    """A reasonless directive suppresses nothing and is an error itself; under ``--format
    github`` each new finding is a workflow command and the job summary gets a table."""
    head = article(SAID, SHIPS, "<!-- copydesk-disable-next-line figure-unsourced -->", JOBS)
    repo = scratch_repo(tmp_path, {"content/harbour.md": article(SAID, SHIPS)}, {"content/harbour.md": head})
    summary = tmp_path / "summary.md"
    run = copydesk(repo, "ci", "--format", "github", GITHUB_STEP_SUMMARY=str(summary))
    assert run.returncode == 1, run.stdout + run.stderr
    d_line, _ = position(head, "<!-- copydesk")
    j_line, j_col = position(head, "250 jobs")
    lines = run.stdout.splitlines()
    assert any(
        line.startswith(f"::error file=content/harbour.md,line={d_line},col=1,endLine={d_line},endColumn=")
        and ",title=suppression-no-reason::Suppression <!-- copydesk-disable-next-line figure-unsourced -->"
        in line
        for line in lines
    ), run.stdout
    assert (
        f"::error file=content/harbour.md,line={j_line},col={j_col},endLine={j_line},endColumn={j_col + 8},"
        "title=figure-unsourced::Figure “250 jobs” has no source: add a citation or say who counted."
    ) in lines
    table = summary.read_text(encoding="utf-8")
    assert "### copydesk: 2 new findings" in table
    assert f"| `content/harbour.md` | {j_line} | error | `figure-unsourced` |" in table


def test_baseline_is_ignored_and_stale_entries_are_reported(tmp_path):
    """main has an unsourced figure in harbour.md. On the branch a new article with an
    unsourced figure is baselined, then harbour.md's figure gets its source: the new
    article's finding no longer blocks, and the fixed one's entry is stale."""
    repo = scratch_repo(
        tmp_path, {"content/harbour.md": article(SAID, SHIPS)}, {"content/ferry.md": article(JOBS)}
    )
    made = copydesk(repo, "baseline")
    assert made.returncode == 0, made.stdout + made.stderr
    entries = json.loads((repo / ".copydesk-baseline.json").read_text(encoding="utf-8"))["entries"]
    assert sorted((e["path"], e["text"]) for e in entries) == [
        ("content/ferry.md", "250 jobs"),
        ("content/harbour.md", "3,400 ships"),
    ]
    write(
        repo, {"content/harbour.md": article(SAID, SHIPS.replace("year.", "year, the port authority said."))}
    )
    git(repo, "commit", "-q", "-am", "source the figure; baseline")
    run = copydesk(repo, "ci", "--sarif", "out.sarif")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "stale baseline entries: 1 — run copydesk baseline to shrink it" in run.stdout
    assert "0 new findings" in run.stdout and "1 in the baseline" in run.stdout
    (result,) = validate_sarif(repo / "out.sarif")["runs"][0]["results"]
    assert result["baselineState"] == "new"
    assert result["suppressions"][0]["kind"] == "external"


def test_outside_a_git_repository_is_a_usage_error(tmp_path):
    run = copydesk(tmp_path, "ci")
    assert run.returncode == 2
    assert "not inside a git repository" in run.stderr


# --- the pieces, in process -------------------------------------------------------------


def test_fingerprints_survive_moving_and_editing_paragraphs(write_md, extract, suites):
    from copydesk.checks.runner import review_findings

    before = write_md(
        "before.md", "\n\n".join([SAID, SHIPS, CREWS, "Later, 12 percent of the ships were turned away."])
    )
    after = write_md(
        "after.md",
        "\n\n".join(
            ["Later, 12 percent of the ships were turned away.", CREWS + " It is costly.", SHIPS, SAID]
        ),
    )
    articles = extract(before, after)
    for art in articles:
        art.path = art.article.id = (
            "content/harbour.md"  # as the gate does: one repository path for both copies
        )
    review_findings(articles, suites)
    old, new = ({f.fingerprint for f in a.findings if f.rule == "figure-unsourced"} for a in articles)
    assert len(old) == 2 and old == new


def _article(text: str, findings: list[Finding], directives: list[str]) -> ReviewedArticle:
    spans = [(text.index(d), text.index(d) + len(d), d) for d in directives]
    return ReviewedArticle("content/a.md", ArticleInfo("a"), text=text, findings=findings, directives=spans)


def _finding_at(text: str, needle: str, rule: str = "figure-unsourced") -> Finding:
    start = text.index(needle)
    line = text.count("\n", 0, start) + 1
    return Finding(rule, "error", "f", start, start + len(needle), line, 1, needle, fingerprint=needle)


def test_suppression_regions():
    nl = "<!-- copydesk-disable-next-line figure-unsourced: counted by us -->"
    stacked = "<!-- copydesk-disable-next-line quote-unattributed: the speaker asked not to be named -->"
    off = "<!-- copydesk-disable all: a press release, quoted whole -->"
    on = "<!-- copydesk-enable all -->"
    bare = "<!-- copydesk-disable figure-unsourced -->"
    text = "\n".join(
        [
            nl,
            "",
            stacked,
            "A 10 percent rise.",
            "Then 20 boats.",
            off,
            "Some 30 cranes.",
            on,
            "Now 40 tugs.",
            bare,
            "And 50 vans.",
        ]
    )
    findings = [_finding_at(text, n) for n in ("10 percent", "20 boats", "30 cranes", "40 tugs", "50 vans")]
    art = _article(text, findings, [nl, stacked, off, on, bare])
    apply_suppressions(art)
    status = {f.message: (f.status, f.suppression) for f in art.findings if f.rule != NO_REASON}
    assert status == {
        "10 percent": ("suppressed", "counted by us"),  # blank line and a stacked directive skipped
        "20 boats": ("open", None),  # only the next line
        "30 cranes": ("suppressed", "a press release, quoted whole"),
        "40 tugs": ("open", None),  # after the enable
        "50 vans": ("open", None),  # a directive without a reason switches nothing
    }
    (meta,) = [f for f in art.findings if f.rule == NO_REASON]
    assert (meta.severity, meta.line, meta.status) == ("error", 10, "open")
    assert len(meta.fingerprint) == 24
    apply_suppressions(art)  # idempotent: the directive is reported once
    assert sum(f.rule == NO_REASON for f in art.findings) == 1


def test_project_settings(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.copydesk]\ncontent = ["content/**/*.md"]\nfail_on = "warning"\nbaseline = "ci/known.json"\n'
    )
    nested = tmp_path / "content" / "2024"
    nested.mkdir(parents=True)
    config = load_project_config(nested, default_root=nested)
    assert (config.source, config.fail_on, config.baseline) == (
        tmp_path / "pyproject.toml",
        "warning",
        tmp_path / "ci" / "known.json",
    )
    assert config.includes(nested / "a.md") and not config.includes(tmp_path / "notes" / "a.md")
    assert not config.includes(nested / "a.txt")
    # fail_on and fail-on are one key (ruff's kebab-case, with the older snake_case kept); a typo is not
    (nested / "copydesk.toml").write_text('[copydesk]\nfail-onn = "error"\n')
    with pytest.raises(ConfigError, match="unknown key 'fail-onn' in \\[copydesk\\]"):
        load_project_config(nested, default_root=nested)


def test_github_commands_escape_properties_and_data():
    finding = Finding(
        "figure-unsourced", "warning", "f1", 0, 5, 3, 4, "50% up,\nsee: note", end_line=3, end_column=9
    )
    line = annotation(GateFinding("news/a,b:c.md", finding, "new"))
    assert line == (
        "::warning file=news/a%2Cb%3Ac.md,line=3,col=4,endLine=3,endColumn=9,title=figure-unsourced"
        "::50%25 up,%0Asee: note"
    )
    assert escape_property("100%\r") == "100%25%0D"


def test_the_sarif_schema_rejects_what_sarif_forbids():
    """The hand-written schema must catch mistakes, not only accept copydesk's output."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    result = {"message": {"text": "m"}, "level": "error", "baselineState": "new"}
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "copydesk"}}, "results": [result]}]}
    assert validator.is_valid(log)
    for bad in ({"level": "fatal"}, {"baselineState": "fresh"}, {"suppressions": [{"kind": "inline"}]}):
        assert not validator.is_valid({**log, "runs": [{**log["runs"][0], "results": [{**result, **bad}]}]})
    region = {"physicalLocation": {"artifactLocation": {"uri": "a.md"}, "region": {"startLine": 0}}}
    assert not validator.is_valid(
        {**log, "runs": [{**log["runs"][0], "results": [{**result, "locations": [region]}]}]}
    )
    assert not validator.is_valid({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})


def test_a_dismissal_in_the_ledger_stops_a_new_finding_blocking(tmp_path):
    """CI and the editors share a ledger: once an editor dismisses the new finding with a
    reason, the same change passes the gate."""
    from copydesk.checks.ledger import Ledger

    head = article(SAID, SHIPS, JOBS)
    repo = scratch_repo(tmp_path, {"content/harbour.md": article(SAID, SHIPS)}, {"content/harbour.md": head})
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    first = copydesk(repo, "ci", "--format", "json", "--db", url)
    assert first.returncode == 1, first.stdout + first.stderr
    (new,) = json.loads(first.stdout)["findings"]
    finding = Finding(**{k: v for k, v in new.items() if k != "path"})
    with Ledger.open(url) as ledger:
        ledger.sync([ReviewedArticle(new["path"], ArticleInfo("harbour"), findings=[finding])])
        ledger.decide(finding.fingerprint, "dismissed", reason="sourced in the caption", by="Ines")
    second = copydesk(repo, "ci", "--db", url)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "0 new findings" in second.stdout
