"""quote-unsourced reads the year a statement was made, not any year near the quote: a year
in the speaker's description dates the speaker, and a day-dated occasion close to the
publication date is the event the article reports."""

from __future__ import annotations

import pytest

from copydesk.flows.extract.pipeline import extract_batch

BODIES = {
    "dated-speech": (
        "2024-06-01",
        "In a 2004 speech, Ingrid Falk said: “No town should have to ration water.”",
    ),
    "year-in-appositive": (
        "2024-06-01",
        "“No town should have to ration water,” said Ingrid Falk, who chaired the board, "
        "the architect of the 2008 water plan.",
    ),
    "occasion-this-week": (
        "2025-03-14",
        "Ingrid Falk said at a news conference on Tuesday, March 11, 2025, that “the pumps stay on.”",
    ),
    "occasion-years-back": (
        "2027-06-01",
        "Ingrid Falk said at a news conference on Tuesday, March 11, 2025, that “the pumps stay on.”",
    ),
}


@pytest.fixture(scope="module")
def years(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("unsourced")
    paths = []
    for name, (published, body) in BODIES.items():
        path = folder / f"{name}.md"
        path.write_text(f"---\ntitle: {name}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
        paths.append(str(path))
    out = {}
    for art in extract_batch(paths):
        [q] = [q for q in art.quotes if q.kind == "speech"]
        out[art.article.title] = q.statement_year  # ids are paths; the title is the case's name
    return out


def test_a_dated_past_statement_has_its_year(years):
    assert years["dated-speech"] == 2004


def test_a_year_in_the_speakers_description_is_not_the_statements(years):
    assert years["year-in-appositive"] is None


def test_the_reported_occasion_is_not_a_past_statement(years):
    assert years["occasion-this-week"] is None


def test_a_day_dated_statement_years_back_is_past(years):
    assert years["occasion-years-back"] == 2025
