"""Holders: whether the phrase that holds a view names who holds it.

One job: classify a holder phrase, found by ``copydesk.flows.extract.vague``, as unnamed (and
why: a quantifier, a group of people, a party or nationality, an anonymous source, an
unnamed poll or study) or as naming someone (a person or organisation listed in the group,
a possessor, an affiliation, an office-holder, a counted share). ``is_vague_holder`` is
the predicate ``copydesk.flows.extract.sources`` uses to mark an attribution vague.

The word classes are general classes: quantifiers and partitives of English grammar,
person and group nouns after WordNet's noun.person and noun.group top senses, agent nouns
read by their suffix (with English's exceptions of morphology), anonymity words and
document nouns. None of them is a word because one article used it, so the classification
holds for articles it has never seen.

Everything here is a function of parsed tokens: no file system, no Prefect.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

from copydesk.flows.extract.doccache import named_in_story
from copydesk.flows.extract.lexicon import POLL_NOUNS
from copydesk.flows.extract.stance import stance_of


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Quantifiers and indefinite pronouns that stand for an unnamed set of people.
QUANTIFIERS = _words(
    """
    some many most few several others everyone everybody those various numerous
    """
)
# Nouns that count a group: "a majority of economists", "a number of experts".
PARTITIVES = _words(
    """
    number lot handful host chorus group plenty
    """
)
# Person and group nouns of general English (WordNet's noun.person and noun.group top
# senses, as news uses them for who holds a view) that carry no agentive suffix for
# ``_is_person_noun`` to read: kept general, never a word because one article used it.
PERSON_NOUNS = _words(
    """
    people person folk folks expert analyst critic skeptic sceptic cynic academic pundit elite ally friend
    colleague peer rival fan veteran citizen woman man child kid family relative aide staff
    liberal conservative progressive moderate independent hawk dove scholar judge clergy executive
    operative delegate candidate advocate graduate associate diplomat bureaucrat democrat
    republican partisan neighbour adult teen youth elder chief boss nurse surgeon insider source
    individual intellectual professional radical local
    """
)
GROUP_NOUNS = _words(
    """
    group organization organisation lobby party union campaign coalition faction camp circle
    community government nation country agency company firm bank business institution committee
    panel outlet establishment public
    """
)
# Collective nouns that are unnamed in the singular: "the public believes".
SINGULAR_COLLECTIVES = _words("public establishment community")
# Office-holders speak for their institution the way one official does ("police officials
# said"): that is quote-anonymous's case (FLAGS-GUIDE.md), unless they are marked anonymous.
OFFICE_HOLDERS = _words(
    """
    official authority spokesman spokeswoman spokesperson representative officer police
    prosecutor investigator regulator administrator
    """
)
# Holders that are anonymous by what the word means.
ANONYMOUS_NOUNS = _words("source insider")
# Documents that can hold a claim: unnamed, they are vague ("polls suggest").
CLAIM_DOCUMENT_NOUNS = _words("poll survey study research report analysis evidence estimate")
# Agentive suffixes (economist, historian, trader, investor, resident, employee, engineer).
_AGENT_SUFFIXES = ("ist", "ian", "er", "or", "ent", "ant", "ee", "eer")
# Common inanimate nouns that happen to end like agent nouns ("documents", "numbers"): the
# exceptions of English morphology, not of any article.
_NOT_PERSON = _words(
    """
    document comment statement argument agreement event element moment payment investment
    settlement amendment component incident accident percent content number paper letter order
    matter center centre water power border chapter layer answer filter computer quarter
    headquarter offer marker meter cover corner character register charter poster banner flyer
    trailer container weather river tower finger shoulder error factor sector indicator motor
    door floor color colour mirror rumor rumour degree tree fee knee decree career list twist
    wrist fist mist restaurant plant grant
    """
)
# Words in a relative clause or modifier that say the holder asked not to be named.
_ANONYMITY = _words("anonymity anonymous unnamed unidentified")
_ANONYMITY_VERBS = _words("name identify authorize authorise permit allow")

SPECIFYING_PREPS = _words("including like among")
_DEFINITE = _words("the this that these those its their his her our my your")
# Entities that name who: a person, an organisation, a named work or product.
NAMING_ENTITIES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC"})

Reason = Literal["quantifier", "group", "party", "anonymous", "unnamed-document", "impersonal", "agentless"]


def unnamed_holder(head: Token) -> Reason | None:
    """Why the phrase headed by ``head`` names no one, or None when it names someone (or
    is not a group of people at all)."""
    lower, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ == "PRON" and lower not in QUANTIFIERS:
        return None
    if _respondents_of_a_named_poll(head):
        return None  # "those surveyed said", "respondents said": the named poll speaks
    if lower in QUANTIFIERS or lemma in QUANTIFIERS:
        if lower == "those" and not any(c.dep_ in {"amod", "relcl", "acl", "prep"} for c in head.children):
            return None  # "those" alone points back at something named
        of = _of_object(head)
        if of is not None and of.pos_ == "PROPN" and of.ent_type_ in NAMING_ENTITIES:
            return None  # "some of Smith's aides" is still vague, "many of Gallup's" is not a group
        if of is not None and _respondents_of_a_named_poll(of):
            return None  # "some of those surveyed"
        return None if _names_members(head) else "quantifier"
    if _counted(head):
        return None  # "two officials", "52 percent of voters": counted people are a figure
    of = _of_object(head) if lemma in PARTITIVES else None
    if of is not None:
        return unnamed_holder(of)  # "a number of economists": the economists hold it
    if lemma in CLAIM_DOCUMENT_NOUNS:
        return "unnamed-document" if _unnamed_document(head) else None
    reason = _group_kind(head)
    if reason is None:
        return None
    anonymous = lemma in ANONYMOUS_NOUNS or _marked_anonymous(head)
    if anonymous:
        return None if _names_members(head) else "anonymous"
    if lemma in OFFICE_HOLDERS or _possessed(head) or _names_members(head) or _affiliated(head):
        return None
    if lemma in STAFF_NOUNS and _of_a_named_person(head):
        return None  # "advisers to Mr. Obama", "McConnell aides": as "his aides", a person's people
    if _refers_back_to_named(head):
        return None  # "Senators Grassley and Leahy ... what the senators said"
    if any(c.dep_ == "det" and c.lower_ == "both" for c in head.children) and not any(
        c.dep_ == "conj" for c in head.children
    ):
        return None  # "both men said": a pair the story has named
    return reason


def is_vague_holder(head: Token, verb: Token | None = None) -> bool:
    """The predicate ``sources.py`` uses for ``Attribution.vague``: ``head`` heads an
    unnamed holder, and ``verb`` (when given) states a view."""
    reason = unnamed_holder(head)
    if reason is None:
        return False
    return verb is None or stance_of(verb, holder_is_document=reason == "unnamed-document")


def _group_kind(head: Token) -> Reason | None:
    lemma = head.lemma_.lower()
    plural = head.tag_ in {"NNS", "NNPS"}
    if plural and head.text[:1].isupper() and _family_named_in_story(head):
        return None  # "the Khans say", after "Khizr Khan and Ghazala Khan": a named family
    if head.ent_type_ == "NORP" and plural:
        return "party"  # "Democrats", "Europeans"
    if head.pos_ != "NOUN" or head.ent_type_ in NAMING_ENTITIES:
        return None  # a name, even one the tagger reads as a plural noun ("Sanders said")
    if head.is_title and (not head.is_sent_start or named_in_story(head.doc, {head.text}, {"PERSON"})):
        return None  # "Sanders basically tied Clinton": a name opening the sentence
    if not plural:
        if lemma in SINGULAR_COLLECTIVES and not any(c.dep_ == "poss" for c in head.children):
            return "group"
        return None
    if lemma in PERSON_NOUNS or lemma in GROUP_NOUNS or lemma in OFFICE_HOLDERS:
        return "group"
    return "group" if _is_person_noun(lemma) else None


def _family_named_in_story(head: Token) -> bool:
    """A plural of a surname the story gives a person ("the Khans", "the Joneses")."""
    word = head.text
    singular = {word[:-1]} if word.endswith("s") else set()
    if word.endswith("es"):
        singular.add(word[:-2])
    return bool(singular) and named_in_story(head.doc, singular, {"PERSON"})


def _counted(head: Token) -> bool:
    """A number of people, or a share of them, is a figure (figure-unsourced's case)."""
    if head.like_num or head.ent_type_ in {"PERCENT", "CARDINAL", "QUANTITY"}:
        return True
    return any(
        (c.dep_ == "nummod" or c.like_num) and c.ent_type_ != "MONEY" for c in head.children if c.i < head.i
    )


def is_person_noun(head: Token) -> bool:
    """Whether a common noun stands for a person, or people: "a farmer", "officials",
    "one source", "the mayor". Not a thing, a document, a body or a number."""
    lemma = head.lemma_.lower()
    # a lower-case word the tagger took for a name is a common noun ("the senator said")
    if not (head.pos_ == "NOUN" or head.pos_ == "PROPN" and head.is_lower) or head.like_num:
        return False
    return (
        lemma in PERSON_NOUNS or lemma in OFFICE_HOLDERS or lemma in ANONYMOUS_NOUNS or _is_person_noun(lemma)
    )


def _is_person_noun(lemma: str) -> bool:
    """An agent noun by its suffix: economist, historian, trader, investor, resident."""
    if lemma in _NOT_PERSON or lemma.endswith("ment") or len(lemma) < 5:
        return False
    return lemma.endswith(_AGENT_SUFFIXES)


def _of_object(head: Token) -> Token | None:
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def _names_members(head: Token) -> bool:
    """A person or organisation listed in the group: "experts, including John Smith",
    "Smith and other economists", "analysts such as Jane Doe"."""
    for c in head.children:
        listing = c.dep_ in {"appos", "conj"} or _specifying(c)
        if listing and any(t.ent_type_ in {"PERSON", "ORG"} for t in c.subtree):
            return True
    return False


def _specifying(prep: Token) -> bool:
    """A preposition that lists members: "including", "like", "among", "such as"."""
    return prep.dep_ == "prep" and (
        prep.lower_ in SPECIFYING_PREPS or prep.lower_ == "as" and prep.nbor(-1).lower_ == "such"
    )


# Verbs that make people a poll's sample ("those surveyed", "voters polled").
SAMPLING_VERBS = _words("survey poll sample")


def _respondents_of_a_named_poll(head: Token) -> bool:
    """ "By 58%-33%, those surveyed said ...", "respondents said ...", in a story that
    has named its poll before: the sample speaks through the poll, which is named. An
    unnamed poll's sample stays as vague as the poll."""
    participles = [
        c
        for c in head.children
        if c.dep_ in {"acl", "relcl", "amod"} and c.tag_ == "VBN" and c.lemma_.lower() in SAMPLING_VERBS
    ]
    if not participles and head.lemma_.lower() != "respondent":
        return False
    if any(
        o.ent_type_ in NAMING_ENTITIES or o.pos_ == "PROPN"
        for p in participles
        for agent in p.children
        if agent.dep_ == "agent"
        for o in agent.children
    ):
        return True  # "voters surveyed by the Harbour Institute"
    # a poll named before: "a Military Times survey", "a poll released by The Post"
    return any(
        (token.lemma_.lower() in POLL_NOUNS or token.lower_ in POLL_NOUNS)
        and any(t.ent_type_ in NAMING_ENTITIES or (t.pos_ == "PROPN" and t != token) for t in token.subtree)
        for token in head.doc[: head.i]
    )


# Determiners that point back at people already in the story.
_ANAPHORIC_DETERMINERS = frozenset({"the", "these", "those"})


def _refers_back_to_named(head: Token) -> bool:
    """ "the senators" after "Senators Charles Grassley and Patrick Leahy", "these
    economists" after "Jane Roe and Tom Vik, economists at ...", "the candidates" after
    "four candidates, including Russ Feingold and Ann Kirkpatrick": a definite plural whose
    noun the story has already given to named people is those people, named. The earlier
    mention must put the noun on a name (a title before it, an apposition to it): "two
    officials said ... the officials added" stays unnamed, and so do "Clinton supporters
    ... the supporters", whose name says whose people they are, not who."""
    if head.tag_ != "NNS" or not any(
        c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETERMINERS for c in head.children
    ):
        return False
    lemma = head.lemma_.lower()
    for token in head.doc[: head.i]:
        if token.lemma_.lower() != lemma and token.lower_ != head.lower_:
            continue
        on_a_name = (
            token.ent_type_ == "PERSON"  # "Senators Charles Grassley" read as one name
            or (token.dep_ in {"compound", "appos", "nmod"} and token.head.ent_type_ == "PERSON")
            or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)
            # "Jane Roe and Tom Vik, economists at ...": an apposition the parser may read
            # as a second subject
            or (token.i >= 2 and token.nbor(-1).text == "," and token.nbor(-2).ent_type_ == "PERSON")
            # "four candidates are opting out, including Russ Feingold ...": its members named
            or _lists_named_people(token)
        )
        if on_a_name:
            return True
    return False


