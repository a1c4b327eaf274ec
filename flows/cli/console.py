"""The consoles every ``copydesk`` command writes to, its one way of refusing, and the
argument checks the commands that review (``review``, ``schedule``) share.

Messages carry file names, article text and exception strings, any of which may contain
``[...]`` that rich would read as markup (and fail on, for ``x[/y].md``): ``fail`` and
``internal_error`` escape what they are given."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

# soft_wrap: a long path is printed whole, not folded into the next line of a CI log
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


def fail(message: str) -> typer.Exit:
    """Print a usage or input error and return the exit (status 2) for the caller to raise."""
    err.print(f"[bold red]copydesk:[/bold red] {escape(message)}")
    return typer.Exit(2)


def internal_error(exc: BaseException) -> None:
    err.print(f"[bold red]copydesk: internal error:[/bold red] {escape(f'{type(exc).__name__}: {exc}')}")
    err.print("Set COPYDESK_DEBUG=1 to see the traceback.")


def review_targets(paths: list[str] | None, suites: str | None) -> list[str]:
    """The files and folders to review (``content`` when none are given), each existing,
    and ``--suites`` a folder; else the usage error that says which is not."""
    targets = paths or ["content"]
    missing = [p for p in targets if not Path(p).exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    if suites and not Path(suites).is_dir():
        raise fail(f"--suites {suites}: not a folder")
    return targets
