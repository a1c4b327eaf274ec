"""The per-article HTML report in a real browser (headless Chromium through Playwright),
opened from file:// as an editor opens it: hostile article content stays inert, the inline
script runs under the page's CSP hash, j / k and the filters work."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import require_chromium

require_chromium()

from playwright.sync_api import Page  # noqa: E402

from copydesk.checks.records import ReviewedArticle  # noqa: E402

ARTICLE = """---
title: Harbour <script>window.__pwned=1</script> fees
author: Test Writer
published: 2024-06-01
---
# Harbour fees rise

The harbour handled 3,400 ships last year.

“The channel has to be deeper.”

Observers believe the fees will rise again.

Readers wrote <script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=1"> in the comments field.

See the [link](javascript:window.__pwned=1) for details.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, nlp) -> tuple[Path, ReviewedArticle]:
    """The report of ARTICLE through the real pipeline (extraction, suites, suppressions)."""
    from copydesk.checks.config import load_suites
    from copydesk.checks.runner import review_findings
    from copydesk.checks.suppressions import apply_suppressions
    from copydesk.flows.extract.pipeline import extract_batch
    from copydesk.reports.naming import report_name
    from copydesk.reports.writer import write_reports

    folder = tmp_path_factory.mktemp("report")
    source = folder / "hostile.md"
    source.write_text(ARTICLE, encoding="utf-8")
    [art] = extract_batch([str(source)])
    review_findings([art], load_suites())
    apply_suppressions(art)
    out = write_reports([art], folder / "out")
    return out / f"{report_name(art.article.id)}.html", art


@pytest.fixture
def page(page: Page, report: tuple[Path, ReviewedArticle]) -> Page:
    """conftest's page, opened on the report as an editor opens it: from file://."""
    page.goto(report[0].as_uri())
    return page


def test_the_pipeline_found_what_the_article_plants(report):
    rules = {f.rule for f in report[1].findings}
    assert {"figure-unsourced", "quote-unattributed", "attribution-vague"} <= rules
    assert len({f.severity for f in report[1].findings}) >= 2  # the severity filter has something to hide


def test_hostile_content_stays_inert(page):
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0  # the <img onerror> is text, not an element
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert "<script>window.__pwned=1</script>" in page.inner_text("article.text")  # shown, as text
    assert "<script>window.__pwned=1</script>" in page.title()
    # The report's own script runs (its hash matches the CSP): nothing was refused.
    assert not [e for e in page.console_errors if "Content Security Policy" in e]  # type: ignore[attr-defined]


def test_findings_list_and_keyboard(page, report):
    items = page.locator("aside.findings li[data-id]")
    assert items.count() == len(report[1].findings)
    assert page.locator("article.text mark").count() >= 2
    assert page.locator(".current").count() == 0
    page.keyboard.press("j")
    assert page.locator("aside.findings li.current").get_attribute("data-id") == "f0"
    assert page.locator("mark.current").count() >= 1  # its highlight too
    page.keyboard.press("j")
    assert page.locator("aside.findings li.current").get_attribute("data-id") == "f1"
    page.keyboard.press("k")
    assert page.locator("aside.findings li.current").get_attribute("data-id") == "f0"


def test_severity_filter_hides_other_severities(page, report, tmp_path):
    page.select_option('.filters select[name="severity"]', "warning")
    shown = page.locator("aside.findings li[data-id]:visible")
    warnings = [f for f in report[1].findings if f.severity == "warning"]
    assert shown.count() == len(warnings) > 0
    assert set(shown.evaluate_all("els => els.map(e => e.dataset.severity)")) == {"warning"}
    page.keyboard.press("j")  # stepping only visits what is shown
    assert page.locator("aside.findings li.current").get_attribute("data-severity") == "warning"
    page.select_option('.filters select[name="severity"]', "")
    assert page.locator("aside.findings li[data-id]:visible").count() == len(report[1].findings)
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 1000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