def _lists_named_people(noun: Token) -> bool:
    """ "candidates, including Russ Feingold and Ann Kirkpatrick", "critics such as Jo
    Reed": the people the noun stands for, listed by name. (A conjunct beside the noun,
    "voters and Mrs. Clinton", is someone else.)"""
    return any(_specifying(c) and any(t.ent_type_ == "PERSON" for t in c.subtree) for c in noun.children)


# People who work for someone: named by whom they work for, they are that person's people,
# as "his aides" are (FLAGS-GUIDE's labels call "His aides say" optional).
STAFF_NOUNS = _words("aide adviser advisor staffer lieutenant confidant")


def _of_a_named_person(head: Token) -> bool:
    """ "McConnell aides", "advisers to Mr. Obama", "aides of the senator's": the named
    person they work for, before the noun or after "to", "for" or "of"."""
    for c in head.children:
        if c.dep_ in {"compound", "nmod"} and c.ent_type_ == "PERSON":
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in {"to", "for", "of"}
            and any(o.dep_ == "pobj" and o.ent_type_ == "PERSON" for o in c.children)
        ):
            return True
    return False


def _possessed(head: Token) -> bool:
    """ "his aides", "Trump's advisers": the people of a named person (optional at most)."""
    return any(c.dep_ == "poss" for c in head.children)


