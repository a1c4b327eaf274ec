"""The ledger of editor decisions: every finding copydesk has reported, keyed by its
fingerprint, with its current status and the full, append-only history of decisions.

    open ──accept──▶ accepted ──(gone in a later run)──▶ fixed ──(back again)──▶ open
      │                                                    ▲
      ├──dismiss (with a reason)──▶ dismissed              │
      └────────────────(gone in a later run)───────────────┘

Editors decide (``accept``, ``dismiss``, ``reopen``); review runs ``sync``: they record
what they found, give each finding its ledger status, mark findings that are gone as
``fixed`` and reopen fixed ones that come back. Both kinds of change are appended to the
``decisions`` table, the audit trail; ``flags`` holds the current state of each finding.

The database is SQLite (``.copydesk/ledger.db``) by default, or whatever
``COPYDESK_DB_URL`` names (PostgreSQL for a shared desk). Writers never race: SQLite
write transactions take the write lock up front (``BEGIN IMMEDIATE``, WAL, busy timeout,
retry on "database is locked"), PostgreSQL ones a transaction-level advisory lock. The
schema is managed by Alembic (``checks/migrations``) and upgraded when a ledger is opened.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    create_engine,
    event,
    select,
    text,
)
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.types import TypeDecorator

from copydesk.checks.records import Finding, ReviewedArticle
from copydesk.checks.statedir import mark_ignored

ENV_URL = "COPYDESK_DB_URL"
DEFAULT_PATH = Path(".copydesk") / "ledger.db"
VERSION_TABLE = "ledger_version"  # not alembic_version: the database may be shared with other tools
MIGRATIONS = Path(__file__).parent / "migrations"

STATUSES = ("open", "accepted", "dismissed", "fixed")
DECISIONS = ("accepted", "dismissed", "open")  # what editors may set; `fixed` is the runs' verdict
GONE_MEANS_FIXED = ("open", "accepted")  # a dismissed finding that disappears stays dismissed
SYSTEM_AUTHOR = "copydesk"  # the author of the decisions review runs make
FIXED_REASON = "not found by the review run"
REOPEN_REASON = "found again by the review run"

BUSY_TIMEOUT_S = 30.0
RETRIES = 8
SYNC_CHUNK = 50  # articles per write transaction: short transactions keep other writers moving
IN_CHUNK = 500  # values per IN (...) list, far below SQLite's bound-parameter limit
WRITE = "copydesk_write"  # execution option: this transaction will write
PG_LOCK_KEY = 0x636F70796465736B  # "copydesk": the advisory lock that serialises PostgreSQL writers

T = TypeVar("T")


class LedgerError(Exception):
    """The ledger's database cannot be opened or used (bad URL, server down, newer schema)."""


# ── records handed to callers: plain values, never ORM objects bound to a session ──


@dataclass(frozen=True)
class FlagRecord:
    fingerprint: str
    rule: str
    article: str
    path: str
    message: str
    status: str
    reason: str | None
    author: str | None
    first_seen: datetime
    last_seen: datetime
    updated_at: datetime

    def to_dict(self) -> dict[str, str | None]:
        """JSON-ready: times as ISO 8601 (UTC)."""
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "article": self.article,
            "path": self.path,
            "message": self.message,
            "status": self.status,
            "reason": self.reason,
            "author": self.author,
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


@dataclass(frozen=True)
class DecisionRecord:
    status: str
    reason: str | None
    author: str | None
    at: datetime

    def to_dict(self) -> dict[str, str | None]:
        return {
            "status": self.status,
            "reason": self.reason,
            "author": self.author,
            "at": self.at.isoformat(),
        }


# ── the schema (its history is in checks/migrations; a test keeps the two in step) ──


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend: SQLite keeps no zone, so it is put back on read."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = _utc(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


def _status_check(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} IN ({', '.join(repr(s) for s in STATUSES)})", name="status")


