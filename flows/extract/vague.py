"""Vague attribution: a stance (a claim, a belief, a worry, a judgement) held by an unnamed
group or authority, read from the parse.

A finding needs two things:

- a **stance verb**: a verb of saying, believing, judging, feeling, showing or linking
  (``STANCE_VERBS``), or a light verb whose object names a stance ("express concern");
- its **holder**, wherever the clause puts it: the subject of the verb ("critics say"),
  the agent of a passive ("seen by most traders"), the noun a participle or relative
  clause hangs on ("economists warning", "Democrats, who have questioned"), the object of
  "according to", the experiencer object of a psych or causative verb ("that worries
  environmentalists", "leaves many convinced");

and the holder must be **unnamed**: a quantifier or indefinite pronoun ("some", "many",
"those close to him"), a plural noun for people or groups (a nationality or party from
the entity recogniser, an agent noun by its suffix, or a general person/group noun), an
anonymous source ("sources", "aides who asked not to be named"), or a poll, study or
report that names no pollster or author ("polls show", "a recent study found").

It is not vague when the group is made specific (a person or organisation listed in it,
"a survey by Gallup", a possessor: "his aides"), when it speaks for a named institution
in the way one official does ("police officials said" is quote-anonymous's case), when
the holder is itself the content of another attribution ("Smith said many voters fear"),
or when a named source attributes a claim in the same or the next sentence (the labels
call that optional: a copy chief reads the claim as backed).

Everything here is a function of one parsed ``Doc``: no file system, no Prefect.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from flows.extract.doccache import sentences, text_of


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---------------------------------------------------------------- verb classes
# Stance verbs, by lemma, grouped after the VerbNet classes they come from (say-37.7,
# lecture-37.11, complain-37.8, advise-37.9, conjecture-29.5, consider-29.9,
# characterize-29.2, judgment-33, admire-31.2, marvel-31.3, correlate-86.1). They are the
# verbs whose subject holds a view: the class is general English, not words collected
# from the articles this rule was measured on.
COMMUNICATION = _words(
    """
    say tell claim assert argue contend insist maintain state declare note add explain suggest warn
    caution predict acknowledge admit concede confirm deny allege complain charge accuse question
    challenge dispute disagree agree concur counter reply respond describe call label dub brand
    characterize characterise cite write tweet speculate estimate forecast project testify stress
    emphasize emphasise grumble lament protest object contest point remark observe whisper
    """
)
COGNITION = _words(
    """
    believe think suspect assume presume guess suppose reckon conclude expect anticipate doubt
    know understand consider regard view see deem judge feel sense recognize recognise accept
    imagine wonder foresee bet worry fear hope dread regret resent mistrust distrust trust
    fret despair wish
    """
)
EVALUATION = _words(
    """
    praise criticize criticise condemn applaud blame deride denounce fault hail laud ridicule mock
    slam blast lambaste lambast pan decry dismiss disparage assail castigate scold rebuke welcome
    embrace endorse favor favour oppose prefer credit commend celebrate dislike scorn
    pillory
    """
)
# The criticism verbs of judgment-33 whose passive without an agent hides the critics.
CRITICISM = _words(
    """
    criticize criticise condemn deride denounce fault ridicule mock slam blast lambaste lambast pan
    decry disparage assail castigate scold rebuke pillory
    """
)
# correlate-86.1 / attribute: "experts have linked the breach to ...".
LINKING = _words("link attribute tie connect trace")
# Verbs by which a document speaks ("polls show", "a study found"); a person who "shows"
# something is not stating a view, so these count for documents only.
SHOWING = _words("show indicate reveal demonstrate find suggest confirm point put give")
# amuse-31.1: the experiencer is the object ("that worries environmentalists").
OBJECT_EXPERIENCER = _words(
    """
    worry concern alarm trouble frighten scare anger upset disturb frustrate convince persuade
    reassure dismay disappoint unsettle unnerve bother puzzle baffle irritate outrage
    """
)
# "leaves many convinced", "has experts worried": a causative whose object holds the view
# named by its complement.
CAUSATIVE = _words("leave make keep get have")
# Light verbs that take a stance as their object: "express concern", "share apprehensions".
LIGHT_VERBS = _words("express voice share raise harbor harbour air register")
# Nouns that name a stance, the objects that turn a light verb into a stance verb.
STANCE_NOUNS = _words(
    """
    concern worry fear doubt reservation apprehension misgiving skepticism scepticism criticism
    objection opposition support hope optimism pessimism confidence frustration anger alarm
    outrage dismay suspicion belief view opinion unease complaint praise question
    """
)
# Adjectives and participles that state a view when predicated of the holder.
STANCE_ADJECTIVES = _words(
    """
    convinced worried concerned skeptical sceptical confident optimistic pessimistic wary
    fearful hopeful doubtful sure certain critical supportive angry frustrated uneasy nervous
    """
)
# A particle that turns a stance verb into something else: "show up", "back down".
_NOT_STANCE_PARTICLES = _words("up off down away over")
# Verbs that state a view only with a predicate or a clause after them: "see it as a
# signal", "call them reckless", "feel betrayed"; "saw the debate", "called on them",
# "viewed by 14 million", "reckon with the costs" are not views.
NEEDS_COMPLEMENT = _words("see view regard reckon judge deem feel add")
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "oprd", "acomp"})
# "call" states a view only when it names something ("critics called it reckless");
# "called for a prosecutor", "called on voters" are demands.
_NAMING_ONLY = _words("call dub label brand")
# "agreed to share", "refused to say": an act, not a view.
_ACT_WITH_INFINITIVE = _words("agree decline refuse")

PEOPLE_STANCE = COMMUNICATION | COGNITION | EVALUATION | LINKING
DOCUMENT_STANCE = SHOWING | _words("say suggest warn conclude estimate predict project forecast")

# ---------------------------------------------------------------- holder classes
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
DOCUMENT_NOUNS = _words("poll survey study research report analysis evidence estimate")
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

_RELATIVE_PRONOUNS = _words("who that which whom")
_HYPOTHETICAL = _words("if when whenever unless once")
_PERSONAL = _words("i we you he she they")
_SPECIFYING_PREPS = _words("including like among")
_DEFINITE = _words("the this that these those its their his her our my your")
# Entities that name who: a person, an organisation, a named work or product.
_NAMING_ENTITIES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC"})

Reason = Literal["quantifier", "group", "party", "anonymous", "unnamed-document", "impersonal", "agentless"]


@dataclass(frozen=True)
class VagueClaim:
    """A stance held by an unnamed group, as found in one sentence."""

    start: int  # character offsets into the Doc's text, covering the holder and the stance
    end: int
    holder: str  # the group phrase: "some Democrats", "polls", "show insiders"
    stance: str  # the verb that states the view: "say", "worry", "according to"
    reason: Reason  # why the holder names no one


# ---------------------------------------------------------------- predicates
def stance_of(verb: Token, holder_is_document: bool = False) -> bool:
    """Whether ``verb`` states a view held by its holder."""
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "prt" and c.lower_ in _NOT_STANCE_PARTICLES for c in verb.children):
        return False
    if holder_is_document:
        return lemma in DOCUMENT_STANCE
    if lemma in NEEDS_COMPLEMENT:
        return any(
            c.lower_ == "as" or c.dep_ in _COMPLEMENTS and (c.pos_ != "VERB" or _finite(c))
            for c in verb.children
        )  # "have seen their jobless rate fall" is an experience, not a view
    if lemma in _NAMING_ONLY:
        return any(c.dep_ in {"oprd", "ccomp"} for c in verb.children)
    if lemma in _ACT_WITH_INFINITIVE and any(c.dep_ == "xcomp" for c in verb.children):
        return False
    if lemma in PEOPLE_STANCE:
        return True
    if lemma in LIGHT_VERBS:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in STANCE_NOUNS for c in verb.children)
    return False


def _finite(verb: Token) -> bool:
    """A clause with a tensed verb or a modal ("that rates will rise"), not a bare
    infinitive or participle ("their jobless rate fall")."""
    return verb.tag_ in {"VBD", "VBP", "VBZ"} or any(
        c.dep_ in {"aux", "auxpass", "mark"} and c.lower_ != "to" for c in verb.children
    )


def _is_actor(subject: Token) -> bool:
    """A person or organisation doing something to people ("he angered Jewish leaders",
    "the BBC angered ministers"), as against a fact or an idea that worries them."""
    return (
        subject.pos_ == "PROPN"
        or subject.pos_ == "PRON"
        and subject.lower_
        not in {
            "it",
            "this",
            "that",
            "which",
            "what",
        }
    )


def unnamed_holder(head: Token) -> Reason | None:
    """Why the phrase headed by ``head`` names no one, or None when it names someone (or
    is not a group of people at all)."""
    lower, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ == "PRON" and lower not in QUANTIFIERS:
        return None
    if lower in QUANTIFIERS or lemma in QUANTIFIERS:
        if lower == "those" and not any(c.dep_ in {"amod", "relcl", "acl", "prep"} for c in head.children):
            return None  # "those" alone points back at something named
        of = _of_object(head)
        if of is not None and of.pos_ == "PROPN" and of.ent_type_ in _NAMING_ENTITIES:
            return None  # "some of Smith's aides" is still vague, "many of Gallup's" is not a group
        return None if _names_members(head) else "quantifier"
    if _counted(head):
        return None  # "two officials", "52 percent of voters": counted people are a figure
    of = _of_object(head) if lemma in PARTITIVES else None
    if of is not None:
        return unnamed_holder(of)  # "a number of economists": the economists hold it
    if lemma in DOCUMENT_NOUNS:
        return "unnamed-document" if _unnamed_document(head) else None
    reason = _group_kind(head)
    if reason is None:
        return None
    anonymous = lemma in ANONYMOUS_NOUNS or _marked_anonymous(head)
    if anonymous:
        return None if _names_members(head) else "anonymous"
    if lemma in OFFICE_HOLDERS or _possessed(head) or _names_members(head) or _affiliated(head):
        return None
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
    if head.ent_type_ == "NORP" and plural:
        return "party"  # "Democrats", "Europeans"
    if head.pos_ != "NOUN" or head.ent_type_ in _NAMING_ENTITIES:
        return None  # a name, even one the tagger reads as a plural noun ("Sanders said")
    if head.is_title and not head.is_sent_start:
        return None
    if not plural:
        if lemma in SINGULAR_COLLECTIVES and not any(c.dep_ == "poss" for c in head.children):
            return "group"
        return None
    if lemma in PERSON_NOUNS or lemma in GROUP_NOUNS or lemma in OFFICE_HOLDERS:
        return "group"
    return "group" if _is_person_noun(lemma) else None


def _counted(head: Token) -> bool:
    """A number of people, or a share of them, is a figure (figure-unsourced's case)."""
    if head.like_num or head.ent_type_ in {"PERCENT", "CARDINAL", "QUANTITY"}:
        return True
    return any(
        (c.dep_ == "nummod" or c.like_num) and c.ent_type_ != "MONEY" for c in head.children if c.i < head.i
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
        listing = c.dep_ in {"appos", "conj"} or (
            c.dep_ == "prep"
            and (c.lower_ in _SPECIFYING_PREPS or c.lower_ == "as" and c.nbor(-1).lower_ == "such")
        )
        if listing and any(t.ent_type_ in {"PERSON", "ORG"} for t in c.subtree):
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
            and any(o.dep_ == "pobj" and o.ent_type_ == "ORG" for o in c.children)
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
    if any(t.ent_type_ in _NAMING_ENTITIES for t in head.subtree):
        return False  # "a survey by Gallup", "a study that appeared in the BMJ"
    if _possessed(head):
        return False
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    if not plural and not mass:
        return bool(dets) and dets[0] in {"a", "an", "one", "another", "some"}
    return not any(d in _DEFINITE - {"the"} for d in dets)


# ---------------------------------------------------------------- extraction
def extract_vague(doc: Doc, skip: bytearray | None = None) -> Iterator[VagueClaim]:
    """Every stance held by an unnamed group in ``doc``, in text order. ``skip`` marks
    characters inside direct quotes: a speaker's own words are not the article's claim."""
    sents = sentences(doc)
    text = text_of(doc)
    named = [_named_sources(s, skip) for s in sents]
    for k, sent in enumerate(sents):
        # The whole sentence is a named source's ("According to Smith, ...").
        if _according_to_named(sent) or _compared_with_named(sent):
            continue
        # Named sources in this sentence or the next: one of the group, named, backs the
        # claim (optional in the labels).
        nearby = named[k] + (named[k + 1] if k + 1 < len(sents) else [])
        found: list[VagueClaim] = []
        seen: set[int] = set()
        # A group that is the speaker of a quote ("Mexicans often say, '...'") is for the
        # quote rules, whichever of its verbs comes first.
        claims = [c for c in map(_claim_at, (t for t in sent if skip is None or not skip[t.idx])) if c]
        speakers = {_key(c) for c in claims if _introduces_quote(c[1].root, skip)}
        for claim in claims:
            holder, verb_span, reason, stance = claim
            key = _key(claim)
            if any(_backs(n, holder) for n in nearby):
                continue
            if (
                key in seen
                or key in speakers
                or (holder is not None and skip is not None and skip[holder.idx])
            ):
                continue
            if reason == "unnamed-document" and (
                _carries_poll_figure(sent) or k + 1 < len(sents) and _names_document(holder, sents[k + 1])
            ):
                # "a ten-point lead, according to exit polls": figure-unsourced's case;
                # "a new poll has found ... The poll, by the Public Policy Institute": named.
                continue
            seen.add(key)
            found.append(_record(text, holder, verb_span, reason, stance))
        # An agentless "has been criticized" next to a named-by-group holder is the same
        # critics: one finding for the sentence, on the holder.
        explicit = [f for f in found if f.reason != "agentless"]
        yield from explicit or found


def _key(claim: tuple[Token | None, Span, Reason, str]) -> int:
    """One finding per holder; a holderless passive is keyed by its verb."""
    holder, verb_span = claim[0], claim[1]
    return holder.i if holder is not None else -1 - verb_span.root.i


def _claim_at(token: Token) -> tuple[Token | None, Span, Reason, str] | None:
    """The unnamed holder of the stance ``token`` states, if it has one."""
    doc = token.doc
    if token.lower_ == "according" and token.i + 1 < len(doc) and token.nbor().lower_ == "to":
        obj = _according_object(token.nbor())
        reason = unnamed_holder(obj) if obj is not None else None
        return (obj, doc[token.i : token.i + 2], reason, "according to") if reason else None
    if not token.tag_.startswith("VB") or _embedded_in_attribution(token):
        return None
    if any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in _HYPOTHETICAL and c.i < token.i for c in token.children
    ):
        return None  # "when voters judge that ...": a case supposed, not a view reported
    if (
        token.tag_ == "VB"
        and token.dep_ in {"ccomp", "xcomp", "advcl", "relcl", "acl"}
        and not any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lemma_ == "do") for c in token.children)
    ):
        return None  # "help people understand": an infinitive complement states no one's view
    lemma = token.lemma_.lower()
    # "it is widely believed that ...": a passive with an empty subject hides the holder.
    if token.tag_ == "VBN" and lemma in COGNITION | COMMUNICATION and _impersonal_passive(token):
        return None, _verb_phrase(token), "impersonal", token.text
    # "they have often been criticized for ...": criticism whose critics go unnamed.
    if token.tag_ == "VBN" and lemma in CRITICISM and _agentless_passive(token):
        return None, _verb_phrase(token), "agentless", token.text
    if any(c.dep_ == "nsubj" and (c.tag_ == "NNP" or c.lower_ in _PERSONAL) for c in token.children):
        return None  # "..., she said": a misparse can hang a second subject on a named speaker's verb
    for holder, verb, by_class in _holders(token):
        reason = unnamed_holder(holder)
        if reason is None:
            continue
        if not by_class and not stance_of(verb, holder_is_document=reason == "unnamed-document"):
            continue
        if _listed_beside(holder, token):
            continue
        return holder, _verb_phrase(token), reason, token.text
    return None


