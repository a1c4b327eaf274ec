"""The ledger of editor decisions, against SQLite and, when ``COPYDESK_TEST_PG_URL`` is set,
PostgreSQL (each test in a schema of its own, dropped afterwards).

Articles and findings are built directly: no spaCy, no Great Expectations, no Prefect.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from ledger_support import BACKENDS, T0, article, finding, fresh_database
from sqlalchemy import create_engine, text

from copydesk.checks.ledger import (
    FIXED_REASON,
    REOPEN_REASON,
    SYSTEM_AUTHOR,
    VERSION_TABLE,
    Base,
    FlagRecord,
    Ledger,
    LedgerError,
    migrate,
)
from copydesk.checks.records import ArticleInfo, ReviewedArticle

# ── databases ──


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def ledger(db_url: str) -> Iterator[Ledger]:
    with Ledger.open(db_url) as opened:
        yield opened


# ── articles ──


def fresh(art: ReviewedArticle) -> ReviewedArticle:
    """The same article as a new run finds it: new Finding objects, status not yet set."""
    name = art.article.id.removeprefix("content/").removesuffix(".md")
    return article(name, *(finding(f.rule, f.line) for f in art.findings))


def statuses(ledger: Ledger) -> dict[str, str]:
    return {f.fingerprint: f.status for f in ledger.list()}


# ── opening ──


def test_default_url_is_sqlite_under_dot_copydesk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COPYDESK_DB_URL", raising=False)
    with Ledger.open() as ledger:
        assert ledger.list() == []
    assert (tmp_path / ".copydesk" / "ledger.db").is_file()
    with sqlite3.connect(tmp_path / ".copydesk" / "ledger.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_env_var_overrides_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COPYDESK_DB_URL", f"sqlite:///{tmp_path / 'elsewhere' / 'desk.db'}")
    Ledger.open().close()
    assert (tmp_path / "elsewhere" / "desk.db").is_file()
    assert not (tmp_path / ".copydesk").exists()


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("not a url", "not a database URL"),
        ("mysql://u@localhost/db", "SQLite or PostgreSQL"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/nothing?connect_timeout=2", "cannot open the ledger"),
    ],
)
def test_bad_urls_raise_ledger_error(url, says):
    with pytest.raises(LedgerError, match=says):
        Ledger.open(url)


def test_password_never_in_messages():
    with pytest.raises(LedgerError) as caught:
        Ledger.open("postgresql+psycopg://editor:s3cret@127.0.0.1:1/desk?connect_timeout=2")
    assert "s3cret" not in str(caught.value)


# ── sync ──


def test_sync_records_every_finding(ledger):
    art = article("harbour", finding("figure-unsourced", 1), finding("quote-unattributed", 2))
    ledger.sync([art], run_at=T0)
    records = ledger.list()
    assert [(r.rule, r.article, r.path, r.status) for r in records] == [
        ("figure-unsourced", "content/harbour.md", "content/harbour.md", "open"),
        ("quote-unattributed", "content/harbour.md", "content/harbour.md", "open"),
    ]
    first = records[0]
    assert first.message == "figure-unsourced number 1"
    assert first.first_seen == first.last_seen == first.updated_at == T0
    assert (first.reason, first.author) == (None, None)
    assert [f.status for f in art.findings] == ["open", "open"]
    assert ledger.show(first.fingerprint)[1] == []  # being found is not a decision


def test_resync_updates_last_seen_and_message_only(ledger):
    art = article("harbour", finding("figure-unsourced", 1))
    ledger.sync([art], run_at=T0)
    again = fresh(art)
    again.findings[0].message = "reworded message"
    ledger.sync([again], run_at=T0 + timedelta(days=1))
    (record,) = ledger.list()
    assert record.first_seen == T0
    assert record.last_seen == T0 + timedelta(days=1)
    assert record.message == "reworded message"


def test_times_are_aware_utc(ledger):
    local = datetime(2024, 9, 3, 10, 0, tzinfo=UTC).astimezone(datetime.now().astimezone().tzinfo)
    ledger.sync([article("harbour", finding("figure-unsourced", 1))], run_at=local)
    (record,) = ledger.list()
    assert record.first_seen.tzinfo == UTC
    assert record.first_seen == local


def test_decisions_stick_across_syncs(ledger):
    art = article("harbour", finding("figure-unsourced", 1), finding("figure-unsourced", 2))
    ledger.sync([art], run_at=T0)
    dismissed, accepted = (f.fingerprint for f in art.findings)
    ledger.decide(dismissed, "dismissed", reason="sourced in the caption", by="alice")
    ledger.decide(accepted, "accepted", by="bob")

    again = fresh(art)
    ledger.sync([again], run_at=T0 + timedelta(hours=1))
    assert [f.status for f in again.findings] == ["dismissed", "accepted"]
    record, history = ledger.show(dismissed)
    assert (record.status, record.reason, record.author) == ("dismissed", "sourced in the caption", "alice")
    assert len(history) == 1


def test_gone_findings_become_fixed(ledger):
    kept, gone, accepted_gone, dismissed_gone = (finding("figure-unsourced", n) for n in (1, 2, 3, 4))
    other = article("market", finding("date-future", 1))
    ledger.sync([article("harbour", kept, gone, accepted_gone, dismissed_gone), other], run_at=T0)
    ledger.decide(accepted_gone.fingerprint, "accepted", by="bob")
    ledger.decide(dismissed_gone.fingerprint, "dismissed", reason="false alarm", by="alice")

    later = T0 + timedelta(days=2)
    ledger.sync([article("harbour", finding("figure-unsourced", 1))], run_at=later)  # market not reviewed
    now = statuses(ledger)
    assert now[kept.fingerprint] == "open"
    assert now[gone.fingerprint] == "fixed"
    assert now[accepted_gone.fingerprint] == "fixed"  # accepted means "will fix": now it is
    assert now[dismissed_gone.fingerprint] == "dismissed"
    assert now[other.findings[0].fingerprint] == "open"  # not in this run: untouched
    record, history = ledger.show(gone.fingerprint)
    assert (record.reason, record.author, record.updated_at) == (FIXED_REASON, SYSTEM_AUTHOR, later)
    assert [(d.status, d.author, d.at) for d in history] == [("fixed", SYSTEM_AUTHOR, later)]


def test_articles_with_one_file_name_in_two_folders_are_kept_apart(ledger):
    """``2024/pier.md`` and ``2025/pier.md`` are two articles: the same flagged text gets a
    finding in each, and a run that reviews one never closes the other's."""
    old, new = (
        article("2024/pier", finding("figure-unsourced", 1)),
        article("2025/pier", finding("figure-unsourced", 1)),
    )
    ledger.sync([old, new], run_at=T0)
    assert old.findings[0].fingerprint != new.findings[0].fingerprint
    assert {r.article for r in ledger.list()} == {"content/2024/pier.md", "content/2025/pier.md"}
    assert [r.fingerprint for r in ledger.list(article="content/2024/pier.md")] == [
        old.findings[0].fingerprint
    ]

    ledger.sync([article("2024/pier")], run_at=T0 + timedelta(days=1))  # 2024 fixed; 2025 not reviewed
    assert statuses(ledger) == {old.findings[0].fingerprint: "fixed", new.findings[0].fingerprint: "open"}


