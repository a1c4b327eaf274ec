"""The CI gate's judgement: which findings at HEAD are new, compared with the base.

Findings are matched by fingerprint (rule + path + normalised text + occurrence index),
never by line, so moving or editing a paragraph does not make its old findings new — the
approach of semgrep's ``--baseline-commit`` and GitHub code scanning. Only a new, open
finding at or above the fail level blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from checks.baseline import Baseline, BaselineEntry, stale_entries
from checks.records import Finding, ReviewedArticle
from checks.rules import SEVERITIES

BaselineState = Literal["new", "unchanged"]
SuppressionKind = Literal["inSource", "external"]
RANK = {s: len(SEVERITIES) - i for i, s in enumerate(SEVERITIES)}  # error 3, warning 2, info 1


@dataclass(frozen=True)
class GateFinding:
    path: str  # repository-relative, POSIX
    finding: Finding
    state: BaselineState
    suppressed_by: SuppressionKind | None = None  # None: open
    justification: str | None = None

    @property
    def is_open_new(self) -> bool:
        return self.state == "new" and self.suppressed_by is None


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
        return [g for g in self.new if RANK.get(g.finding.severity, 0) >= RANK[self.fail_on]]

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
    known: set[str],
    baseline: set[str],
    baseline_name: str,
    decided: dict[str, str] | None = None,
) -> list[GateFinding]:
    """``decided`` maps fingerprints editors dismissed or accepted in the ledger to why:
    a finding an editor has judged does not block, whatever the diff says."""
    decided = decided or {}
    judged = []
    for f in head.findings:
        state: BaselineState = "unchanged" if f.fingerprint in known else "new"
        if f.status == "suppressed":
            judged.append(GateFinding(head.path, f, state, "inSource", f.suppression))
        elif f.fingerprint in baseline:
            judged.append(GateFinding(head.path, f, state, "external", f"accepted in {baseline_name}"))
        elif f.fingerprint in decided:
            judged.append(GateFinding(head.path, f, state, "external", decided[f.fingerprint]))
        elif f.status == "open":
            judged.append(GateFinding(head.path, f, state))
    return judged


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