def _listed_beside(holder: Token, verb: Token) -> bool:
    """ "angered some Democrats on the left, like Mr. Sanders": the parser often hangs the
    list of members on the verb instead of the group."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in _SPECIFYING_PREPS
        and c.i > holder.i
        and any(t.ent_type_ in {"PERSON", "ORG"} for t in c.subtree)
        for c in verb.children
    )


def _holders(verb: Token) -> Iterator[tuple[Token, Token, bool]]:
    """(holder, the verb that carries the stance, whether the construction alone makes it
    a stance) for each place the parse can put the holder of ``verb``'s stance."""
    lemma = verb.lemma_.lower()
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for s in subjects:
        if s.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            # "Democrats, who have questioned": a comma makes the clause say what the
            # group holds; without one it only says which group ("nations that oppose").
            if s.i > 0 and s.nbor(-1).text == ",":
                yield verb.head, verb, False
        else:
            yield s, verb, False
    # "Many Mexicans felt betrayed": the small model reads "felt" as a passive auxiliary.
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"feel", "feels", "felt"} for c in verb.children):
        for s in (c for c in verb.children if c.dep_ == "nsubjpass"):
            yield s, verb, True
    # Passive with an agent: "seen by most traders", "called a charlatan by physicians".
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for o in agent.children:
            if o.dep_ == "pobj":
                yield o, verb, False
    if not subjects:
        # A participle on its noun: "economists warning", "with analysts predicting".
        if verb.tag_ == "VBG" and verb.dep_ in {"acl", "relcl"}:
            yield verb.head, verb, False
        # An adverbial participle shares its clause's subject: "leaders ..., warning that".
        if verb.tag_ == "VBG" and verb.dep_ == "advcl":
            for s in verb.head.children:
                if s.dep_ == "nsubj":
                    yield s, verb, False
        # The parser sometimes loses the subject of a reduced clause ("the $20 million
        # experts say it costs"): take the plural noun right before a finite verb.
        if (
            verb.tag_ in {"VBP", "VBD"}
            and verb.i > 0
            and not any(c.dep_ in {"nsubjpass", "expl", "csubj"} for c in verb.children)
        ):
            prev = verb.nbor(-1)
            while prev.dep_ in {"advmod", "aux", "neg"} and prev.i > 0:
                prev = prev.nbor(-1)
            if prev.tag_ == "NNS" and prev.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
                yield prev, verb, False
    # The experiencer object: "that worries environmentalists". Not when a named actor
    # does something to people ("the BBC angered ministers") or makes them act
    # ("persuading buyers to pay").
    if (
        lemma in OBJECT_EXPERIENCER
        and not any(c.dep_ == "nsubj" and _is_actor(c) for c in verb.children)
        and not any(c.dep_ == "xcomp" for c in verb.children)
    ):
        for o in verb.children:
            if o.dep_ == "dobj":
                yield o, verb, True
    # A causative with a stance complement: "leaves many convinced", "has experts worried".
    if lemma in CAUSATIVE:
        complement = [
            c
            for c in verb.children
            if c.dep_ in {"advcl", "oprd", "ccomp", "xcomp", "acomp"}
            and (c.lemma_.lower() in STANCE_ADJECTIVES or c.lower_ in STANCE_ADJECTIVES or stance_of(c))
        ]
        if complement:
            for o in verb.children:
                if o.dep_ == "dobj":
                    yield o, complement[0], True


