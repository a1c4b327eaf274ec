"""Inline suppressions: HTML comments in an article that switch rules off, with a reason.

    <!-- copydesk-disable-next-line figure-unsourced,quote-unattributed: the figure is the headline -->
    <!-- copydesk-disable figure-unsourced: a table of results, sourced in its caption -->
    …
    <!-- copydesk-enable figure-unsourced -->

``RULE`` may be ``all``; without a rule list a directive means ``all``. A suppressed
finding keeps its place in every report with status ``suppressed`` and the reason, and
never counts toward failing. Like Vale's inline switches, but a reason is required: a
directive without one suppresses nothing and is itself a ``suppression-no-reason`` finding,
so a pull request cannot silence the gate without saying why.

The directives come from ``ReviewedArticle.directives`` (comments the loader found outside
code blocks), so a comment quoted in a fenced example does not switch anything.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from copydesk.checks.fingerprints import fingerprint, line_col, normalise
from copydesk.checks.records import Finding, ReviewedArticle
from copydesk.checks.rules import RULES

NO_REASON = "suppression-no-reason"
ALL = "all"
DirectiveKind = Literal["disable-next-line", "disable", "enable"]

DIRECTIVE = re.compile(r"<!--\s*copydesk-(disable-next-line|disable|enable)(?![\w-])(.*?)-->", re.S)
# "RULE[,RULE]: reason"; both parts optional, but a disable without a reason is a finding.
BODY = re.compile(r"\s*(?P<rules>[\w-]+(?:\s*,\s*[\w-]+)*)?\s*(?::(?P<reason>.*))?\Z", re.S)
COMMENT_LINE = re.compile(r"\s*<!--.*-->\s*\Z")


@dataclass(frozen=True)
class Directive:
    kind: DirectiveKind
    rules: frozenset[str]
    reason: str | None  # None: missing (or the directive could not be read)
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Region:
    """Findings of ``rules`` that start in [start, end) are suppressed, for ``reason``."""

    rules: frozenset[str]
    reason: str
    start: int
    end: int
    line: int | None = None  # disable-next-line: only findings starting on this line

    def covers(self, finding: Finding) -> bool:
        return (
            self.start <= finding.start < self.end
            and (self.line is None or finding.line == self.line)
            and (ALL in self.rules or finding.rule in self.rules)
        )


def parse_directive(start: int, end: int, text: str) -> Directive | None:
    m = DIRECTIVE.fullmatch(text.strip())
    if m is None:
        return None  # some other HTML comment
    kind: DirectiveKind = m.group(1)  # type: ignore[assignment]
    body = BODY.match(m.group(2))
    if body is None:  # prose without "RULE: reason" shape: nothing we can trust
        return Directive(kind, frozenset(), None, start, end, text)
    rules = frozenset(r.strip().lower() for r in (body.group("rules") or "").split(",") if r.strip())
    reason = " ".join((body.group("reason") or "").split()) or None
    return Directive(kind, rules or frozenset({ALL}), reason, start, end, text)


def _next_content_line(text: str, offset: int) -> int | None:
    """The 1-based number of the first line after the one holding ``offset`` that has
    text, skipping blank lines and lines that are only comments (stacked directives)."""
    line, _ = line_col(text, offset)
    pos = text.find("\n", offset)
    while pos != -1:
        line += 1
        nxt = text.find("\n", pos + 1)
        content = text[pos + 1 : nxt if nxt != -1 else len(text)]
        if content.strip() and not COMMENT_LINE.match(content):
            return line
        pos = nxt
    return None


def regions(text: str, directives: list[Directive]) -> list[Region]:
    """Where each valid directive applies. A disable runs until an enable names its rules
    (or ``all``), else to the end of the file; ``enable X`` inside ``disable all`` does not
    re-enable X alone (only ``enable all`` ends ``disable all``)."""
    found: list[Region] = []
    open_blocks: list[tuple[Directive, frozenset[str]]] = []  # (directive, rules still off)
    for d in sorted(directives, key=lambda d: d.start):
        if d.kind == "enable":
            still_open = []
            for block, rules in open_blocks:
                closed = rules if ALL in d.rules else rules & d.rules
                if closed:
                    found.append(Region(closed, block.reason or "", block.end, d.start))
                if rules - closed:
                    still_open.append((block, rules - closed))
            open_blocks = still_open
        elif d.reason is None:
            continue  # reported as a finding instead; it switches nothing
        elif d.kind == "disable":
            open_blocks.append((d, d.rules))
        elif (line := _next_content_line(text, max(d.end - 1, d.start))) is not None:
            found.append(Region(d.rules, d.reason, d.end, len(text), line))
    found.extend(Region(rules, block.reason or "", block.end, len(text)) for block, rules in open_blocks)
    return found


def _missing_reason_findings(art: ReviewedArticle, directives: list[Directive]) -> list[Finding]:
    rule = RULES[NO_REASON]
    seen: Counter[str] = Counter()
    findings = []
    for d in directives:
        if d.kind == "enable" or d.reason is not None:
            continue
        line, col = line_col(art.text, d.start)
        end_line, end_col = line_col(art.text, d.end)
        key = normalise(d.text)
        findings.append(
            Finding(
                NO_REASON,
                rule.severity,
                "",
                d.start,
                d.end,
                line,
                col,
                rule.message.format(text=" ".join(d.text.split())),
                # Same scheme as GX findings, so moving the comment keeps its identity.
                fingerprint=fingerprint(NO_REASON, art.article.id, key, seen[key]),
                end_line=end_line,
                end_column=end_col,
            )
        )
        seen[key] += 1
    return findings


def apply_suppressions(art: ReviewedArticle) -> None:
    """Mark the article's findings that a directive covers as suppressed, and add a
    finding for each directive without a reason. Run after ``review_findings``."""
    directives = [d for s, e, t in art.directives if (d := parse_directive(s, e, t)) is not None]
    if not directives:
        return
    spans = regions(art.text, directives)
    # Running twice must not report a directive twice.
    art.findings = [f for f in art.findings if f.rule != NO_REASON]
    for f in art.findings:
        region = next((r for r in spans if r.covers(f)), None) if f.status == "open" else None
        if region is not None:
            f.status, f.suppression = "suppressed", region.reason
    # The meta-rule is added after suppressing: a suppression cannot excuse a missing reason.
    art.findings.extend(_missing_reason_findings(art, directives))
    art.findings.sort(key=lambda f: (f.start, f.rule))
