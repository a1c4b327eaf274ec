"""Which common nouns can be a quote's speaker: learned, not listed.

A speaker is someone or something that can say or write words: a person, a body, a
document. Named entities and pronouns show it; a common noun does not, and the parse
makes any noun a subject ("the tone of the interview was calm and predicted voters
“will …”" hangs the quote under "the tone"). ``speaker_nouns.tsv`` holds, for each noun
lemma seen as a subject in an annotated news corpus (PolNeAR's train split), how often it
was a subject and how often an annotator marked it as the source of an attribution. A
noun seen often as a subject and (almost) never as a source cannot speak ("mood",
"timing", "attacks"); a noun never seen is given the benefit of the doubt.

The table is counts of lemmas only (no article text) and is rebuilt with
``make train-quotes`` (``python -m copydesk.flows.extract.speaker_nouns_train``).
"""

from __future__ import annotations

import functools
from importlib import resources

from spacy.tokens import Token

TABLE = "speaker_nouns.tsv"
# A noun counts as known after this many subject uses, and as no speaker when annotators
# made it a source in fewer than this share of them.
MIN_SEEN = 8
MAX_SOURCE_SHARE = 0.03
NAMED = {"PERSON", "ORG", "NORP", "GPE"}


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, tuple[int, int]]:
    text = resources.files(__package__).joinpath(TABLE).read_text(encoding="utf-8")
    rows: dict[str, tuple[int, int]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        lemma, seen, source = line.split("\t")
        rows[lemma] = (int(seen), int(source))
    return rows


def cannot_speak(head: Token) -> bool:
    """True when ``head`` is a common noun the corpus knows as a subject that is not a
    source. Names, pronouns and unknown nouns can speak."""
    if head.pos_ != "NOUN" or head.ent_type_ in NAMED:
        return False
    seen, source = _table().get(head.lemma_.lower(), (0, 0))
    return seen >= MIN_SEEN and source < MAX_SOURCE_SHARE * seen


# A verb the parse alone makes a cue ("the timing does not surprise Shaw: “…”") needs a
# subject that is a source more often than this: a common noun the corpus has seen as a
# subject a few times and rarely as a source is a thing, whatever its clause holds.
MIN_SEEN_AS_REPORTER = 3
MIN_REPORTER_SHARE = 0.2


def likely_reporter(head: Token) -> bool:
    """Is ``head`` the kind of subject that reports words: a name, a pronoun, a noun never
    seen, or a noun annotators made a source in at least a fifth of its subject uses."""
    if head.pos_ != "NOUN" or head.ent_type_ in NAMED:
        return True
    seen, source = _table().get(head.lemma_.lower(), (0, 0))
    return seen < MIN_SEEN_AS_REPORTER or source >= MIN_REPORTER_SHARE * seen