def _according_object(to: Token) -> Token | None:
    for c in to.children:
        if c.dep_ == "pobj":
            return c
    for c in to.children:  # "according to show insiders", read as a verb and its object
        if c.dep_ == "pcomp":
            objs = [o for o in c.children if o.dep_ in {"dobj", "pobj"}]
            return objs[0] if objs else c
    return None


def _impersonal_passive(verb: Token) -> bool:
    kids = list(verb.children)
    return (
        any(c.dep_ in {"nsubjpass", "expl"} and c.lower_ == "it" for c in kids)
        and any(c.dep_ == "auxpass" for c in kids)
        and any(
            c.dep_ == "ccomp" and c.i > verb.i and not any(a.lower_ == "to" for a in c.children) for c in kids
        )
        and not any(c.dep_ == "agent" for c in kids)
    )


def _agentless_passive(verb: Token) -> bool:
    kids = list(verb.children)
    return any(c.dep_ == "auxpass" for c in kids) and not any(c.dep_ == "agent" for c in kids)


_OPENING_QUOTES = ('"', "\u201c", "''", "``", "\u2018")


def _introduces_quote(verb: Token, skip: bytearray | None) -> bool:
    """Whether ``verb`` attributes a direct quote: its clause is inside quotation marks,
    or a quotation opens right after it ("saying his 'start-up capital was less'",
    "Mexicans often say, ''Poor Mexico ...''")."""
    if skip is not None and any(
        c.dep_ in {"ccomp", "xcomp", "dobj", "oprd"} and skip[c.idx] for c in verb.children
    ):
        return True
    after = text_of(verb.doc)[verb.idx + len(verb.text) : verb.idx + len(verb.text) + 6].lstrip(" ,:")
    return after.startswith(_OPENING_QUOTES)


