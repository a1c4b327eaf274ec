"""Reading numbers written as digits, words, hyphenated scales and fractions."""

from __future__ import annotations

import re

from text_to_num import text2num

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Magnitudes written as words; "bn" is a billion wherever it stands.
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
}
# "m" and "k" are magnitudes only after an amount of money ("$5m", "£40k"): after a bare
# number they are units ("5 m high", "a 5k run").
MONEY_SCALES = {**SCALES, "b": 1_000_000_000, "m": 1_000_000, "k": 1_000}
DIGIT_WORDS = {w: str(v) for w, v in UNITS_WORDS.items() if v < 10}
FRACTIONS = {
    "half": 0.5,
    "halves": 0.5,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 0.25,
    "quarters": 0.25,
    "fifth": 0.2,
    "fifths": 0.2,
    "tenth": 0.1,
    "tenths": 0.1,
}

DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
WORD_NUMBER = (
    r"(?:"
    + "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
    + r")(?:-(?:"
    + "|".join(k for k, v in UNITS_WORDS.items() if v < 10 and v > 0)
    + r"))?"
)
SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
_DIGIT_WORD = "(?:" + "|".join(DIGIT_WORDS) + ")"
# A number written in words, as one phrase: "seven hundred", "one hundred twenty thousand",
# "three hundred and twelve", "two point five million". A units word follows a scale word
# only ("one two" is two numbers); "point" takes digit words. Each scale word has one place
# in the pattern, so a long run of them is matched in linear time.
NUMBER_WORDS = (
    rf"(?:{WORD_NUMBER}[\s-]+point(?:[\s-]+{_DIGIT_WORD})+(?:[\s-]+{SCALE_WORD})*"
    rf"|{WORD_NUMBER}(?:[\s-]+{SCALE_WORD}(?:[\s-]+(?:and[\s-]+)?{WORD_NUMBER}(?![\s-]+point\b))?)*)"
)


def parse_number(text: str, money: bool = False) -> float | None:
    """'1,200' -> 1200; '17-thousand' -> 17000; 'two point five million' -> 2.5e6;
    '2.4bn' -> 2.4e9; '5m' -> 5e6 and '1B' -> 1e9 only for ``money`` (else 5: a unit
    follows)."""
    t = text.lower().replace("\u2011", "-").strip()
    m = re.match(rf"^({DIGITS})\s*-?\s*({SCALE_WORD}|bn|b|m|k)?\b", t)
    if m:
        scales = MONEY_SCALES if money else SCALES
        return float(m.group(1).replace(",", "")) * scales.get(m.group(2) or "", 1)
    return read_number_words(t)


def read_number_words(phrase: str) -> float | None:
    """The value of a number phrase in words (``NUMBER_WORDS``), or None if it is not one.
    text2num reads the whole part; it has no decimals, so "point" and the digit words
    after it are read here, and the magnitudes after those multiply the result."""
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w]
    if words[:1] == ["a"]:
        words[0] = "one"  # "a hundred"
    if "point" not in words:
        return _whole(words)
    at = words.index("point")
    decimals = words[at + 1 :]
    scale = 1
    while decimals and decimals[-1] in SCALES and decimals[-1] != "bn":
        scale *= SCALES[decimals.pop()]
    whole = _whole(words[:at])
    if whole is None or not decimals or any(w not in DIGIT_WORDS for w in decimals):
        return None
    return float(f"{int(whole)}.{''.join(DIGIT_WORDS[w] for w in decimals)}") * scale


def _whole(words: list[str]) -> float | None:
    if not words:
        return None
    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def parse_fraction(text: str) -> float | None:
    words = re.split(r"[\s-]+", text.lower())
    if len(words) >= 2 and words[-1] in FRACTIONS:
        n = 1 if words[-2] in {"a", "one"} else UNITS_WORDS.get(words[-2])
        return n * FRACTIONS[words[-1]] if n else None
    return FRACTIONS.get(words[-1]) if words else None