def test_an_article_named_two_ways_is_one_article(ledger):
    """The ledger follows the id, not the spelling of the path the run was given."""
    art = article("harbour", finding("figure-unsourced", 1), finding("figure-unsourced", 2))
    ledger.sync([art], run_at=T0)
    later = article("harbour", finding("figure-unsourced", 1), path="./content/harbour.md")
    ledger.sync([later], run_at=T0 + timedelta(days=1))
    assert statuses(ledger) == {art.findings[0].fingerprint: "open", art.findings[1].fingerprint: "fixed"}
    assert {r.path for r in ledger.list()} == {"content/harbour.md", "./content/harbour.md"}


def test_fixed_finding_that_reappears_is_open_again(ledger):
    art = article("harbour", finding("figure-unsourced", 1), finding("figure-unsourced", 2))
    ledger.sync([art], run_at=T0)
    ledger.sync([article("harbour", finding("figure-unsourced", 1))], run_at=T0 + timedelta(days=1))
    back = fresh(art)
    ledger.sync([back], run_at=T0 + timedelta(days=2))
    assert [f.status for f in back.findings] == ["open", "open"]
    record, history = ledger.show(back.findings[1].fingerprint)
    assert record.status == "open"
    assert [(d.status, d.reason) for d in history] == [("fixed", FIXED_REASON), ("open", REOPEN_REASON)]


