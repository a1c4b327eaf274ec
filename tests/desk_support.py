"""The review desk's test world, shared by the API tests (tests/e2e/test_desk_api.py) and the
browser tests (tests/browser/test_desk_browser.py): two articles on disk, their reports
written by ``write_reports`` and a real SQLite ledger that has seen them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from copydesk.checks.fingerprints import assign_fingerprints, line_col
from copydesk.checks.ledger import Ledger
from copydesk.checks.records import ArticleInfo, Finding, ReviewedArticle
from copydesk.reports.writer import write_reports

T0 = datetime(2024, 9, 3, 8, 0, tzinfo=UTC)
TOKEN = "desk-test-token-0123456789"

HARBOUR = """---
title: Harbour <script>window.__pwned=1</script> fees
author: Test Writer
published: 2024-06-01
---
# Harbour fees rise

The harbour handled 3,400 ships last year.

“The channel has to be deeper.”

Observers believe the fees will rise again. Readers wrote <img src=x onerror="alert(1)">.
"""
MARKET = """---
title: Market hall
published: 2024-06-01
---
The market hall reopened in June 2031 after repairs.
"""


def finding_at(text: str, rule: str, severity: str, snippet: str, message: str) -> Finding:
    start = text.index(snippet)
    end = start + len(snippet)
    line, column = line_col(text, start)
    return Finding(rule, severity, "x", start, end, line, column, message)


def desk_article(path: str, article_id: str, title: str, text: str, *findings: Finding) -> ReviewedArticle:
    art = ReviewedArticle(path, ArticleInfo(article_id, title=title), text=text, findings=list(findings))
    art.zones = [("paragraph", 0, len(text))]
    assign_fingerprints(art.findings, path, text)  # as the runner does
    return art


@dataclass
class World:
    root: Path
    reports: Path
    db_url: str
    harbour: ReviewedArticle
    market: ReviewedArticle

    def fp(self, rule: str) -> str:
        return next(f.fingerprint for a in (self.harbour, self.market) for f in a.findings if f.rule == rule)


def build_world(root: Path) -> World:
    """Two articles under ``root/content``, their reports in ``root/reports/out``, and a
    ledger at ``root/ledger.db`` that saw the market article a day before the harbour one.
    Paths in the reports are relative, as ``copydesk review content`` writes them: the desk
    must be created with ``root`` as the working directory."""
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "content" / "harbour.md").write_text(HARBOUR, encoding="utf-8")
    (root / "content" / "market.md").write_text(MARKET, encoding="utf-8")
    harbour = desk_article(
        "content/harbour.md",
        "harbour",
        "Harbour <script>window.__pwned=1</script> fees",
        HARBOUR,
        finding_at(
            HARBOUR, "figure-unsourced", "error", "3,400 ships", "Figure “3,400 ships” has no source."
        ),
        finding_at(
            HARBOUR, "quote-unattributed", "error", "“The channel has to be deeper.”", "Quote has no speaker."
        ),
        finding_at(HARBOUR, "attribution-vague", "warning", "Observers believe", "Who are the observers?"),
    )
    market = desk_article(
        "content/market.md",
        "market",
        "Market hall",
        MARKET,
        finding_at(MARKET, "date-future", "error", "June 2031", "A completed event dated after publication."),
    )
    db_url = f"sqlite:///{root / 'ledger.db'}"
    with Ledger.open(db_url) as ledger:
        ledger.sync([market], run_at=T0)
        ledger.sync([harbour], run_at=T0 + timedelta(days=1))
    reports = write_reports([harbour, market], root / "reports" / "out")
    return World(root, reports, db_url, harbour, market)
