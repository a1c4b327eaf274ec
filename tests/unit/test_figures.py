"""Figures: counts, percentages, money and fractions with value, unit and hedge; and the
numbers that are not figures."""

from __future__ import annotations

import pytest

from copydesk.flows.extract.figures import extract_figures
from copydesk.flows.extract.quotes import extract_quotes


@pytest.fixture
def figures(nlp):
    def _figures(text: str, skip_quotes: bool = False):
        doc = nlp(text)
        skip = None
        if skip_quotes:
            skip = bytearray(len(doc.text) + 1)
            for q in extract_quotes(doc):
                skip[q.start : q.end] = b"\x01" * (q.end - q.start)
        found = extract_figures(doc, skip=skip)
        for f in found:
            assert doc.text[f.start : f.end] == f.text
        return found

    return _figures


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "kind", "hedge"),
    [
        ("The stadium holds 17-thousand fans.", "17-thousand fans", 17_000, "fans", "count", None),
        ("Turnout fell by 40-percent in the north.", "40-percent", 40, "percent", "percent", None),
        ("Prices rose 1.4 percent in May.", "1.4 percent", 1.4, "percent", "percent", None),
        (
            "The council borrowed $12.5 million for the depot.",
            "$12.5 million",
            12_500_000,
            "$",
            "money",
            None,
        ),
        ("The bridge cost 600 million euros.", "600 million euros", 600_000_000, "euros", "money", None),
        ("The firm owes US$3m to suppliers.", "US$3m", 3_000_000, "US$", "money", None),
        ("The miners were paid A$40 million.", "A$40 million", 40_000_000, "A$", "money", None),
        # a letter glued to the sign is a typo, not a currency: once crashed the extractor
        ("Tickets cost ha$14.50 for adults.", "$14.50", 14.5, "$", "money", None),
        ("More than 300 people attended the vigil.", "300 people", 300, "people", "count", "more than"),
        (
            "The factory employs seven hundred workers.",
            "seven hundred workers",
            700,
            "workers",
            "count",
            None,
        ),
        ("The town has 4,200 residents.", "4,200 residents", 4200, "residents", "count", None),
        ("About 2000 people marched to the town hall.", "2000 people", 2000, "people", "count", "about"),
        (
            "Nearly two-thirds of the staff signed the letter.",
            "two-thirds",
            2 / 3,
            "fraction",
            "fraction",
            "nearly",
        ),
        ("Funding was cut by two-thirds.", "two-thirds", 2 / 3, "fraction", "fraction", None),
    ],
)
def test_figures(figures, text, figure, value, unit, kind, hedge):
    [f] = figures(text)
    assert f.text == figure
    assert f.value == pytest.approx(value)
    assert (f.unit, f.kind, f.hedge) == (unit, kind, hedge)


def test_fraction_of_a_group_is_a_figure(figures):
    assert [f.text for f in figures("In the vote, two-thirds of members backed the deal.")] == ["two-thirds"]


def test_share_and_decrease_flags(figures):
    [share] = figures("The union says 130 percent of members voted.")
    assert share.share and share.value == 130
    [fall] = figures("Sales fell 150 percent in a year.")
    assert fall.decrease and not fall.share
    [rise] = figures("Fares rose by 20 percent.")
    assert not rise.decrease and not rise.share


@pytest.mark.parametrize(
    "text",
    [
        "The mill closed in 1987 after a fire.",  # a year
        "It was her 19th race on the river.",  # an ordinal
        "The figure appears on p. 9 of the report.",  # a page number
        "The book (ISBN 978-0195399776) sold well.",  # an ISBN
        "The office is at 12 Harbour Road, near the pier.",  # a street number
        "Under Article 5 of the treaty, members help each other.",  # an article number
        "Jane Roe, 54, a nurse, lost her job in the spring.",  # an age
        "A 71-year-old driver was hurt.",  # an age
        "She waited five years for a flat.",  # a duration
        "The trial lasted 25 days.",  # a duration
        "One surgeon and two nurses stayed behind.",  # small words
    ],
)
def test_not_figures(figures, text):
    assert [f.text for f in figures(text)] == []


