"""Vague attribution: a stance (a claim, a belief, a worry, a judgement) held by an unnamed
group or authority, read from the parse.

A finding needs two things:

- a **stance verb**: a verb of saying, believing, judging, feeling, showing or linking
  (``copydesk.flows.extract.stance``), or a light verb whose object names a stance ("express concern");
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
call that optional: a copy chief reads the claim as backed). Nor is there a stance to
attribute when nothing is said (a negated verb of saying: "lawmakers have not said when";
a negated belief is still a view), when the writer prescribes ("voters should know"), or
when a figure counts the group ("42 percent of those responding": the figure is the claim).

The work is split by job: ``copydesk.flows.extract.stance`` says whether a verb states a view,
``copydesk.flows.extract.holders`` whether a holder names anyone, and ``copydesk.flows.extract.backing``
whether a named source nearby backs the claim. This module finds where the parse puts
each stance's holder and yields the findings.

Everything here is a function of one parsed ``Doc``: no file system, no Prefect.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.backing import (
    according_to_named,
    backs,
    compared_with_named,
    named_sources,
    names_document,
)
from copydesk.flows.extract.doccache import sentences, text_of
from copydesk.flows.extract.holders import (
    SPECIFYING_PREPS,
    Reason,
    according_object,
    is_person_noun,
    is_vague_holder,
    unnamed_holder,
)
from copydesk.flows.extract.lexicon import ACCUSING_VERBS, SHARE_WORDS
from copydesk.flows.extract.stance import (
    AUTHORING,
    CAUSATIVE,
    COGNITION,
    COMMUNICATION,
    CRITICISM,
    OBJECT_EXPERIENCER,
    SHOWING,
    STANCE_ADJECTIVES,
    stance_of,
)
from copydesk.flows.extract.tense import TENSED_TAGS

# ``is_vague_holder`` lives in ``copydesk.flows.extract.holders``; it stays importable from here.
__all__ = ["Reason", "VagueClaim", "extract_vague", "is_vague_holder"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_RELATIVE_PRONOUNS = _words("who that which whom")
# Verbs that report someone's view: what a stance can be embedded in, or reported by.
_REPORTING = COMMUNICATION | COGNITION | SHOWING
_HYPOTHETICAL = _words("if when whenever unless once")
_PERSONAL = _words("i we you he she they")
# "voters should know", "readers must decide": what the writer says a group ought to do,
# not a view the group holds.
_PRESCRIPTIVE = _words("should must ought")
# "those describing themselves as conservative": a reflexive object makes the stance the
# group's account of itself, which names the group, not a claim about the world.
_REFLEXIVES = _words("themselves himself herself itself ourselves myself yourself yourselves")
# What opens an embedded question: "define what voters think", "ask how residents feel",
# "unclear whether critics believe". A view asked about is no view reported.
_QUESTION_WORDS = _words("what how why whether")
# What states a view's content, which makes "what X calls Y" a claim, not a question:
# "what many Democrats view as unrealistic", "what Republicans say is overreach".
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "oprd", "acomp", "attr"})
# Where an embedded question stands: as an object or a complement, not as a subject
# ("What experts say is that ..." states the experts' view).
_QUESTION_DEPS = frozenset({"ccomp", "dobj", "pcomp", "pobj", "xcomp"})
# What a figure counts, when a group is the "of" phrase after it: "42 percent of those
# responding", "60 of the 100 economists surveyed" count the people, and the figure is the
# claim (figure-unsourced's, when nothing sources it). "Most of the economists", "half of
# them" stay vague: no count, a group's view (lexicon.SHARE_WORDS).


@dataclass(frozen=True)
class VagueClaim:
    """A stance held by an unnamed group, as found in one sentence."""

    start: int  # character offsets into the Doc's text, covering the holder and the stance
    end: int
    holder: str  # the group phrase: "some Democrats", "polls", "show insiders"
    stance: str  # the verb that states the view: "say", "worry", "according to"
    reason: Reason  # why the holder names no one


# ---------------------------------------------------------------- extraction
def extract_vague(doc: Doc, skip: bytearray | None = None) -> Iterator[VagueClaim]:
    """Every stance held by an unnamed group in ``doc``, in text order. ``skip`` marks
    characters inside direct quotes: a speaker's own words are not the article's claim."""
    sents = sentences(doc)
    text = text_of(doc)
    named = [named_sources(s, skip) for s in sents]
    for k, sent in enumerate(sents):
        # The whole sentence is a named source's ("According to Smith, ...").
        if according_to_named(sent) or compared_with_named(sent):
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
            if any(backs(n, holder) for n in nearby):
                continue
            if (
                key in seen
                or key in speakers
                or (holder is not None and skip is not None and skip[holder.idx])
            ):
                continue
            if reason == "unnamed-document" and (
                _carries_poll_figure(sent) or k + 1 < len(sents) and names_document(holder, sents[k + 1])
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
        obj = according_object(token.nbor())
        reason = unnamed_holder(obj) if obj is not None else None
        return (obj, doc[token.i : token.i + 2], reason, "according to") if reason else None
    if not token.tag_.startswith("VB") or _embedded_in_attribution(token):
        return None
    children = list(token.children)
    if any(c.dep_ == "aux" and c.lower_ in _PRESCRIPTIVE for c in children):
        return None  # "voters should know what those questions are": the writer's prescription
    if token.lemma_.lower() in COMMUNICATION and any(c.dep_ == "neg" for c in children):
        # "lawmakers have not said when ...": nothing said is nothing to attribute. (Not so
        # for belief: "critics do not believe it will work" is their view, negated.)
        return None
    if any(c.dep_ in {"mark", "advmod"} and c.lower_ in _HYPOTHETICAL and c.i < token.i for c in children):
        return None  # "when voters judge that ...": a case supposed, not a view reported
    if _measured_by_a_margin(token):
        return None  # "white voters, who favor Clinton by a 6-point margin": a poll's count
    if any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in children):
        return None  # "those describing themselves as very conservative": who they are
    if _embedded_question(token):
        return None  # "he has a year to define what people think of him"
    if _tells_a_thing(token):
        return None  # "an ad featuring Hispanics telling their family stories"
    if _only_addresses_someone(token):
        return None  # "Republicans are confirming judges", "reporters questioned the spokesman"
    if (
        token.tag_ == "VB"
        and token.dep_ in {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp"}
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
        if reason is None or _counted(holder) or _measured_by_a_share(token, holder):
            continue
        if not by_class and not stance_of(verb, holder_is_document=reason == "unnamed-document"):
            continue
        if _listed_beside(holder, token):
            continue
        if _reported_after(token):
            return None  # "Americans oppose the cuts, a new poll finds": the poll's finding
        return holder, _verb_phrase(token), reason, token.text
    return None


# Words that measure how far a group leans: "by a 6-point margin", "by 9 points".
_MARGIN_WORDS = frozenset({"margin", "point", "percent", "%", "percentage"})


def _tells_a_thing(verb: Token) -> bool:
    """ "telling their family stories", "the lies hucksters tell": "tell" whose object is a
    thing told, with no clause of what was said, names no view (who is told is a person or
    a body: "several aides told POLITICO, ..." still reports one)."""
    if verb.lemma_.lower() != "tell" or any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "relcl":
        objects.append(verb.head)  # "the lies hucksters tell them": the noun is what is told
    return any(
        o.pos_ == "NOUN" and not o.ent_type_ and not is_person_noun(o) and not is_vague_holder(o)
        for o in objects
    )


# A person as the object of these pronouns: "questioned him", "told them".
_OBJECT_PRONOUNS = _words("me us you him her them")


def _only_addresses_someone(verb: Token) -> bool:
    """ "Republicans are confirming judges", "reporters questioned the press secretary",
    "adoptees telling few people about their situations": a verb of saying whose object
    is a person and that says nothing (no clause, no quote, no predicate, no "as" or
    "of" phrase) is an act done to someone: nobody's view is reported. Not a verb of
    accusing, a claim about its object with nothing after it ("critics accused him"), not
    a cue set off as an aside, whose content is the sentence around it ("..., aides told
    POLITICO, ..."), nor "say", which never takes a person ("aides say the more delegates
    ..." is a misparse of what they said)."""
    lemma = verb.lemma_.lower()
    if lemma not in COMMUNICATION or lemma in ACCUSING_VERBS or lemma == "say":
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    if not objects or any(c.dep_ in _CONTENT_DEPS | {"parataxis"} for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"as", "of", "with", "that"} for c in verb.children):
        return False
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    opens = doc[first].text == "," or first > 0 and doc[first - 1].text == ","
    closes = doc[last].text == "," or last + 1 < len(doc) and doc[last + 1].text == ","
    if opens and closes:
        return False  # an aside: it reports the sentence it interrupts
    if any(t.is_punct for o in objects for t in doc[min(verb.i, o.i) + 1 : max(verb.i, o.i)]):
        return False  # "Pollsters agree - Carl Bialik: ...": no object, a misparse across punctuation
    return all(_a_person(o) for o in objects)