class Flag(Base):
    """A finding as the ledger knows it: where it is and what editors decided about it."""

    __tablename__ = "flags"
    __table_args__ = (_status_check("status"),)

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    rule: Mapped[str] = mapped_column(Text, index=True)
    article: Mapped[str] = mapped_column(Text, index=True)
    path: Mapped[str] = mapped_column(Text, index=True)
    message: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), index=True)
    # The latest decision, copied here so that listing needs no per-row history lookup.
    reason: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Decision(Base):
    """One status change, by an editor or a review run. Rows are only ever inserted."""

    __tablename__ = "decisions"
    __table_args__ = (_status_check("status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    fingerprint: Mapped[str] = mapped_column(ForeignKey("flags.fingerprint"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


# ── the ledger ──


class Ledger:
    """Open with ``Ledger.open(url)``; every method runs in its own short transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.url = engine.url.render_as_string(hide_password=True)

    @classmethod
    def open(cls, url: str | None = None) -> Ledger:
        """``url`` None: ``$COPYDESK_DB_URL``, else SQLite at ``.copydesk/ledger.db``.
        Creates the database and upgrades its schema as needed."""
        engine = _engine(resolve_url(url))
        try:
            _upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def sync(self, articles: list[ReviewedArticle], run_at: datetime | None = None) -> None:
        """Record a run's findings and set each ``Finding.status`` from the ledger, in place.

        Open (and accepted) entries of the run's articles that the run did not find become
        ``fixed``; fixed ones found again are reopened. Articles that could not be read are
        left alone: their findings are unknown this time, not gone. Naive ``run_at`` is local time.
        """
        at = _utc(run_at) if run_at is not None else _now()
        reviewed = [a for a in articles if a.reviewed]
        for i in range(0, len(reviewed), SYNC_CHUNK):
            self._run(partial(_sync_articles, articles=reviewed[i : i + SYNC_CHUNK], at=at), write=True)

    def decide(
        self, fingerprint: str, status: str, reason: str | None = None, by: str | None = None
    ) -> FlagRecord:
        """An editor's decision: ``accepted``, ``dismissed`` (a reason is required) or ``open``."""
        if status not in DECISIONS:
            raise ValueError(f"status must be one of {', '.join(DECISIONS)}, not {status!r}")
        reason, by = _clean(reason), _clean(by)
        if status == "dismissed" and reason is None:
            raise ValueError(
                "dismissing a finding needs a reason (false alarm, sourced elsewhere, won't fix, …)"
            )
        work = partial(_decide, fingerprint=fingerprint, status=status, reason=reason, author=by)
        return self._run(work, write=True)

    def list(
        self, status: str | None = None, rule: str | None = None, article: str | None = None
    ) -> list[FlagRecord]:
        """Findings by path, then first sighting and rule; ``article`` matches an id or a path."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        query = select(Flag).order_by(Flag.path, Flag.first_seen, Flag.rule, Flag.fingerprint)
        if status is not None:
            query = query.where(Flag.status == status)
        if rule is not None:
            query = query.where(Flag.rule == rule)
        if article is not None:
            query = query.where((Flag.article == article) | (Flag.path == _path(article)))
        return self._run(lambda s: [_flag_record(f) for f in s.scalars(query)], write=False)

    def resolve(self, prefix: str) -> str:
        """The one fingerprint that is ``prefix`` or starts with it, as git takes a short
        commit id (at least ``MIN_PREFIX`` characters). ``LookupError`` when none is, or
        when several are (the message lists them)."""
        return self._run(partial(_resolve, prefix=prefix), write=False)

    def histories(self, article: str) -> dict[str, list[DecisionRecord]]:
        """Every decision on an article's findings (``article``: its id or path), by
        fingerprint, oldest first: one query, however many findings it has."""
        return self._run(partial(_histories, article=article), write=False)

    def show(self, fingerprint: str) -> tuple[FlagRecord, list[DecisionRecord]]:
        """A finding and its history, oldest decision first."""
        return self._run(partial(_show, fingerprint=fingerprint), write=False)

    def transaction(self, work: Callable[[Session], T], *, write: bool) -> T:
        """Run ``work`` in one transaction, with the ledger's locking and retries: for the
        tables that share its database (``copydesk.checks.archive``)."""
        return self._run(work, write=write)

    def _run(self, work: Callable[[Session], T], *, write: bool) -> T:
        def attempt() -> T:
            with self._sessions() as session, session.begin():
                _begin(session.connection(execution_options={WRITE: write}), write)
                return work(session)

        try:
            return _retrying(attempt)
        except SQLAlchemyError as exc:
            raise LedgerError(f"ledger {self.url}: {_detail(exc)}") from exc


# ── the work done inside transactions ──


def _sync_articles(session: Session, articles: list[ReviewedArticle], at: datetime) -> None:
    # By article id (the path from the project root), not by the path the run was given:
    # ``content/a.md`` and ``./content/a.md`` are one article, ``2024/pier.md`` and
    # ``2025/pier.txt`` two.
    ids = {a.article.id for a in articles}
    fingerprints = {f.fingerprint for a in articles for f in a.findings if f.fingerprint}
    known = _flags_for(session, ids, fingerprints)
    seen: set[str] = set()
    for art in articles:
        for finding in art.findings:
            if not finding.fingerprint:  # nothing to key it by: it cannot carry a decision
                continue
            flag = _record_finding(session, known, art, finding, at)
            seen.add(flag.fingerprint)
            if finding.status != "suppressed":  # an inline suppression outranks the ledger
                finding.status = flag.status
    for flag in known.values():
        if flag.article in ids and flag.fingerprint not in seen and flag.status in GONE_MEANS_FIXED:
            _transition(session, flag, "fixed", FIXED_REASON, SYSTEM_AUTHOR, at)


def _record_finding(
    session: Session, known: dict[str, Flag], art: ReviewedArticle, finding: Finding, at: datetime
) -> Flag:
    """Insert the finding, or refresh its entry (reopening it if it had been fixed)."""
    flag = known.get(finding.fingerprint)
    if flag is None:
        flag = known[finding.fingerprint] = Flag(
            fingerprint=finding.fingerprint, status="open", first_seen=at, last_seen=at, updated_at=at
        )
        session.add(flag)
    elif flag.status == "fixed":
        _transition(session, flag, "open", REOPEN_REASON, SYSTEM_AUTHOR, at)
    # Where and how it reads now: the message may be reworded, the article id changed.
    flag.rule, flag.article, flag.path, flag.message = (
        finding.rule,
        art.article.id,
        _path(art.path),
        finding.message,
    )
    # min/max: a run replayed out of order does not move the dates backwards.
    flag.first_seen, flag.last_seen = min(flag.first_seen, at), max(flag.last_seen, at)
    return flag


def _flags_for(session: Session, ids: set[str], fingerprints: set[str]) -> dict[str, Flag]:
    """The ledger entries of these articles, and of these fingerprints wherever they were."""
    found: dict[str, Flag] = {}
    for column, values in ((Flag.article, ids), (Flag.fingerprint, fingerprints)):
        for part in _chunks(sorted(values), IN_CHUNK):
            found.update((f.fingerprint, f) for f in session.scalars(select(Flag).where(column.in_(part))))
    return found


def _decide(
    session: Session, fingerprint: str, status: str, reason: str | None, author: str | None
) -> FlagRecord:
    flag = _get(session, fingerprint)
    _transition(session, flag, status, reason, author, _now())
    return _flag_record(flag)


def _show(session: Session, fingerprint: str) -> tuple[FlagRecord, list[DecisionRecord]]:
    flag = _get(session, fingerprint)
    history = session.scalars(
        select(Decision).where(Decision.fingerprint == flag.fingerprint).order_by(Decision.id)
    )
    return _flag_record(flag), [DecisionRecord(d.status, d.reason, d.author, d.at) for d in history]


MIN_PREFIX = 4
SHOWN_CANDIDATES = 5


def _resolve(session: Session, prefix: str) -> str:
    prefix = prefix.strip().lower()
    if session.get(Flag, prefix) is not None:
        return prefix
    if len(prefix) < MIN_PREFIX or not all(c in "0123456789abcdef" for c in prefix):
        raise LookupError(
            f"no finding with fingerprint {prefix!r} in the ledger "
            f"(a prefix needs at least {MIN_PREFIX} hex digits)"
        )
    query = (
        select(Flag.fingerprint)
        .where(Flag.fingerprint.startswith(prefix, autoescape=True))
        .order_by(Flag.fingerprint)
        .limit(SHOWN_CANDIDATES + 1)
    )
    found = list(session.scalars(query))
    if not found:
        raise LookupError(f"no finding with fingerprint {prefix!r} in the ledger")
    if len(found) > 1:
        shown = ", ".join(found[:SHOWN_CANDIDATES]) + (", …" if len(found) > SHOWN_CANDIDATES else "")
        raise LookupError(f"fingerprint prefix {prefix!r} is ambiguous: it starts {shown}; give more of it")
    return found[0]


def _histories(session: Session, article: str) -> dict[str, list[DecisionRecord]]:
    query = (
        select(Decision)
        .join(Flag, Flag.fingerprint == Decision.fingerprint)
        .where((Flag.article == article) | (Flag.path == _path(article)))
        .order_by(Decision.id)
    )
    found: dict[str, list[DecisionRecord]] = {}
    for d in session.scalars(query):
        found.setdefault(d.fingerprint, []).append(DecisionRecord(d.status, d.reason, d.author, d.at))
    return found


def _get(session: Session, fingerprint: str) -> Flag:
    flag = session.get(Flag, fingerprint.strip())
    if flag is None:
        raise LookupError(f"no finding with fingerprint {fingerprint!r} in the ledger")
    return flag


def _transition(
    session: Session, flag: Flag, status: str, reason: str | None, author: str | None, at: datetime
) -> None:
    flag.status, flag.reason, flag.author, flag.updated_at = status, reason, author, at
    session.add(Decision(fingerprint=flag.fingerprint, status=status, reason=reason, author=author, at=at))


def _flag_record(f: Flag) -> FlagRecord:
    return FlagRecord(
        f.fingerprint,
        f.rule,
        f.article,
        f.path,
        f.message,
        f.status,
        f.reason,
        f.author,
        f.first_seen,
        f.last_seen,
        f.updated_at,
    )


# ── engines, transactions, retries ──


def resolve_url(url: str | None = None) -> str:
    if url:
        return url
    return os.environ.get(ENV_URL) or f"sqlite:///{DEFAULT_PATH.as_posix()}"


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise LedgerError(
            f"not a database URL: {url!r} (try sqlite:///PATH or postgresql+psycopg://USER@HOST/DB)"
        ) from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise LedgerError(f"the ledger runs on SQLite or PostgreSQL, not {backend!r}")
    try:
        return _sqlite_engine(parsed) if backend == "sqlite" else _postgres_engine(parsed)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise LedgerError(f"cannot use {parsed.render_as_string(hide_password=True)}: {exc}") from None
    except OSError as exc:
        raise LedgerError(
            f"cannot create the ledger's folder for {parsed.database}: {exc.strerror or exc}"
        ) from None


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        mark_ignored(Path(database).expanduser().parent)  # .copydesk/ledger.db: never committed
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: object) -> None:
    # SQLAlchemy emits BEGIN itself (see _sqlite_begin): sqlite3's own transaction handling
    # would start write transactions late, where a lock upgrade fails instead of waiting.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer, nor it them
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable enough in WAL mode, and much faster
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock now, waiting for it under the busy timeout; a DEFERRED
    # transaction that reads and then writes gets "database is locked" without waiting.
    mode = "IMMEDIATE" if conn.get_execution_options().get(WRITE) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _postgres_engine(url: URL) -> Engine:
    if url.drivername == "postgresql":  # SQLAlchemy would pick psycopg2; copydesk ships psycopg 3
        url = url.set(drivername="postgresql+psycopg")
    connect_args: dict[str, Any] = {"application_name": "copydesk-ledger"}
    if "connect_timeout" not in url.query:  # an unreachable server fails in seconds, not minutes
        connect_args["connect_timeout"] = 10
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def _begin(conn: Connection, write: bool) -> None:
    """First statement of every transaction: PostgreSQL writers queue here, as SQLite's do at
    BEGIN IMMEDIATE, so read-modify-write steps (insert-if-new, decide) never race."""
    if write and conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})


def _retrying(attempt: Callable[[], T]) -> T:
    delay = 0.05
    for n in range(1, RETRIES + 1):
        try:
            return attempt()
        except DBAPIError as exc:
            if n == RETRIES or not _transient(exc):
                raise
        time.sleep(delay * (1 + random.random()))  # jitter: two waiting writers do not retry in step
        delay = min(delay * 2, 1.0)
    raise AssertionError("unreachable")


def _transient(exc: DBAPIError) -> bool:
    """Busy or locked SQLite, serialisation failure or deadlock on PostgreSQL: try again."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED (and their extended codes)
    if getattr(exc.orig, "sqlstate", None) in ("40001", "40P01"):
        return True
    return "database is locked" in str(exc.orig) or "database table is locked" in str(exc.orig)


def _detail(exc: BaseException) -> str:
    """The driver's message on one line, without SQLAlchemy's statement dump and links."""
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return "; ".join(lines) or type(orig).__name__


# ── schema migrations ──


def migrate(url: str | None = None, revision: str = "head") -> None:
    """Bring the ledger's schema to ``revision`` (what ``Ledger.open`` does, to ``head``)."""
    engine = _engine(resolve_url(url))
    try:
        _upgrade(engine, revision)
    finally:
        engine.dispose()


def _upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    safe_url = engine.url.render_as_string(hide_password=True)
    config = _alembic_config()
    script = ScriptDirectory.from_config(config)
    target = script.get_current_head() if revision == "head" else revision

    def current() -> str | None:
        with engine.connect() as conn:
            return MigrationContext.configure(
                conn, opts={"version_table": VERSION_TABLE}
            ).get_current_revision()

    def upgrade() -> None:
        # One locked transaction: a second process opening a new ledger waits, then finds
        # the schema current (Alembic re-reads the version inside the transaction).
        with engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
            _begin(conn, write=True)
            config.attributes["connection"] = conn
            command.upgrade(config, revision)

    try:
        found = _retrying(current)
        if found == target:
            return  # the usual case: nothing to do, no lock taken
        if found is not None:
            _known_revision(script, found, safe_url)
        _retrying(upgrade)
    except SQLAlchemyError as exc:
        raise LedgerError(f"cannot open the ledger at {safe_url}: {_detail(exc)}") from None
    except CommandError as exc:  # e.g. migrate() to a revision that does not exist
        raise LedgerError(f"cannot migrate the ledger at {safe_url}: {exc}") from None


def _known_revision(script: Any, revision: str, safe_url: str) -> None:
    from alembic.util import CommandError

    try:
        script.get_revision(revision)
    except CommandError:
        raise LedgerError(
            f"the ledger at {safe_url} has schema revision {revision!r}, unknown to this copydesk: "
            "a newer copydesk wrote it; upgrade copydesk"
        ) from None


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    # configparser interpolation: a "%" in the install path must be doubled.
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    return config


# ── small helpers ──


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)  # naive values are taken as local time, as Python does


def _path(path: str) -> str:
    return path.replace("\\", "/")  # as in fingerprints: the same file on Windows and POSIX


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def _chunks(values: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


# The quote archive's tables share the ledger's database and schema history: registered
# on ``Base`` here so that the migrations and the models they are checked against agree.
import copydesk.checks.archive.archive_tables  # noqa: E402, F401
