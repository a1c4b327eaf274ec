"""Figures: counts, percentages, money, quantities, fractions — the numbers a reader
takes as facts, with their value, unit and hedge.

Dates, ordinals, times, page numbers, ISBNs, street and article numbers, ages and
durations are not figures; neither is anything inside a quote (it is the speaker's).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from copydesk.checks.records import Figure
from copydesk.flows.extract.doccache import sentence_of, text_of
from copydesk.flows.extract.holders import is_person_noun
from copydesk.flows.extract.lexicon import LENGTH_UNITS, MONTHS
from copydesk.flows.extract.mood import irrealis
from copydesk.flows.extract.numbers import DIGITS, NUMBER_WORDS, SCALE_WORD, parse_fraction, parse_number
from copydesk.flows.extract.public_acts import public_act
from copydesk.flows.extract.reference_facts import reference_fact

# Case-sensitive inside FIGURE's re.I, and not the tail of a word: "A$30" is Australian
# dollars, "ha$14.50" (a typo) and "a$5 fee" are plain dollars.
CURRENCY_SYMBOL = r"(?-i:(?<![A-Za-z])(?:US|A|C)\$|\$|€|£|¥|₹)"
CURRENCY_WORD = (
    r"(?:euros?|dollars?|pounds?|yen|francs?|rubles?|roubles?|drams?|manats?|lira|liras|rupees?|"
    r"yuan|pesos?|USD|EUR|GBP|CHF)"
)
# "m" and "k" are millions and thousands only after money ("$5m"); after a bare number
# they are metres and kilometres ("5 m high", "a 5k run"), so a number takes "bn" only.
# A headline's "$1B" is a billion when the "B" is set against the digits.
MONEY_SCALE = rf"(?:[\s-]*(?:{SCALE_WORD})|(?:\s?(?:bn|m|k)|b)\b)"
SCALE = rf"(?:[\s-]*(?:{SCALE_WORD})|\s?bn\b)"
PERCENT = r"(?:[\s-]*(?:percentage\s+points?|percent|per\s+cent)|\s?%)"  # the longest first
# Words that make a count the point of the sentence: "only four", "at least three". ("One
# of two hurricanes" picks one out; the count is not the claim.)
LIMITED = re.compile(
    r"\b(?:only|just|at\s+(?:least|most)|as\s+(?:many|few)\s+as|(?:more|fewer|less)\s+than)\s+$",
    re.I,
)
FRACTION_WORD = r"(?:half|halves|thirds?|quarters?|fifths?|tenths?)"
# What a multiple is of: "three times the rate", "10 times as many", "four times more",
# "twice ..." aside. Not a count of occasions: "three times a week", "called three times".
COMPARED = r"(?:the|as|more|higher|larger|greater|bigger|less|lower|smaller|fewer|faster|what|that|its|their|his|her)\b"

# A figure starts with a digit, a currency sign, or a letter that no letter precedes (a
# number word, "a half", "US$"): saying so first, in the lookahead, lets the engine pass
# over every other position without trying each alternative there. The same matches in
# half the time (measured on 384 news articles).
FIGURE_ALTERNATIVES = rf"""
    (?P<money>{CURRENCY_SYMBOL}\s?{DIGITS}{MONEY_SCALE}?
            | {DIGITS}{MONEY_SCALE}?\s+{CURRENCY_WORD}\b)
  | (?P<percent>(?:{DIGITS}|\b{NUMBER_WORDS}){PERCENT})
  | (?P<fraction>\b(?:(?:a|one|two|three|four)[\s-]{FRACTION_WORD})\b)
  | (?P<multiple>(?:{DIGITS}|\b{NUMBER_WORDS})[\s-]+times(?=\s+{COMPARED}))
  | (?P<ratio>(?:(?<![\w.,])\d{{1,3}}|\b{NUMBER_WORDS})\s+(?:in|out\s+of)\s+(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}}|{NUMBER_WORDS})\b(?![.,]\d))
  | (?P<number>(?<![\w.,/:#-]){DIGITS}{SCALE}?(?![\w%/:]|[.,]\d|-\d|-(?:year|month|day|week)|(?:st|nd|rd|th)\b)
            | \b{NUMBER_WORDS}\b)
"""
FIGURE = re.compile(rf"(?=[\d$€£¥₹]|(?<![A-Za-z])[A-Za-z])(?:{FIGURE_ALTERNATIVES})", re.X | re.I)
HEDGES = [
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "close to",
    "just over",
    "just under",
    "as many as",
    "as much as",
    "an estimated",
    "approximately",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "some",
    "over",
    "under",
    "practically",
    "around",
    "only",
]
HEDGE_RE = re.compile(r"\b(" + "|".join(sorted(set(HEDGES), key=len, reverse=True)) + r")\s+$", re.I)
TIME_UNITS = {
    "weekday",
    "weekdays",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "decade",
    "century",
    "time",
    "times",
    "night",
    "morning",
    "weekend",
    "season",
    "term",
    "round",
    "generation",
}
NOT_FIGURE_BEFORE = re.compile(
    r"(?:\b(?:p|pp|no|nos|vol|art|ch|sec|fig|tel|ext)\.?|\bpages?|\bisbn(?:-1[03])?:?|\barticles?|\bsections?|"
    r"\bchapters?|\bclauses?|\bparagraphs?|\bresolutions?|\bamendments?|\bnumber|\broute|\bflight|\bgrade|"
    r"\blevel|\bphase|\bversion|\bseason|\bepisode|\broom|\bgate|\bplatform|\bunit|\bdistrict|\bward|\bforms?|"
    r"\bbill|\bact|\bsuite|\bbox|#)[\s:]*$",
    re.I,
)
STREET = re.compile(
    r"^\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Boulevard|Blvd\.?|"
    r"Square|Way|Drive|Place|Court|Terrace|Row|Quay)\b"
)
DECREASE = {
    "fall",
    "drop",
    "decline",
    "decrease",
    "cut",
    "reduce",
    "shrink",
    "plunge",
    "slump",
    "lose",
    "slash",
    "tumble",
    "sink",
    "dip",
    "reduction",
    "loss",
    "contract",
    "plummet",
    "down",
    "lower",
}
RUNNING_TALLY = re.compile(
    r"\b(?:so far|thus far|to date|at the moment|at present|currently|as it stands|"
    r"right now|as things stand|up to now|until now)\b",
    re.I,
)
CLOCK = re.compile(r"^\s*(?:GMT|UTC|[A-Z]{1,2}[SD]?T|Z|hours|hrs|h)\b")
RATIO = re.compile(r"^-(?:to-)?\d+\b|^\s+to\s+\d+\s+(?:vote|ruling|decision|margin)")
AS_OF = re.compile(r"\bas (?:of|at)\b", re.I)
RATE = re.compile(
    r"^\s*(?:a|per|each|every)\s+(year|month|week|day|hour|annum)\b|^\s*(annually|yearly|monthly|weekly|daily)\b",
    re.I,
)


def extract_figures(
    doc: Doc, skip: bytearray | None = None, dates: list[tuple[int, int]] = ()
) -> list[Figure]:
    """Figures in ``doc`` outside ``skip`` (quotes) and outside the given date spans."""
    text = text_of(doc)
    taken = bytearray(len(text) + 1)
    for a, b in dates:
        taken[a:b] = b"\x01" * (b - a)
    figures: list[Figure] = []
    for m in FIGURE.finditer(text):
        s, e = m.span()
        if (skip is not None and skip[s]) or taken[s] or taken[e - 1]:
            continue
        figure = _read(doc, m)
        if figure is not None:
            figures.append(figure)
    return figures


def _read(doc: Doc, m: re.Match) -> Figure | None:
    text = text_of(doc)
    s, e = m.span()
    raw = m.group(0)
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = sentence_of(span[0])
    before = text[max(0, s - 24) : s]
    after = text[e : e + 40]
    if NOT_FIGURE_BEFORE.search(before) or STREET.match(after) or _after_a_month(span):
        return None
    if CLOCK.match(after) and re.fullmatch(r"[0-2]\d[0-5]\d", raw.strip()):
        return None  # "at 0600 GMT", "1400 hours": a clock time
    if RATIO.match(after):
        return None  # "a 2-to-1 vote", "a 5-4 ruling": a tally of a named body's vote, a score
    if (
        m.group("number")
        and re.match(r"-[a-z]+\b", after, re.I)  # a headline's "6-Word" too
        and not re.match(rf"-(?:{SCALE_WORD}|points?)\b", after, re.I)
    ):
        return None  # "a 46-page analysis", "the 28-nation bloc": a size used as an adjective
    kind = next(k for k in ("money", "percent", "fraction", "multiple", "ratio", "number") if m.group(k))
    unit: str | None = None
    value: float | None
    if kind == "ratio":
        # "four in 10 voters", "nine out of 10": a share, one figure (not a count "10 voters")
        value = _ratio(raw, after)
        if value is None:
            return None
        kind, unit = "fraction", "fraction"
    elif kind == "fraction":
        value = parse_fraction(raw)
        counted = re.search(
            r"\b(?:by|than|about|nearly|almost|roughly|around|over|under|some|of|to|just)\s+$", before, re.I
        ) or re.match(r"\s+of\s", after)
        if not counted:
            return None  # "a quarter century", "the Armenian half of the city"
        if re.match(r"-[a-z]", after, re.I):
            # "less than a half-hour after polls closed", "around a third-party candidate":
            # a word of its own (a duration, a kind of thing), not a share
            return None
        unit = "fraction"
    elif kind == "multiple":
        # "three times the rate of civilians": a ratio, claimed like a share
        value = parse_number(re.split(r"[\s-]+times", raw, flags=re.I)[0])
        unit = "times"
    elif kind == "percent":
        value = parse_number(re.split(r"[\s%-]*(?:percent|per\s+cent|percentage|%)", raw, flags=re.I)[0])
        unit = "percentage points" if re.search(r"percentage\s+point", raw, re.I) else "percent"
        if _names_a_class(before, after, value):
            return None  # "the richest 1 percent", "the top 0.1 percent of earners", "the 1%"
    elif kind == "money":
        value = parse_number(re.sub(rf"^{CURRENCY_SYMBOL}\s?", "", raw), money=True)
        cur = re.match(CURRENCY_SYMBOL, raw)
        word = re.search(CURRENCY_WORD, raw, re.I)
        unit = cur.group(0) if cur else word.group(0) if word else None
    else:
        value = parse_number(raw)
        noun = _counted_noun(span)
        word_number = not raw[0].isdigit()
        if word_number and (value or 0) < 10 and not LIMITED.search(before):
            # "one surgeon", "six men vied for the post": not statistics; but a limit makes
            # the small count the point of a claim ("only four members meet the target")
            return None
        if value == 1 and not (noun is not None and noun.lemma_.lower() in MEASURE_UNITS):
            # "at least one reader asks", "only one appeal", "1 Line": a count of one picks
            # someone or something out, even after a limit; a claim counts from two up. A
            # measure of one is still a measure ("rose 1 cent", "one percentage point").
            return None
        if re.fullmatch(r"\d{7,}", raw):
            return None  # ids, timestamps and phone numbers are not quantities
        if noun is None and _after_a_name(doc, span):
            return None  # "Route 66", "Patriot 125", "Apollo 11": part of a name
        if _numbers_a_list_line(doc, span) or _in_a_name_of_number(doc, span):
            return None
        if _counts_into_a_name(span):
            return None  # "98 Degrees posters", "Under 70 Auto Sales donated": a name with a number in it
        if noun is not None and (noun.lemma_.lower() in TIME_UNITS):
            return None  # durations: "five years", "25 years"
        if _lower_bound(doc, span, noun):
            return None
        if _is_age(doc, span) or _is_ordinalish(span):
            return None
        if _sizes_a_ranking(doc, span):
            return None  # "the 400 richest Americans", "the 100 most influential people": a list's name
        if noun is not None and _names_follow(noun, value):
            return None  # "two states, Illinois and Arizona": the text itself shows the count
        if span[0].i > 0 and doc[span[0].i - 1].lower_ in {"these", "those"}:
            # "hinging on these 2 states", "those 5,000 jobs": a demonstrative points at
            # things the text names or counted already; the count states nothing new
            return None
        if noun is None:
            if word_number or value is None or value < 100:
                return None  # "from 65 to 67", "the three": no count of anything
        else:
            unit = noun.text.lower()
            if noun.i - span[-1].i <= 3 and not any(t.is_punct for t in doc[span[-1].i + 1 : noun.i]):
                e = noun.idx + len(noun.text)  # the figure reads "3,400 ships", as a reader quotes it
                raw = text[s:e]
        if _year_shaped(m.group(0), value) and (noun is None or span[0].ent_type_ == "DATE"):
            return None  # a year the date reader passed over: "below 2005 levels", "the 2016 race"
        kind = "count"
    hedge_m = HEDGE_RE.search(before)
    hedge = hedge_m.group(1).lower() if hedge_m else None
    rate_m = RATE.match(text[e : e + 40])
    mood = irrealis(span) or reference_fact(span) or public_act(span)
    figure = Figure(
        start=s,
        end=e,
        text=raw,
        value=value,
        unit=unit,
        hedge=hedge,
        kind=kind,
        # a worked example or a goal ("a college right now that costs $100,000 ... they'll need
        # $500 a month") states no tally, whatever "right now" says of its sentence
        running_tally=mood is None and bool(RUNNING_TALLY.search(sent.text)) and not AS_OF.search(sent.text),
        as_of=bool(AS_OF.search(sent.text)),
        share=kind == "percent" and bool(re.match(r"^\s+of\b", after)),
        decrease=_is_decrease(span),
        rate=(rate_m.group(1) or rate_m.group(2)).lower() if rate_m else None,
        mood=mood,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
    )
    return figure


def _year_shaped(raw: str, value: float | None) -> bool:
    """Four digits that could be a year ("2016"): never a count's or a share's number."""
    return bool(re.fullmatch(r"\d{4}", raw.strip())) and 1500 <= (value or 0) <= 2100


# The largest base a share is given over: "one in a million" is still a share.
MAX_SHARE_BASE = 1_000_000


def _ratio(raw: str, after: str) -> float | None:
    """The share "four in 10" or "nine out of 10" states, or None when the words are no
    share: the first number must be the smaller ("3 in 2" is no share) and the second no
    year or length of time ("won 3 in 2016", "five in 10 days")."""
    first, second = re.split(r"\s+(?:in|out\s+of)\s+", raw, maxsplit=1, flags=re.I)
    part, whole = parse_number(first), parse_number(second)
    if part is None or not whole or part >= whole or whole > MAX_SHARE_BASE:
        return None
    if _year_shaped(second, whole):
        return None  # "won 3 in 2016"
    noun = re.match(r"\s+([a-z]+)", after, re.I)
    if noun and (noun.group(1).lower() in TIME_UNITS or noun.group(1).lower()[:-1] in TIME_UNITS):
        return None
    return part / whole


def _sizes_a_ranking(doc: Doc, span: Span) -> bool:
    """A count right before a superlative names a ranked list by its size ("its list of the
    world's 100 most influential people", "the 400 richest Americans"), as a rank does."""
    after = span[-1].i + 1
    if after >= len(doc):
        return False
    nxt = doc[after]
    if nxt.tag_ == "JJS":
        return True
    return nxt.lower_ == "most" and after + 1 < len(doc) and doc[after + 1].pos_ == "ADJ"


def _lower_bound(doc: Doc, span: Span, noun: Token | None) -> bool:
    """ "between 5 and 7 percent", "3,000 to 4,000 ships": the first bound of a range,
    whose second bound reads the noun as its own figure: one range is one figure. The
    parser hangs the first bound on the second, or the noun is past another number."""
    last = span[-1]
    if last.dep_ == "quantmod" and last.head.like_num and last.head.i > last.i:
        return True
    if noun is None:
        return False
    between = doc[last.i + 1 : noun.i]
    return len(between) >= 2 and between[0].lower_ in RANGE_WORDS and all(t.tag_ == "CD" for t in between[1:])


# What joins the bounds of a range: "5 and 7 percent", "3,000 to 4,000", "two or three".
RANGE_WORDS = frozenset({"and", "to", "or", "-", "–"})


def _counted_noun(span: Span) -> Token | None:
    """The noun a number counts: '58,300 patients', '120 wounded', '118 in number'."""
    last = span[-1]
    if (
        last.dep_ in {"nummod", "quantmod", "compound"}
        and last.head.pos_ in {"NOUN", "PROPN", "ADJ"}
        and last.head.i > last.i
    ):
        return last.head
    doc = span.doc
    for tok in doc[last.i + 1 : min(last.i + 4, len(doc))]:
        if tok.pos_ in {"NOUN"} or (
            tok.pos_ in {"ADJ", "VERB"}
            and tok.tag_ in {"VBN", "JJ"}
            and tok.i == last.i + 1
            and tok.nbor().pos_ != "NOUN"
            if tok.i + 1 < len(doc)
            else False
        ):
            return tok
        if tok.pos_ not in {"ADJ", "PROPN", "NUM"} and tok.text not in {"-"}:
            break
    return None


LIST_OPENERS = frozenset({",", ":", "—", "–", "("})


def _names_follow(noun: Token, value: float | None) -> bool:
    """Are the things counted named right after the count, as many as it says ("at least
    two states, Illinois and Arizona", "three firms: Acme, Bolt and Cargo")? Then a reader
    checks the count by reading on; it is no statistic that needs a source. The names are
    read from the parse: the proper name after the noun and the names conjoined to it."""
    doc = noun.doc
    if (
        value is None
        or not 2 <= value <= 12
        or noun.i + 2 >= len(doc)
        or doc[noun.i + 1].text not in LIST_OPENERS
    ):
        return False
    first = doc[noun.i + 2]
    if first.pos_ != "PROPN":
        return False
    while first.head.pos_ == "PROPN" and first.dep_ in {"compound", "flat"} and first.head.i > first.i:
        first = first.head  # "New York": the name's head
    names = 1
    item = first
    while True:
        nxt = [c for c in item.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if not nxt:
            break
        item = nxt[0]
        names += 1
    return names == value


def _after_a_month(span: Span) -> bool:
    """'Sept. 11 memorial': the day of a date the date reader did not take whole."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_.rstrip(".") in MONTHS


# Units a number measures in, where "one" is an amount, not someone picked out.
MEASURE_UNITS = LENGTH_UNITS | frozenset(
    [
        "cent",
        "point",
        "degree",
        "pound",
        "ounce",
        "ton",
        "tonne",
        "gallon",
        "litre",
        "liter",
        "acre",
        "hectare",
        "barrel",
        "dollar",
        "euro",
    ]
)

# "the top 1 percent", "the richest 10 percent", "the bottom 90 percent": a share used as
# the name of a class of people by income or wealth, as "the over-65s" names an age group.
CLASS_BY_RANK = re.compile(
    r"\bthe\s+(?:very\s+)?(?:top|bottom|richest|wealthiest|poorest|highest[\s-]earning|lowest[\s-]earning)\s+$",
    re.I,
)
# "the 1 percent", "the 99%": the class names of the Occupy years, used bare.
CLASS_NAMES = frozenset({1.0, 99.0})


def _names_a_class(before: str, after: str, value: float | None) -> bool:
    """A share that names a class of people rather than measuring anything: after "the
    top", "the richest" and their like; or "the 1 percent" and "the 99 percent" standing
    alone (not "the 1 percent rise", "the 1 percent of voters who ...")."""
    if CLASS_BY_RANK.search(before):
        return True
    bare = re.search(r"\bthe\s+$", before, re.I) and not re.match(r"\s*(?:[a-z]|of\b)", after)
    return bool(bare) and value in CLASS_NAMES


def _numbers_a_list_line(doc: Doc, span: Span) -> bool:
    """ "12 Ted Cruz." as a line of its own: a rank or an item number before a name. A
    sentence that starts with a count of named people ("45 Democrats voted against the
    bill.") goes on past the name."""
    text = text_of(doc)
    if span.start_char > 0 and text[span.start_char - 1] != "\n":
        return False
    line_end = text.find("\n", span.end_char)
    line = text[span.end_char : len(text) if line_end < 0 else line_end]
    following = doc[span.end] if span.end < len(doc) else None
    return following is not None and following.pos_ == "PROPN" and len(line.split()) <= 4


def _in_a_name_of_number(doc: Doc, span: Span) -> bool:
    """ "the Group of 20 conference": a number closing a name built with "of"."""
    if span.start < 2:
        return False
    of, name = doc[span.start - 1], doc[span.start - 2]
    return of.lower_ == "of" and name.pos_ == "PROPN" and name.text[:1].isupper() and not name.is_sent_start


# Entity types whose capitalised plural is still people or places counted: "367
# Republicans", "43,000 Floridians", "12 Americans".
COUNTED_NAMES = frozenset({"NORP", "GPE", "LOC"})
# A line is in title case, a headline's style, when this share of its words is capitalised.
TITLE_CASE_SHARE = 0.6


def _counts_into_a_name(span: Span) -> bool:
    """ "posters of 98 Degrees", "Under 70 Auto Sales, a used-car lot": a number followed
    by capitalised words, in running text, is part of a name, unless they are a
    nationality, a party or a place, which are counted ("367 Republicans caucused"), or
    name what a lower-case noun after them counts ("12 Grand Slam singles titles", "20,000
    Twitter followers"). Acronyms ("20 CEOs", "a 2.23 E.R.A.") are units or kinds, not
    names. In a title-case headline every word is capitalised, so there the capital says
    nothing."""
    doc = span.doc
    numbers = [t for t in span if t.like_num]
    if not numbers or not any(c.isdigit() for c in numbers[-1].text):
        return False  # "55 million Latinos": a scale word makes it an amount, never a name
    first = numbers[-1].i + 1
    if first >= len(doc):
        return False
    word = doc[first]
    if not (word.is_alpha and word.is_title) or word.is_sent_start:
        return False
    after = first
    while after < len(doc) and doc[after].text[:1].isupper():
        if doc[after].ent_type_ in COUNTED_NAMES:
            return False  # "200 House Republicans"
        after += 1
    if after < len(doc) and doc[after].is_lower and doc[after].pos_ in {"NOUN", "VERB"}:
        return False
    words = [t for t in sentence_of(word) if t.is_alpha]
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return capitalised < TITLE_CASE_SHARE * len(words)


def _after_a_name(doc: Doc, span: Span) -> bool:
    prev = doc[span.start - 1] if span.start > 0 else None
    return bool(
        prev is not None and prev.pos_ == "PROPN" and not prev.is_sent_start and prev.text[:1].isupper()
    )


# "men under 35", "those older than 65": the bound of an age group after the people it bounds.
AGE_BOUND = re.compile(r"\b(?:under|over|older\s+than|younger\s+than)\s+$", re.I)
MAX_AGE = 120


def _is_age(doc: Doc, span: Span) -> bool:
    """'Ruth Adeyemi, 71, a retired teacher', '71-year-old', 'men under 35'."""
    s, e = span.start_char, span.end_char
    text = text_of(doc)
    if re.match(r"^[\s-]*years?[\s-]+old", text[e : e + 12]) or re.search(
        r"\baged?\s+$", text[max(0, s - 6) : s]
    ):
        return True
    bound = AGE_BOUND.search(text[max(0, s - 16) : s])
    if bound and span[0].like_num and (parse_number(span[0].text) or MAX_AGE + 1) <= MAX_AGE:
        # the people the bound follows ("men", "voters", "those"), not things ("trips
        # under 40 miles") and not a count ("over 35 dockers")
        k = span.start - len(bound.group(0).split()) - 1
        people = doc[k] if k >= 0 else None
        if people is not None and (
            people.lower_ == "those" or people.tag_ == "NNS" and is_person_noun(people)
        ):
            return True
    prev = doc[span.start - 2] if span.start >= 2 else None
    return bool(
        prev is not None
        and prev.ent_type_ == "PERSON"
        and doc[span.start - 1].text == ","
        and text[e : e + 1] in {",", ")"}
    )


def _is_ordinalish(span: Span) -> bool:
    return any(t.ent_type_ in {"ORDINAL", "TIME"} for t in span)


def _is_decrease(span: Span) -> bool:
    node = span.root
    for _ in range(3):
        if node.lemma_.lower() in DECREASE:
            return True
        if node.head == node:
            break
        node = node.head
    return False
