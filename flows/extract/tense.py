"""The tense of the clause a token sits in: was the event done, is it ongoing, or expected?"""

from __future__ import annotations

from spacy.tokens import Token

from copydesk.checks.records import Tense

FUTURE_AUX = {"will", "shall", "'ll", "would", "wo"}
# The tags of a tensed verb or a modal: a finite clause ("he says", "it would"), not an
# infinitive, a participle or a label ("work-related").
TENSED_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
FORECAST_LEMMAS = {
    "expect",
    "plan",
    "forecast",
    "project",
    "predict",
    "schedule",
    "aim",
    "intend",
    "hope",
    "anticipate",
    "estimate",
    "due",
    "set",
    "likely",
    "want",
    "propose",
    "promise",
    "pledge",
}


def clause_verb(token: Token) -> Token | None:
    """The finite verb governing ``token`` (walking past infinitives and participles)."""
    node = token
    for _ in range(8):
        if node.pos_ in {"VERB", "AUX"} and (_finite(node) or node.head == node):
            return node
        if node.head == node:
            return node if node.pos_ in {"VERB", "AUX"} else None
        node = node.head
    return None


def _finite(verb: Token) -> bool:
    if verb.tag_ in TENSED_TAGS:
        return True
    return any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def tense_of(token: Token) -> Tense:
    verb = clause_verb(token)
    if verb is None:
        return "unknown"
    # "expected to open in 2028": the forecast sits on the verb an infinitive hangs from.
    infinitive = verb.dep_ == "xcomp" or (
        verb.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
    chain = [verb, verb.head] if infinitive else [verb]
    for v in chain:
        auxes = [c for c in v.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in FUTURE_AUX for a in auxes):
            return "future"
        if v.lemma_.lower() in FORECAST_LEMMAS:
            return "future"
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in {"would", "could", "might", "may", "should", "must", "can"} for a in auxes):
        return "unknown"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"  # present perfect: completed
    if verb.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP"} for a in auxes):
        return "present"
    return "unknown"
