"""``copydesk flags`` end to end through typer's CliRunner, on a ledger filled by ``sync``
(SQLite, and PostgreSQL when ``COPYDESK_TEST_PG_URL`` is set). ``copydesk review --db``
is checked only where it stops before the flow: a review run takes seconds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from ledger_support import BACKENDS, T0, article, finding, fresh_database
from typer.testing import CliRunner

from copydesk.checks.ledger import Ledger
from copydesk.flows.cli.main import app

runner = CliRunner()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def fingerprints(db_url: str) -> list[str]:
    """A ledger with three findings in two articles; their fingerprints."""
    arts = [
        article("harbour", finding("figure-unsourced", 1), finding("quote-unattributed", 2)),
        article("market", finding("date-future", 1)),
    ]
    with Ledger.open(db_url) as ledger:
        ledger.sync(arts, run_at=T0)
    return [f.fingerprint for a in arts for f in a.findings]


def flags(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, ["flags", *args], env=env)


def one_line_error(result, says: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.stderr


def test_list_json_carries_the_ledger_fields(db_url, fingerprints):
    result = flags("list", "--format", "json", "--db", db_url)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["fingerprint"] for r in rows] == fingerprints
    first = rows[0]
    assert {
        "fingerprint",
        "rule",
        "article",
        "status",
        "reason",
        "author",
        "first_seen",
        "last_seen",
        "updated_at",
    } <= set(first)
    assert (first["rule"], first["article"], first["status"], first["reason"]) == (
        "figure-unsourced",
        "content/harbour.md",
        "open",
        None,
    )
    assert datetime.fromisoformat(first["first_seen"]) == T0


def test_list_filters_and_table(db_url, fingerprints):
    result = flags("list", "--rule", "date-future", "--format", "json", "--db", db_url)
    assert [r["article"] for r in json.loads(result.stdout)] == ["content/market.md"]
    result = flags("list", "--article", "content/harbour.md", "--db", db_url)
    assert result.exit_code == 0, result.output
    # Fingerprints are never folded, whatever the width; the prose columns may be.
    assert fingerprints[0] in result.stdout and fingerprints[1] in result.stdout
    assert fingerprints[2] not in result.stdout
    result = flags("list", "--status", "dismissed", "--db", db_url)
    assert (result.exit_code, result.stdout) == (0, "")
    assert "No findings" in result.stderr


def test_dismiss_then_list_and_show_history(db_url, fingerprints):
    fp = fingerprints[0]
    result = flags("dismiss", fp, "--reason", "sourced in the caption", "--by", "alice", "--db", db_url)
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.strip()
        == f"{fp} dismissed (figure-unsourced in content/harbour.md) by alice: sourced in the caption"
    )

    result = flags(
        "reopen", fp, "--reason", "caption was cut", "--db", db_url, env={"COPYDESK_EDITOR": "bob"}
    )
    assert result.exit_code == 0, result.output

    listed = json.loads(flags("list", "--status", "open", "--format", "json", "--db", db_url).stdout)
    assert fp in {r["fingerprint"] for r in listed}

    shown = json.loads(flags("show", fp, "--format", "json", "--db", db_url).stdout)
    assert (shown["status"], shown["author"], shown["reason"]) == ("open", "bob", "caption was cut")
    assert [(h["status"], h["author"], h["reason"]) for h in shown["history"]] == [
        ("dismissed", "alice", "sourced in the caption"),
        ("open", "bob", "caption was cut"),
    ]
    assert all(datetime.fromisoformat(h["at"]).tzinfo is not None for h in shown["history"])

    table = flags("show", fp, "--db", db_url)
    assert table.exit_code == 0, table.output
    assert "history" in table.stdout and "sourced in the caption" in table.stdout


def test_accept_without_reason(db_url, fingerprints):
    result = flags("accept", fingerprints[2], "--by", "carol", "--db", db_url)
    assert result.exit_code == 0, result.output
    shown = json.loads(flags("show", fingerprints[2], "--format", "json", "--db", db_url).stdout)
    assert (shown["status"], shown["reason"], shown["author"]) == ("accepted", None, "carol")


def test_dismiss_without_reason_is_refused(db_url, fingerprints):
    one_line_error(flags("dismiss", fingerprints[0], "--by", "alice", "--db", db_url), "needs a reason")
    shown = json.loads(flags("show", fingerprints[0], "--format", "json", "--db", db_url).stdout)
    assert (shown["status"], shown["history"]) == ("open", [])


def test_decisions_need_an_author(db_url, fingerprints):
    one_line_error(flags("accept", fingerprints[0], "--db", db_url, env={"COPYDESK_EDITOR": ""}), "--by NAME")


def test_unknown_fingerprint(db_url, fingerprints):
    one_line_error(
        flags("accept", "0000deadbeef", "--by", "alice", "--db", db_url), "no finding with fingerprint"
    )
    one_line_error(flags("show", "0000deadbeef", "--db", db_url), "0000deadbeef")


def test_bad_status_filter(db_url, fingerprints):
    one_line_error(flags("list", "--status", "dismised", "--db", db_url), "status must be one of")


def test_bad_database_url_is_one_line():
    one_line_error(
        flags("list", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x?connect_timeout=2"), "cannot open"
    )
    one_line_error(flags("list", "--db", "nonsense"), "not a database URL")


def test_db_defaults_to_env_var(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'env.db'}"
    with Ledger.open(url) as ledger:
        ledger.sync([article("harbour", finding("figure-unsourced", 1))], run_at=T0)
    result = flags("list", "--format", "json", env={"COPYDESK_DB_URL": url})
    assert [r["article"] for r in json.loads(result.stdout)] == ["content/harbour.md"]


def test_review_with_a_bad_ledger_fails_before_reviewing(tmp_path):
    (tmp_path / "a.md").write_text("# Title\n\nText.\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "review",
            str(tmp_path / "a.md"),
            "--out",
            str(tmp_path / "out"),
            "--db",
            "postgresql+psycopg://nobody@127.0.0.1:1/x?connect_timeout=2",
        ],
    )
    # copydesk.flows.cli's own error console wraps at the terminal width; the message is what matters.
    assert result.exit_code == 2, result.output
    assert "ledger: cannot open the ledger" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_ledger_task_gives_findings_their_status(db_url, fingerprints):
    """The flow's task, run as a plain function (``.fn``): no Prefect server needed."""
    from copydesk.flows.review_flow import ledger_task

    with Ledger.open(db_url) as ledger:
        ledger.decide(fingerprints[0], "dismissed", reason="false alarm", by="alice")
    run = [article("harbour", finding("figure-unsourced", 1), finding("quote-unattributed", 2))]
    assert ledger_task.fn(run, db_url) is run
    assert [f.status for f in run[0].findings] == ["dismissed", "open"]


