"""Pair quotation marks into quote spans, paragraph by paragraph.

Unlike a blind pairing of marks, this reads each mark in context: curly, straight,
guillemet and low-high marks; apostrophes (“it’s”, “rock ’n’ roll”, “the ’90s”) are not
quotes; a quote left open at the end of a paragraph continues only when the next
paragraph opens with a mark (the newspaper convention for multi-paragraph quotes);
any other unclosed mark is dropped and the paragraph read again without it, so one bad
mark never costs the rest of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"“": "”", "„": "“”", "«": "»", "‹": "›", "‘": "’", '"': '"', "'": "'"}
CLOSERS = set("”»›’") | {'"', "'"}
# What a closed quote can end with: the closers, and “, which closes „ (German) and is
# typed for ” often enough ("“We will win.“").
ENDS_A_QUOTE = CLOSERS | {"“"}
DOUBLE = set('“”„«»"')
OPEN_CONTEXT = set(" \t\n([{—–-/:;,") | {"\u00a0"}
MAX_RESCANS = 3


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # at the opening mark
    end: int  # after the closing mark, or at the paragraph end when the quote continues
    closed: bool
    continues: bool = False  # runs on into the next paragraph
    continuation: bool = False  # continues a quote from the previous paragraph


def _is_apostrophe(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalpha():
        return True  # it’s, don’t, O’Brien
    if nxt.isdigit() and not prev.isalnum():
        return True  # the ’90s
    if text[i + 1 : i + 3] in ("n’", "n'") and text[i + 3 : i + 4] in (" ", ""):
        return True  # rock ’n’ roll (first mark)
    # rock ’n’ roll (second mark)
    return prev == "n" and text[i - 2 : i - 1] in ("’", "'")


def _can_open(text: str, i: int, start: int) -> bool:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in OPEN_CONTEXT or prev in OPENERS or i == start) and not nxt.isspace()


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]—–-\u00a0")


def _scan(text: str, start: int, end: int, ignore: set[int]) -> tuple[list[tuple[int, int]], list[int]]:
    """Return top-level (open, close) pairs and the positions of marks left open.

    ``open_marks`` counts the marks on the stack by kind, so that asking "is a “ open?" does
    not walk the stack: with thousands of unclosed marks in a paragraph (pasted junk, an
    attack) that walk made the scan quadratic. Popping stays amortised linear."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    open_marks: dict[str, int] = dict.fromkeys(OPENERS, 0)
    for i in range(start, end):
        c = text[i]
        if i in ignore or (c not in OPENERS and c not in CLOSERS):
            continue
        if c in "’'" and _is_apostrophe(text, i):
            continue
        top = stack[-1][0] if stack else None
        # Closing marks first: a straight mark closes its own kind when one is open.
        closes = None
        if c in ('"', "'") and open_marks[c]:
            if not _can_open(text, i, start) or stack[-1][0] == c:
                closes = c
        elif c == "“" and top == "„":
            closes = "„"
        elif c == "“" and open_marks["“"] and _can_close(text, i) and not _can_open(text, i, start):
            closes = "“"  # a closing mark typed as an opening one: “We will win.“ (where none opens)
        elif c == '"' and top == "“" and _can_close(text, i):
            closes = "“"  # mixed marks from pasted copy: “no evidence"
        elif c in "”»›’":
            want = {"”": '“„"', "»": "«", "›": "‹", "’": "‘"}[c]
            if c == "”" and top == '"' and not _can_close(text, i):
                want = "“„"
            if any(open_marks[o] for o in want):
                closes = next(o for o, _ in reversed(stack) if o in want)
        if closes is not None:
            while stack:
                o, pos = stack.pop()
                open_marks[o] -= 1
                if o == closes:
                    if not stack:
                        pairs.append((pos, i + 1))
                    break
            continue
        if c in OPENERS and c not in "’":
            if c in ("'", "‘") and not _can_open(text, i, start):
                continue
            if c == '"' and not _can_open(text, i, start) and not stack:
                continue  # a stray closing straight quote
            stack.append((c, i))
            open_marks[c] += 1
    return pairs, [pos for _, pos in stack]


