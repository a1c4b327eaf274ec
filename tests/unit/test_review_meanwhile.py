"""``review_articles(..., meanwhile=...)``: the caller's own work runs in the time the forked
checker spends on the suites (``copydesk check`` reads the ledger there), once, after the
parse, and what it raises reaches the caller without waiting for checks nobody will read."""

from __future__ import annotations

import pytest

from copydesk.flows.reviewing import ReviewOptions, review_articles

ARTICLE = (
    "---\ntitle: Harbour vote\npublished: 2024-03-01\n---\n\n"
    "The harbour board will spend $4.2 million on the new pier.\n"
)


class LedgerUnreadable(Exception):
    pass


def _options(tmp_path, parallel: bool, use_cache: bool = False) -> ReviewOptions:
    return ReviewOptions(
        cache_dir=tmp_path / "cache", root=tmp_path, check_in_parallel=parallel, use_cache=use_cache
    )


@pytest.mark.parametrize("parallel", [True, False])
def test_meanwhile_runs_once_after_the_parse_and_the_findings_are_the_same(tmp_path, parallel):
    (tmp_path / "pier.md").write_text(ARTICLE, encoding="utf-8")
    calls: list[int] = []
    result = review_articles(
        [str(tmp_path / "pier.md")], _options(tmp_path, parallel), meanwhile=lambda: calls.append(1)
    )
    assert calls == [1]
    [article] = result.articles
    assert [f.rule for f in article.findings] == ["figure-unsourced"]


def test_meanwhile_runs_when_everything_came_from_the_cache(tmp_path):
    (tmp_path / "pier.md").write_text(ARTICLE, encoding="utf-8")
    review_articles([str(tmp_path / "pier.md")], _options(tmp_path, True, use_cache=True))
    calls: list[int] = []
    again = review_articles(
        [str(tmp_path / "pier.md")],
        _options(tmp_path, True, use_cache=True),
        meanwhile=lambda: calls.append(1),
    )
    assert calls == [1] and again.parsed == 0 and again.checked == 0


def test_what_meanwhile_raises_reaches_the_caller(tmp_path):
    (tmp_path / "pier.md").write_text(ARTICLE, encoding="utf-8")

    def unreadable() -> None:
        raise LedgerUnreadable("ledger: cannot open")

    with pytest.raises(LedgerUnreadable):
        review_articles([str(tmp_path / "pier.md")], _options(tmp_path, True), meanwhile=unreadable)


def test_a_checker_closed_with_checks_outstanding_is_killed_not_waited_for(tmp_path):
    """What ``review_articles`` does when ``meanwhile`` raises: the checker, still importing
    Great Expectations (seconds), is killed at once instead of finishing checks nobody reads."""
    import signal

    from copydesk.checks.config import load_suites
    from copydesk.checks.records import ArticleInfo, ReviewedArticle
    from copydesk.flows.checker import Checker

    checker = Checker()
    process = checker._process
    checker.send([ReviewedArticle("pier.md", ArticleInfo("pier.md"), text=ARTICLE)], load_suites())
    checker.close()
    assert process.exitcode == -signal.SIGKILL


def test_a_checker_started_early_and_never_taken_is_killed(tmp_path):
    """``copydesk check`` forks its checker before reading its settings; a command that
    fails first (or has nothing to check) must not leave it importing Great Expectations."""
    import signal

    from copydesk.flows import checker as checker_module

    checker_module.start_early()
    process = checker_module._early._process
    checker_module.close_early()
    assert checker_module.take_early() is None
    assert process.exitcode == -signal.SIGKILL


def test_a_checker_handed_to_a_review_with_nothing_to_check_is_killed(tmp_path):
    """Every article's findings came from the cache: the checker the caller forked is closed
    at once, not waited for, and the findings are the cached ones."""
    import signal

    from copydesk.flows.checker import Checker

    (tmp_path / "pier.md").write_text(ARTICLE, encoding="utf-8")
    first = review_articles([str(tmp_path / "pier.md")], _options(tmp_path, True, use_cache=True))
    checker = Checker()
    process = checker._process
    again = review_articles(
        [str(tmp_path / "pier.md")], _options(tmp_path, True, use_cache=True), checker=checker
    )
    assert again.checked == 0
    assert process.exitcode == -signal.SIGKILL
    assert [f.rule for f in again.articles[0].findings] == [f.rule for f in first.articles[0].findings]


def test_a_checker_handed_to_a_review_checks_its_articles(tmp_path):
    from copydesk.flows.checker import Checker

    (tmp_path / "pier.md").write_text(ARTICLE, encoding="utf-8")
    with Checker() as checker:
        result = review_articles([str(tmp_path / "pier.md")], _options(tmp_path, True), checker=checker)
        assert checker._process is None  # closed by the review once its findings came back
    assert result.checked == 1
    assert [f.rule for f in result.articles[0].findings] == ["figure-unsourced"]
