"""The output options ``review``, ``check`` and ``ci`` share, and the one way they print
what they found (``copydesk.reports.output``) and choose their exit status.

Exit statuses, as ruff and Vale have them: 0 nothing at or above ``--fail-on`` (default
``error``) is open; 1 something is, or a file could not be reviewed; 2 a usage error or a
failure of the tool (``copydesk.flows.cli.console.fail``). ``--exit-zero`` reports and exits 0.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from copydesk.reports.output import (
    Level,
    Outcome,
    OutputFormat,
    exit_status,
    relative_to_cwd,
    render,
    tool_version,
)

FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        help="How findings are printed (default: github under GitHub Actions, else text)",
        case_sensitive=False,
    ),
]
FailOnOption = Annotated[
    Level | None,
    typer.Option("--fail-on", help="Exit 1 on open findings at or above this severity [default: error]"),
]
StatisticsOption = Annotated[
    bool, typer.Option("--statistics", help="Print counts by rule instead of each finding")
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print the findings only: no progress, no summary")
]
ExitZeroOption = Annotated[
    bool, typer.Option("--exit-zero", help="Exit 0 even when findings remain (report only)")
]


def chosen_format(fmt: OutputFormat | None) -> OutputFormat:
    if fmt is not None:
        return fmt
    return OutputFormat.GITHUB if os.environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.TEXT


def emit(
    outcome: Outcome,
    fmt: OutputFormat,
    root: Path,
    *,
    statistics: bool,
    quiet: bool,
    notes: list[str] | None = None,
) -> None:
    """Print ``outcome`` on stdout. Plain writes, not rich: a console would wrap long lines
    and break workflow commands and JSON."""
    version, uri = tool_version()
    lines = render(
        outcome,
        fmt,
        relative_to_cwd(root),
        statistics=statistics,
        quiet=quiet,
        tool_version=version,
        information_uri=uri,
        notes=notes or (),
    )
    for line in lines:
        sys.stdout.write(line + "\n")
    sys.stdout.flush()


def finish(outcome: Outcome, exit_zero: bool) -> typer.Exit:
    """The command's exit, for the caller to raise."""
    return typer.Exit(exit_status(outcome, exit_zero))