def test_unreadable_article_is_not_marked_fixed(ledger):
    art = article("harbour", finding("figure-unsourced", 1))
    ledger.sync([art], run_at=T0)
    ledger.sync([article("harbour", reviewed=False)], run_at=T0 + timedelta(days=1))
    assert statuses(ledger) == {art.findings[0].fingerprint: "open"}


def test_suppressed_findings_stay_suppressed_and_count_as_seen(ledger):
    art = article("harbour", finding("figure-unsourced", 1))
    ledger.sync([art], run_at=T0)
    ledger.decide(art.findings[0].fingerprint, "accepted", by="bob")
    suppressed = article("harbour", finding("figure-unsourced", 1, status="suppressed"))
    ledger.sync([suppressed], run_at=T0 + timedelta(days=1))
    assert suppressed.findings[0].status == "suppressed"
    (record,) = ledger.list()
    assert (record.status, record.last_seen) == ("accepted", T0 + timedelta(days=1))


def test_large_run_spans_several_transactions(ledger):
    arts = [article(f"a{n:03}", finding("figure-unsourced", 1), finding("date-order", 2)) for n in range(120)]
    ledger.sync(arts, run_at=T0)
    assert len(ledger.list()) == 240
    assert len(ledger.list(rule="date-order")) == 120
    assert all(f.status == "open" for a in arts for f in a.findings)


# ── decisions ──


def test_history_is_kept_in_order(ledger):
    art = article("harbour", finding("quote-unattributed", 1))
    ledger.sync([art], run_at=T0)
    fp = art.findings[0].fingerprint
    ledger.decide(fp, "accepted", reason="will ask the reporter", by="bob")
    ledger.decide(fp, "dismissed", reason="said at the council meeting, on record", by="alice")
    last = ledger.decide(fp, "open", reason="the minutes disagree", by="carol")
    assert (last.status, last.reason, last.author) == ("open", "the minutes disagree", "carol")
    record, history = ledger.show(fp)
    assert record == last
    assert [(d.status, d.author) for d in history] == [
        ("accepted", "bob"),
        ("dismissed", "alice"),
        ("open", "carol"),
    ]
    assert history[0].at <= history[1].at <= history[2].at
    assert all(d.at.tzinfo == UTC for d in history)


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_dismiss_without_reason_is_refused(ledger, reason):
    art = article("harbour", finding("figure-unsourced", 1))
    ledger.sync([art], run_at=T0)
    with pytest.raises(ValueError, match="needs a reason"):
        ledger.decide(art.findings[0].fingerprint, "dismissed", reason=reason, by="alice")
    record, history = ledger.show(art.findings[0].fingerprint)
    assert (record.status, history) == ("open", [])


@pytest.mark.parametrize("status", ["fixed", "suppressed", "closed"])
def test_editors_cannot_set_other_statuses(ledger, status):
    art = article("harbour", finding("figure-unsourced", 1))
    ledger.sync([art], run_at=T0)
    with pytest.raises(ValueError, match="status must be one of accepted, dismissed, open"):
        ledger.decide(art.findings[0].fingerprint, status, reason="x", by="alice")


def test_unknown_fingerprint_is_a_lookup_error(ledger):
    with pytest.raises(LookupError, match="no finding with fingerprint 'feedbeef' in the ledger"):
        ledger.decide("feedbeef", "accepted", by="alice")
    with pytest.raises(LookupError, match="feedbeef"):
        ledger.show("feedbeef")