def _affiliated(head: Token) -> bool:
    """An organisation the group speaks for: "White House officials", "economists at
    Goldman Sachs". A place or a nationality ("E.U. leaders", "experts in the United
    States") does not say who."""
    for c in head.children:
        if c.dep_ in {"compound", "nmod"} and (c.ent_type_ == "ORG" or c.pos_ == "PROPN" and not c.ent_type_):
            return True  # "RT journalists"; a person's name does not make a staff ("Clinton supporters")
        if (
            c.dep_ == "prep"
            and c.lower_ in {"at", "from", "with", "of", "for", "on", "inside", "within"}
            # "lawyers with the CARA Family Detention Project": an untyped name is an
            # organisation here as it is before the noun
            and any(
                o.dep_ == "pobj" and (o.ent_type_ == "ORG" or o.pos_ == "PROPN" and not o.ent_type_)
                for o in c.children
            )
        ):
            return True
    return False


def _marked_anonymous(head: Token) -> bool:
    """ "aides who asked not to be named", "officials who spoke on condition of anonymity"."""
    for c in head.children:
        if c.dep_ not in {"relcl", "acl", "amod", "prep"}:
            continue
        for t in c.subtree:
            lemma = t.lemma_.lower()
            if lemma in _ANONYMITY:
                return True
            if lemma in _ANONYMITY_VERBS and any(n.dep_ == "neg" for n in t.children):
                return True
    return False