def test_numbers_inside_quotes_are_the_speakers(figures):
    text = "The union counted 400 members. “We lost 300 members in a year,” said Ann Cole."
    assert [f.text for f in figures(text)] == ["400 members", "300 members"]
    assert [f.text for f in figures(text, skip_quotes=True)] == ["400 members"]


def test_dates_given_to_the_extractor_are_not_figures(nlp):
    doc = nlp("The survey covered 1,250 households in 2023.")
    year = doc.text.index("2023")
    assert [f.text for f in extract_figures(doc, dates=[(year, year + 4)])] == ["1,250 households"]
    count = doc.text.index("1,250")
    assert extract_figures(doc, dates=[(count, count + 5)]) == []


def test_running_tally(figures):
    [f] = figures("So far 1,400 households have applied for the grant.")
    assert f.running_tally and not f.as_of
    [g] = figures("As of May, 1,400 households have applied for the grant so far.")
    assert not g.running_tally and g.as_of


def test_a_worked_example_is_no_running_tally(figures):
    # "right now" dates the example, which states no tally
    found = figures(
        "For parents sending a child to a college right now that costs $100,000 in all, they'll "
        "need to find a bit over $500 a month to hit the target."
    )
    assert found and all(f.mood is not None and not f.running_tally for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "At least one reader asks every year about the harbour dinner.",
        "The levy has only one sponsor in the council.",
        "Trump Answers Reed With 1 Line That Had the Hall in Stitches.",
    ],
)
def test_a_count_of_one_is_no_figure_even_after_a_limit(figures, text):
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The port spent one million euros on the quay.", "one million euros"),
        ("Rents rose 1 percent in May.", "1 percent"),
        ("Only two harbour boards meet the target.", "two harbour boards"),
        # a measure of one is an amount
        ("Diesel rose 1 cent on the day.", "1 cent"),
    ],
)
def test_one_as_part_of_a_larger_figure_stays_a_figure(figures, text, figure):
    assert [f.text for f in figures(text)] == [figure]


@pytest.mark.parametrize(
    "text",
    [
        # a fraction joined to a unit of time is a duration
        "The result came less than a half-hour after the polls closed.",
        "The ferry ran nearly a quarter-century ago.",
        # a number closing a name built with "of"
        "Leaders met after the Group of 20 summit in Oslo.",
        # a rank before a name, as a list line of its own
        "The ranking:\n\n12 Jo Ray.\n\n13 Ines Braun.",
        # a number followed by capitalised words in running text: a name
        "Her walls are covered in Skaldic Wave, 44 Gulls and Ina Holt posters.",
        "A second firm at the address, Under 70 Boat Sales, gave the party money.",
    ],
)
def test_durations_names_and_list_ranks_are_no_figures(figures, text):
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # people counted by nationality, party or place are counted, capitals or not
        ("Only 367 Republicans caucused in the county.", "367 Republicans"),
        ("The letter was signed by 200 House Republicans, seeking answers.", "200 House Republicans"),
        # a name that says what a lower-case noun counts
        ("Kerr won 12 Grand Slam singles titles.", "12"),
        # a scale word makes an amount; an acronym is a kind
        ("The channel reaches an estimated 55 million Latinos.", "55 million Latinos"),
        ("He called them the worst 20 CEOs in history.", "20 CEOs"),
        # in a title-case headline the capitals say nothing
        ("Mayor Loses 12 Harbour Seats In One Night.", "12"),
    ],
)
def test_a_number_before_capitals_that_count_things_stays_a_figure(figures, text, figure):
    [found] = figures(text)
    assert found.text.startswith(figure)