def _a_person(token: Token) -> bool:
    return (
        token.ent_type_ in {"PERSON", "ORG", "NORP"}
        or token.lower_ in _OBJECT_PRONOUNS
        or is_person_noun(token)
        or is_vague_holder(token)
    )


def _embedded_question(verb: Token) -> bool:
    """The verb's clause is a question embedded as an object or complement: "define what
    people think", "asked how voters feel", "unclear whether analysts expect a cut". The
    question word is the clause's first word before the verb. "What many Democrats view as
    unrealistic" gives the view's content: that is a claim, however it is phrased."""
    if verb.dep_ not in _QUESTION_DEPS:
        return False
    first = verb.left_edge
    if first.i >= verb.i or first.lower_ not in _QUESTION_WORDS or first.head != verb:
        return False  # "what most would agree was poor judgment": "what" is the next clause's
    if first.lower_ == "whether":
        return True
    # "what X see as Y", "what X say is Y": the content is given, a claim in all but form,
    # also where the parser leaves the predicate outside the clause ("what most would
    # agree | was poor judgment")
    after = verb.right_edge.i + 1
    if after < len(verb.doc) and verb.doc[after].tag_ in TENSED_TAGS:
        return False
    return not any(c.dep_ in _CONTENT_DEPS or c.lower_ == "as" for c in verb.children)


