"""Whether two speaker names, as the extraction resolved them, name one person.

Articles name a person in many ways: "Clinton", "Hillary Clinton", "Mrs. Clinton",
"Hillary Rodham Clinton", "Sen. Ted Cruz", "Cruz". Two names are the same person when
one's words are all in the other's (after titles and possessives are dropped), or when
they share a surname and no first name contradicts it ("Hillary Clinton" and "Bill
Clinton" are two people; "Clinton" is either). A speaker that is not a name (a pronoun
left unresolved, "the campaign", "officials") says nothing about who spoke: such pairs
are never a conflict.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "pres",
        "president",
        "vice",
        "secretary",
        "gen",
        "general",
        "lt",
        "col",
        "sgt",
        "judge",
        "justice",
        "rev",
        "gop",
        "former",
        "first",
        "lady",
        "sir",
        "dame",
        "speaker",
        "mayor",
        "chairman",
        "chairwoman",
        "candidate",
        "nominee",
        "the",
    ]
)
PARTICLES = frozenset(["de", "da", "del", "della", "di", "van", "von", "der", "den", "bin", "al", "la", "le"])
SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "we",
        "us",
        "you",
        "he",
        "him",
        "she",
        "her",
        "they",
        "them",
        "it",
        "who",
        "whom",
        "which",
        "that",
        "this",
        "these",
        "those",
    ]
)
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


# A run compares each quote with every archived quote that repeats it: the same few
# hundred names, read again for every pair.
@lru_cache(maxsize=4096)
def name_words(name: str | None) -> tuple[str, ...]:
    """The words of a person's name, lower case, without titles, possessives and
    suffixes; empty when ``name`` is not a name (no capital, or a pronoun)."""
    if not name or not any(c.isupper() for c in name):
        return ()
    # "Calderón" and "Calderon": accents dropped.
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = []
    for token in _TOKEN.findall(name):
        if token[0].islower() and token not in PARTICLES:
            # "the campaign", "the Republican candidate", "the former secretary of state":
            # a description, not a name (titles of names are capitalised: "Sen. Cruz").
            return ()
        word = re.sub(r"['’]s$", "", token).lower()
        if word in TITLES or word in SUFFIXES:
            continue
        words.append(word)
    if not words or (len(words) == 1 and words[0] in PRONOUNS):
        return ()
    return tuple(words)


def same_person(a: str | None, b: str | None) -> bool | None:
    """True: one person; False: two different people; None: one is not a name."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return None
    # Containment, not a shared surname alone: "Hillary Clinton" and "Bill Clinton" share
    # one, and are two people.
    return set(wa) <= set(wb) or set(wb) <= set(wa)
