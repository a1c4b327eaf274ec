"""``copydesk flags``: the editors' side of the ledger.

    copydesk flags list [--status S] [--rule R] [--article A] [--format table|json]
    copydesk flags show FINGERPRINT [--format table|json]
    copydesk flags accept FINGERPRINT [--reason TEXT] --by NAME
    copydesk flags dismiss FINGERPRINT --reason TEXT --by NAME
    copydesk flags reopen FINGERPRINT [--reason TEXT] --by NAME

Every command takes ``--db URL`` (default: ``$COPYDESK_DB_URL``, else
``.copydesk/ledger.db``); ``--by`` defaults to ``$COPYDESK_EDITOR``. Errors (an unknown
fingerprint, a dismissal without a reason, a database that cannot be opened) are one line
on stderr and exit code 2.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from copydesk.checks.hidden import show_hidden
from copydesk.flows.cli.console import err, fail, out

if TYPE_CHECKING:  # the ledger imports SQLAlchemy: only commands that use it pay for that
    from copydesk.checks.ledger import DecisionRecord, FlagRecord, Ledger

flags_app = typer.Typer(
    no_args_is_help=True,
    help="Triage findings: list them, accept, dismiss or reopen them, and see who decided what.",
)
# soft_wrap: an error stays on one line whatever the terminal width.


class Format(StrEnum):
    table = "table"
    json = "json"


Db = Annotated[
    str | None,
    typer.Option("--db", help="Ledger database URL (default: $COPYDESK_DB_URL, else .copydesk/ledger.db)"),
]
By = Annotated[
    str | None, typer.Option("--by", envvar="COPYDESK_EDITOR", help="Who decides (default: $COPYDESK_EDITOR)")
]
Fingerprint = Annotated[
    str,
    typer.Argument(
        help="The finding's fingerprint, as in the reports, or a unique prefix of it (4+ characters)"
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", help="table or json")]


@contextmanager
def _ledger(db: str | None) -> Iterator[Ledger]:
    """An open ledger; its errors, and the caller's lookup and validation errors, become
    a one-line message and exit code 2."""
    from copydesk.checks.ledger import Ledger, LedgerError

    try:
        ledger = Ledger.open(db)
    except LedgerError as exc:
        raise fail(str(exc)) from None
    try:
        yield ledger
    except (LedgerError, LookupError, ValueError) as exc:
        raise fail(str(exc)) from None
    finally:
        ledger.close()


@flags_app.command("list")
def list_flags(
    status: Annotated[str | None, typer.Option("--status", help="open, accepted, dismissed or fixed")] = None,
    rule: Annotated[str | None, typer.Option("--rule", help="A rule id, e.g. figure-unsourced")] = None,
    article: Annotated[
        str | None,
        typer.Option("--article", help="An article: its id (its path from the project root) or a path to it"),
    ] = None,
    fmt: FormatOption = Format.table,
    db: Db = None,
) -> None:
    """List the findings in the ledger."""
    if article is not None and Path(article).is_file():  # ./content/a.md, or from a subfolder
        from copydesk.checks.identity import article_id

        article = article_id(article)
    with _ledger(db) as ledger:
        flags = ledger.list(status=status, rule=rule, article=article)
    if fmt is Format.json:
        typer.echo(json.dumps([f.to_dict() for f in flags], ensure_ascii=False, indent=2))
    elif not flags:
        err.print("No findings in the ledger match.")
    elif not out.is_terminal:
        # Piped or redirected: one finding per line, tab-separated, never folded (a table
        # fitted to 80 columns would cut words and fingerprints in two for grep and cut).
        for row in _rows(flags):
            typer.echo("\t".join(" ".join(cell.split()) for cell in row))
    else:
        out.print(_flags_table(flags))


@flags_app.command("show")
def show_flag(fingerprint: Fingerprint, fmt: FormatOption = Format.table, db: Db = None) -> None:
    """Show one finding and the history of decisions about it."""
    with _ledger(db) as ledger:
        flag, history = ledger.show(ledger.resolve(fingerprint))
    if fmt is Format.json:
        document = {**flag.to_dict(), "history": [d.to_dict() for d in history]}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        _print_flag(flag, history)


@flags_app.command("accept")
def accept(
    fingerprint: Fingerprint,
    by: By = None,
    reason: Annotated[str | None, typer.Option("--reason", help="A note for the record")] = None,
    db: Db = None,
) -> None:
    """Accept a finding: it is real and will be fixed."""
    _decide(fingerprint, "accepted", reason, by, db)


@flags_app.command("dismiss")
def dismiss(
    fingerprint: Fingerprint,
    by: By = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why: false alarm, sourced elsewhere, won't fix, …")
    ] = None,
    db: Db = None,
) -> None:
    """Dismiss a finding, with a reason; later runs keep it dismissed."""
    _decide(fingerprint, "dismissed", reason, by, db)


@flags_app.command("reopen")
def reopen(
    fingerprint: Fingerprint,
    by: By = None,
    reason: Annotated[str | None, typer.Option("--reason", help="A note for the record")] = None,
    db: Db = None,
) -> None:
    """Reopen a finding that was accepted, dismissed or fixed."""
    _decide(fingerprint, "open", reason, by, db)


def _decide(fingerprint: str, status: str, reason: str | None, by: str | None, db: str | None) -> None:
    # Decisions are signed: the audit trail is only worth having if it says who.
    if not (by and by.strip()):
        raise fail("say who decides: --by NAME, or set COPYDESK_EDITOR")
    with _ledger(db) as ledger:
        flag = ledger.decide(ledger.resolve(fingerprint), status, reason=reason, by=by)
    note = f": {flag.reason}" if flag.reason else ""
    typer.echo(
        show_hidden(
            f"{flag.fingerprint} {flag.status} ({flag.rule} in {flag.article}) by {flag.author}{note}"
        )
    )


def _flags_table(flags: list[FlagRecord]) -> Table:
    # Fingerprints are copied into commands: never fold them; the prose columns give way.
    # The decision column only appears when some row has one (times are in show and JSON).
    decided = any(f.reason or f.author for f in flags)
    table = Table(header_style="bold")
    table.add_column("fingerprint", no_wrap=True)
    table.add_column("status", no_wrap=True)
    for column in ("rule", "article", "message", *(("decision",) if decided else ())):
        table.add_column(column, overflow="fold")
    for row in _rows(flags):
        table.add_row(*(escape(cell) for cell in row))
    return table


def _rows(flags: list[FlagRecord]) -> list[list[str]]:
    """fingerprint, status, rule, article, message, and the decision when any row has one."""
    decided = any(f.reason or f.author for f in flags)
    rows = []
    for f in flags:
        row = [f.fingerprint, f.status, f.rule, f.article, f.message]
        if decided:
            row.append(": ".join(part for part in (f.author, f.reason) if part))
        rows.append([show_hidden(cell) for cell in row])  # a bidi control shows as <U+202E>
    return rows


def _print_flag(flag: FlagRecord, history: list[DecisionRecord]) -> None:
    for label, value in (
        ("fingerprint", flag.fingerprint),
        ("status", flag.status),
        ("rule", flag.rule),
        ("article", f"{flag.article} ({flag.path})"),
        ("message", flag.message),
        ("first seen", _when(flag.first_seen)),
        ("last seen", _when(flag.last_seen)),
    ):
        out.print(f"[bold]{label:>12}[/bold]  {escape(show_hidden(value))}")
    if not history:
        out.print("\nNo decisions yet.")
        return
    table = Table(title="history", header_style="bold")
    for column in ("when", "status", "by", "reason"):
        table.add_column(column, overflow="fold")
    for d in history:
        table.add_row(
            _when(d.at), d.status, escape(show_hidden(d.author or "")), escape(show_hidden(d.reason or ""))
        )
    out.print(table)


def _when(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC")