def _sharing_a_prefix(length: int) -> tuple[int, int]:
    """Two finding numbers whose figure-unsourced fingerprints in content/harbour.md start
    with the same ``length`` characters (fingerprints are hashes: found by trying)."""
    seen: dict[str, int] = {}
    for n in range(1, 20_000):
        fp = article("harbour", finding("figure-unsourced", n)).findings[0].fingerprint
        if fp[:length] in seen:
            return seen[fp[:length]], n
        seen[fp[:length]] = n
    raise AssertionError("no shared prefix")


def test_show_and_decide_take_a_unique_prefix(db_url, fingerprints):
    fp = fingerprints[1]
    shown = flags("show", fp[:8], "--format", "json", "--db", db_url)
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["fingerprint"] == fp
    result = flags("accept", fp[:6].upper(), "--by", "dana", "--db", db_url)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{fp} accepted")
    one_line_error(flags("show", fp[:3], "--db", db_url), "at least 4")
    one_line_error(
        flags("show", "ffff" + fp[4:] if not fp.startswith("ffff") else "0000", "--db", db_url), "no finding"
    )


def test_an_ambiguous_prefix_lists_the_candidates(db_url):
    first, second = _sharing_a_prefix(4)
    harbour = article("harbour", finding("figure-unsourced", first), finding("figure-unsourced", second))
    with Ledger.open(db_url) as ledger:
        ledger.sync([harbour], run_at=T0)
    a, b = sorted(f.fingerprint for f in harbour.findings)
    result = flags("show", a[:4], "--db", db_url)
    one_line_error(result, f"fingerprint prefix '{a[:4]}' is ambiguous")
    assert a in result.stderr and b in result.stderr
    common = len(next(p for p in (a[: i + 1] for i in range(len(a))) if not b.startswith(p)))
    assert flags("show", a[:common], "--db", db_url).exit_code == 0


def test_piped_list_is_one_line_per_finding_never_folded(db_url):
    long_path = "content/" + "very-long-folder-name/" * 4 + "harbour.md"
    art = article("harbour", finding("figure-unsourced", 1), path=long_path)
    art.article.id = long_path
    art.findings[0].message = "Figure “2.4 million euros” has no source: add a citation or say who counted."
    with Ledger.open(db_url) as ledger:
        ledger.sync([art], run_at=T0)
    result = flags("list", "--db", db_url)  # CliRunner's stdout is not a terminal, as in a pipe
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert line.split("\t") == [
        art.findings[0].fingerprint,
        "open",
        "figure-unsourced",
        long_path,
        art.findings[0].message,
    ]
