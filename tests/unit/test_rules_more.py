"""The rules test_checks.py does not reach: figure-inconsistent, figure-time-sensitive,
quote-unsourced, quote-anonymous, source-mismatch, date-order over a sequence of events,
and suites scoped to a section or a path."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.checks.config import load_suites
from copydesk.checks.runner import review_findings
from copydesk.flows.extract.pipeline import extract_batch

BODIES = {
    "inconsistent": (
        "The new plant will treat 40 million litres a day, the council said.\n\n"
        "Residents were told the plant's 55 million litres a day would end the shortages."
    ),
    "consistent": (
        "The new plant will treat 40 million litres a day, the council said.\n\n"
        "Residents were told the plant's 40 million litres a day would end the shortages."
    ),
    "tally": "So far, 640 households have joined the scheme.",
    "tally-dated": "As of 1 May, 640 households have joined the scheme.",
    "past-statement": (
        "In a 2019 speech, Ingrid Falk said: “No town should have to ration water.”\n\n"
        "She repeated the promise last week."
    ),
    "past-statement-cited": (
        "In a 2019 speech, Ingrid Falk said: “No town should have to ration water.”[1]\n\n"
        "[1]: Falk, speech to the water forum, 12 March 2019."
    ),
    "anonymous": "“We are running out of patience,” one farmer said at the meeting.",
    "mismatch": (
        "Tomas Berg was named volunteer of the year by the fire brigade.\n\n"
        "The reservoir fell to 30 percent of capacity in August.[1]\n\n"
        "[1]: “Tomas Berg Named Volunteer of the Year”, Valley Post, 2023."
    ),
    "restated": (
        "The port hired 12 inspectors last spring to review the harbour plan.\n\n"
        "The board met on Monday. Of the 12 inspectors, four came from the navy."
    ),
    "sequence-backwards": "The new pool opens in June 2031 once construction ends in 2033.",
    "sequence-forwards": "The new pool opens in June 2034 once construction ends in 2033.",
}
PUBLISHED = "2024-06-01"


@pytest.fixture(scope="module")
def batch(tmp_path_factory, nlp, suites):
    folder = tmp_path_factory.mktemp("rules")
    paths = []
    for name, body in BODIES.items():
        path = folder / f"{name}.md"
        path.write_text(f"---\ntitle: {name}\npublished: {PUBLISHED}\n---\n{body}\n", encoding="utf-8")
        paths.append(str(path))
    arts = extract_batch(paths)
    review_findings(arts, suites)
    return {Path(a.path).stem: a for a in arts}


def fired(art, rule: str) -> list[str]:
    return [art.text[f.start : f.end] for f in art.findings if f.rule == rule]


def test_figure_inconsistent(batch):
    assert fired(batch["inconsistent"], "figure-inconsistent") == ["55 million litres"]
    assert fired(batch["consistent"], "figure-inconsistent") == []


def test_figure_time_sensitive(batch):
    assert fired(batch["tally"], "figure-time-sensitive") == ["640 households"]
    assert fired(batch["tally-dated"], "figure-time-sensitive") == []


def test_a_restated_figure_is_flagged_once_where_first_stated(batch):
    assert fired(batch["restated"], "figure-unsourced") == ["12 inspectors"]


def test_quote_unsourced_for_a_dated_past_statement(batch):
    assert len(fired(batch["past-statement"], "quote-unsourced")) == 1
    assert fired(batch["past-statement-cited"], "quote-unsourced") == []


def test_quote_anonymous_is_info(batch):
    found = [f for f in batch["anonymous"].findings if f.rule == "quote-anonymous"]
    assert [f.severity for f in found] == ["info"]
    assert not [f for f in batch["anonymous"].findings if f.rule == "quote-unattributed"]


def test_source_mismatch(batch):
    found = fired(batch["mismatch"], "source-mismatch")
    assert len(found) == 1 and "reservoir" in found[0]


def test_date_order_over_a_sequence_of_events(batch):
    found = fired(batch["sequence-backwards"], "date-order")
    assert found == ["June 2031 once construction ends in 2033"]
    assert fired(batch["sequence-forwards"], "date-order") == []


def test_scoped_suite_replaces_a_builtin_for_its_section(tmp_path, nlp):
    suites_dir = tmp_path / "suites"
    suites_dir.mkdir()
    (suites_dir / "opinion.yml").write_text(
        "suite: opinion-attribution\nreplaces: attribution\nsections: [opinion]\nexpectations:\n"
        "  - rule: attribution-vague\n    severity: error\n    table: attributions\n"
        "    expectation: expect_column_values_to_be_in_set\n"
        "    kwargs: {column: named, value_set: [true]}\n",
        encoding="utf-8",
    )
    body = "Critics say the timetable is too thin.\n"
    opinion = tmp_path / "column.md"
    opinion.write_text(
        f"---\ntitle: c\nsection: opinion\npublished: {PUBLISHED}\n---\n{body}", encoding="utf-8"
    )
    news = tmp_path / "news.md"
    news.write_text(f"---\ntitle: n\npublished: {PUBLISHED}\n---\n{body}", encoding="utf-8")
    arts = extract_batch([str(opinion), str(news)])
    review_findings(arts, load_suites(suites_dir))
    severities = {
        Path(a.path).stem: [f.severity for f in a.findings if f.rule == "attribution-vague"] for a in arts
    }
    assert severities == {"column": ["error"], "news": ["warning"]}


def test_scoped_suite_by_path_glob(tmp_path, nlp):
    from copydesk.checks.config import SuiteConfig, suites_for

    scoped = SuiteConfig("wire", "x.yml", [], paths=["wire/*"], replaces="sourcing")
    general = SuiteConfig("sourcing", "y.yml", [])
    assert [s.name for s in suites_for("content/wire/a.md", None, [general, scoped])] == ["wire"]
    assert [s.name for s in suites_for("content/local/a.md", None, [general, scoped])] == ["sourcing"]