def _names_document(holder: Token | None, sent: Span) -> bool:
    """Whether ``sent`` names the poll or study ``holder`` left unnamed: it refers back to
    it ("The poll, released by the Public Policy Institute, ..."), not to another one."""
    if holder is None:
        return False
    lemma = holder.lemma_.lower()
    return any(
        t.lemma_.lower() == lemma
        and t.tag_ == holder.tag_  # "polls" are not referred back to as "the poll"
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in t.children)
        and any(d.ent_type_ in _NAMING_ENTITIES for d in t.subtree)
        for t in sent
    )


def _carries_poll_figure(sent: Span) -> bool:
    """A poll number in the sentence: a percentage or a lead in points."""
    for t in sent:
        if t.ent_type_ == "PERCENT" or t.lower_.endswith("-point"):
            return True
        if t.lemma_.lower() == "point" and t.i > sent.start and t.nbor(-1).like_num:
            return True
    return False


def _embedded_in_attribution(verb: Token) -> bool:
    """A stance inside what someone else is reported to say is that someone's claim:
    "Smith said many voters fear ...", "polls show few Americans think ...", "he told the
    meeting that few people understood ...", "according to Smith, ... many disagreed"."""
    node = verb
    for _ in range(6):
        clausal = node.dep_ in {"ccomp", "xcomp", "dep"} or any(
            c.dep_ == "mark" and c.lower_ == "that" for c in node.children
        )
        if not clausal or node.head.i == node.i:
            break
        node = node.head
        while node.pos_ in {"NOUN", "PROPN", "ADP", "ADJ"} and node.head.i != node.i:
            if node.pos_ == "ADJ" and any(c.dep_ == "nsubj" for c in node.head.children):
                return True  # "I am glad journalists are pointing out", "not sure that voters believe"
            node = node.head  # "told a meeting that ...": the clause hangs on the object
        if node.lemma_.lower() in COMMUNICATION | COGNITION | SHOWING and any(
            c.dep_ in {"nsubj", "agent"} for c in node.children
        ):
            return True
    return False


