"""Dates: ISO values, relative dates resolved against the text or the publication date,
ranges, decades, and the tense of the clause they date."""

from __future__ import annotations

import datetime as dt

import pytest

from copydesk.flows.extract.dates import extract_dates

PUBLISHED = dt.date(2024, 8, 2)


@pytest.fixture
def dates(nlp):
    def _dates(text: str, published: dt.date | None = PUBLISHED, skip: bytearray | None = None):
        doc = nlp(text)
        found = extract_dates(doc, published, skip=skip)
        for d in found:
            assert doc.text[d.start : d.end] == d.text
        return found

    return _dates


@pytest.mark.parametrize(
    ("text", "date_text", "value", "kind"),
    [
        ("The pier was rebuilt in February 1988.", "February 1988", "1988-02", "absolute"),
        ("The pier reopened on 14 February 1988.", "14 February 1988", "1988-02-14", "absolute"),
        ("The pier reopened on February 14, 1988.", "February 14, 1988", "1988-02-14", "absolute"),
        ("The pier reopened on 1988-02-14 after repairs.", "1988-02-14", "1988-02-14", "absolute"),
        ("The pier was rebuilt in 1988.", "1988", "1988", "absolute"),
        ("The pier was busiest in the 1990s.", "the 1990s", "1990/1999", "decade"),
    ],
)
def test_absolute_dates(dates, text, date_text, value, kind):
    [d] = dates(text)
    assert (d.text, d.value, d.kind) == (date_text, value, kind)


def test_decade_bounds(dates):
    [d] = dates("The pier was busiest in the 1990s.")
    assert (d.range_start, d.range_end) == ("1990-01-01", "1999-12-31")


def test_month_of_the_same_year(dates):
    year, month = dates("The pier was rebuilt in 1988. In March of the same year, the ferry returned.")
    assert (year.value, month.value) == ("1988", "1988-03")
    assert month.text == "March of the same year"
    assert month.kind == "relative"


def test_the_following_year(dates):
    _, nxt = dates("The pier was rebuilt in 1988 and the ferry returned the following year.")
    assert (nxt.text, nxt.value) == ("the following year", "1989")


@pytest.mark.parametrize(
    ("text", "date_text", "value"),
    [
        ("Last year, the depot closed.", "Last year", "2023"),
        ("Last month the depot closed.", "Last month", "2024-07"),
        ("The pier was rebuilt in 1988. The same year, the ferry returned.", "The same year", "1988"),
    ],
)
def test_sentence_initial_relative_dates(dates, text, date_text, value):
    assert (date_text, value) in [(d.text, d.value) for d in dates(text)]


def test_month_range_takes_the_year_of_its_end(dates):
    [d] = dates("The strike lasted from May to July 1995.")
    assert (d.text, d.value, d.kind) == ("from May to July 1995", "1995-05/1995-07", "range")
    assert (d.range_start, d.range_end) == ("1995-05-01", "1995-07-31")


def test_between_years(dates):
    [d] = dates("Rents rose between 2020 and 2023.")
    assert (d.text, d.value, d.kind) == ("between 2020 and 2023", "2020/2023", "range")
    assert (d.range_start, d.range_end) == ("2020-01-01", "2023-12-31")


def test_backwards_range_is_kept_as_written(dates):
    [d] = dates("The works ran from 2019 to 2015.")
    assert d.value == "2019/2015"
    assert d.range_start > d.range_end


def test_relative_to_publication(dates):
    [d] = dates("The depot closed last year.")
    assert (d.text, d.value, d.kind) == ("last year", "2023", "relative")
    [m] = dates("Rents went up last month.")
    assert m.value == "2024-07"
    [n] = dates("The depot will reopen next year.")
    assert n.value == "2025"


def test_relative_dates_need_an_anchor(dates):
    assert dates("The depot closed last year.", published=None) == []
    assert dates("In March of the same year, the ferry returned.") == []


def test_weekday_before_publication(dates):
    [d] = dates("The council voted on Tuesday to close the depot.")  # published on a Friday
    assert d.value == "2024-07-30"


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("The museum will open in 2030.", "future"),
        ("The museum opened in 2019.", "past"),
        ("The museum is expected in 2031.", "future"),
        ("The museum is expected to open in 2031.", "future"),
        ("The museum has been closed since 2019.", "past"),
        ("The council hopes the pool will reopen by 2031.", "future"),
    ],
)
def test_tense(dates, text, tense):
    [d] = dates(text)
    assert d.tense == tense


def test_forecast_with_an_infinitive_is_future(dates):
    [d] = dates("The ministry expects imports to exceed three million tonnes by 2031.")
    assert d.tense == "future"


@pytest.mark.parametrize(
    "text",
    [
        "About 2000 people marched to the town hall.",  # a count
        "The figure is on p. 1987 of the bound volume.",  # a page
        "Temperatures fell 2019 percent, a typo.",  # a percentage
    ],
)
def test_numbers_that_are_not_years(dates, text):
    assert dates(text) == []


def test_skip_mask_leaves_out_quoted_dates(dates):
    text = "“We closed in 2023,” she said of the plant built in 1961."
    assert [d.text for d in dates(text)] == ["2023", "1961"]
    skip = bytearray(len(text) + 1)
    end = text.index("”") + 1
    skip[0:end] = b"\x01" * end
    assert [d.text for d in dates(text, skip=skip)] == ["1961"]
