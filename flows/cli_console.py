"""The consoles every ``copydesk`` command writes to, and its one way of refusing.

Messages carry file names, article text and exception strings, any of which may contain
``[...]`` that rich would read as markup (and fail on, for ``x[/y].md``): ``fail`` and
``internal_error`` escape what they are given."""

from __future__ import annotations

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
