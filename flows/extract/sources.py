"""Sources: footnote definitions, links and inline attribution phrases.

Inline attributions are read from the parse: "according to X", "X said", "a 2022 audit
by X", "the 1979 census shows". Vague ones ("observers believe", "sources close to the
matter") are kept too, marked ``vague`` by ``copydesk.flows.extract.vague``'s predicate, so they
never count as a figure's source; ``attribution-vague`` itself reads ``extract_vague``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.doccache import sentences, text_of
from copydesk.flows.extract.holders import GROUP_NOUNS, OFFICE_HOLDERS, is_person_noun, is_vague_holder
from copydesk.flows.extract.lexicon import (
    INFORMING_VERBS,
    PRESENTING_VERBS,
    REPORT_VERBS,
    SPEECH_VERBS,
    VAGUE_VERBS,
    informing_lemma,
    is_as_clause,
)
from copydesk.flows.extract.tense import TENSED_TAGS

YEAR = re.compile(r"(?<![\d-])(1[6-9]\d\d|20\d\d)(?![\d-])")
# "the results of the 1979 census show", "a 2022 audit found": a document speaks for the
# figures in its sentence. Read from the words as well as the parse, because the small
# model often tags "show" as a noun here.
DOCUMENT_CLAIM = re.compile(
    r"\b(?:the|a|an|its|their|this|that|these)\s+(?:[\w'’-]+\s+){0,7}?(?:census|survey|report|study|audit|data|"
    r"figures|statistics|poll|results|analysis|records|estimates?|accounts|review|inquiry)\s+"
    r"(?:show|shows|showed|shown|found|finds|find|suggests?|suggested|indicates?|indicated|estimates?|estimated|"
    r"reveals?|revealed|puts?|counted|recorded)\b",
    re.I,
)
ORG_LIKE = {"ORG", "PERSON", "GPE", "NORP"}
# "in that survey", "per the plan", "from the census": a document framing its sentence.
FRAMING_PREPOSITIONS = {"in", "per", "from", "by", "under"}
# Things a person or body says or issues that source a figure: a clause under one with an
# owner reports for them. Not lexicon.STATEMENT_NOUNS (nouns whose "that" clause or quote
# is someone's words), which names an overlapping set for quote speakers.
OWNED_STATEMENT_NOUNS = {
    "statement",
    "comment",
    "comments",
    "remark",
    "remarks",
    "claim",
    "assertion",
    "emphasis",
    "testimony",
    "tweet",
    "speech",
    "interview",
    "letter",
    "memo",
    "announcement",
    "release",
    "disclosure",
    "calculation",
    "tally",
    "model",
}
# Documents and data that source a figure ("the census shows", "in that survey"). Not the
# same set as lexicon.ISSUED_TEXT_NOUNS (texts whose issuer speaks through them in a quote)
# or holders.CLAIM_DOCUMENT_NOUNS (documents that, unnamed, make a claim vague).
DATA_SOURCE_NOUNS = {
    "audit",
    "report",
    "study",
    "survey",
    "census",
    "analysis",
    "data",
    "figures",
    "statistics",
    "estimate",
    "estimates",
    "poll",
    "review",
    "investigation",
    "inquiry",
    "records",
    "count",
    "assessment",
    "research",
    "filing",
    "accounts",
    "projection",
    "forecast",
    "release",
    "document",
    "documents",
    "return",
    "returns",
    "plan",
    "chart",
    "table",
    "database",
    "index",
    "tracker",
    "average",
    "sample",
    "polling",
    "ratings",
}


PROPOSAL_NOUNS = frozenset({"plan", "proposal"})
# "that" is left out: the parser often takes a "that" clause for a relative one, and "a
# report that found ..." is a reporting noun's clause (``_document_frame``).
RELATIVE_SUBJECTS = frozenset({"who", "which"})

# How an attribution frames its sentence, which decides what it covers (copydesk.flows.extract.scope):
# "sentence": the whole sentence ("according to X", "the census shows", "in that survey");
# "content": what the cue verb reports ("X said [...]", "the bureau estimated [...]");
# "noun": the subtree of a reporting noun ("a Times report that [...]", "his comment about [...]").
Frame = Literal["sentence", "content", "noun"]


@dataclass(frozen=True)
class Attribution:
    """An inline attribution inside one sentence of the reviewed text."""

    start: int  # of the phrase (subject .. verb)
    end: int
    entity: str
    cue: Token | None
    sentence: Span
    vague: bool
    frame: Frame = "content"
    # A data source (a poll, survey, study, report, data set): its figures run on into the
    # next sentences of the passage, where a speaker's do not.
    data: bool = False
    # A plan or proposal states its own parameters ("cut emissions 32 percent by 2030"): the
    # next sentences may go on with its rates, but it measured nothing else they report.
    proposal: bool = False
    # Some record that presents what it holds ("one slide says", "the spreadsheet shows"): a
    # data source for the passage after it when it gives a figure itself
    # (copydesk.flows.extract.scope); otherwise it only says something.
    record: bool = False


def footnote_year(text: str) -> int | None:
    """The latest year a citation mentions: the earliest it can have been published."""
    text = re.sub(r"ISBN[\s:-]*[\d-]{10,17}|\bpp?\.\s*\d+(?:[-–]\d+)?", "", text)  # not years
    years = [int(y) for y in YEAR.findall(text)]
    return max(years) if years else None


def extract_attributions(doc: Doc, skip: bytearray | None = None) -> list[Attribution]:
    out: list[Attribution] = []
    for sent in sentences(doc):
        if not sent.text.strip():
            continue
        for m in DOCUMENT_CLAIM.finditer(sent.text):
            s, e = sent.start_char + m.start(), sent.start_char + m.end()
            if skip is None or not skip[s]:
                out.append(Attribution(s, e, m.group(0), None, sent, False, "sentence", data=True))
        for token in sent:
            if skip is not None and skip[token.idx]:
                continue
            found = _attribution_at(token, sent)
            if found is not None:
                out.append(found)
    return _dedupe(out)


def _attribution_at(token: Token, sent: Span) -> Attribution | None:
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        objs = [c for c in token.nbor().children if c.dep_ == "pobj"]
        if not objs:
            return None
        obj = objs[0]
        phrase = token.doc[obj.left_edge.i : obj.right_edge.i + 1]
        vague = is_vague_holder(obj)
        return Attribution(
            token.idx,
            phrase.end_char,
            phrase.text,
            token,
            sent,
            vague,
            "sentence",
            data=_is_document(obj),
            proposal=_is_proposal(obj),
        )
    if _nominal(token) and _is_document(token):
        return _document_frame(token, sent)
    lemma = informing_lemma(token)
    if token.pos_ != "VERB" or (
        lemma not in REPORT_VERBS
        and lemma not in SPEECH_VERBS
        and lemma not in VAGUE_VERBS
        and lemma not in INFORMING_VERBS
    ):
        return None
    subj = [c for c in token.children if c.dep_ in {"nsubj"}]
    shared = False
    if not subj and token.tag_ == "VBN" and is_as_clause(token):
        # "As reported by Western Journalism, there are 150 delegates": the agent of a
        # passive aside of reporting speaks for the clause it is attached to
        # ("as measured by annual revenue" names a yardstick, not a source)
        subj = [
            o
            for c in token.children
            if c.dep_ == "agent"
            for o in c.children
            if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ in ORG_LIKE or _is_document(o))
        ]
    if not subj and token.dep_ in {"advcl", "xcomp", "conj"} and token.tag_ in {"VBG", "VBN"}:
        # "Stumpf tried to make the case, explaining the firings amounted to 1 percent":
        # a participle of saying reports for the subject of the verb it hangs from.
        subj = [c for c in token.head.children if c.dep_ == "nsubj"]
    elif not subj and token.dep_ == "conj" and token.tag_ in TENSED_TAGS and lemma in INFORMING_VERBS:
        # "CITIC runs a refinery and says it has set up a $110 billion fund": a second,
        # tensed verb that gives out information reports for the first verb's subject
        # ("... and called six directors" is a telephone call, not a report; "likelier to
        # say X than say Y" repeats an infinitive)
        subj = [c for c in token.head.children if c.dep_ == "nsubj"]
        shared = True
    if not subj:
        return None
    head = subj[0]
    relative = None
    if (
        head.lower_ in RELATIVE_SUBJECTS
        and token.dep_ == "relcl"
        and token.head.pos_ in {"NOUN", "PROPN"}
        and any(c.dep_ == "ccomp" for c in token.children)
    ):
        # "said Borges, who predicted a third of the vote will be cast early", "the
        # agency, which estimates that ...": a relative clause that reports a clause
        # reports for the noun it hangs on ("the showman who has maintained a lead" reports
        # nothing)
        relative, head = head, token.head
    if head.lower_ in {"it", "this", "that", "which", "who", "there"}:
        return None
    if (
        head.like_num
        or head.lower_ in {"percent", "%"}
        or any(c.dep_ == "nummod" and c.lower_ != "one" for c in head.children)
    ):
        return None  # "73 percent said the same": the figure counts the people who answered
    vague = is_vague_holder(head, token)
    if vague and shared:
        return None  # "voters are likelier to back her and say ...": a group's view, not a source
    if not vague and lemma not in REPORT_VERBS and lemma not in SPEECH_VERBS and lemma not in INFORMING_VERBS:
        return None
    if not vague and lemma in VAGUE_VERBS - REPORT_VERBS - SPEECH_VERBS:
        return None  # "the minister believes": an opinion, not a source
    start = head.left_edge.idx
    end = token.idx + len(token.text)
    last = _phrase_end(head)
    entity = token.doc[head.left_edge.i : last.i + 1].text
    if relative is not None:
        # the phrase is the relative clause's own ("who predicted"): the name before it may
        # be another attribution's ("said Borges, who predicted ...")
        start = relative.idx
    elif start > token.idx:  # inverted: "said the ministry"
        start, end = token.idx, last.idx + len(last.text)
    phrase = text_of(token.doc)[start:end]
    document = _is_document(head)
    return (
        Attribution(
            start,
            end,
            entity,
            token,
            sent,
            vague,
            # a poll, survey or report as the subject frames its whole sentence ("the
            # average shows her ahead 3.7 points, using polls in 11 states"), and so does
            # an aside ("As the Times reported, she raised $1.1 million"); a person
            # reports only what the verb governs
            "sentence" if _is_data(head) or is_as_clause(token) else "content",
            data=document,
            proposal=_is_proposal(head),
            record=not document and _thing_that_reports(head, token),
        )
        if len(phrase) < 200
        else None
    )


def _thing_that_reports(head: Token, verb: Token) -> bool:
    """ "One slide says", "the spreadsheet shows", "the order lists": a common noun that is
    neither a person, a body nor a name, the subject of its own active verb of presenting,
    is some record. (Subjects lent by another verb, a relative clause's noun or a passive's
    subject are not what presents: "the falloff, which often reveals ...", "a hint could
    be found in disclosures".)"""
    lemma = head.lemma_.lower()
    return (
        informing_lemma(verb) in PRESENTING_VERBS
        and head.head.i == verb.i
        and head.dep_ == "nsubj"
        and not any(c.dep_ == "auxpass" for c in verb.children)
        and head.pos_ == "NOUN"
        and not head.ent_type_
        and not is_person_noun(head)
        and lemma not in GROUP_NOUNS
        and lemma not in OFFICE_HOLDERS
    )


def _phrase_end(head: Token) -> Token:
    """The last word of ``head``'s noun phrase without its relative clause ("Borges[, who
    predicted …]"): that clause may be an attribution of its own."""
    last = head
    for child in head.rights:
        after = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
        if child.dep_ == "relcl" or child.is_punct and after is not None and after.dep_ == "relcl":
            break
        last = child.right_edge
    while last.i > head.i and last.is_punct:
        last = last.doc[last.i - 1]
    return last


# Where a noun stands: the small model tags "forecast", "estimate" or "count" as a verb
# in "its growth forecast"; the object of a verb is a noun whatever its tag.
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _nominal(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} or (token.pos_ == "VERB" and token.dep_ in NOMINAL_DEPS)


def _document_frame(noun: Token, sent: Span) -> Attribution | None:
    """A poll, survey, study, report or data set that frames its sentence or a clause.

    - the subject of any verb: "the latest Gallup survey puts her at 46 percent", "the
      survey was conducted ... of 600 respondents" (the sentence reports the document);
    - the object of a framing preposition: "in that survey", "per the McKinley plan";
    - the object of a verb with an owner: "the bureau cut its estimate by 7,000";
    - a reporting noun with an owner and a clause: "a Times report that ...", "his
      comment about 47 percent" (covers that clause only);
    - a document by an agent: "a 2021 audit by the state auditor found ...".
    """
    doc = noun.doc
    owner = _owner(noun)
    # "by one estimate", "a study found": a document nobody could look up.
    indefinite = any(
        c.dep_ in {"det", "nummod"} and c.lower_ in {"a", "an", "one", "some", "another"}
        for c in noun.children
    )
    named_in_phrase = any(
        t.pos_ == "PROPN" or t.ent_type_ in ORG_LIKE or t.is_digit for t in noun.subtree
    )  # "a Gallup survey", "a 2019 audit": somebody could look it up
    vague = owner is None and (_is_unnamed(noun) or indefinite and not named_in_phrase)
    frame: Frame | None = None
    framing = noun.dep_ == "pobj" and noun.head.lower_ in FRAMING_PREPOSITIONS
    if _is_data(noun) and (
        noun.dep_ in {"nsubj", "nsubjpass"} or framing or noun.dep_ == "dobj" and owner is not None
    ):
        frame = "sentence"
    elif (
        framing
        and owner is not None
        and noun.head.head.pos_ in {"VERB", "AUX"}
        and noun.head.i < noun.head.head.i
    ):
        # "By the Associated Press's tally, he has 739", "The senator, in her statement,
        # put the cost at $2 billion": someone's statement set before the verb frames its
        # clause ("stayed constant despite falsehoods in his statements" frames nothing)
        frame = "sentence"
    elif owner is not None and any(c.dep_ in {"acl", "relcl", "prep", "ccomp"} for c in noun.children):
        frame = "noun"
    if frame is None:
        return None
    if frame == "sentence" and vague and noun.tag_ != "NNS" and noun.dep_ != "pobj":
        vague = False  # "the survey was conducted": one poll, named by the article that ran it
    left = noun.left_edge
    end_tok = noun
    agents = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    if agents and any(c.dep_ == "pobj" for c in agents[0].children):
        end_tok = agents[0].right_edge
    start, end = left.idx, end_tok.idx + len(end_tok.text)
    if noun.dep_ == "pobj":
        start = min(start, noun.head.idx)
    if end - start > 200:
        return None
    phrase = text_of(doc)[start:end]
    return Attribution(
        start, end, phrase, noun, sent, vague, frame, data=_is_data(noun), proposal=_is_proposal(noun)
    )


def _owner(noun: Token) -> Token | None:
    """Who a document or statement belongs to: its possessor, a name before it, its agent."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ in {"compound", "amod", "nmod"} and (c.pos_ == "PROPN" or c.ent_type_ in ORG_LIKE):
            return c
        if c.dep_ == "prep" and c.lower_ in {"by", "from", "of"}:
            objs = [
                o for o in c.children if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ in ORG_LIKE)
            ]
            if objs:
                return objs[0]
    return None


def _is_data(token: Token) -> bool:
    # "The poll's results are disappointing news for Kasich, who is third with 24 percent":
    # what a data source holds, as the subject, frames its sentence as the source would
    # (not "within the poll's margin of error", which states no data)
    return _data_word(token) or (
        token.dep_ in {"nsubj", "nsubjpass"}
        and any(c.dep_ == "poss" and _data_word(c) for c in token.children)
    )


def _data_word(token: Token) -> bool:
    # the word as written too: the small model lemmatises "data" to "datum"
    return token.lemma_.lower() in DATA_SOURCE_NOUNS or token.lower_ in DATA_SOURCE_NOUNS


def _is_proposal(token: Token) -> bool:
    return token.lemma_.lower() in PROPOSAL_NOUNS


def _is_document(token: Token) -> bool:
    return (
        _is_data(token)
        or token.lemma_.lower() in OWNED_STATEMENT_NOUNS
        or token.lower_ in OWNED_STATEMENT_NOUNS
    )


def _is_unnamed(head: Token) -> bool:
    """'polls', 'studies', 'critics': nobody a reader could look up."""
    return is_vague_holder(head) or _bare_plural(head)


def _bare_plural(head: Token) -> bool:
    return head.tag_ == "NNS" and _is_data(head) and not any(c.dep_ in {"det", "poss"} for c in head.children)


def _dedupe(items: list[Attribution]) -> list[Attribution]:
    items.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Attribution] = []
    for a in items:
        if out and a.start < out[-1].end and a.vague == out[-1].vague:
            continue
        out.append(a)
    return out
