"""Seasons, month-day dates and sequences of events."""

from __future__ import annotations

import datetime as dt

import pytest

from copydesk.flows.extract.dates import extract_dates

PUBLISHED = dt.date(2024, 3, 1)


@pytest.mark.parametrize(
    "sentence, phrase, value",
    [
        ("The mill shut in 2017 and reopened the following spring.", "the following spring", "2018-21"),
        ("Ferry traffic fell last winter.", "last winter", "2023-24"),
        ("In autumn 2022 the pier burned down.", "autumn 2022", "2022-23"),
        ("The vote on Nov. 8 decided it.", "Nov. 8", "2024-11-08"),
    ],
)
def test_seasons_and_month_days(nlp, sentence, phrase, value):
    found = {d.text: d.value for d in extract_dates(nlp(sentence), PUBLISHED)}
    assert found.get(phrase) == value


def test_a_bare_season_or_verb_is_not_a_date(nlp):
    assert extract_dates(nlp("Spring is busy, and prices may fall."), PUBLISHED) == []


def test_sequence_runs_from_the_earlier_event(nlp):
    dates = extract_dates(nlp("The hall reopened in 2019 after repairs finished in 2018."), PUBLISHED)
    (seq,) = [d for d in dates if d.kind == "sequence"]
    assert (seq.range_start, seq.range_end) == ("2018-01-01", "2019-12-31")
