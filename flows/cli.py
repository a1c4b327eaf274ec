"""The ``copydesk`` command line.

    copydesk review [PATH...] [--out DIR] [--fail-on LEVEL]   review articles, write reports
    copydesk extract FILE...                                  print extracted items as JSON Lines

Exit codes: 0 success; 1 findings at or above --fail-on; 2 usage error or tool failure.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from flows.quiet import quiet_environment

quiet_environment()

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="copydesk: flags unattributed quotes, unsourced figures and impossible dates in articles.",
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()
LEVELS = {"error": 3, "warning": 2, "info": 1}


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]copydesk:[/bold red] {message}")
    return typer.Exit(2)


@app.command()
def review(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Article files or folders (default: content)")
    ] = None,
    out_dir: Annotated[str, typer.Option("--out", help="Where reports are written")] = "reports/out",
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", help="Exit 1 on open findings at or above: error, warning or info"),
    ] = None,
    suites: Annotated[
        str | None, typer.Option("--suites", help="Folder of suite files overriding the built-in ones")
    ] = None,
    max_size: Annotated[float, typer.Option("--max-size", help="Largest file to review, in MiB")] = 5.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary")] = False,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Ledger database URL (default: $COPYDESK_DB_URL or .copydesk/ledger.db)"),
    ] = None,
) -> None:
    """Review articles and write JSON, HTML and Markdown reports."""
    from checks.config import ConfigError
    from checks.ledger import Ledger, LedgerError

    if fail_on is not None and fail_on not in LEVELS:
        raise _fail(f"--fail-on must be one of {', '.join(LEVELS)}, not {fail_on!r}")
    targets = paths or ["content"]
    missing = [p for p in targets if not Path(p).exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(missing)}")
    if suites and not Path(suites).is_dir():
        raise _fail(f"--suites {suites}: not a folder")
    from flows.content.loader import discover_files

    files = list(discover_files(targets))
    if not files:
        raise _fail(f"no article files (.md, .txt, .html) in {', '.join(targets)}")
    try:  # open it now: a bad URL or a server that is down fails before the review, not after
        Ledger.open(db).close()
        articles = _run_review(files, out_dir, suites, int(max_size * 1_048_576), show=not quiet, db=db)
    except LedgerError as exc:
        raise _fail(f"ledger: {exc}") from None
    except ConfigError as exc:
        raise _fail(f"suite configuration: {exc}") from None
    except OSError as exc:
        raise _fail(f"cannot write reports to {out_dir}: {exc.strerror or exc}") from None
    if not quiet:
        from reports.terminal import print_summary

        print_summary(articles, out_dir, out)
    if fail_on is not None:
        threshold = LEVELS[fail_on]
        if any(LEVELS[f.severity] >= threshold and f.status == "open" for a in articles for f in a.findings):
            raise typer.Exit(1)


def _run_review(
    files: list[str], out_dir: str, suites: str | None, max_bytes: int, show: bool, db: str | None = None
):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from flows.review import review_flow

    if not show:
        return review_flow(files, out_dir=out_dir, suites_dir=suites, max_bytes=max_bytes, db_url=db)
    with Progress(
        TextColumn("reviewing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        bar = progress.add_task("review", total=len(files))
        return review_flow(
            files,
            out_dir=out_dir,
            suites_dir=suites,
            max_bytes=max_bytes,
            on_progress=lambda n: progress.advance(bar, n),
            db_url=db,
        )


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Article files or folders")],
    max_size: Annotated[float, typer.Option("--max-size", help="Largest file to read, in MiB")] = 5.0,
) -> None:
    """Print what copydesk extracts from each file, one JSON object per line."""
    from flows.content.loader import discover_files
    from flows.extract.pipeline import extract_batch
    from reports.contract import to_contract

    paths = list(discover_files(files))
    if not paths:
        raise _fail("no article files given")
    batch = 32
    for i in range(0, len(paths), batch):
        for art in extract_batch(paths[i : i + batch], int(max_size * 1_048_576)):
            sys.stdout.write(json.dumps(to_contract(art, with_findings=False), ensure_ascii=False) + "\n")
    sys.stdout.flush()


# Subcommands that live in their own modules register themselves below this line.
from flows.cli_ci import register_ci_commands  # noqa: E402  (needs `app` above)

register_ci_commands(app)
from flows.cli_flags import flags_app  # noqa: E402  (the ledger's triage commands)

app.add_typer(flags_app, name="flags")
from flows.cli_serve import serve  # noqa: E402  (the review desk)

app.command("serve")(serve)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("copydesk: interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug in copydesk itself: say so, without a traceback
        err.print(f"[bold red]copydesk: internal error:[/bold red] {type(exc).__name__}: {exc}")
        err.print("Set COPYDESK_DEBUG=1 to see the traceback.")
        import os

        if os.environ.get("COPYDESK_DEBUG"):
            raise
        sys.exit(2)
