"""A quote reduced to the words that make it the same quote.

Two articles quoting one sentence differ in what is not the speaker's: quotation marks
(curly, straight, single), case, spacing, punctuation, elisions ("[...]", "…", "...")
and words the writer put in brackets ("[the senator]"). Those are dropped; an elision or
a bracketed insertion becomes a ``GAP``, a place where the writer says words are missing
or replaced, so that the alignment does not count the other article's words there as a
difference.
"""

from __future__ import annotations

import re
import unicodedata

GAP = "…"

# Elisions first (a bracketed ellipsis is an elision, not an insertion), then brackets.
_ELISION = re.compile(r"\[\s*(?:\.\s*){2,}\]|\[\s*…\s*\]|…|(?:\.\s*){3,}")
_BRACKETED = re.compile(r"\[[^\[\]]*\]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
# A word: letters and digits, with inner apostrophes, hyphens, periods and commas kept
# as one word ("don't", "Clinton-era", "U.S.", "3.5", "1,000"), but not at its ends.
_WORD = re.compile(r"[^\W_]+(?:['\-.,][^\W_]+)*")


def quote_words(text: str) -> tuple[str, ...]:
    """The quote's words, lower-cased, with ``GAP`` where the writer elided or inserted;
    no quotation marks or punctuation. Leading and trailing gaps are dropped: an elision
    at either end only says the quote is an excerpt."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = _ELISION.sub(f" {GAP} ", text)
    text = _BRACKETED.sub(f" {GAP} ", text)
    words: list[str] = []
    for piece in text.split():
        if piece == GAP:
            if words and words[-1] != GAP:
                words.append(GAP)
            continue
        words.extend(_word(w) for w in _WORD.findall(piece))
    while words and words[-1] == GAP:
        words.pop()
    while words and words[0] == GAP:
        words.pop(0)
    return tuple(words)


def _word(word: str) -> str:
    """Lower case; "U.S." and "US" are one word, "3.5" keeps its point."""
    word = word.lower()
    return word if any(c.isdigit() for c in word) else word.replace(".", "")


def spoken(words: tuple[str, ...]) -> list[str]:
    """The words without gaps: what the speaker is quoted as saying."""
    return [w for w in words if w != GAP]


# An opening quotation mark inside the quote: at its start or after a space or a dash,
# before a word ("‘were extremely careless’", "'Oh, yes'"); an apostrophe inside a word
# ("don't") is not one.
_INNER_QUOTE = re.compile(r"(?:^|[\s—–(])[‘'\"“«]\w")


def quotes_someone(text: str) -> bool:
    """The quote quotes someone else inside it: its words are then two people's, and the
    same words under another name elsewhere are no conflict."""
    inner = text.strip().strip("“”\"‘’'«»„").strip()
    return bool(_INNER_QUOTE.search(inner))
