"""What ``copydesk review``, ``copydesk check`` and ``copydesk ci`` print: one formatter for
all three, so a finding reads the same whichever command found it.

Formats (``--format``):

- ``text``: one line per finding in ruff's layout, ``path:line:col: severity rule: message``
  (path relative to the working directory, line and column 1-based, the column counted in
  characters), then a closing summary line;
- ``github``: one GitHub workflow command per finding (``::error file=…,line=…``), which
  shows as an annotation on the pull request's diff; paths from the repository root;
- ``json``: one object with the findings, the counts and what the command adds;
- ``jsonl``: one JSON object per finding (and per file that could not be reviewed);
- ``sarif``: SARIF 2.1.0 (``copydesk.reports.sarif``) with every finding, suppressed ones included;
- ``rdjson``: reviewdog's Diagnostic JSON (``DiagnosticResult``): columns in UTF-8 bytes
  and end positions exclusive, as its schema says.

``--statistics`` prints counts by rule instead of the findings (as ``ruff --statistics``);
``--quiet`` prints the findings and nothing else.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

from copydesk.checks.gate_decision import RANK, GateFinding
from copydesk.checks.hidden import show_hidden
from copydesk.checks.rules import RULES, SEVERITIES


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    SARIF = "sarif"
    GITHUB = "github"
    RDJSON = "rdjson"


class Level(StrEnum):
    """A severity, as ``--fail-on`` takes it."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}  # GitHub's names
RDJSON_SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


@dataclass(frozen=True)
class Outcome:
    """What one run of a command found, ready to print."""

    command: str  # "review", "check", "ci"
    listed: Sequence[GateFinding]  # the findings the output lists: open (for ci, open and new)
    everything: Sequence[GateFinding]  # every finding judged, for SARIF
    unreadable: Sequence[tuple[str, str]]  # (article id, why)
    fail_on: str
    summary: str  # the closing line of the text output
    # Keys the command adds to its --format json object (the CI gate's base, baseline, ...).
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def blocking(self) -> list[GateFinding]:
        return [g for g in self.listed if g.at_or_above(self.fail_on)]

    @property
    def failed(self) -> bool:
        # A file that could not be reviewed might hide anything: it fails at any level.
        return bool(self.blocking or self.unreadable)


def exit_status(outcome: Outcome, exit_zero: bool) -> int:
    """0 clean (or ``--exit-zero``), 1 when what remains fails the run."""
    return 0 if exit_zero or not outcome.failed else 1


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 or word == 'info' else 's'}"


def by_severity(findings: Sequence[GateFinding]) -> str:
    """``2 errors, 1 warning, 0 info``"""
    counts = Counter(g.finding.severity for g in findings)
    return ", ".join(plural(counts[s], s) for s in SEVERITIES)


def verdict(blocking: int, failed: bool, fail_on: str, exit_zero: bool = False) -> str:
    """The last words of a summary line. Under ``--exit-zero`` a run that would fail says
    so without "FAILED": it reports and exits 0 (``make review`` runs that way)."""
    if failed and exit_zero:
        what = f"{blocking} at or above {fail_on}" if blocking else "a file could not be reviewed"
        return f"Would fail: {what} (--exit-zero: exit status 0)."
    if blocking:
        return f"FAILED: {blocking} at or above {fail_on}."
    return "FAILED." if failed else f"Passed (fails at {fail_on})."


def review_outcome(
    command: str,
    everything: Sequence[GateFinding],
    unreadable: Sequence[tuple[str, str]],
    articles: int,
    fail_on: str,
    reports: str | None,
    exit_zero: bool = False,
) -> Outcome:
    """The outcome of ``review`` or ``check``: the open findings listed, and a summary line
    that counts them by severity, says what does not count and where the reports went."""
    listed = [g for g in everything if g.is_open]
    suppressed = sum(1 for g in everything if g.suppressed_by == "inSource")
    decided = sum(1 for g in everything if g.suppressed_by == "external")
    blocking = sum(1 for g in listed if g.at_or_above(fail_on))
    parts = [
        f"copydesk {command}: {plural(len(listed), 'open finding')} ({by_severity(listed)})",
        f"in {plural(articles, 'article')}"
        + (f", {len(unreadable)} could not be reviewed;" if unreadable else ";"),
        f"{suppressed} suppressed, {decided} accepted or dismissed in the ledger.",
        f"Reports in {reports}." if reports else "No reports written (--out DIR writes them).",
        verdict(blocking, bool(blocking or unreadable), fail_on, exit_zero),
    ]
    return Outcome(command, listed, everything, unreadable, fail_on, " ".join(parts))


def relative_to_cwd(root: Path, cwd: Path | None = None) -> Callable[[str], str]:
    """Article id (relative to ``root``, or absolute) -> the path a user would type in
    ``cwd``: ``content/a.md`` from the root, ``a.md`` from ``content/``."""
    here = str(cwd or Path.cwd())

    def shown(article_id: str) -> str:
        full = Path(article_id) if os.path.isabs(article_id) else root / article_id
        rel = os.path.relpath(full, here)
        return Path(rel).as_posix() if not rel.startswith("..") else Path(full).as_posix()

    return shown


# --- text --------------------------------------------------------------------------------


def text_line(path: str, g: GateFinding) -> str:
    f = g.finding
    # a bidi control or zero-width character in a path or message shows as <U+202E>
    return show_hidden(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule}: {f.message}")


def unreadable_line(path: str, why: str) -> str:
    return show_hidden(f"{path}: error: cannot review: {why}")