DOUBLED = re.compile(r"(?<!')''(?!')")
# A single quote nested at the edge of a doubled one: three apostrophes close the inner
# quote, then the outer ("...sorry,''' said Fisher"), or open the outer, then the inner.
TRIPLED = re.compile(r"(?<!')'''(?!')")
FILLER = "\x00"  # stands in for the other half of a doubled mark; neither a mark nor a space


def doubled_apostrophes_as_marks(text: str) -> str:
    """Old wire copy types a double quotation mark as two apostrophes (''like this''):
    read each pair as one straight double mark, with the same length so that offsets
    hold. The mark goes where the scan looks for it: first when the pair opens a quote
    (after a space or the start, before a word), second when it closes one."""
    if "''" not in text:
        return text
    chars = list(text)
    for m in DOUBLED.finditer(text):
        i = m.start()
        chars[i], chars[i + 1] = ('"', FILLER) if _opens(text, i, 2) else (FILLER, '"')
    for m in TRIPLED.finditer(text):
        i = m.start()
        if _opens(text, i, 3):
            chars[i], chars[i + 1] = '"', FILLER  # the outer opens, then the inner
        else:
            chars[i + 1], chars[i + 2] = FILLER, '"'  # the inner closes, then the outer
    return "".join(chars)


def _opens(text: str, i: int, width: int) -> bool:
    """Does the run of apostrophes at ``i`` open a quote? After a space or the start and
    before a word; "running,'' she said" has a comma before the pair, but a space after
    it closes."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    return (prev in OPEN_CONTEXT or prev in OPENERS) and not (nxt.isspace() or nxt in ".,;:!?)")


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    text = doubled_apostrophes_as_marks(text)
    spans: list[QuoteSpan] = []
    carrying = False
    for n, (p_start, p_end) in enumerate(paragraphs):
        ignore: set[int] = set()
        for _ in range(MAX_RESCANS):
            pairs, unclosed = _scan(text, p_start, p_end, ignore)
            if not unclosed:
                break
            first_open = unclosed[0]
            next_opens = n + 1 < len(paragraphs) and text[
                paragraphs[n + 1][0] : paragraphs[n + 1][0] + 1
            ] in ("“", '"', "«", "„", "‘")
            if (
                len(unclosed) == 1
                and next_opens
                and _only_quote_after(pairs, first_open)
                and _chain_closes(text, paragraphs, n + 1, text[first_open])
            ):
                # Multi-paragraph quote: left open here, the next paragraph opens with a
                # mark, and the run of such paragraphs ends with a closed quote.
                pairs.append((first_open, _rstrip(text, p_start, p_end)))
                break
            ignore.update(unclosed)
        continuation = carrying
        carrying = False
        for a, b in sorted(pairs):
            closed = b <= p_end and text[b - 1] in ENDS_A_QUOTE
            cont = not closed and b == _rstrip(text, p_start, p_end)
            if b - a < 3:
                continue
            spans.append(QuoteSpan(a, b, closed, continues=cont, continuation=continuation and a == p_start))
            carrying = cont
    return spans


def _chain_closes(text: str, paragraphs: list[tuple[int, int]], n: int, mark: str, limit: int = 12) -> bool:
    """Does the run of paragraphs from ``n`` that open with the same quotation mark end in
    a closed quote? Stray marks opening the paragraphs of a scraped page never do."""
    for start, end in paragraphs[n : n + limit]:
        if text[start : start + 1] != mark:
            return False
        pairs, unclosed = _scan(text, start, end, set())
        if not unclosed:
            return any(a == start for a, _ in pairs)
    return False


def _only_quote_after(pairs: list[tuple[int, int]], pos: int) -> bool:
    return all(b <= pos for _, b in pairs)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