def test_list_filters(ledger):
    ledger.sync(
        [
            article("harbour", finding("figure-unsourced", 1), finding("date-future", 2)),
            article("market", finding("figure-unsourced", 1)),
        ],
        run_at=T0,
    )
    market_fp = ledger.list(article="content/market.md")[0].fingerprint
    ledger.decide(market_fp, "dismissed", reason="false alarm", by="alice")
    assert {r.article for r in ledger.list(rule="figure-unsourced")} == {
        "content/harbour.md",
        "content/market.md",
    }
    assert [r.fingerprint for r in ledger.list(status="dismissed")] == [market_fp]
    assert len(ledger.list(article="content/harbour.md")) == 2
    found = ledger.list(status="open", rule="figure-unsourced", article="content/harbour.md")
    assert [r.article for r in found] == ["content/harbour.md"]
    with pytest.raises(ValueError, match="status must be one of"):
        ledger.list(status="dismised")


def test_records_are_plain_frozen_values(ledger):
    ledger.sync([article("harbour", finding("figure-unsourced", 1))], run_at=T0)
    (record,) = ledger.list()
    assert type(record) is FlagRecord
    with pytest.raises(AttributeError):
        record.status = "dismissed"  # type: ignore[misc]
    assert record.to_dict()["first_seen"] == "2024-09-03T08:00:00+00:00"


# ── concurrency ──


def _write_decisions(
    url: str, fingerprints: list[str], author: str, start: multiprocessing.synchronize.Barrier
) -> None:
    """Child process: its own ledger, then 100 decisions as fast as it can, from the moment
    the other process is ready too."""
    with Ledger.open(url) as ledger:
        start.wait(60)
        for n in range(100):
            status = ("accepted", "dismissed", "open")[n % 3]
            ledger.decide(fingerprints[n % len(fingerprints)], status, reason=f"{author} #{n}", by=author)


def test_concurrent_writers_lose_nothing(ledger, db_url):
    art = article("harbour", *(finding("figure-unsourced", n) for n in range(1, 6)))
    ledger.sync([art], run_at=T0)
    fingerprints = [f.fingerprint for f in art.findings]
    spawn = multiprocessing.get_context("spawn")  # a clean interpreter each, as two CLI runs would be
    start = spawn.Barrier(2)
    workers = [
        spawn.Process(target=_write_decisions, args=(db_url, fingerprints, name, start))
        for name in ("alice", "bob")
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0]
    reasons = {d.reason for fp in fingerprints for d in ledger.show(fp)[1]}
    assert reasons == {f"{who} #{n}" for who in ("alice", "bob") for n in range(100)}
    for fp in fingerprints:  # each finding's current state is its latest decision
        record, history = ledger.show(fp)
        assert (record.status, record.reason, record.author) == (
            history[-1].status,
            history[-1].reason,
            history[-1].author,
        )


# ── schema migrations ──


