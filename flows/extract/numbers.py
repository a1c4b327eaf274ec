"""Reading numbers written as digits, words, hyphenated scales and fractions."""

from __future__ import annotations

import re

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
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
    "m": 1_000_000,
    "k": 1_000,
    "dozen": 12,
}
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


def parse_number(text: str) -> float | None:
    """'1,200' -> 1200; '17-thousand' -> 17000; 'two million' -> 2e6; '2.4bn' -> 2.4e9."""
    t = text.lower().replace("\u2011", "-").strip()
    m = re.match(rf"^({DIGITS})\s*-?\s*({SCALE_WORD}|bn|m|k)?\b", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value *= SCALES[m.group(2)]
        return value
    total, current = 0.0, 0.0
    found = False
    for word in re.split(r"[\s-]+", t):
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
            found = True
        elif word in SCALES and word not in {"m", "k", "bn"}:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
            found = True
        elif word in {"and", "a"}:
            continue
        else:
            break
    return total + current if found else None


def parse_fraction(text: str) -> float | None:
    words = re.split(r"[\s-]+", text.lower())
    if len(words) >= 2 and words[-1] in FRACTIONS:
        n = 1 if words[-2] in {"a", "one"} else UNITS_WORDS.get(words[-2])
        return n * FRACTIONS[words[-1]] if n else None
    return FRACTIONS.get(words[-1]) if words else None