def _unnamed_document(head: Token) -> bool:
    """ "polls show", "a recent study", "research": no pollster, author or title named."""
    plural = head.tag_ == "NNS"
    mass = head.lemma_.lower() in {"research", "evidence"}
    if any(t.ent_type_ in NAMING_ENTITIES for t in head.subtree):
        return False  # "a survey by Gallup", "a study that appeared in the BMJ"
    if any(
        t.i < head.i and t.dep_ == "compound" and t.pos_ == "PROPN" and not t.ent_type_ for t in head.subtree
    ):
        # "a USA TODAY analysis": a proper name the entity recogniser left untyped. (Places,
        # dates and nationalities it types: "a Florida poll", "a March poll" name no one.)
        return False
    if _possessed(head):
        return False
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    if not plural and not mass:
        return bool(dets) and dets[0] in {"a", "an", "one", "another", "some"}
    return not any(d in _DEFINITE - {"the"} for d in dets)


def according_object(to: Token) -> Token | None:
    """The holder "according to" names: the object of ``to``."""
    for c in to.children:
        if c.dep_ == "pobj":
            return c
    for c in to.children:  # "according to show insiders", read as a verb and its object
        if c.dep_ == "pcomp":
            objs = [o for o in c.children if o.dep_ in {"dobj", "pobj"}]
            return objs[0] if objs else c
    return None