def _revision(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one()
    finally:
        engine.dispose()


def test_older_schema_is_upgraded_on_open(db_url):
    migrate(db_url, "0001")  # the first ledger: no reason, author or updated_at on flags
    engine = create_engine(db_url)
    with engine.begin() as conn:
        for fp, status in (("a" * 24, "dismissed"), ("b" * 24, "open")):
            conn.execute(
                text(
                    "INSERT INTO flags (fingerprint, rule, article, path, message, status, first_seen, last_seen)"
                    " VALUES (:fp, 'figure-unsourced', 'harbour', 'content/harbour.md', 'm', :status, :t, :t)"
                ),
                {"fp": fp, "status": status, "t": T0.replace(tzinfo=None)},
            )
        for status, reason, author, hours in (
            ("accepted", None, "bob", 1),
            ("dismissed", "false alarm", "alice", 2),
        ):
            conn.execute(
                text(
                    "INSERT INTO decisions (fingerprint, status, reason, author, at)"
                    " VALUES (:fp, :status, :reason, :author, :at)"
                ),
                {
                    "fp": "a" * 24,
                    "status": status,
                    "reason": reason,
                    "author": author,
                    "at": (T0 + timedelta(hours=hours)).replace(tzinfo=None),
                },
            )
    engine.dispose()
    assert _revision(db_url) == "0001"

    with Ledger.open(db_url) as ledger:
        decided, untouched = ledger.list()
        history = ledger.show("a" * 24)[1]
    assert _revision(db_url) == "0004"
    assert decided.article == untouched.article == "content/harbour.md"  # 0003: the id is the path
    assert (decided.status, decided.reason, decided.author) == ("dismissed", "false alarm", "alice")
    assert decided.updated_at == T0 + timedelta(hours=2)  # backfilled from the latest decision
    assert (untouched.reason, untouched.author, untouched.updated_at) == (None, None, T0)
    assert [(d.status, d.author) for d in history] == [("accepted", "bob"), ("dismissed", "alice")]


def test_stem_ids_become_paths_and_keep_their_decisions(db_url):
    """0003: entries written when the id was the file's stem (``pier`` for both piers) get
    the path they were reported under as their id, so each archive's pier is its own again;
    fingerprints, statuses and history are untouched."""
    migrate(db_url, "0002")
    rows = [  # (fingerprint, stem id as stored then, path the run was given, status)
        ("a" * 24, "pier", "content/2024/pier.md", "dismissed"),
        ("b" * 24, "pier", "./content/2025/pier.txt", "open"),
        ("c" * 24, "pier", "content/2025/pier.txt", "open"),
        ("d" * 24, "story", "/srv/elsewhere/story.md", "open"),
        ("e" * 24, "odd", "content\\2024\\odd.md", "open"),
    ]
    engine = create_engine(db_url)
    with engine.begin() as conn:
        for fp, stem, path, status in rows:
            conn.execute(
                text(
                    "INSERT INTO flags (fingerprint, rule, article, path, message, status, first_seen,"
                    " last_seen, updated_at, reason, author)"
                    " VALUES (:fp, 'figure-unsourced', :stem, :path, 'm', :status, :t, :t, :t, :reason, :who)"
                ),
                {
                    "fp": fp,
                    "stem": stem,
                    "path": path,
                    "status": status,
                    "t": T0.replace(tzinfo=None),
                    "reason": "sourced in the caption" if status == "dismissed" else None,
                    "who": "alice" if status == "dismissed" else None,
                },
            )
    engine.dispose()

    with Ledger.open(db_url) as ledger:
        assert _revision(db_url) == "0004"
        by_fp = {r.fingerprint: r for r in ledger.list()}
        assert {fp: r.article for fp, r in by_fp.items()} == {
            "a" * 24: "content/2024/pier.md",
            "b" * 24: "content/2025/pier.txt",
            "c" * 24: "content/2025/pier.txt",
            "d" * 24: "/srv/elsewhere/story.md",
            "e" * 24: "content/2024/odd.md",
        }
        assert (by_fp["a" * 24].status, by_fp["a" * 24].reason) == ("dismissed", "sourced in the caption")
        assert [r.fingerprint for r in ledger.list(article="content/2025/pier.txt")] == ["b" * 24, "c" * 24]
        # The 2025 pier reviewed again, its findings gone: only its own entries are fixed.
        empty = ReviewedArticle("content/2025/pier.txt", ArticleInfo("content/2025/pier.txt"))
        ledger.sync([empty], run_at=T0 + timedelta(days=1))
        assert statuses(ledger) == {
            "a" * 24: "dismissed",
            "b" * 24: "fixed",
            "c" * 24: "fixed",
            "d" * 24: "open",
            "e" * 24: "open",
        }


def test_migrations_build_exactly_the_models(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    migrate(db_url)
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_schema_from_a_newer_copydesk_is_refused(db_url):
    migrate(db_url)
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(LedgerError, match="revision '9999'.*newer copydesk"):
        Ledger.open(db_url)


def test_reopening_a_current_ledger_keeps_its_data(db_url):
    with Ledger.open(db_url) as ledger:
        ledger.sync([article("harbour", finding("figure-unsourced", 1))], run_at=T0)
    with Ledger.open(db_url) as ledger:
        assert len(ledger.list()) == 1
