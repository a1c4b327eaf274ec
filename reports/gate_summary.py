"""What ``copydesk ci`` adds to the common output (``copydesk.reports.output``): its summary line,
the stale-baseline note, the job summary table and the keys of its JSON object. All of
them show only what is new at HEAD; the SARIF file carries everything."""

from __future__ import annotations

from dataclasses import asdict

from copydesk.checks.gate_decision import GateResult
from copydesk.checks.hidden import show_hidden
from copydesk.reports.output import Outcome, by_severity, plural, verdict


def outcome(result: GateResult, exit_zero: bool = False) -> Outcome:
    """The gate's result as the common formatter prints it: the new, open findings listed."""
    return Outcome(
        "ci",
        result.new,
        result.findings,
        result.unreadable,
        result.fail_on,
        summary_line(result, exit_zero),
        extra={
            "base": result.base,
            "merge_base": result.merge_base,
            "files": result.files,
            "counts": {
                "new": len(result.new),
                "blocking": len(result.blocking),
                "unchanged": result.count(state="unchanged"),
                "suppressed": result.count(suppressed_by="inSource"),
                "baselined": result.count(suppressed_by="external"),
            },
            "stale_baseline": [asdict(e) for e in result.stale],
        },
    )


def summary_line(result: GateResult, exit_zero: bool = False) -> str:
    new = result.new
    parts = [
        f"copydesk ci: {plural(len(new), 'new finding')} ({by_severity(new)})",
        f"in {plural(len(result.files), 'changed article')} since {result.base} ({result.merge_base[:10]});",
        f"{result.count(state='unchanged')} already there, {result.count(suppressed_by='inSource')} suppressed,",
        f"{result.count(suppressed_by='external')} in the baseline.",
    ]
    if result.unreadable:
        parts.append(f"{plural(len(result.unreadable), 'file')} could not be reviewed.")
    return " ".join([*parts, verdict(len(result.blocking), result.failed, result.fail_on, exit_zero)])


def stale_line(result: GateResult) -> str | None:
    if not result.stale:
        return None
    return f"stale baseline entries: {len(result.stale)} — run copydesk baseline to shrink it"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def step_summary(result: GateResult) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: the new findings, or a line saying there are none."""
    new = result.new
    lines = [f"### copydesk: {plural(len(new), 'new finding')}", ""]
    if new:
        lines += ["| File | Line | Severity | Rule | Message |", "|---|---|---|---|---|"]
        lines += [
            f"| `{_cell(g.path)}` | {g.finding.line} | {g.finding.severity} | `{g.finding.rule}` | {_cell(g.finding.message)} |"
            for g in new
        ]
    else:
        lines.append(f"No new findings in {plural(len(result.files), 'changed article')}.")
    lines += [f"- `{_cell(p)}`: cannot review: {_cell(why)}" for p, why in result.unreadable]
    if stale := stale_line(result):
        lines += ["", stale]
    return show_hidden("\n".join(lines) + "\n\n")