def _measured_by_a_margin(verb: Token) -> bool:
    """The stance is measured: "voters favor Clinton by 9 points", "by a wide margin,
    supporters say ...". A poll counted the group; the figure is the claim (figure-
    unsourced's case), not an unnamed group's view."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "by"
        and any(
            o.dep_ == "pobj" and (o.like_num or any(t.lemma_.lower() in _MARGIN_WORDS for t in o.subtree))
            for o in c.children
        )
        for c in verb.children
    )


def _measured_by_a_share(verb: Token, holder: Token | None) -> bool:
    """The group's stance is given as a poll's share, set off beside the group or the verb:
    "distrusted by a large number of voters - 62 percent", "most oppose it, 59%-28%",
    "many voters distrust him, 62 percent in all". The share is the claim (figure-
    unsourced's case); the group is who a poll counted, not an authority."""
    hosts = {verb.i, *(c.i for c in verb.children if c.dep_ == "dobj")}  # "oppose it, 59%-28%"
    node = holder
    while node is not None and node.i != verb.i and node.head.i != node.i:
        hosts.add(node.i)  # the holder's phrase: "voters" -> "of" -> "number" -> "by"
        node = node.head
    for token in verb.subtree:
        if token.lower_ not in SHARE_WORDS or token.head.i not in hosts:
            continue
        edge = token.left_edge.i
        set_off = any(t.text in {",", "-", "–", "—"} for t in token.doc[max(edge - 1, 0) : edge + 1])
        if set_off and token.dep_ in {"appos", "npadvmod", "dobj"}:
            return True
    return False


def _counted(holder: Token) -> bool:
    """ "42 percent of those responding": the group is what a figure counts."""
    of = holder.head
    if holder.dep_ != "pobj" or of.lower_ != "of" or of.head is of:
        return False
    counter = of.head
    return (counter.like_num and counter.lower_ not in {"one", "half"}) or counter.lower_ in SHARE_WORDS


def _listed_beside(holder: Token, verb: Token) -> bool:
    """ "angered some Democrats on the left, like Mr. Sanders", "Republicans have said the
    same thing, including Mitt Romney": the parser often hangs the list of members on the
    verb, or on its object, instead of the group."""
    hosts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        c.dep_ == "prep"
        and c.lower_ in SPECIFYING_PREPS
        and c.i > holder.i
        and any(t.ent_type_ in {"PERSON", "ORG"} for t in c.subtree)
        for host in hosts
        for c in host.children
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
    # Not authorship: "a book co-written by contractors" says who wrote it, not what they hold.
    for agent in (c for c in verb.children if c.dep_ == "agent" and lemma not in AUTHORING):
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


def _carries_poll_figure(sent: Span) -> bool:
    """A poll number in the sentence: a percentage or a lead in points."""
    for t in sent:
        if t.ent_type_ == "PERCENT" or t.lower_.endswith("-point"):
            return True
        # "a 7 point lead", and "a ten-point lead", which the tokenizer splits at the hyphen
        if t.lemma_.lower() == "point" and any(c.like_num or c.dep_ == "nummod" for c in t.children):
            return True
        if t.lemma_.lower() == "point" and t.i > sent.start and t.nbor(-1).like_num:
            return True
    return False


def _embedded_in_attribution(verb: Token) -> bool:
    """A stance inside what someone else is reported to say is that someone's claim:
    "Smith said many voters fear ...", "polls show few Americans think ...", "he told the
    meeting that few people understood ...", "according to Smith, ... many disagreed".

    So is a clause joined to such content ("the Times found Democrats favored Clinton,
    while Republicans favored Trump") or hung on a noun inside it ("Republicans said he
    would have a hard time convincing the public"), unless it reports a statement of its
    own ("the mayor said it is safe, while critics say it is not": the parser hangs "say"
    inside what the mayor said)."""
    joined = verb.dep_ in {"advcl", "conj"} and verb.head.i != verb.i
    if joined and verb.lemma_.lower() not in _REPORTING and _embedded_in_attribution(verb.head):
        return True
    node = verb
    for _ in range(6):
        clausal = node.dep_ in {"ccomp", "xcomp", "dep", "acl"} or any(
            c.dep_ == "mark" and c.lower_ == "that" for c in node.children
        )
        if not clausal or node.head.i == node.i:
            break
        node = node.head
        while node.pos_ in {"NOUN", "PROPN", "ADP", "ADJ"} and node.head.i != node.i:
            if node.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                # "The rhetoric of candidates blasting Obama suggests ...": what hangs in the
                # subject is not what the verb reports
                return False
            if node.pos_ == "ADJ" and any(c.dep_ == "nsubj" for c in node.head.children):
                return True  # "I am glad journalists are pointing out", "not sure that voters believe"
            node = node.head  # "told a meeting that ...": the clause hangs on the object
        if node.lemma_.lower() in _REPORTING and any(c.dep_ in {"nsubj", "agent"} for c in node.children):
            return True
    return False


def _reported_after(verb: Token) -> bool:
    """ "Americans oppose the cuts, a new Harbour poll finds": a reporting clause after
    the stance, set off by a comma and with no content of its own. The parser hangs it
    anywhere in the stance's clause (on the verb as a conjunct, on the object as a
    relative clause) rather than above it."""
    doc = verb.doc
    for c in verb.subtree:
        if (
            c.i > verb.i
            and c.pos_ == "VERB"
            and c.dep_ in {"conj", "parataxis", "advcl", "ccomp", "relcl"}
            and c.lemma_.lower() in _REPORTING
            and any(s.dep_ == "nsubj" and s.lower_ not in _RELATIVE_PRONOUNS for s in c.children)
            # no content of its own, and no subordinator ("even if they did not agree")
            and not any(o.dep_ in {"dobj", "ccomp", "xcomp", "cc", "mark"} for o in c.children)
            and not any(t.dep_ == "cc" and t.head == c.head and t.i < c.i for t in c.head.children)
        ):
            first = c.left_edge.i
            if first > 0 and doc[first - 1].text == ",":
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
