"""The CI gate's judgement: which findings at HEAD are new, compared with the base.

Findings are matched by fingerprint (rule + path + normalised text + occurrence index),
never by line, so moving or editing a paragraph does not make its old findings new — the
approach of semgrep's ``--baseline-commit`` and GitHub code scanning. Only a new, open
finding at or above the fail level blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from copydesk.checks.baseline import Baseline, BaselineEntry, stale_entries
from copydesk.checks.records import Finding, ReviewedArticle
from copydesk.checks.rules import SEVERITIES

BaselineState = Literal["new", "unchanged"]
SuppressionKind = Literal["inSource", "external"]
RANK = {s: len(SEVERITIES) - i for i, s in enumerate(SEVERITIES)}  # error 3, warning 2, info 1


@dataclass(frozen=True)
class GateFinding:
    """A finding as a command reports it: where, whether it is new against a base, and
    whether (and why) it does not count. ``copydesk review`` and ``copydesk check`` compare
    with no base: their findings have ``state`` None."""

    path: str  # the article id: repository-relative, POSIX
    finding: Finding
    state: BaselineState | None
    suppressed_by: SuppressionKind | None = None  # None: open
    justification: str | None = None
    # Start and end columns counted in UTF-8 bytes, 1-based (reviewdog's positions);
    # ``finding.column`` counts characters. None: not computed (no text at hand).
    utf8_columns: tuple[int, int] | None = None

    @property
    def is_open(self) -> bool:
        return self.suppressed_by is None

    @property
    def is_open_new(self) -> bool:
        return self.state != "unchanged" and self.suppressed_by is None

    def at_or_above(self, level: str) -> bool:
        return RANK.get(self.finding.severity, 0) >= RANK[level]


@dataclass
class GateResult:
    base: str  # the ref compared with, as given
    merge_base: str  # the commit the head's findings are compared with
    files: list[str]  # changed article files that were reviewed
    fail_on: str
    findings: list[GateFinding] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    stale: list[BaselineEntry] = field(default_factory=list)

    @property
    def new(self) -> list[GateFinding]:
        return [g for g in self.findings if g.is_open_new]

    @property
    def blocking(self) -> list[GateFinding]:
        return [g for g in self.new if g.at_or_above(self.fail_on)]

    @property
    def failed(self) -> bool:
        # A changed file the gate could not read might hide anything: it cannot pass.
        return bool(self.blocking or self.unreadable)

    def count(
        self, *, state: BaselineState | None = None, suppressed_by: SuppressionKind | None = None
    ) -> int:
        return sum(
            1
            for g in self.findings
            if (state is None or g.state == state) and g.suppressed_by == suppressed_by
        )


def known_fingerprints(base_articles: list[ReviewedArticle]) -> set[str]:
    """Findings open at the base. One that was suppressed there and is open now counts as
    new: deleting a suppression is a change a reviewer must see."""
    return {f.fingerprint for a in base_articles for f in a.findings if f.status == "open"}


def judge(
    head: ReviewedArticle,
    known: set[str] | None,
    baseline: set[str],
    baseline_name: str,
    decided: dict[str, str] | None = None,
) -> list[GateFinding]:
    """``known``: the fingerprints open at the base, or None when there is no base (a
    review). ``decided`` maps fingerprints editors dismissed or accepted in the ledger to
    why: a finding an editor has judged does not block, whatever the diff says."""
    decided = decided or {}
    judged = []
    path = head.article.id or head.path
    for f in head.findings:
        state: BaselineState | None = (
            None if known is None else "unchanged" if f.fingerprint in known else "new"
        )
        columns = utf8_columns(head.text, f)
        if f.status == "suppressed":
            judged.append(GateFinding(path, f, state, "inSource", f.suppression, columns))
        elif f.fingerprint in baseline:
            judged.append(GateFinding(path, f, state, "external", f"accepted in {baseline_name}", columns))
        elif f.fingerprint in decided:
            judged.append(GateFinding(path, f, state, "external", decided[f.fingerprint], columns))
        elif f.status == "open":
            judged.append(GateFinding(path, f, state, utf8_columns=columns))
    return judged


def ledger_decisions(articles: list[ReviewedArticle]) -> dict[str, str]:
    """What the ledger decided on these articles' findings (``Ledger.sync`` set their
    status), in ``judge``'s terms: fingerprint -> why it does not count."""
    return {
        f.fingerprint: f"{f.status} in the ledger"
        for art in articles
        for f in art.findings
        if f.status in ("accepted", "dismissed")
    }


def judge_review(
    articles: list[ReviewedArticle], decided: dict[str, str] | None = None
) -> tuple[list[GateFinding], list[tuple[str, str]]]:
    """A review's findings, judged without a base, and the articles it could not read
    (path, why). Accepted, dismissed and suppressed findings are kept, marked as not
    counting: SARIF lists them with their suppression."""
    decided = {**ledger_decisions(articles), **(decided or {})}
    findings: list[GateFinding] = []
    unreadable: list[tuple[str, str]] = []
    for art in articles:
        if not art.reviewed:
            unreadable.append((art.article.id or art.path, "; ".join(art.errors) or "could not be read"))
            continue
        findings.extend(judge(art, None, set(), "", decided))
    return findings, unreadable


def utf8_columns(text: str, f: Finding) -> tuple[int, int] | None:
    """The finding's start and end columns in UTF-8 bytes (1-based), or None when its
    offsets do not index ``text``."""
    if not text or not (0 <= f.start <= f.end <= len(text)):
        return None

    def column(offset: int) -> int:
        line_start = text.rfind("\n", 0, offset) + 1
        return len(text[line_start:offset].encode("utf-8")) + 1

    return column(f.start), column(f.end)


def compare(
    base_articles: list[ReviewedArticle],
    head_articles: list[ReviewedArticle],
    baseline: Baseline,
    baseline_name: str,
    existing_paths: set[str],
    result: GateResult,
    decided: dict[str, str] | None = None,
) -> GateResult:
    """Fill ``result`` with the head's findings judged against the base and the baseline."""
    known = known_fingerprints(base_articles)
    accepted = baseline.fingerprints()
    for art in head_articles:
        if not art.reviewed:
            result.unreadable.append((art.path, "; ".join(art.errors) or "could not be read"))
            continue
        result.findings.extend(judge(art, known, accepted, baseline_name, decided))
    result.stale = stale_entries(baseline, head_articles, existing_paths)
    return result
