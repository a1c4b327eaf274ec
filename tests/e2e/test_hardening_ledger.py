"""Decisions are never lost: many writers at once, and a writer killed mid-transaction.

Against SQLite and, when ``COPYDESK_TEST_PG_URL`` is set, PostgreSQL (a schema per test).

- Three kinds of writer at the same time: the desk's JSON API (``copydesk serve`` in a
  subprocess, 200 POSTs with the bearer token), the Ledger API in a second Python process
  (200 decisions), and a burst of ``copydesk flags accept/dismiss`` commands (10). Every
  decision lands: the history has exactly one row for each.
- A process that has written inside an open transaction is SIGKILLed before it commits:
  the ledger then opens, holds nothing of the dead transaction, is consistent (each flag's
  state is its latest decision; SQLite's ``PRAGMA integrity_check`` says ok) and takes new
  decisions and runs.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cli_command import COPYDESK
from ledger_support import BACKENDS, T0, article, finding, fresh_database
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url

from copydesk.checks.ledger import Decision, Flag, Ledger

TOKEN = "ledger-hardening-token-0123456789"
PER_WRITER = 200
CLI_BURST = 10


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        yield url


def _seed(db_url: str, n: int = 8) -> list[str]:
    art = article("harbour", *(finding("figure-unsourced", i) for i in range(1, n + 1)))
    with Ledger.open(db_url) as ledger:
        ledger.sync([art], run_at=T0)
    return [f.fingerprint for f in art.findings]


def _history_rows(db_url: str) -> list[tuple[str, str | None, str | None]]:
    """Every row of the decisions table, straight from the database."""
    engine = create_engine(_sqlalchemy_url(db_url))
    try:
        with engine.connect() as conn:
            return [
                (r.fingerprint, r.reason, r.author)
                for r in conn.execute(select(Decision.fingerprint, Decision.reason, Decision.author))
            ]
    finally:
        engine.dispose()


def _sqlalchemy_url(db_url: str) -> str:
    url = make_url(db_url)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def _consistent(db_url: str) -> None:
    """Each flag's status, reason and author are those of its latest decision; no decision
    belongs to a flag that does not exist."""
    with Ledger.open(db_url) as ledger:
        for flag in ledger.list():
            record, history = ledger.show(flag.fingerprint)
            if history:
                latest = history[-1]
                assert (record.status, record.reason, record.author) == (
                    latest.status,
                    latest.reason,
                    latest.author,
                ), flag.fingerprint
    engine = create_engine(_sqlalchemy_url(db_url))
    try:
        with engine.connect() as conn:
            orphans = conn.execute(
                select(func.count())
                .select_from(Decision)
                .where(~Decision.fingerprint.in_(select(Flag.fingerprint)))
            ).scalar_one()
        assert orphans == 0
    finally:
        engine.dispose()


# ── many writers at once ──

LEDGER_WRITER = """
import sys, time
from pathlib import Path
from copydesk.checks.ledger import Ledger

url, go, fingerprints = sys.argv[1], Path(sys.argv[2]), sys.argv[3].split(",")
with Ledger.open(url) as ledger:
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    for n in range({n}):
        status = ("accepted", "dismissed", "open")[n % 3]
        ledger.decide(fingerprints[n % len(fingerprints)], status, reason=f"ledger #{{n}}", by="ledger-process")
print("done", flush=True)
"""


def _start_desk(db_url: str, reports: Path, cwd: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [*COPYDESK, "serve", "--port", "0", "--reports", str(reports), "--db", db_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env={**os.environ, "COPYDESK_DESK_TOKEN": TOKEN},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if not match:
        proc.kill()
        pytest.fail(f"the desk did not start: {line}{proc.communicate(timeout=10)[1]}")
    return proc, match.group(0)


def test_desk_api_ledger_process_and_cli_lose_no_decision(db_url, tmp_path):
    fingerprints = _seed(db_url)
    (tmp_path / "reports").mkdir()
    desk, url = _start_desk(db_url, tmp_path / "reports", tmp_path)
    go = tmp_path / "go"
    writer = subprocess.Popen(
        [sys.executable, "-c", LEDGER_WRITER.format(n=PER_WRITER), db_url, str(go), ",".join(fingerprints)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        api_errors: list[str] = []

        def post_decisions() -> None:
            with httpx.Client(
                base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60
            ) as client:
                for n in range(PER_WRITER):
                    status = ("dismissed", "accepted", "open")[n % 3]
                    fp = fingerprints[(n * 3) % len(fingerprints)]
                    r = client.post(
                        f"/api/findings/{fp}/decision",
                        json={"status": status, "reason": f"api #{n}", "by": "desk-api"},
                    )
                    if r.status_code != 200:
                        api_errors.append(f"{n}: {r.status_code} {r.text}")

        api = threading.Thread(target=post_decisions)
        go.touch()
        api.start()
        cli = [
            subprocess.Popen(
                [
                    *COPYDESK,
                    "flags",
                    ("accept", "dismiss")[n % 2],
                    fingerprints[n % len(fingerprints)],
                    "--reason",
                    f"cli #{n}",
                    "--by",
                    "cli",
                    "--db",
                    db_url,
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(CLI_BURST)
        ]
        cli_results = [(p.wait(120), *p.communicate()) for p in cli]
        api.join(180)
        assert not api.is_alive(), "the API writer did not finish"
        assert writer.wait(180) == 0, writer.communicate()[1]
    finally:
        desk.terminate()
        _, desk_err = desk.communicate(timeout=20)
        if writer.poll() is None:
            writer.kill()
    assert api_errors == []
    assert [code for code, _, _ in cli_results] == [0] * CLI_BURST, [err for _, _, err in cli_results]
    assert "Traceback" not in desk_err and "ERROR" not in desk_err

    rows = _history_rows(db_url)
    assert len(rows) == 2 * PER_WRITER + CLI_BURST  # one row per decision, nothing lost or doubled
    assert sorted(r[1] for r in rows) == sorted(
        [f"api #{n}" for n in range(PER_WRITER)]
        + [f"ledger #{n}" for n in range(PER_WRITER)]
        + [f"cli #{n}" for n in range(CLI_BURST)]
    )
    assert {r[2] for r in rows} == {"desk-api", "ledger-process", "cli"}
    _consistent(db_url)


# ── a writer killed mid-transaction ──

KILLED_WRITER = """
import sys, time
import copydesk.checks.ledger as L
from copydesk.checks.records import ArticleInfo, Finding, ReviewedArticle
from copydesk.checks.fingerprints import fingerprint

