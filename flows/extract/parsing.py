"""Parse review texts with ``nlp.pipe``, long ones in pieces.

spaCy's parser holds memory in proportion to the text it parses at once: about 1.2 GB
of a process for one 300,000-character text with the small English model (measured with
``copydesk extract``), so one book-length "article" would take a worker past the whole
review's 2 GiB. A text longer than ``LONG_TEXT`` is therefore parsed in pieces of at most
``PIECE`` characters, cut after a paragraph break (else a line break, else a space), and
the pieces are joined back into one ``Doc`` without adding whitespace: its text is the
text given, so every offset holds. A paragraph break ends a sentence anyway, so the cut
changes no sentence. News articles are parsed whole, as before: the longest of
polnear-dev's 84 is 22,000 characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

LONG_TEXT = 100_000
PIECE = 50_000


def parse(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """One ``Doc`` per text, in order."""
    stream = ((piece, i) for i, text in enumerate(texts) for piece in pieces(text, PIECE, LONG_TEXT))
    current, parts = -1, []
    for doc, i in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        if i != current and parts:
            yield _joined(parts)
            parts = []
        current = i
        parts.append(doc)
    if parts:
        yield _joined(parts)


def pieces(text: str, size: int = PIECE, long_text: int = LONG_TEXT) -> Iterator[str]:
    """``text`` itself, or consecutive pieces of it of at most ``size`` characters."""
    if len(text) <= long_text:
        yield text
        return
    start = 0
    while len(text) - start > size:
        end = start + size
        for separator in ("\n\n", "\n", " "):
            cut = text.rfind(separator, start + 1, end)
            if cut != -1:
                end = cut + len(separator)
                break
        yield text[start:end]
        start = end
    yield text[start:]


def _joined(parts: list[Doc]) -> Doc:
    if len(parts) == 1:
        return parts[0]
    doc = Doc.from_docs(parts, ensure_whitespace=False)
    assert doc is not None
    return doc
