"""Two wordings of a quote compared word by word (rapidfuzz's Indel alignment: the
longest common subsequence of words).

Either may be an excerpt of the other, so words only one side has before the first
common word or after the last are not differences. Nor are words missing or replaced
where either side marks an elision or a bracketed insertion (``wording.GAP``): the
writer said so. What is left (inserted, dropped and changed words inside the common
stretch) is the difference a reader would call a misquote.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Indel

from copydesk.checks.archive.wording import GAP
from copydesk.checks.records import WordChange

# Two quotes must share a stretch of at least this many words, in order (changed words
# inside it included), to be the same quote. Shorter repeated phrases are slogans, chants and stock phrases ("make America
# great again", "lock her up", "a rigged system", "I'm with her"), said and quoted by
# many people: the same words under two names is then no error. Eight words is above
# all of those and still below most sentences a speaker is quoted for.
MIN_WORDS = 8
# At most this share of the common stretch may differ for two wordings to be one quote
# misquoted rather than two statements (one changed word in five).
MAX_CHANGED_SHARE = 0.2


@dataclass(frozen=True)
class Comparison:
    same_words: bool  # no difference inside the common stretch
    common: int  # words in common, in order
    changed: int  # words inserted, dropped or changed inside the common stretch
    diff: tuple[WordChange, ...]  # the common stretch, step by step


def _spoken_with_gaps(words: tuple[str, ...]) -> tuple[list[str], set[int]]:
    """The words without gaps, and the positions (0..len) where a gap stood."""
    spoken: list[str] = []
    gaps: set[int] = set()
    for w in words:
        if w == GAP:
            gaps.add(len(spoken))
        else:
            spoken.append(w)
    return spoken, gaps


def compare(here: tuple[str, ...], there: tuple[str, ...]) -> Comparison | None:
    """How ``here`` and ``there`` (``wording.quote_words``) differ, or None when they are
    not one quote: a shared stretch under ``MIN_WORDS`` words, or too many differences."""
    a, a_gaps = _spoken_with_gaps(here)
    b, b_gaps = _spoken_with_gaps(there)
    if min(len(a), len(b)) < MIN_WORDS:
        return None
    # Indel (insertions and deletions only) aligns on the longest common subsequence of
    # words: the most words in common, in order. Neighbouring insertions and deletions
    # are joined into blocks: a block with words on both sides is a change.
    steps = _blocks(Indel.opcodes(a, b))
    equal = [i for i, step in enumerate(steps) if step[0] == "equal"]
    if not equal:
        return None
    common = sum(src_end - src_start for tag, src_start, src_end, _, _ in steps if tag == "equal")
    changed = 0
    diff: list[WordChange] = []
    for i, (tag, src_start, src_end, dest_start, dest_end) in enumerate(steps):
        src, dest = src_end - src_start, dest_end - dest_start
        edge = i < equal[0] or i > equal[-1]
        if edge and src and dest:
            # "… of the law" against "… of the laws. But I'm working for you": as many
            # words as the shorter side has, next to the common stretch, disagree; the
            # rest of the longer side is excerpt, not part of the change.
            n = min(src, dest)
            if i > equal[-1]:
                src_end, dest_end = src_start + n, dest_start + n
            else:
                src_start, dest_start = src_end - n, dest_end - n
        here_words = " ".join(a[src_start:src_end])
        there_words = " ".join(b[dest_start:dest_end])
        if tag == "equal":
            diff.append(WordChange("equal", here_words, there_words))
        elif edge and not (src and dest):
            continue  # one wording goes on where the other stops: an excerpt, not a change
        elif _touches(a_gaps, src_start, src_end) or _touches(b_gaps, dest_start, dest_end):
            # The writer marked words as left out or replaced here.
            diff.append(WordChange("equal", here_words or GAP, there_words or GAP))
        else:
            # At an edge both wordings have words where the other has others: the
            # shorter side's words are the ones that disagree, the rest is excerpt.
            changed += min(src, dest) if edge else max(src, dest)
            op = "replace" if src and dest else ("delete" if src else "insert")
            diff.append(WordChange(op, here_words, there_words))
    # The stretch the two wordings share, changed words included, must be a sentence's
    # length: an 8-word quote with one word changed is one quote misquoted, though only 7
    # of its words are common; a short slogan inside two statements is not.
    if common + changed < MIN_WORDS or changed > MAX_CHANGED_SHARE * (common + changed):
        return None
    return Comparison(changed == 0, common, changed, tuple(diff))


def _blocks(opcodes) -> list[tuple[str, int, int, int, int]]:
    """Opcodes with neighbouring insertions and deletions joined: (tag, src_start,
    src_end, dest_start, dest_end), tag "equal" or "change". "are going to" for "will"
    is one changed phrase, not a drop and an addition."""
    blocks: list[tuple[str, int, int, int, int]] = []
    for op in opcodes:
        tag = "equal" if op.tag == "equal" else "change"
        if blocks and tag == "change" and blocks[-1][0] == "change":
            _, src_start, _, dest_start, _ = blocks.pop()
            blocks.append((tag, src_start, op.src_end, dest_start, op.dest_end))
        else:
            blocks.append((tag, op.src_start, op.src_end, op.dest_start, op.dest_end))
    return blocks


def _touches(gaps: set[int], start: int, end: int) -> bool:
    """A gap stands at the edge of, or inside, the words [start, end)."""
    return any(start <= g <= end for g in gaps)


def marked(diff: tuple[WordChange, ...], context: int = 4) -> tuple[str, str]:
    """Both wordings as plain text with the difference marked as ``git diff --word-diff``
    writes it: [-words only this one has-], {+words only the other has+}; common words
    more than ``context`` words away from a difference are left out ("…")."""
    here: list[str] = []
    there: list[str] = []
    changes = [i for i, step in enumerate(diff) if step.op != "equal"]
    for i, step in enumerate(diff):
        if step.op == "equal":
            for side, words in ((here, step.here.split()), (there, step.there.split())):
                side.append(_trimmed(words, i, changes, context))
            continue
        if step.here:
            here.append(f"[-{step.here}-]")
        if step.there:
            there.append(f"{{+{step.there}+}}")
    return " ".join(w for w in here if w), " ".join(w for w in there if w)


def _trimmed(words: list[str], i: int, changes: list[int], context: int) -> str:
    """Common words shown next to the changes around them; the rest elided."""
    before = i - 1 in changes  # a change just before: keep the start of this stretch
    after = i + 1 in changes  # a change just after: keep its end
    if len(words) <= 2 * context or not changes:
        return " ".join(words)
    head = words[:context] if before else []
    tail = words[-context:] if after else []
    return " ".join([*head, GAP, *tail])