def _according_to_named(sent: Span) -> bool:
    """ "According to Smith, ...": the whole sentence is Smith's."""
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.nbor().lower_ == "to":
            obj = _according_object(t.nbor())
            if obj is not None and _names_someone(obj):
                return True
    return False


def _verb_phrase(verb: Token) -> Span:
    """The verb with its auxiliaries and negation before it: "have often been criticized"."""
    doc = verb.doc
    start = verb.i
    for c in verb.children:
        if c.i < verb.i and c.dep_ in {"aux", "auxpass", "neg"} and verb.i - c.i <= 4:
            start = min(start, c.i)
    return doc[start : verb.i + 1]


_MAX_SPAN = 120


def _record(text: str, holder: Token | None, verb: Span, reason: Reason, stance: str) -> VagueClaim:
    if holder is None:
        # "It is widely believed"; for "the plan has been criticized", the verb phrase.
        subj = [c for c in verb.root.children if c.dep_ in {"nsubjpass", "expl"} and c.lower_ == "it"]
        start = min([verb.start_char] + [s.idx for s in subj if s.i < verb.root.i])
        return VagueClaim(start, verb.end_char, "", stance, reason)
    doc = holder.doc
    left = holder.left_edge.i
    full = doc[left : holder.right_edge.i + 1]
    head_phrase = doc[left : holder.i + 1]
    phrase = full if len(full.text) <= 60 and not (full.start <= verb.start < full.end) else head_phrase
    start = min(phrase.start_char, verb.start_char)
    end = max(phrase.end_char, verb.end_char)
    if end - start > _MAX_SPAN:
        start, end = phrase.start_char, phrase.end_char
    return VagueClaim(start, end, phrase.text, stance, reason)


