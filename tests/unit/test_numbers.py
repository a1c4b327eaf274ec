"""Number phrases read whole: words with scales and decimals ("two point five million"),
and "m"/"k" as magnitudes only after money ("$5m"), not after a bare number ("5 m high")."""

from __future__ import annotations

import pytest

from copydesk.flows.extract.figures import extract_figures
from copydesk.flows.extract.numbers import parse_number, read_number_words


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("two point five million", 2_500_000),
        ("one point two five billion", 1_250_000_000),
        ("three point oh", None),  # not a digit word after "point"
        ("seven hundred", 700),
        ("one hundred twenty thousand", 120_000),
        ("three hundred and twelve", 312),
        ("twenty-five", 25),
        ("a hundred", 100),
        ("seventeen-thousand", 17_000),
        ("one two", None),  # two numbers, not one
    ],
)
def test_number_words(phrase, value):
    assert read_number_words(phrase) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize(
    ("text", "money", "value"),
    [
        ("5m", True, 5_000_000),
        ("40k", True, 40_000),
        ("2.4bn", True, 2_400_000_000),
        ("1B", True, 1_000_000_000),
        ("5b", False, 5),
        ("5 m", False, 5),
        ("5k", False, 5),
        ("2.4bn", False, 2_400_000_000),
        ("12.5 million", False, 12_500_000),
        ("1,200", False, 1200),
    ],
)
def test_abbreviated_magnitudes_only_for_money(text, money, value):
    assert parse_number(text, money=money) == pytest.approx(value)


@pytest.fixture
def figures(nlp):
    def _figures(text: str):
        doc = nlp(text)
        found = extract_figures(doc)
        for f in found:
            assert doc.text[f.start : f.end] == f.text
        return [(f.text, f.value, f.unit, f.kind) for f in found]

    return _figures


def test_a_decimal_in_words_is_one_figure(figures):
    [(text, value, unit, kind)] = figures("The city spent two point five million dollars on the pier.")
    assert (text, unit) == ("two point five million dollars", "dollars")
    assert value == pytest.approx(2_500_000)


def test_a_decimal_percentage_in_words(figures):
    [(text, value, unit, kind)] = figures("Unemployment rose to four point two percent in May.")
    assert (text, unit, kind) == ("four point two percent", "percent", "percent")
    assert value == pytest.approx(4.2)


def test_a_number_in_words_over_several_scales_is_one_figure(figures):
    [(text, value, _, _)] = figures("The stadium seats one hundred twenty thousand fans.")
    assert text == "one hundred twenty thousand fans" and value == 120_000


@pytest.mark.parametrize(
    "text",
    [
        "The sea wall is 5 m high at the harbour.",
        "They built a 5 m wall along the quay.",
        "She ran a 5k race.",
    ],
)
def test_a_bare_number_before_m_or_k_is_not_millions(figures, text):
    assert all(value is None or value < 1000 for _, value, _, _ in figures(text))


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("The council borrowed $5m for the depot.", "$5m", 5_000_000),
        ("The club paid £40k for the striker.", "£40k", 40_000),
        ("The plant cost 3m euros to build.", "3m euros", 3_000_000),
        # a headline's capital B set against the digits
        ("Harbour fund passes $1B;", "$1B", 1_000_000_000),
        ("A $2.5B bond for the port.", "$2.5B", 2_500_000_000),
    ],
)
def test_m_and_k_after_money_are_magnitudes(figures, text, figure, value):
    [(found, found_value, _, kind)] = figures(text)
    assert (found, kind) == (figure, "money")
    assert found_value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Tickets cost $5 before noon.", "$5"),  # "before" is no billion
        ("Stalls sold $5 bags of fish.", "$5"),
    ],
)
def test_a_b_word_after_money_is_no_magnitude(figures, text, figure):
    [(found, value, _, kind)] = figures(text)
    assert (found, kind, value) == (figure, "money", 5)


def test_a_long_run_of_number_words_is_read_in_linear_time():
    """Each scale word has one place in the pattern: 5,000 of them took 3 s when a scale
    could end the phrase in two ways. CPU time, which a busy machine does not inflate."""
    import time

    from copydesk.flows.extract.figures import FIGURE

    text = "one " + "hundred " * 20_000 + "percent of nothing"
    started = time.process_time()
    assert len(list(FIGURE.finditer(text))) == 1
    assert time.process_time() - started < 2  # 0.03 s
