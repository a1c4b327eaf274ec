"""Shared fixtures: the spaCy model (loaded once per session), the built-in suites, and
helpers that write small articles into a temporary folder.

Every article the tests read is either in ``tests/articles/`` or written by a test.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from copydesk.flows.runtime.quiet import quiet_environment

# Before any test module imports Prefect: its settings are read once, at import. Among them
# the start-up wait of its temporary server, which flows run in-process start, long enough
# for a machine whose cores are busy with other work.
quiet_environment()

ARTICLES = Path(__file__).parent / "articles"

# Test layers, as markers (registered in pyproject.toml), taken from the folder a test
# module is in: tests/unit (functions and modules in-process: ``pytest -m unit`` or
# ``pytest tests/unit``), tests/e2e (the real CLI, Prefect flow, temporary server, desk
# server, Dask cluster or an installed wheel) and tests/browser (a page in headless
# Chromium). A module whose tests are mixed is where most of them belong.
LAYERS = ("unit", "e2e", "browser")
TESTS = Path(__file__).resolve().parent


def layer_of(path: Path) -> str:
    """The layer of the test module at ``path``: the folder under tests/ it is in."""
    relative = path.resolve().relative_to(TESTS)
    if len(relative.parts) < 2 or relative.parts[0] not in LAYERS:
        raise pytest.UsageError(f"{path}: a test module belongs in one of tests/{{{','.join(LAYERS)}}}/")
    return relative.parts[0]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its layer, and run the layers in order: unit, e2e, browser.
    In-process tests first give the quickest failure, and the property tests
    (tests/unit/test_properties.py) then generate their examples before any e2e test has
    left Prefect's and Dask's background threads running: those threads draw on the global
    ``random`` state, which Hypothesis watches while it generates (it warns "Do not use the
    random module inside strategies" when the state moves under it)."""
    for item in items:
        item.add_marker(layer_of(item.path))
    items.sort(key=lambda item: LAYERS.index(layer_of(item.path)))  # stable: file order within a layer


@pytest.fixture(scope="session", autouse=True)
def _private_ledger(tmp_path_factory):
    """Reviews run by tests record into a throwaway ledger, never the checkout's own
    .copydesk/ledger.db (tests that need a particular ledger pass --db or a URL)."""
    import os

    url = f"sqlite:///{tmp_path_factory.mktemp('ledger') / 'ledger.db'}"
    old = os.environ.get("COPYDESK_DB_URL")
    os.environ["COPYDESK_DB_URL"] = url
    yield url
    if old is None:
        os.environ.pop("COPYDESK_DB_URL", None)
    else:
        os.environ["COPYDESK_DB_URL"] = old


# What the end-of-session contract check found, for the terminal summary.
_CONTRACT_CHECKED: list[int] = []


@pytest.fixture(scope="session", autouse=True)
def _written_reports_keep_the_contract(tmp_path_factory):
    """At the end of the run, every article report the tests wrote (in-process or through
    the CLI, anywhere under the run's temporary folders) is checked against the JSON
    contract: the schema ``copydesk schema`` prints and the model behind it
    (``contract_checks``). A report folder's own bookkeeping names the reports it must
    hold, so a finder that stops finding them fails rather than checking nothing."""
    yield
    from contract_checks import report_problems, written_reports

    found = written_reports(tmp_path_factory.getbasetemp())
    problems = [f"{p}: listed by its folder, not found" for p in found.missing]
    problems += [f"{p}: a run's reports without the writer's list of them" for p in found.unlisted]
    for report in found.reports:
        problems += [
            f"{report}: {problem}" for problem in report_problems(report.read_text(encoding="utf-8"))
        ]
    _CONTRACT_CHECKED[:] = [len(found.reports), len(found.folders)]
    assert not problems, "reports that break the JSON contract:\n" + "\n".join(problems[:50])


def pytest_terminal_summary(terminalreporter) -> None:
    if _CONTRACT_CHECKED and _CONTRACT_CHECKED[0]:
        reports, folders = _CONTRACT_CHECKED
        terminalreporter.write_line(f"JSON contract: {reports} reports in {folders} folders checked")


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    return ARTICLES


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole run (``load_nlp`` caches it, so
    ``extract_batch`` reuses this same instance)."""
    from copydesk.flows.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def suites():
    from copydesk.checks.config import load_suites

    return load_suites()


def front_matter(published: str = "2024-06-01", title: str = "Test article") -> str:
    return f"---\ntitle: {title}\nauthor: Test Writer\npublished: {published}\n---\n"


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., str]:
    """write(name, content) -> path; ``content`` is str (written as UTF-8, newlines kept
    exactly) or bytes."""

    def _write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)

    return _write


@pytest.fixture
def write_md(write) -> Callable[..., str]:
    """write_md(name, body, published=...) -> path of a Markdown article with front matter."""

    def _write_md(name: str, body: str, published: str = "2024-06-01") -> str:
        return write(name, front_matter(published) + body.rstrip("\n") + "\n")

    return _write_md


@pytest.fixture
def extract(nlp):
    """extract(*paths) -> list[ReviewedArticle] through the real batch pipeline."""
    from copydesk.flows.extract.pipeline import extract_batch

    def _extract(*paths: str, **kwargs):
        return extract_batch(list(paths), **kwargs)

    return _extract


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium for the whole run (``browser_support``); each test gets its own
    context through ``page``."""
    from browser_support import launched_chromium

    with launched_chromium() as launched:
        yield launched


@pytest.fixture
def page(browser):
    from browser_support import opened_page

    with opened_page(browser) as opened:
        yield opened