# ---------------------------------------------------------------- named backing
@dataclass(frozen=True)
class _NamedSource:
    """A named person or organisation introduced as holding a view, with the words that
    say who they are: "Jane Roe, an economist at the Urban Institute" -> {"economist",
    "urban", "institute"}, names an organisation."""

    description: frozenset[str]
    names_organisation: bool


def _named_sources(sent: Span, skip: bytearray | None) -> list[_NamedSource]:
    """The named sources ``sent`` brings in for a view: a named person or organisation
    introduced by who they are ("said Jane Roe, a tax expert", "Tomas Vik, who leads the
    Wetlands Trust, said"), as the subject of a verb of saying or thinking. A name already
    known ("he said", "Trump called") is the story's subject speaking for himself."""
    out = []
    for token in sent:
        if skip is not None and skip[token.idx]:
            continue
        if not token.tag_.startswith("VB") or token.lemma_.lower() not in COMMUNICATION | COGNITION:
            continue
        for c in token.children:
            if c.dep_ == "nsubj":
                described = _description(c)
                if described:
                    words = frozenset(_stem(t) for t in described if t.is_alpha)
                    out.append(_NamedSource(words, any(t.ent_type_ == "ORG" for t in described)))
    return out


def _description(head: Token) -> list[Token]:
    """The words that introduce a named subject, or [] when it is not a name introduced."""
    if head.pos_ == "PROPN" and head.ent_type_ not in {"GPE", "LOC", "NORP", "DATE", "EVENT"}:
        # "Jane Roe, a tax expert", "Jane Roe, who leads the trust", "Jane Roe of the Urban
        # Institute", "economist Jane Roe"
        parts = [
            c
            for c in head.children
            if c.dep_ in {"appos", "relcl"}
            or c.dep_ == "prep"
            and c.lower_ in {"of", "at", "from"}
            or c.dep_ == "compound"
            and c.pos_ == "NOUN"
        ]
        return [t for part in parts for t in part.subtree]
    if head.pos_ == "NOUN" and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
        return list(head.subtree)  # "an economist, Jane Roe, said"
    return []


