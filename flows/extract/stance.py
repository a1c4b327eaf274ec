"""Stance verbs: whether a verb states a view held by its holder.

One job: given a verb (and whether its holder is a document), say whether it reports a
claim, a belief, a worry, a judgement or a link ("say", "fear", "criticize", "link",
"express concern"), as against an act or an experience ("called for a prosecutor", "saw
the debate", "agreed to share"). Who holds the view is ``copydesk.flows.extract.holders``'s job.

The word classes are general classes, not word lists: they follow VerbNet's classes of
saying, believing, judging, feeling and linking, plus the light verbs and stance nouns of
"express concern", so they name English verbs of stance, never words collected from the
articles the rule was measured on. A verb enters by the class it belongs to.

Everything here is a function of parsed tokens: no file system, no Prefect.
"""

from __future__ import annotations

from spacy.tokens import Token

from copydesk.flows.extract.mood import IRREALIS_MODALS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
# Verbs of authorship (VerbNet's create-26.4 for texts): in the passive, their agent is who
# made a text ("a book co-written by contractors"), not someone holding a view.
AUTHORING = _words("write co-write cowrite author co-author coauthor pen draft compose")
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
# signal", "call them reckless", "feel betrayed", "know that it failed" ("know this": a
# fact already stated); "saw the debate", "called on them", "viewed by 14 million",
# "reckon with the costs", "know the candidate" are not views.
NEEDS_COMPLEMENT = _words("see view regard reckon judge deem feel add know")
# Objects that stand for a proposition already stated: "Politicians know this".
PROPOSITION_PRONOUNS = _words("this that it")
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "oprd", "acomp"})
# "call" states a view only when it names something ("critics called it reckless");
# "called for a prosecutor", "called on voters" are demands.
_NAMING_ONLY = _words("call dub label brand")
# "agreed to share", "refused to say": an act, not a view.
_ACT_WITH_INFINITIVE = _words("agree decline refuse")

PEOPLE_STANCE = COMMUNICATION | COGNITION | EVALUATION | LINKING
DOCUMENT_STANCE = SHOWING | _words("say suggest warn conclude estimate predict project forecast")


def stance_of(verb: Token, holder_is_document: bool = False) -> bool:
    """Whether ``verb`` states a view held by its holder."""
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "prt" and c.lower_ in _NOT_STANCE_PARTICLES for c in verb.children):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if auxes & IRREALIS_MODALS and "have" in auxes:
        # "few people would have described him so": a counterfactual, a view nobody held.
        # "Some would say" stays a stance: the classic way to hide who says it.
        return False
    if holder_is_document:
        return lemma in DOCUMENT_STANCE
    if lemma in NEEDS_COMPLEMENT:
        return any(
            c.lower_ == "as"
            or c.dep_ in _COMPLEMENTS
            and (c.pos_ != "VERB" or _finite(c))
            or (lemma == "know" and c.dep_ == "dobj" and c.lower_ in PROPOSITION_PRONOUNS)
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
