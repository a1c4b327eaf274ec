"""Ledger databases and records for the tests that use a ledger (tests/unit/test_ledger.py,
tests/unit/test_archive.py, tests/e2e/test_flags_cli.py, tests/e2e/test_hardening_ledger.py):
SQLite always, PostgreSQL when ``COPYDESK_TEST_PG_URL`` names a server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from copydesk.checks.fingerprints import fingerprint
from copydesk.checks.records import ArticleInfo, Finding, ReviewedArticle

PG_ENV = "COPYDESK_TEST_PG_URL"
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql", marks=pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} is not set")
    ),
]
T0 = datetime(2024, 9, 3, 8, 0, tzinfo=UTC)


@contextmanager
def fresh_database(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty ledger database: a file for SQLite, a new schema for PostgreSQL."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    base = make_url(os.environ[PG_ENV])
    if base.drivername == "postgresql":
        base = base.set(drivername="postgresql+psycopg")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False
        )
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def finding(rule: str, n: int, status: str = "open") -> Finding:
    return Finding(
        rule=rule,
        severity="error",
        item=f"i{n}",
        start=10 * n,
        end=10 * n + 5,
        line=n,
        column=1,
        message=f"{rule} number {n}",
        status=status,
    )


def article(name: str, *findings: Finding, reviewed: bool = True, path: str | None = None) -> ReviewedArticle:
    """``content/NAME.md`` (or ``path``) with these findings, fingerprinted as the runner
    does (from rule, article id, text). The id is the path, as a run from the project root
    names it; ``path`` (where the run read the file) may be spelled otherwise."""
    article_id = f"content/{name}.md"
    for f in findings:
        f.fingerprint = fingerprint(f.rule, article_id, f"matched text {f.line}", 0)
    return ReviewedArticle(
        path=path or article_id,
        article=ArticleInfo(id=article_id),
        findings=list(findings),
        reviewed=reviewed,
    )