@pytest.mark.parametrize(
    "text",
    [
        # a share that names a class of people
        "Most of the gains went to the top 1 percent.",
        "The harbour works for the 1%, and nobody else gets ahead.",
        # the bound of an age group after the people it bounds
        "Islanders under 35 back the mayor.",
        "Many of those over 45 support the levy.",
        # a size used as an adjective, capitalised in a headline
        "Mayor Sends A 6-Word Reply To The Harbour Board.",
    ],
)
def test_age_bounds_class_names_and_headline_sizes_are_no_figures(figures, text):
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The port hired over 35 dockers.", "35 dockers"),
        ("Fares rose by the 1 percent the board allowed.", "1 percent"),
        ("The income of the richest 1 percent grew 27 percent last year.", "27 percent"),
        ("Fares rose for trips under 40 miles.", "40 miles"),
        ("The vote:\n\n45 Democrats voted against the ferry bill on Monday.", "45 Democrats"),
        ("The port paid 40 percent of 200 crews on time.", "200 crews"),
    ],
)
def test_a_count_beside_those_shapes_stays_a_figure(figures, text, figure):
    assert figure in [f.text for f in figures(text)]


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("Ferry crews were injured at three times the rate of dock workers.", "three times", 3),
        ("The harbour's rate was 10 times the national average.", "10 times", 10),
        ("Prices rose 2.5 times as fast as wages.", "2.5 times", 2.5),
    ],
)
def test_a_multiple_of_something_is_a_figure(figures, text, figure, value):
    [f] = figures(text)
    assert (f.text, f.kind, f.value, f.unit) == (figure, "multiple", value, "times")


@pytest.mark.parametrize(
    "text",
    [
        "The magazine put her on its list of the world's 100 most influential people.",
        "The Gazette published its first list of the 400 richest islanders in 1982.",
    ],
)
def test_the_size_of_a_ranked_list_is_no_figure(figures, text):
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The port handled 400 more ships than in 2019.", "400 more ships"),
        ("The council hired 40 new pilots last year.", "40 new pilots"),
    ],
)
def test_a_count_before_a_comparative_or_plain_adjective_stays_a_figure(figures, text, figure):
    assert [f.text for f in figures(text)] == [figure]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Ferry fares rose between 5 and 7 percent last year.", "7 percent"),
        ("The port handled between 3,000 and 4,000 ships a year.", "4,000 ships"),
        ("The port handled 3,000 to 4,000 ships a year.", "4,000 ships"),
    ],
)
def test_a_range_is_one_figure(figures, text, figure):
    assert [f.text for f in figures(text)] == [figure]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The port handled 3,000 ships and 40 ferries.", ["3,000", "40"]),
        ("The port sold 3,000 of its 4,000 ships.", ["3,000", "4,000"]),
        # an ordinal between a count and its noun is no second bound
        ("Reed got 18 first-place votes and Ortiz got 11.", ["18"]),
    ],
)
def test_numbers_that_bound_no_range_stay_figures_of_their_own(figures, text, found):
    assert [f.text.split()[0] for f in figures(text)] == found


@pytest.mark.parametrize(
    "text", ["The mayor called three times a week.", "The ferry ran 12 times last month."]
)
def test_a_count_of_occasions_is_no_multiple(figures, text):
    assert [f.kind for f in figures(text)] == []


def test_a_small_word_count_is_a_figure_only_when_limited(write_md, extract):
    [art] = extract(
        write_md(
            "limits.md",
            "Six dockers unloaded the ship before dawn. Only four harbour boards meet the safety "
            "target, and at least three ferries ran late every day in May. One of two cranes broke.\n",
        )
    )
    texts = [f.text for f in art.figures]
    assert any(t.startswith("four harbour boards") for t in texts)
    assert any(t.startswith("three ferries") for t in texts)
    assert not any(t.startswith(("Six", "two cranes")) for t in texts)


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("About four in 10 harbour voters say the pier matters.", "four in 10", 0.4),
        ("More than 4 in 10 said the ferry would be best.", "4 in 10", 0.4),
        ("Nine out of 10 skippers use the north channel.", "Nine out of 10", 0.9),
        ("One in five children in the bay lives in poverty.", "One in five", 0.2),
        ("About 1 in 1,000 ferries sank.", "1 in 1,000", 0.001),
    ],
)
def test_a_share_given_as_n_in_m_is_one_figure(figures, text, figure, value):
    # not "10 harbour voters" (the whole of the share read as a count) or no figure at all
    [f] = figures(text)
    assert (f.text, f.kind, f.unit) == (figure, "fraction", "fraction")
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "The club won 3 in 2016 and lost the final.",
        "Flooding closed 5 in 10 days along the pier.",
        "The group is rallying around a third-party candidate for the harbour seat.",
        "He has a half-brother in Kestrel Bay.",
    ],
)
def test_numbers_beside_in_or_a_hyphenated_fraction_word_are_no_share(figures, text):
    assert [f.text for f in figures(text) if f.kind == "fraction"] == []
