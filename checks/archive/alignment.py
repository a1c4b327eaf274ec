"""Two wordings of a quote compared word by word (rapidfuzz's Levenshtein alignment).

Either may be an excerpt of the other, so words only one side has before the first
common word or after the last are not differences. Nor are words missing or replaced
where either side marks an elision or a bracketed insertion (``wording.GAP``): the
writer said so. What is left (inserted, dropped and changed words inside the common
stretch) is the difference a reader would call a misquote.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from checks.archive.wording import GAP
from checks.records import WordChange

# A quote must share at least this many words with another, in order, to be the same
# quote. Shorter repeated phrases are slogans, chants and stock phrases ("make America
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
    not one quote: fewer than ``MIN_WORDS`` common words, or too many differences."""
    a, a_gaps = _spoken_with_gaps(here)
    b, b_gaps = _spoken_with_gaps(there)
    if min(len(a), len(b)) < MIN_WORDS:
        return None
    ops = list(Levenshtein.opcodes(a, b))
    equal = [i for i, op in enumerate(ops) if op.tag == "equal"]
    if not equal:
        return None
    common = sum(op.src_end - op.src_start for op in ops if op.tag == "equal")
    if common < MIN_WORDS:
        return None
    changed = 0
    diff: list[WordChange] = []
    for i, op in enumerate(ops):
        here_words = " ".join(a[op.src_start : op.src_end])
        there_words = " ".join(b[op.dest_start : op.dest_end])
        edge = i < equal[0] or i > equal[-1]
        if op.tag == "equal":
            diff.append(WordChange("equal", here_words, there_words))
        elif edge and op.tag != "replace":
            continue  # one wording goes on where the other stops: an excerpt, not a change
        elif _touches(a_gaps, op.src_start, op.src_end) or _touches(b_gaps, op.dest_start, op.dest_end):
            # The writer marked words as left out or replaced here.
            diff.append(WordChange("equal", here_words or GAP, there_words or GAP))
        else:
            src, dest = op.src_end - op.src_start, op.dest_end - op.dest_start
            # At an edge both wordings have words where the other has others: the
            # shorter side's words are the ones that disagree, the rest is excerpt.
            changed += min(src, dest) if edge else max(src, dest)
            _add_change(diff, here_words, there_words)
    if changed > MAX_CHANGED_SHARE * (common + changed):
        return None
    return Comparison(changed == 0, common, changed, tuple(diff))


def _add_change(diff: list[WordChange], here: str, there: str) -> None:
    """Append a change, merged with the one before it: "are going to" for "will" is one
    changed phrase, not a change and a drop."""
    if diff and diff[-1].op != "equal":
        here = " ".join(w for w in (diff[-1].here, here) if w)
        there = " ".join(w for w in (diff[-1].there, there) if w)
        diff.pop()
    op = "replace" if here and there else ("delete" if here else "insert")
    # Levenshtein's "insert" adds words of the other wording: words this one dropped.
    diff.append(WordChange(op, here, there))


def _touches(gaps: set[int], start: int, end: int) -> bool:
    """A gap stands at the edge of, or inside, the words [start, end)."""
    return any(start <= g <= end for g in gaps)


def marked(diff: tuple[WordChange, ...]) -> tuple[str, str]:
    """Both wordings as plain text with the difference marked: [-dropped-], {+added+},
    [-old-]{+new+} for a changed word, as ``git diff --word-diff`` writes it."""
    here: list[str] = []
    there: list[str] = []
    for step in diff:
        if step.op == "equal":
            here.append(step.here)
            there.append(step.there)
        elif step.op == "insert":
            there.append(f"{{+{step.there}+}}")
        elif step.op == "delete":
            here.append(f"[-{step.here}-]")
        else:
            here.append(f"[-{step.here}-]")
            there.append(f"{{+{step.there}+}}")
    return " ".join(here), " ".join(there)
