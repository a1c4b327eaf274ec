"""Figures that are common reference facts, given in passing: no claim a source is asked for.

FLAGS-GUIDE.md counts "common reference facts (a state's number of seats, a country's
population given in passing)" among the figures a copy chief leaves alone. Four kinds
have a shape the parse shows, whatever the article is about:

- a contest's allocation of seats: the delegates, electoral votes or seats a contest puts
  at stake or a place holds ("with 107 delegates at stake", "where 18 electoral votes are
  up for grabs", "California has 475 delegates", "the state's 20 pledged delegates"). What a
  candidate won is a tally ("Trump has won 100 delegates") and stays a claim;
- the size of a place or a body, given to say what it is: its people or members counted in
  an "of" phrase ("the bloc of 500 million citizens", "an organization of 1,500 members"),
  in "home to" ("Millsfield, home to 22 registered voters"), as what it has ("the town has
  900 registered voters") or as those it represents ("the coalition, which represents 20
  million Americans"). A group counted by what it is or did ("a crowd of 230 people", "the
  country has 30,000 doctors", "the state has 20,000 homeless people") stays a claim;
- the parties to a meeting or a contest, counted to say what it was: "a summit of 27
  leaders", "negotiations among 195 countries", "a debate with four candidates", "a field
  of 16 candidates". The parties must be polities or their office-holders and the gathering
  a meeting or contest: "a rally of 10,000 people", "a conference of 5,000 doctors" were
  counted by somebody;
- a distance that says where something is: "about 25 miles south of Florence", "a
  checkpoint some 50 meters away from a police station", "Hart, about 80 miles south",
  "an arch towering 215 feet above a creek", "Trump was 340 miles away". A distance
  something moved or rose ("the river crested 8 feet above flood stage", "the storm moved
  50 miles inland", "rode the elevator 734 feet down") measures an event and stays a claim.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from copydesk.flows.extract.holders import is_person_noun
from copydesk.flows.extract.lexicon import LENGTH_UNITS

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
HOLDING_VERBS = frozenset({"have", "send", "hold"})
# Places that have a population.
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
# Bodies whose size is their membership (a subset of holders.GROUP_NOUNS, whose "group",
# "panel" or "company" count people who did something or work there).
MEMBERSHIP_NOUNS = frozenset(
    {"country", "nation", "organization", "organisation", "union", "coalition", "association", "federation"}
    | {"alliance", "league", "community", "church", "denomination"}
)
# What a place's or a body's size is counted in: its people as such, not a kind of them.
POPULATION_NOUNS = frozenset({"people", "member", "citizen", "resident", "inhabitant", "voter"})
# Modifiers that give a population's standing, not a kind of it: "22 registered voters".
STANDING_MODIFIERS = frozenset({"registered", "eligible", "enrolled"})
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
# The parties of a political meeting or contest, besides polities: their office-holders.
OFFICE_NOUNS = frozenset(
    {"leader", "candidate", "contender", "delegate", "minister", "senator", "governor", "president", "head"}
)
# Words of direction and position a distance locates from: "25 miles south", "50 meters
# away", "215 feet above".
SPATIAL_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {"away", "above", "below", "beneath", "down", "up", "off", "offshore", "inland", "underground", "apart"}
)
# A distance's reference point: "south of Florence", "away from a police station", "away
# in Bangor" (not "to", which is where something went).
REFERENCE_PREPOSITIONS = frozenset({"of", "from", "in"})
# Verbs of being somewhere: "is 340 miles away", "towering 215 feet above".
POSITION_VERBS = frozenset({"be", "lie", "sit", "stand", "tower", "live", "locate", "perch", "rest", "loom"})


def reference_fact(span: Span) -> str | None:
    """Which reference fact the figure in ``span`` is: "reference" (a contest's seats, a
    place's people, a meeting's parties), "location" (a distance that says where), or None."""
    root = span.root
    counted = root.head if root.dep_ in {"nummod", "quantmod", "compound"} else root
    if _seat_noun(counted) and _allocated(counted):
        return "reference"
    if _size_of_a_place_or_body(counted):
        return "reference"
    if _parties_of_a_gathering(counted):
        return "reference"
    if _locating_distance(counted):
        return "location"
    return None


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
    if noun.dep_ in {"nsubj", "attr"} and verb.lemma_ == "be" and _says_available(verb):
        return True  # "18 electoral votes are up for grabs", "At stake are 213 delegates"
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


def _population(noun: Token) -> bool:
    """People counted as such ("500 million citizens", "20 million Americans", "22
    registered voters"), not a kind of them ("30,000 doctors", "20,000 homeless people")."""
    if noun.ent_type_ == "NORP" and noun.pos_ in {"PROPN", "NOUN"}:
        return True  # "20 million Americans"
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in POPULATION_NOUNS:
        return False
    # an adjective picks out a kind ("homeless people"); one of standing does not
    return not any(
        c.dep_ == "amod" and c.pos_ == "ADJ" and c.lower_ not in STANDING_MODIFIERS for c in noun.children
    )


def _polity(noun: Token) -> bool:
    """A place or a body: what has a population or a membership."""
    if noun.ent_type_ in {"GPE", "ORG", "NORP"}:
        return True
    # a name's head word says what it is: "the Central and East European Coalition"
    lemma = noun.lemma_.lower()
    return noun.pos_ in {"NOUN", "PROPN"} and (lemma in PLACE_NOUNS or lemma in MEMBERSHIP_NOUNS)


def _size_of_a_place_or_body(noun: Token) -> bool:
    head = noun.head
    if (
        noun.dep_ == "dobj"
        and head.lemma_.lower() == "represent"
        and noun.pos_ == "NOUN"
        and is_person_noun(noun)
    ):
        return _represented_by_a_body(head)  # "a union which represents 40,000 workers"
    if not _population(noun):
        return False
    if noun.dep_ == "pobj" and head.lower_ == "of":
        return _polity(head.head)  # "the bloc of 500 million citizens"
    if noun.dep_ == "pobj" and head.lower_ == "to":
        return head.head.lemma_.lower() == "home"  # "Millsfield, home to 22 registered voters"
    if noun.dep_ == "dobj" and head.lemma_.lower() == "have":
        # "the town has 900 registered voters", "the union has 40,000 members" (a company's
        # staff is not its membership)
        return any(
            c.dep_ == "nsubj" and (_place(c) or c.lemma_.lower() in MEMBERSHIP_NOUNS) for c in head.children
        )
    if noun.dep_ == "dobj" and head.lemma_.lower() == "represent":
        return _represented_by_a_body(head)  # "the coalition, which represents 20 million Americans"
    return False


def _represented_by_a_body(verb: Token) -> bool:
    """The subject of "represent", or the noun its relative clause describes, is a place
    or a membership body: those it represents are its members."""
    holder = verb.head if verb.dep_ in {"relcl", "acl"} else None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return any(_polity(t) for t in ([holder] if holder is not None else []) + subjects)


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
    return _polity(counted) or counted.pos_ == "NOUN" and counted.lemma_.lower() in OFFICE_NOUNS


def _locating_distance(unit: Token) -> bool:
    """A length hung on a word of direction or position ("25 miles south", "215 feet
    above") that says where something is: the word names its reference point ("south of
    Florence", "away from a police station"), describes a place ("Hart, about 80 miles
    south"), or the verb is one of being somewhere ("was 340 miles away", "towering 215
    feet above")."""
    if unit.lemma_.lower() not in LENGTH_UNITS and unit.lower_ not in LENGTH_UNITS:
        return False
    spatial = unit.head
    if unit.dep_ != "npadvmod" or spatial.lower_ not in SPATIAL_WORDS:
        return False
    if spatial.pos_ == "ADV" and any(
        c.dep_ == "prep" and c.lower_ in REFERENCE_PREPOSITIONS for c in spatial.children
    ):
        return True
    holder = spatial.head
    if holder.pos_ in {"NOUN", "PROPN"}:
        return True
    return holder.pos_ in {"VERB", "AUX"} and holder.lemma_.lower() in POSITION_VERBS
