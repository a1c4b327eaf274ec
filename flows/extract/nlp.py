"""The spaCy pipeline: loaded once per process, with paragraph breaks as hard sentence breaks."""

from __future__ import annotations

import contextlib
import functools
import re

import numpy
import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

# The name and version live in ``version``, which reads them without importing spaCy.
from copydesk.flows.extract.pipeline_version import MODEL_NAME, model_version

__all__ = ["MODEL_NAME", "load_nlp", "model_version", "paragraph_breaks", "warm_up"]


@Language.component("copydesk_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser must never join two paragraphs or a
    heading to the paragraph under it."""
    for i, token in enumerate(doc[:-1]):
        if (
            "\n" in token.text_with_ws
            and (token.is_space or token.whitespace_)
            or token.is_space
            and "\n" in token.text
        ):
            doc[i + 1].is_sent_start = True
    return doc


@Language.component("copydesk_release_tensor")
def release_tensor(doc: Doc) -> Doc:
    """Drop ``doc.tensor``, the tok2vec output no extractor reads (the small model has
    no word vectors to derive from it). It is a view into the output for the whole
    ``nlp.pipe`` batch, and through it every Doc of a batch kept the batch's working
    memory alive: about 9 MB per Doc, 150 MB per batch of 16 in a worker."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


# A comma or colon typed against a quotation mark with no space ("Ryan said,“Look",
# "Clinton:"We") is one token to spaCy's rules, and the parse then loses the verb, the
# name and the mark. Split the punctuation and the mark off the words.
GLUED_QUOTE_INFIXES = (r"(?<=[\w\])])[,:;](?=[\"“”])", r"(?<=[,:;])[\"“”](?=\w)")


def _split_glued_quotes(nlp: Language) -> None:
    infixes = nlp.tokenizer.infix_finditer.__self__.pattern
    nlp.tokenizer.infix_finditer = re.compile("|".join((infixes, *GLUED_QUOTE_INFIXES))).finditer


# spaCy's English exceptions keep a title's abbreviation whole ("Sen.", "Gov.") but not
# its plural, which the tokenizer splits at the period, and the parser then ends the
# sentence there: "... and Sens. | Marco Rubio and Ted Cruz, 11 and 8 percent". The
# plurals of the titles spaCy already knows, kept whole as the singulars are.
PLURAL_TITLES = (
    "Sens.",
    "Reps.",
    "Govs.",
    "Drs.",
    "Profs.",
    "Gens.",
    "Cols.",
    "Lts.",
    "Sgts.",
    "Adms.",
    "Messrs.",
)


def _keep_plural_titles(nlp: Language) -> None:
    for title in PLURAL_TITLES:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL_NAME)
    _split_glued_quotes(nlp)
    _keep_plural_titles(nlp)
    nlp.add_pipe("copydesk_paragraph_breaks", before="parser")
    nlp.add_pipe("copydesk_release_tensor", last=True)
    return nlp


def warm_up() -> None:
    """Load the model when a worker process starts, before its first batch arrives.
    A failure is left for the batch to raise, where it is a task failure with a
    message and a retry rather than a dead worker."""
    with contextlib.suppress(Exception):  # the batch's own load_nlp() raises it again, as a task failure
        load_nlp()
