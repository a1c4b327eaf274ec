"""What ``copydesk ci`` prints: compiler-style lines, GitHub workflow commands, the job
summary table and a JSON object. All of them show only what is new at HEAD; the SARIF
file (``reports.sarif``) carries everything."""

from __future__ import annotations

from dataclasses import asdict

from checks.gate import GateFinding, GateResult
from checks.hidden import show_hidden
from checks.rules import SEVERITIES

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 or word == 'info' else 's'}"


def text_line(g: GateFinding) -> str:
    f = g.finding
    return show_hidden(f"{g.path}:{f.line}:{f.column}: {f.severity} {f.rule}: {f.message}")


def summary_line(result: GateResult) -> str:
    new = result.new
    by_severity = ", ".join(_plural(sum(1 for g in new if g.finding.severity == s), s) for s in SEVERITIES)
    parts = [
        f"copydesk ci: {_plural(len(new), 'new finding')} ({by_severity})",
        f"in {_plural(len(result.files), 'changed article')} since {result.base} ({result.merge_base[:10]});",
        f"{result.count(state='unchanged')} already there, {result.count(suppressed_by='inSource')} suppressed,",
        f"{result.count(suppressed_by='external')} in the baseline.",
    ]
    if result.unreadable:
        parts.append(f"{_plural(len(result.unreadable), 'file')} could not be reviewed.")
    verdict = (
        f"FAILED: {len(result.blocking)} at or above {result.fail_on}."
        if result.blocking
        else ("FAILED." if result.failed else f"Passed (fails at {result.fail_on}).")
    )
    return " ".join(parts + [verdict])


def stale_line(result: GateResult) -> str | None:
    if not result.stale:
        return None
    return f"stale baseline entries: {len(result.stale)} — run copydesk baseline to shrink it"


def unreadable_line(path: str, why: str) -> str:
    return f"{path}: error: cannot review: {why}"


# GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
# (escaping as in @actions/core's command.ts: data escapes % CR LF; properties also : and ,).
def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{command} {props}::{escape_data(message)}" if props else f"::{command}::{escape_data(message)}"


def annotation(g: GateFinding) -> str:
    f = g.finding
    return workflow_command(
        COMMANDS.get(f.severity, "warning"),
        show_hidden(f.message),
        file=g.path,
        line=f.line,
        col=f.column,
        endLine=max(f.end_line, f.line),
        endColumn=f.end_column if f.end_line > f.line else max(f.end_column, f.column),
        title=f.rule,
    )


def unreadable_annotation(path: str, why: str) -> str:
    return workflow_command("error", f"cannot review: {why}", file=path, title="copydesk")


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def step_summary(result: GateResult) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: the new findings, or a line saying there are none."""
    new = result.new
    lines = [f"### copydesk: {_plural(len(new), 'new finding')}", ""]
    if new:
        lines += ["| File | Line | Severity | Rule | Message |", "|---|---|---|---|---|"]
        lines += [
            f"| `{_cell(g.path)}` | {g.finding.line} | {g.finding.severity} | `{g.finding.rule}` | {_cell(g.finding.message)} |"
            for g in new
        ]
    else:
        lines.append(f"No new findings in {_plural(len(result.files), 'changed article')}.")
    lines += [f"- `{_cell(p)}`: cannot review: {_cell(why)}" for p, why in result.unreadable]
    if stale := stale_line(result):
        lines += ["", stale]
    return show_hidden("\n".join(lines) + "\n\n")


def to_json(result: GateResult) -> dict:
    def item(g: GateFinding) -> dict:
        return {"path": g.path, **asdict(g.finding)}

    return {
        "base": result.base,
        "merge_base": result.merge_base,
        "fail_on": result.fail_on,
        "files": result.files,
        "failed": result.failed,
        "new": [item(g) for g in result.new],
        "counts": {
            "new": len(result.new),
            "blocking": len(result.blocking),
            "unchanged": result.count(state="unchanged"),
            "suppressed": result.count(suppressed_by="inSource"),
            "baselined": result.count(suppressed_by="external"),
        },
        "unreadable": [{"path": p, "error": why} for p, why in result.unreadable],
        "stale_baseline": [asdict(e) for e in result.stale],
    }
