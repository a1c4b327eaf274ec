"""Figures that are a public body's own act, on the public record: no claim a source is asked for.

FLAGS-GUIDE.md's settled cases: "A named public body's own act (a court's 5-4 ruling, a
Senate vote tally, an agency's fine) is optional." Two such amounts have a shape the parse
shows:

- the amount of a fine or penalty, what a court, regulator or league imposed ("Wells Fargo
  was fined $185 million", "the regulator fined the line $2.4 million", "a fine of up to
  $250,000"); a count of those fined ("fined 30 companies") is a claim;
- the amount of a loan, grant, subsidy or contract a government gives ("a $9.1 million loan
  from the State of Virginia", "won a $2 million grant from the city", "a $50 million
  federal grant"). From a bank or a party it is a claim.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Sanctions a court, regulator or league imposes. The lemmatizer reads "fined" as "fin".
SANCTION_VERBS = frozenset({"fine", "fin", "penalize", "penalise"})
SANCTION_NOUNS = frozenset({"fine", "penalty"})
# What a government gives.
GRANT_NOUNS = frozenset({"loan", "grant", "subsidy", "bailout", "contract", "appropriation"})
# Governments that give: "the state", "the city", "the county" as nouns, as modifiers
# ("a state loan") and the words for a national government.
GOVERNING_PLACES = frozenset({"state", "city", "county"})
GOVERNMENT_NOUNS = GOVERNING_PLACES | frozenset({"government", "administration", "ministry", "treasury"})
GOVERNMENT_MODIFIERS = GOVERNING_PLACES | frozenset({"federal", "municipal", "government"})


def public_act(span: Span) -> str | None:
    """ "act" when the money figure in ``span`` is a fine imposed or a grant given by a
    public body, else None."""
    if not any(t.tag_ == "$" or t.ent_type_ == "MONEY" for t in span):
        return None  # "fined 30 companies": a count, not the act's amount
    root = span.root
    counted = root.head if root.dep_ in {"nummod", "quantmod", "compound"} else root
    if _amount_of_a_sanction(counted) or _given_by_a_government(counted):
        return "act"
    return None


def _amount_of_a_sanction(counted: Token) -> bool:
    """ "was fined $185 million", "fined the company $2 million", "a $100 million penalty",
    "a fine of $5,000"."""
    if (
        _sanction_noun(counted)
        or counted.dep_ in {"nummod", "compound", "nmod"}
        and _sanction_noun(counted.head)
    ):
        return True
    head = counted.head
    if counted.dep_ in {"dobj", "npadvmod", "attr", "oprd"}:
        return head.pos_ == "VERB" and head.lemma_.lower() in SANCTION_VERBS
    return counted.dep_ == "pobj" and head.lower_ == "of" and _sanction_noun(head.head)


def _sanction_noun(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in SANCTION_NOUNS


def _given_by_a_government(counted: Token) -> bool:
    """ "a $9.1 million loan from the State of Virginia", "a $2 million grant from the
    city", "a $50 million federal grant"."""
    # the noun the amount counts, or the noun it modifies
    noun = counted if counted.pos_ == "NOUN" else counted.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in GRANT_NOUNS:
        return False
    if any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in GOVERNMENT_MODIFIERS for c in noun.children
    ):
        return True  # "a $50 million federal grant", "a $2 million state loan"
    # "a loan from the State of Maine", or "won a grant from the city" (the parser hangs
    # the giver on the verb)
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    givers = [
        t
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in {"from", "by"}
        for t in c.children
    ]
    return any(t.dep_ == "pobj" and _government(t) for t in givers)


def _government(token: Token) -> bool:
    """A state, city or national government: a place named as one ("the State of
    Virginia", "Washington"), or the common noun for one ("the city", "the federal
    government"). The tagger reads "the State of Maine" as a name, sometimes as an
    organisation."""
    return (
        token.ent_type_ == "GPE"
        or token.pos_ in {"NOUN", "PROPN"}
        and token.lemma_.lower() in GOVERNMENT_NOUNS
    )
