"""Who a speaker mention is, when it is not a name: a person the article has named under
the same title, a person it only describes, or no person at all.

``quote-anonymous`` is for a quote whose speaker is a person the article describes and
does not name ("one farmer said", "a senior official said"). Two kinds of mention are not
that:

- a definite description that is a title the article gave a named person: "the mayor"
  after "Mayor Ana Ruiz", "the senator" after "Sen. Tom Reyes", "the Republican nominee"
  after "Republican nominee Jo Park". A reader knows who that is, as they know who "she"
  is; ``titled_person`` finds the name;
- a speaker that is no person: a document ("the ruling", "the ad"), a body ("the union"),
  a count of people ("52 percent of voters"), or a thing the parse made a subject.
  ``is_person_noun`` (``copydesk.flows.extract.holders``) tells people from the rest.

Everything here is a function of parsed tokens: no file system, no Prefect.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.doccache import entities, proper_nouns
from copydesk.flows.extract.holders import is_person_noun

# The abbreviations English news writes before a name for the titles a definite
# description repeats ("Sen. Tom Reyes" ... "the senator"): the titles of government,
# the forces and the church, not any article's words.
TITLE_ABBREVIATIONS = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "lt.": "lieutenant",
    "gen.": "general",
    "col.": "colonel",
    "maj.": "major",
    "capt.": "captain",
    "sgt.": "sergeant",
    "adm.": "admiral",
    "sec.": "secretary",
    "pres.": "president",
    "supt.": "superintendent",
    "insp.": "inspector",
    "det.": "detective",
    "atty.": "attorney",
    "rev.": "reverend",
    "amb.": "ambassador",
}
# Words of a description that say which one, and must then be in the title too: "the
# Republican nominee" is not "Democratic nominee Jo Park".
QUALIFYING = frozenset({"amod", "compound", "nmod"})


def titled_person(role: Span) -> str | None:
    """The name of the person the article gave the title ``role`` describes ("the mayor",
    "the former governor"), nearest before the mention, else after it; None when the
    mention is not a definite singular description or no named person has that title."""
    head = role.root
    if not _definite_singular(head):
        return None
    wanted = _title_word(head)
    qualifiers = {_title_word(c) for c in head.children if c.dep_ in QUALIFYING and c.is_alpha}
    qualifiers -= {"former", "then", "current", "new", "late"}  # when, not which
    doc = role.doc
    titled = [
        (ent, title)
        for ent in person_names(doc)
        if not ent.start <= head.i < ent.end
        for title in [_title_of(doc, ent)]
        if wanted in title
    ]
    # Only qualifiers some holder of the title has tell holders apart: "the Republican
    # nominee" must be the Republican one, but "the Republican presidential nominee" is
    # still "Republican nominee Jo Park" when no title says "presidential".
    telling = qualifiers & set().union(*(title for _, title in titled))
    best: tuple[int, str] | None = None
    for ent, title in titled:
        if not telling <= title:
            continue
        distance = head.i - ent.start if ent.start < head.i else len(doc) + ent.start - head.i
        if best is None or distance < best[0]:
            best = (distance, ent.text)
    return best[1] if best else None


_NAMES = "copydesk.speaker_identity.names"  # doc.user_data key: read once per Doc


def person_names(doc: Doc) -> list[Span]:
    """People's names: the recogniser's, and the tagger's where it missed one (a chain of
    proper nouns no entity claims: "Mayor Ana Ruiz" is often no entity at all)."""
    cached = doc.user_data.get(_NAMES)
    if cached is None:
        cached = doc.user_data[_NAMES] = _find_names(doc)
    return cached


def _find_names(doc: Doc) -> list[Span]:
    names = [e for e in entities(doc) if e.label_ == "PERSON"]
    for t in proper_nouns(doc):  # only a proper noun can end a name
        if t.dep_ == "compound" or t.ent_type_:
            continue
        chain = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_]
        if chain:
            names.append(doc[chain[0].i : t.i + 1])
    return names


def _definite_singular(head: Token) -> bool:
    return (
        head.tag_ in {"NN", "NNP"}
        and is_person_noun(head)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        and not any(c.dep_ in {"poss", "nummod"} for c in head.children)
    )


def _title_of(doc: Doc, ent: Span) -> set[str]:
    """The words a name carries as its title: those before it in its own noun phrase
    ("Republican nominee Jo Park", "Sen. Tom Reyes"), and an appositive's after it ("Jo
    Park, the nominee")."""
    root = ent.root
    words = {_title_word(t) for t in doc[root.left_edge.i : ent.start] if t.is_alpha or t.text.endswith(".")}
    words |= {_title_word(t) for t in ent}  # the recogniser often takes the title in: "Mayor Ana Ruiz"
    for c in root.children:
        if c.dep_ == "appos":
            words |= {_title_word(t) for t in c.subtree if t.pos_ in {"NOUN", "ADJ", "PROPN"}}
    if root.dep_ == "appos":  # "the mayor, Ana Ruiz"
        words |= {_title_word(t) for t in root.head.subtree if t.i < ent.start and t.pos_ in {"NOUN", "ADJ"}}
    return words


def _title_word(token: Token) -> str:
    lower = token.text.lower()
    return TITLE_ABBREVIATIONS.get(lower, token.lemma_.lower())
