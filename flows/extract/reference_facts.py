"""Figures that are common reference facts, given in passing: no claim a source is asked for.

FLAGS-GUIDE.md counts "common reference facts (a state's number of seats, a country's
population given in passing)" among the figures a copy chief leaves alone. Two of them
have a shape the parse shows, whatever the article is about:

- a contest's allocation of seats: the delegates, electoral votes or seats a contest puts
  at stake or a place holds ("with 107 delegates at stake", "where 18 electoral votes are
  up for grabs", "California has 475 delegates", "the state's 20 pledged delegates"). What a
  candidate won is a tally ("Trump has won 100 delegates") and stays a claim;
- the size of a place or a body, given to say what it is: its people counted in an "of"
  phrase ("the bloc of 500 million citizens", "an organization of 1,500 members"), in "home
  to" ("Millsfield, home to 22 registered voters"), as what it has ("Hart has 41 registered
  voters") or as those it represents ("the coalition, which represents 20 million
  Americans"). A group of people at an event ("a
  crowd of 230 people", "a survey of 1,000 adults") is counted by somebody and stays a claim.

- the parties to a meeting or a contest, counted to say what it was: "a summit of 27
  leaders", "negotiations among 195 countries", "a debate with four candidates", "a field
  of 16 candidates". Who came to a rally or a protest ("a rally of 10,000 people") is
  counted by somebody and stays a claim: the parties must be people or polities by what
  they are (leaders, candidates, countries), and the gathering a meeting or a contest.

- a distance that says where something is: "about 25 miles south of Florence", "a
  checkpoint some 50 meters away", "an arch towering 215 feet above a creek", "rode the
  elevator 734 feet down". A length that measures a change ("the river rose 8 feet above
  flood stage") or an area stays a claim.

The guide's "cases settled" add a named public body's own act, "an agency's fine" among
them: the amount of a fine or penalty is what a court or regulator imposed, on the public
record ("Wells Fargo was fined $185 million", "a fine of $5,000"), not a count anybody made;
so is the amount of a loan, grant or contract a government gives ("a $9.1 million loan from
the State of Virginia", "a $2 million grant from the city"). From a bank or a donor it is
a claim.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from copydesk.flows.extract.holders import is_person_noun

# What a contest allocates: "delegates", "seats", "electors", "electoral votes".
SEAT_NOUNS = frozenset({"delegate", "superdelegate", "seat", "elector"})
# The words that say a contest puts seats up: "at stake", "up for grabs", "on offer",
# "available", "in play".
AVAILABLE_WORDS = frozenset({"stake", "grabs", "grab", "offer", "available", "play"})
# Participles of allotting ("the 155 delegates offered by the contest", "seats allocated
# to the state"); not "won" or "awarded to Trump", a result.
ALLOTTING_VERBS = frozenset({"offer", "allocate", "allot", "apportion"})
# Verbs by which a place holds its seats: "California has 475 delegates", "Delaware sends
# 31 delegates", "Ohio holds 18 electoral votes".
HOLDING_VERBS = frozenset({"have", "send", "hold", "offer", "allocate"})
# Places that have a population, and bodies whose size is their membership. Not "group",
# "crowd" or "panel": "a group of 32 experts" counts the people who did something.
PLACE_NOUNS = frozenset(
    {
        "state",
        "city",
        "town",
        "village",
        "county",
        "district",
        "province",
        "region",
        "continent",
        "bloc",
        "island",
    }
)
MEMBERSHIP_NOUNS = frozenset(
    {"country", "nation", "organization", "organisation", "union", "coalition", "association", "federation"}
    | {"alliance", "league", "community", "church", "denomination"}
)
# Sanctions a court, regulator or league imposes. The lemmatizer reads "fined" as "fin".
SANCTION_VERBS = frozenset({"fine", "fin", "penalize", "penalise"})
SANCTION_NOUNS = frozenset({"fine", "penalty"})
# Meetings and contests whose parties are known: the count of them describes the event.
GATHERING_NOUNS = frozenset(
    {
        "summit",
        "meeting",
        "conference",
        "negotiation",
        "talk",
        "debate",
        "field",
        "race",
        "contest",
        "convention",
    }
)
PARTY_PREPOSITIONS = frozenset({"of", "among", "with", "between"})
LENGTH_UNITS = frozenset({"mile", "kilometre", "kilometer", "metre", "meter", "foot", "feet", "inch", "yard"})
# Words of direction and position a distance locates from: "25 miles south", "50 meters
# away", "215 feet above", "734 feet down".
SPATIAL_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {"away", "above", "below", "beneath", "down", "up", "off", "offshore", "inland", "underground", "apart"}
)
# Verbs of change: a length under them measures how much something moved ("rose 8 feet").
CHANGE_VERBS = frozenset(
    {
        "rise",
        "fall",
        "climb",
        "drop",
        "sink",
        "surge",
        "jump",
        "soar",
        "plunge",
        "grow",
        "shrink",
        "swell",
        "recede",
    }
)
# What a government gives, and the words that name a government as the giver.
GRANT_NOUNS = frozenset({"loan", "grant", "subsidy", "bailout", "contract", "appropriation"})
GOVERNMENT_NOUNS = frozenset(
    {"government", "state", "city", "county", "administration", "ministry", "treasury"}
)
GOVERNMENT_MODIFIERS = frozenset({"federal", "state", "municipal", "government", "city", "county"})
PEOPLE_NOUNS = frozenset({"people", "member", "citizen", "resident", "inhabitant", "soul", "voter"})


def reference_fact(span: Span) -> str | None:
    """ "reference" when the figure in ``span`` is one of the reference facts above."""
    root = span.root
    counted = root.head if root.dep_ in {"nummod", "quantmod", "compound"} else root
    if _seat_noun(counted) and _allocated(counted):
        return "reference"
    if _people(counted) and _size_of_a_place_or_body(counted):
        return "reference"
    if _parties_of_a_gathering(counted):
        return "reference"
    if _locating_distance(counted):
        return "location"
    if _amount_of_a_sanction(counted) or _given_by_a_government(counted):
        return "act"
    return None


def _amount_of_a_sanction(figure: Token) -> bool:
    """ "was fined $185 million", "fined the company $2 million", "a $100 million penalty",
    "a fine of $5,000"."""
    if (
        _sanction_noun(figure)
        or figure.dep_ in {"nummod", "compound", "nmod"}
        and _sanction_noun(figure.head)
    ):
        return True
    head = figure.head
    if figure.dep_ in {"dobj", "npadvmod", "attr", "oprd"}:
        return head.pos_ == "VERB" and head.lemma_.lower() in SANCTION_VERBS
    return figure.dep_ == "pobj" and head.lower_ == "of" and _sanction_noun(head.head)


def _sanction_noun(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in SANCTION_NOUNS


def _seat_noun(noun: Token) -> bool:
    if noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    return lemma in SEAT_NOUNS or lemma == "vote" and any(c.lower_ == "electoral" for c in noun.children)


def _allocated(noun: Token) -> bool:
    """The seats a contest puts up or a place holds, not those somebody won."""
    if any(c.dep_ == "poss" and _place(c) for c in noun.children):
        return True  # "the state's 20 pledged delegates", "California's 55 electoral votes"
    if any(c.dep_ == "acl" and c.lemma_.lower() in ALLOTTING_VERBS for c in noun.children):
        return True
    if _says_available(noun):
        return True  # "107 delegates at stake", "the 50 delegates available"
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_ == "be" and _says_available(verb):
        return True  # "18 electoral votes are up for grabs"
    if noun.dep_ == "attr" and verb.lemma_ == "be" and _says_available(verb):
        return True  # "At stake are 213 delegates"
    return (
        noun.dep_ == "dobj"
        and verb.lemma_.lower() in HOLDING_VERBS
        and any(c.dep_ == "nsubj" and _place(c) for c in verb.children)
    )


def _says_available(token: Token) -> bool:
    """ "at stake", "up for grabs", "available", "in play" on the token."""
    for c in token.children:
        if c.dep_ in {"amod", "acomp"} and c.lemma_.lower() in AVAILABLE_WORDS:
            return True
        if c.dep_ == "prep" and any(
            t.dep_ == "pobj" and t.lemma_.lower() in AVAILABLE_WORDS for t in c.subtree if t is not c
        ):
            return True
    return False


def _place(token: Token) -> bool:
    return token.ent_type_ == "GPE" or token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_NOUNS


def _people(noun: Token) -> bool:
    if noun.ent_type_ == "NORP" and noun.pos_ in {"PROPN", "NOUN"}:
        return True  # "20 million Americans"
    return noun.pos_ == "NOUN" and (noun.lemma_.lower() in PEOPLE_NOUNS or is_person_noun(noun))


def _polity(noun: Token) -> bool:
    """A place or a body: what has a population or a membership."""
    if noun.ent_type_ in {"GPE", "ORG", "NORP"}:
        return True
    # a name's head word says what it is: "the Central and East European Coalition"
    lemma = noun.lemma_.lower()
    return noun.pos_ in {"NOUN", "PROPN"} and (lemma in PLACE_NOUNS or lemma in MEMBERSHIP_NOUNS)


def _size_of_a_place_or_body(noun: Token) -> bool:
    if noun.dep_ != "pobj" and noun.dep_ != "dobj":
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of":
        return _polity(head.head)  # "the bloc of 500 million citizens"
    if noun.dep_ == "pobj" and head.lower_ == "to":
        return head.head.lemma_.lower() == "home"  # "Millsfield, home to 22 registered voters"
    if noun.dep_ == "dobj" and head.lemma_.lower() == "have":
        # "Hart has 41 registered voters", "the union has 40,000 members": a place's or a
        # body's own people (a company's staff is not its membership)
        return any(
            c.dep_ == "nsubj" and (_place(c) or c.lemma_.lower() in MEMBERSHIP_NOUNS) for c in head.children
        )
    if noun.dep_ == "dobj" and head.lemma_.lower() == "represent":
        # "the coalition, which represents 20 million Americans", "a union representing
        # 40,000 nurses"
        holder = head.head if head.dep_ in {"relcl", "acl"} else None
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return any(_polity(t) for t in ([holder] if holder is not None else []) + subjects)
    return False


def _parties_of_a_gathering(counted: Token) -> bool:
    """ "a summit of 27 leaders", "negotiations among 195 countries"."""
    noun = counted
    if noun.dep_ == "nmod" and noun.head.dep_ == "pobj":
        noun = noun.head  # "a summit of 27 leaders - May was not invited -": the dash confuses the parser
    if noun.dep_ != "pobj" or noun.head.lower_ not in PARTY_PREPOSITIONS:
        return False
    gathering = noun.head.head
    if gathering.pos_ != "NOUN" or gathering.lemma_.lower() not in GATHERING_NOUNS:
        return False
    return _polity(counted) or counted.pos_ == "NOUN" and is_person_noun(counted)


def _locating_distance(unit: Token) -> bool:
    """ "25 miles south", "50 meters away", "215 feet above": a length hung on a word of
    direction or position, under no verb of change."""
    if unit.lemma_.lower() not in LENGTH_UNITS and unit.lower_ not in LENGTH_UNITS:
        return False
    if unit.dep_ != "npadvmod" or unit.head.lower_ not in SPATIAL_WORDS:
        return False
    return not any(t.pos_ == "VERB" and t.lemma_.lower() in CHANGE_VERBS for t in unit.head.ancestors)


def _given_by_a_government(figure: Token) -> bool:
    """ "a $9.1 million loan from the State of Virginia", "a $2 million grant from the
    city", "a $50 million federal grant"."""
    # the figure's counted noun, or the noun it modifies
    noun = figure if figure.pos_ == "NOUN" else figure.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in GRANT_NOUNS:
        return False
    if any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in GOVERNMENT_MODIFIERS for c in noun.children
    ):
        return True  # "a $50 million federal grant", "a $2 million state loan"
    # "a loan from the State of Maine", or "won a grant from the city" (the parser hangs
    # the giver on the verb)
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    givers = [
        t
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in {"from", "by"}
        for t in c.children
    ]
    return any(t.dep_ == "pobj" and _government(t) for t in givers)


def _government(token: Token) -> bool:
    """A state, city or national government: a place named as one ("the State of
    Virginia", "Washington"), or the common noun for one ("the city", "the federal
    government")."""
    # the tagger reads "the State of Maine" as a name, and sometimes as an organisation
    return (
        token.ent_type_ == "GPE"
        or token.pos_ in {"NOUN", "PROPN"}
        and token.lemma_.lower() in GOVERNMENT_NOUNS
    )