url, fp = sys.argv[1], sys.argv[2]
real_decide = L._decide

def decide_then_hang(session, **kwargs):
    if session.get_bind().dialect.name == "sqlite":
        # A tiny page cache makes SQLite spill the uncommitted pages into the WAL file: the
        # crash then leaves half a transaction on disk, which recovery must ignore.
        session.execute(L.text("PRAGMA cache_size=8"))
    record = real_decide(session, **kwargs)
    # More writes in the same transaction: a run's worth of new findings, then their history.
    ghosts = [fingerprint("figure-unsourced", "content/ghost.md", f"ghost {n}", 0) for n in range(2000)]
    for f in ghosts:
        session.add(L.Flag(fingerprint=f, rule="figure-unsourced", article="ghost", path="content/ghost.md",
                           message="ghost", status="open", first_seen=L._now(), last_seen=L._now(),
                           updated_at=L._now()))
    session.flush()
    for f in ghosts:
        session.add(L.Decision(fingerprint=f, status="open", reason="ghost", author="ghost", at=L._now()))
    session.flush()  # the rows are in the database's transaction (SQLite: in the WAL), not committed
    print("written", flush=True)
    time.sleep(600)
    return record

L._decide = decide_then_hang
with L.Ledger.open(url) as ledger:
    ledger.decide(fp, "dismissed", reason="never committed", by="killed")
"""


def test_writer_killed_mid_transaction_loses_only_its_own_work(db_url, tmp_path):
    fingerprints = _seed(db_url)
    with Ledger.open(db_url) as ledger:
        ledger.decide(fingerprints[0], "accepted", reason="before the crash", by="ana")
        before = {f.fingerprint: f for f in ledger.list()}
    victim = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, db_url, fingerprints[0]],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert victim.stdout is not None
        line = victim.stdout.readline()
        assert line.strip() == "written", line + victim.communicate(timeout=30)[1]
        if db_url.startswith("sqlite"):
            wal = Path(make_url(db_url).database + "-wal")
            assert wal.exists() and wal.stat().st_size > 0  # uncommitted pages sit in the WAL
        os.kill(victim.pid, signal.SIGKILL)
        assert victim.wait(30) == -signal.SIGKILL
    finally:
        if victim.poll() is None:
            victim.kill()

    started = time.monotonic()
    with Ledger.open(db_url) as ledger:
        after = {f.fingerprint: f for f in ledger.list()}
        assert after == before  # nothing of the dead transaction: no ghost flags, no decision
        record, history = ledger.show(fingerprints[0])
        assert (record.status, record.reason) == ("accepted", "before the crash")
        assert [d.reason for d in history] == ["before the crash"]
        # The ledger takes decisions and runs again (the dead writer's lock is gone).
        decided = ledger.decide(fingerprints[0], "dismissed", reason="after the crash", by="ben")
        assert decided.status == "dismissed"
        ledger.sync([article("market", finding("date-future", 1))], run_at=T0)
        assert len(ledger.list()) == len(before) + 1
    assert time.monotonic() - started < 30
    assert [r[1] for r in _history_rows(db_url)] == ["before the crash", "after the crash"]
    _consistent(db_url)
    if db_url.startswith("sqlite"):
        with sqlite3.connect(make_url(db_url).database) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_killed_reader_blocks_nobody(db_url, tmp_path):
    """A desk killed while it reads (a long page render) leaves no lock behind."""
    fingerprints = _seed(db_url)
    code = (
        "import sys, time\nfrom copydesk.checks.ledger import Ledger\n"
        "with Ledger.open(sys.argv[1]) as ledger:\n"
        "    def hang(session):\n"
        "        session.execute(__import__('sqlalchemy').text('SELECT count(*) FROM flags')).all()\n"
        "        print('reading', flush=True)\n"
        "        time.sleep(600)\n"
        "    ledger._run(hang, write=False)\n"
    )
    reader = subprocess.Popen([sys.executable, "-c", code, db_url], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "reading"
        with Ledger.open(db_url) as ledger:  # WAL: a writer goes on while the reader is open
            ledger.decide(fingerprints[1], "accepted", reason="while someone reads", by="ana")
        reader.send_signal(signal.SIGKILL)
        reader.wait(30)
    finally:
        if reader.poll() is None:
            reader.kill()
    with Ledger.open(db_url) as ledger:
        assert ledger.show(fingerprints[1])[0].status == "accepted"
    _consistent(db_url)
