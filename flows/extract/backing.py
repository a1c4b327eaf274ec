"""Named backing: a named source in the same or the next sentence that stands behind a
vague claim.

One job: read from a sentence the named people and organisations it brings in to hold a
view ("said Jane Roe, an economist at the Urban Institute", "according to Smith", "as did
the Clinton campaign", "The poll, by the Public Policy Institute"), and say whether one of
them backs an unnamed holder nearby. The labels call such a claim optional: a copy chief
reads it as backed, so ``copydesk.flows.extract.vague`` does not report it.

It has no word classes of its own: it reuses the general classes of
``copydesk.flows.extract.stance`` (verbs of saying and thinking) and ``copydesk.flows.extract.holders``
(quantifiers, group nouns, the entity types that name someone), and matches a source to a
group by the words that describe the source, never by a list of names.

Everything here is a function of parsed tokens: no file system, no Prefect.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from copydesk.flows.extract.holders import GROUP_NOUNS, NAMING_ENTITIES, QUANTIFIERS, according_object
from copydesk.flows.extract.stance import COGNITION, COMMUNICATION


@dataclass(frozen=True)
class NamedSource:
    """A named person or organisation introduced as holding a view, with the words that
    say who they are: "Jane Roe, an economist at the Urban Institute" -> {"economist",
    "urban", "institute"}, names an organisation."""

    description: frozenset[str]
    names_organisation: bool


def named_sources(sent: Span, skip: bytearray | None) -> list[NamedSource]:
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
                    out.append(NamedSource(words, any(t.ent_type_ == "ORG" for t in described)))
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


def backs(source: NamedSource, holder: Token | None) -> bool:
    """Whether a named source is one of the unnamed group: "Economists warn ... said Jane
    Roe, an economist", "Environmental groups disagreed ... said Tomas Vik, who leads the
    Wetlands Trust". A quantifier ("some say") or an unnamed poll has no members to name."""
    if holder is None or holder.lower_ in QUANTIFIERS or holder.lemma_.lower() in QUANTIFIERS:
        return False
    if _stem(holder) in source.description:
        return True
    return holder.lemma_.lower() in GROUP_NOUNS and source.names_organisation


def names_document(holder: Token | None, sent: Span) -> bool:
    """Whether ``sent`` names the poll or study ``holder`` left unnamed: it refers back to
    it ("The poll, released by the Public Policy Institute, ..."), not to another one."""
    if holder is None:
        return False
    lemma = holder.lemma_.lower()
    return any(
        t.lemma_.lower() == lemma
        and t.tag_ == holder.tag_  # "polls" are not referred back to as "the poll"
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in t.children)
        and any(d.ent_type_ in NAMING_ENTITIES for d in t.subtree)
        for t in sent
    )


def according_to_named(sent: Span) -> bool:
    """ "According to Smith, ...": the whole sentence is Smith's."""
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.nbor().lower_ == "to":
            obj = according_object(t.nbor())
            if obj is not None and _names_someone(obj):
                return True
    return False


def compared_with_named(sent: Span) -> bool:
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