def _stem(token: Token) -> str:
    word = token.lemma_.lower()
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _backs(source: _NamedSource, holder: Token | None) -> bool:
    """Whether a named source is one of the unnamed group: "Economists warn ... said Jane
    Roe, an economist", "Environmental groups disagreed ... said Tomas Vik, who leads the
    Wetlands Trust". A quantifier ("some say") or an unnamed poll has no members to name."""
    if holder is None or holder.lower_ in QUANTIFIERS or holder.lemma_.lower() in QUANTIFIERS:
        return False
    if _stem(holder) in source.description:
        return True
    return holder.lemma_.lower() in GROUP_NOUNS and source.names_organisation


def _compared_with_named(sent: Span) -> bool:
    """ "Several experts cautioned, as did the Clinton campaign": a named source said the
    same in the same sentence."""
    for token in sent:
        if token.dep_ == "mark" and token.lower_ == "as" and token.head.lemma_.lower() in {"do", "say"}:
            subj = [c for c in token.head.children if c.dep_ == "nsubj"]
            if subj and any(t.pos_ == "PROPN" for t in subj[0].subtree):
                return True
    return False


def _names_someone(head: Token) -> bool:
    return head.pos_ == "PROPN" and head.ent_type_ not in {"GPE", "LOC", "NORP", "DATE", "EVENT"}
