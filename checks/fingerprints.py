"""Fingerprints that survive edits elsewhere in the file: rule + path + normalised matched
text + occurrence index (as semgrep and GitHub code scanning do), never line numbers.

The path is the article's id, its POSIX path from the project root (``copydesk.checks.identity``):
the path ``copydesk ci`` always used, and the one ``copydesk review`` used when run from
the project root on relative paths, so fingerprints recorded that way keep matching."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from copydesk.checks.records import Finding


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def fingerprint(rule: str, path: str, matched: str, occurrence: int) -> str:
    key = "\0".join([rule, path.replace("\\", "/"), normalise(matched), str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def assign_fingerprints(findings: list[Finding], path: str, text: str) -> None:
    seen: Counter[tuple[str, str]] = Counter()
    for f in sorted(findings, key=lambda f: (f.start, f.rule)):
        matched = normalise(text[f.start : f.end])
        if f.match is not None:
            # An archive finding is about a pair of quotes: an editor's decision ("both
            # right") holds for this other article, not for every article that repeats it.
            matched = f"{matched}\0{f.match.article_id}"
        seen[(f.rule, matched)] += 1
        f.fingerprint = fingerprint(f.rule, path, matched, seen[(f.rule, matched)] - 1)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
