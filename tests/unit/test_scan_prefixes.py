"""The date and figure scanners start with a cheap test of where a match can begin
(``dates.SINGLE``: not inside a word; ``figures.FIGURE``: a digit, a currency sign or a
letter after a non-letter), so that the regex engine skips every other position. That
test must only ever skip positions where no alternative could match: the scanners find
exactly what their alternatives alone find. An alternative added later that can start
elsewhere fails here instead of being silently dropped. Sentences written for this test."""

from __future__ import annotations

import re

from copydesk.flows.extract import dates, figures

TEXT = """\
On March 3, 2024 voters in Ward 6 approved the plan; by 3 March 2024 the count was 1,204.
The 1990s, the 19th century, spring 2019, the following year and last month all passed.
A2024 and x1999 are codes; 2024-03-05 is a date; CO2 rose 4.5% (US$3.2bn, A$30, ha$14.50).
Nearly two point five million people, a third of them, paid €40 or 5 m high fees on Monday.
Sept. 11 memorial; May 2021; June of the same year; "twenty-one" members; one-half; 7,000,000.
"""


def _same(scanner: re.Pattern, alternatives: str, flags: int, text: str) -> None:
    alone = re.compile(alternatives, flags)
    found = [(m.span(), m.groupdict()) for m in scanner.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in alone.finditer(text)]
    assert found  # the sample has something to find


def test_the_date_scanner_finds_what_its_alternatives_find():
    _same(dates.SINGLE, dates.DATE_ALTERNATIVES, re.X, TEXT)


def test_the_figure_scanner_finds_what_its_alternatives_find():
    _same(figures.FIGURE, figures.FIGURE_ALTERNATIVES, re.X | re.I, TEXT)


def test_a_prefix_that_skipped_too_much_would_be_caught():
    # The check itself can fail: a scanner that may not start on a digit misses "2024".
    narrowed = re.compile(rf"(?![\d])(?:{dates.DATE_ALTERNATIVES})", re.X)
    alone = re.compile(dates.DATE_ALTERNATIVES, re.X)
    assert [m.span() for m in narrowed.finditer(TEXT)] != [m.span() for m in alone.finditer(TEXT)]