def statistics_rows(findings: Sequence[GateFinding]) -> list[tuple[int, str, str]]:
    """(count, rule, severity), most frequent first, as ``ruff --statistics``."""
    counts = Counter((g.finding.rule, g.finding.severity) for g in findings)
    rows = [(n, rule, severity) for (rule, severity), n in counts.items()]
    return sorted(rows, key=lambda r: (-r[0], -RANK.get(r[2], 0), r[1]))


def statistics_lines(findings: Sequence[GateFinding]) -> list[str]:
    rows = statistics_rows(findings)
    width = max((len(r[1]) for r in rows), default=0)
    return [f"{n:>5}\t{rule:<{width}}\t[{severity}] {_summary(rule)}" for n, rule, severity in rows]


def _summary(rule: str) -> str:
    known = RULES.get(rule)
    return known.summary if known else ""


# --- GitHub workflow commands --------------------------------------------------------------
# https://docs.github.com/actions/reference/workflow-commands-for-github-actions (escaping as
# in @actions/core's command.ts: data escapes % CR LF; properties also : and ,).


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


# --- JSON, JSON Lines, rdjson ---------------------------------------------------------------


def finding_item(path: str, g: GateFinding) -> dict:
    return {"path": path, **asdict(g.finding)}


def json_object(outcome: Outcome, shown: Callable[[str], str]) -> dict:
    return {
        "command": outcome.command,
        "findings": [finding_item(shown(g.path), g) for g in outcome.listed],
        "by_severity": {s: sum(1 for g in outcome.listed if g.finding.severity == s) for s in SEVERITIES},
        "unreadable": [{"path": shown(p), "error": why} for p, why in outcome.unreadable],
        "fail_on": outcome.fail_on,
        "failed": outcome.failed,
        **outcome.extra,
    }


def rdjson_diagnostic(path: str, g: GateFinding) -> dict:
    f = g.finding
    start_col, end_col = g.utf8_columns or (f.column, f.end_column)
    end_line = max(f.end_line, f.line)
    return {
        "message": f.message,
        "location": {
            "path": path,
            "range": {
                "start": {"line": f.line, "column": max(start_col, 1)},
                "end": {
                    "line": end_line,
                    "column": max(end_col, 1) if end_line > f.line else max(end_col, start_col),
                },
            },
        },
        "severity": RDJSON_SEVERITIES.get(f.severity, "WARNING"),
        "code": {"value": f.rule},
        "original_output": text_line(path, g),
    }


def rdjson_result(outcome: Outcome, shown: Callable[[str], str]) -> dict:
    diagnostics = [rdjson_diagnostic(shown(g.path), g) for g in outcome.listed]
    diagnostics += [
        {
            "message": f"cannot review: {why}",
            "location": {"path": shown(p)},
            "severity": "ERROR",
            "code": {"value": "unreadable"},
        }
        for p, why in outcome.unreadable
    ]
    return {"source": {"name": "copydesk"}, "diagnostics": diagnostics}


# --- everything together -----------------------------------------------------------------------


def render(
    outcome: Outcome,
    fmt: OutputFormat,
    shown: Callable[[str], str],
    *,
    statistics: bool = False,
    quiet: bool = False,
    tool_version: str = "0+unknown",
    information_uri: str | None = None,
    notes: Sequence[str] = (),
) -> list[str]:
    """The lines to print on stdout. ``shown`` maps an article id to the path printed by
    the formats a person or a local tool reads (text, json, jsonl, rdjson); ``github`` and
    ``sarif`` keep repository paths, which is what GitHub resolves. ``notes``: lines the
    command adds before its summary (the CI gate's stale baseline entries)."""
    if fmt == OutputFormat.SARIF:
        from copydesk.reports.sarif import sarif_log

        log = sarif_log(list(outcome.everything), tool_version, information_uri)
        return [json.dumps(log, ensure_ascii=False, indent=2)]
    if fmt == OutputFormat.RDJSON:
        return [json.dumps(rdjson_result(outcome, shown), ensure_ascii=False)]
    if statistics:
        if fmt in (OutputFormat.JSON, OutputFormat.JSONL):
            rows = [{"rule": r, "severity": s, "count": n} for n, r, s in statistics_rows(outcome.listed)]
            return [json.dumps(rows, ensure_ascii=False, indent=2 if fmt == OutputFormat.JSON else None)]
        lines = statistics_lines(outcome.listed)
        return lines if quiet else [*lines, outcome.summary]
    if fmt == OutputFormat.JSON:
        return [json.dumps(json_object(outcome, shown), ensure_ascii=False, indent=2)]
    if fmt == OutputFormat.JSONL:
        lines = [
            json.dumps({"path": shown(p), "error": f"cannot review: {why}"}, ensure_ascii=False)
            for p, why in outcome.unreadable
        ]
        return lines + [
            json.dumps(finding_item(shown(g.path), g), ensure_ascii=False) for g in outcome.listed
        ]
    github = fmt == OutputFormat.GITHUB
    lines = [
        unreadable_annotation(p, why) if github else unreadable_line(shown(p), why)
        for p, why in outcome.unreadable
    ]
    lines += [annotation(g) if github else text_line(shown(g.path), g) for g in outcome.listed]
    if quiet:
        return lines
    lines += [workflow_command("notice", n) if github else n for n in notes]
    return [*lines, outcome.summary]


def tool_version() -> tuple[str, str | None]:
    """copydesk's version and home page, from the installed distribution's metadata."""
    from importlib import metadata

    try:
        meta = metadata.metadata("copydesk")
    except metadata.PackageNotFoundError:
        return "0+unknown", None
    urls = [u.split(",", 1)[-1].strip() for u in meta.get_all("Project-URL") or []]
    return meta["Version"], meta.get("Home-page") or next(iter(urls), None)
