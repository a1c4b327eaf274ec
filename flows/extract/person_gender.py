"""Whether "he" or "she" can stand for a named person: what the article itself says.

"The Democratic candidate’s reply to Trump came in her own tweets. She tweeted: “…”" is
not Trump's tweet, though Trump is the nearest name. English marks a person's gender in a
few places a parse can read, and news copy uses them all the time; the article is the
only evidence used (no table of first names, which would be wrong for many readers'
names and silent on most foreign ones):

- an honorific before the name: "Mr. Trump", "Mrs. Clinton", "Ms. Warren";
- a noun with lexical gender that the name is set beside: "his wife, Melania",
  "Congresswoman Jo Park", "Park, a businesswoman";
- a possessive or reflexive pronoun in the clause the name is the subject of, with no
  other person in that clause to take it: "Warren grilled Stumpf over her bill" (Stumpf
  is the object: another person, so no evidence), "Ortiz raised his fee" (his); and
  the subject of what the name says ("Ortiz said she would run"). These are tendencies,
  not rules, and weigh less: one pronoun alone gives no gender, two do (in one clause or
  in two).

The evidence is kept per name as written and per surname; a surname two people in the
story share ("Bill Clinton", "Hillary Clinton") tells nothing by itself. A name whose
evidence points both ways, about equally, has no known gender. Each of these changes was
measured by reading, against the articles, every speaker name it changed on PolNeAR's
dev and train splits (README, Quote extraction).

Everything here is a function of parsed tokens: no file system, no Prefect.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.doccache import entities, proper_nouns, text_of
from copydesk.flows.extract.lexicon import ADDRESSING_VERBS, SPEECH_VERBS
from copydesk.flows.extract.speaker_identity import person_names

Gender = Literal["m", "f"]

HONORIFICS: dict[str, Gender] = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}
# English nouns whose gender is in the word itself (kin, a few titles and roles): the
# language's grammar, not any article's vocabulary. The "-man" role nouns are not here:
# papers write "Trump spokesman Hope Hicks"; their "-woman" forms only ever mean a woman.
GENDERED_NOUNS: dict[str, Gender] = {
    **dict.fromkeys(
        [
            "man",
            "boy",
            "father",
            "dad",
            "husband",
            "son",
            "brother",
            "uncle",
            "nephew",
            "grandfather",
            "grandson",
            "king",
            "prince",
            "widower",
        ],
        "m",
    ),
    **dict.fromkeys(
        [
            "woman",
            "girl",
            "mother",
            "mom",
            "wife",
            "daughter",
            "sister",
            "aunt",
            "niece",
            "grandmother",
            "granddaughter",
            "queen",
            "princess",
            "widow",
            "congresswoman",
            "spokeswoman",
            "businesswoman",
            "chairwoman",
            "councilwoman",
            "assemblywoman",
            "actress",
            "anchorwoman",
        ],
        "f",
    ),
}
PRONOUN_GENDER: dict[str, Gender] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
# Where a possessive or reflexive can sit and still be bound by the clause's subject: the
# clause's own objects and phrases, not a clause below it with a subject of its own.
CLAUSE_INTERNAL = frozenset(
    {"dobj", "pobj", "prep", "poss", "attr", "dative", "npadvmod", "amod", "compound", "conj", "cc", "appos"}
)
# Verbs of saying whose reported clause's "he" or "she" is, in news, mostly the speaker;
# not those whose object is the addressee ("Ortiz told Reed he …" is either).
SAYING_VERBS = SPEECH_VERBS - ADDRESSING_VERBS
PLACES_AND_TIMES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
# An honorific or a gendered noun says it outright; a possessive the subject binds is a
# tendency of English, not a rule ("Clinton cited it as an example of his disrespect").
STATED, BOUND = 3, 1
# How much evidence a name needs, and how lopsided it must be, to have a gender: one
# bound possessive alone is not enough.
MIN_WEIGHT = 2
MIN_MARGIN = 3

_KEY = "copydesk.person_gender"
_DECIDED = "copydesk.person_gender.decided"


def gender_of(doc: Doc, name: str) -> Gender | None:
    """The gender the article gives the person called ``name`` (an entity's text), or
    None when it gives none or its evidence disagrees."""
    known = doc.user_data.setdefault(_DECIDED, {})  # resolving asks about the same names again and again
    if name not in known:
        known[name] = _gender_of(doc, name)
    return known[name]


def _gender_of(doc: Doc, name: str) -> Gender | None:
    written, by_surname, shared = _evidence(doc)
    words = _name_words(name)
    if not words:
        return None
    surname = words[-1]
    if surname in shared:  # only what was said of this name as written
        return _decide(Counter(written.get(" ".join(words), {})))
    # One person by that surname: "Mrs. Clinton" and "Hillary Clinton, her …" both count.
    counted = Counter(written.get(surname, {}))
    counted.update(by_surname.get(surname, {}))
    return _decide(counted)


def pronoun_gender(pronoun: str) -> Gender | None:
    return PRONOUN_GENDER.get(pronoun.lower())


def agrees(doc: Doc, pronoun: str, name: str) -> bool:
    """Can ``pronoun`` stand for the person called ``name``? Yes unless both have a
    gender and the genders differ."""
    want = pronoun_gender(pronoun)
    have = gender_of(doc, name) if want else None
    return want is None or have is None or want == have


def _decide(counted: Counter[Gender]) -> Gender | None:
    m, f = counted["m"], counted["f"]
    if max(m, f) < MIN_WEIGHT or m and f and max(m, f) < MIN_MARGIN * min(m, f):
        return None
    return "m" if m > f else "f" if f > m else None


POSSESSIVE_ENDING = re.compile(r"['’]s?$")


def _name_words(name: str) -> list[str]:
    """The capitalised words of a name, its possessive ending and honorific left off:
    "Mrs. Clinton’s" -> ["Clinton"], "Jones'" -> ["Jones"]."""
    words = [POSSESSIVE_ENDING.sub("", w) for w in name.split() if w[:1].isupper()]
    if words and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return [w for w in words if w]


Evidence = tuple[dict[str, Counter[Gender]], dict[str, Counter[Gender]], set[str]]


def _evidence(doc: Doc) -> Evidence:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = _collect(doc)
    return cached


def _collect(doc: Doc) -> Evidence:
    """Votes per name as written, votes per surname from full names, and the surnames
    that open more than one full name in the story ("Bill Clinton", "Hillary Clinton"):
    a bare surname's evidence could be either's."""
    written: dict[str, Counter[Gender]] = {}
    by_surname: dict[str, Counter[Gender]] = {}

    def vote(words: list[str], gender: Gender, weight: int) -> None:
        if words:
            written.setdefault(" ".join(words), Counter())[gender] += weight
            if len(words) > 1:  # a bare surname's votes are already under its name as written
                by_surname.setdefault(words[-1], Counter())[gender] += weight

    people = person_names(doc)  # the recogniser's and the tagger's: many names are no entity
    # Honorifics are proper nouns to the tagger ("Mr./NNP"): look at those only.
    for token in proper_nouns(doc):
        gender = HONORIFICS.get(token.lower_.rstrip("."))
        if gender and token.i + 1 < len(doc) and token.text[:1].isupper():
            vote(_proper_run(doc, token.i + 1), gender, STATED)
    for ent in people:
        for gender in _bound(ent):
            vote(_name_words(_text(ent)), gender, BOUND)
    # A noun with gender set beside a proper name makes it a person, whatever the
    # recogniser labelled it ("Irena Kral, a businesswoman" is often an ORG).
    proper = people + [e for e in entities(doc) if e.label_ != "PERSON" and e.root.pos_ == "PROPN"]
    for name in proper:
        for gender in _beside(name):
            vote(_name_words(_text(name)), gender, STATED)
    firsts: dict[str, set[str]] = {}
    for name in people:
        words = _name_words(_text(name))
        if len(words) > 1:
            firsts.setdefault(words[-1], set()).add(words[0])
    shared = {surname for surname, first in firsts.items() if len(first) > 1}
    return written, by_surname, shared


def _text(span: Span) -> str:
    return text_of(span.doc)[span.start_char : span.end_char]


def _proper_run(doc: Doc, i: int) -> list[str]:
    """The capitalised proper nouns from token ``i`` on, up to where another entity or a
    place or time starts: "Mrs. [Hillary Clinton]", "Mr. [Obama] Tuesday said"."""
    words = []
    first = i
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        token = doc[i]
        if token.ent_type_ in PLACES_AND_TIMES or i > first and token.ent_iob_ == "B":
            break
        words.append(token.text)
        i += 1
    return _name_words(" ".join(words))


def _beside(ent: Span) -> list[Gender]:
    """Genders of the nouns set beside a name: its appositive ("Park, a businesswoman"),
    the noun it is the appositive of ("his wife, Melania"), the title words before it in
    its phrase ("Congresswoman Jo Park")."""
    root = ent.root
    # "Woods, a widow" and "Melania, his wife" are the widow and the wife; "Woods, whose
    # husband, Ty Woods, ..." is not the husband
    nouns = [
        c for c in root.children if c.dep_ == "appos" and not any(g.lower_ == "whose" for g in c.children)
    ]
    if root.dep_ == "appos":
        nouns.append(root.head)
    nouns.extend(t for t in root.lefts if t.i < ent.start and t.dep_ in {"compound", "amod", "nmod"})
    nouns.extend(t for t in ent if t.pos_ == "NOUN")  # the recogniser took the title in
    return [GENDERED_NOUNS[n.lemma_.lower()] for n in nouns if n.lemma_.lower() in GENDERED_NOUNS]


def _bound(ent: Span) -> list[Gender]:
    """Genders of the possessive and reflexive pronouns the name binds as the subject of
    its clause, when no other person in the clause could take them, and of the subject
    pronoun of the clause it reports ("Ortiz said she would run": the speaker speaking of
    herself is what "X said he/she …" nearly always is in news)."""
    root = ent.root
    if root.dep_ != "nsubj" or any(c.dep_ == "conj" for c in root.children):
        return []  # "Clinton and the campaign hit ... his record": not hers alone
    verb = root.head
    clause = _clause(verb)
    if any(_another_person(t) for t in clause):
        return []  # "Warren grilled Stumpf over her bill": whose bill is not for the parse
    bound = [
        PRONOUN_GENDER[t.lower_]
        for t in clause
        if t.lower_ in PRONOUN_GENDER and (t.dep_ == "poss" or t.lower_.endswith("self"))
    ]
    if verb.lemma_ in SAYING_VERBS:
        bound.extend(
            PRONOUN_GENDER[s.lower_]
            for c in verb.children
            if c.dep_ == "ccomp"
            for s in c.children
            if s.dep_ in {"nsubj", "nsubjpass"} and s.lower_ in {"he", "she"}
        )
    return bound


def _another_person(token: Token) -> bool:
    """Someone else in the clause who could own the possessive too: a name (any proper
    noun but a place or a time: the recogniser often misses people) or a personal pronoun
    that is neither possessive nor reflexive ("She told him his plan ...")."""
    if token.pos_ == "PROPN":
        return token.ent_type_ not in PLACES_AND_TIMES
    return token.lower_ in PRONOUN_GENDER and token.dep_ != "poss" and not token.lower_.endswith("self")


def _clause(verb: Token) -> list[Token]:
    """The tokens of ``verb``'s own clause: down through its objects and phrases, not into
    a clause below it."""
    out: list[Token] = []
    stack = [c for c in verb.children if c.dep_ in CLAUSE_INTERNAL and c.dep_ != "conj"]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ in CLAUSE_INTERNAL)
    return out
