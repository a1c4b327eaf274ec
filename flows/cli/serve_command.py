"""``copydesk serve``: the review desk in a browser.

    copydesk serve [--host 127.0.0.1] [--port 8000] [--reports reports/out] [--db URL]
                   [--token-file FILE] [--allowed-host NAME ...]

Every write, from a form or the API, needs a desk token: ``$COPYDESK_DESK_TOKEN`` (shared)
or one of a token file's ``name: token`` lines (each editor's own). Editors sign in with
one in the browser. Loopback by default; any other ``--host`` needs a token to start.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.markup import escape

from copydesk.flows.cli.console import err


def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port (0: any free port)", min=0, max=65535)] = 8000,
    reports: Annotated[
        str | None,
        typer.Option(
            "--reports",
            help="The reports folder copydesk review wrote (default: the settings' out, else reports/out)",
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Ledger database URL (default: $COPYDESK_DB_URL, else .copydesk/ledger.db)"
        ),
    ] = None,
    token_file: Annotated[
        Path | None,
        typer.Option("--token-file", help="Per-editor tokens, one 'name: token' line each", dir_okay=False),
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="A host name the desk answers to (repeatable; also $COPYDESK_DESK_HOSTS, comma-separated); "
            "loopback names and --host are always allowed",
        ),
    ] = None,
) -> None:
    """Serve the review desk: the queue of findings, articles, accept / dismiss / reopen."""
    import uvicorn

    from copydesk.checks.ledger import LedgerError
    from copydesk.flows.cli.settings import load_settings, reports_folder
    from copydesk.reports.desk import create_app
    from copydesk.reports.desk.security import LOOPBACK_NAMES, TOKEN_ENV, is_loopback
    from copydesk.reports.desk.signin import MIN_TOKEN_LENGTH, TokenFileError, read_token_file

    # The same settings as copydesk review here: the desk serves the folder it wrote.
    reports = reports_folder(reports, load_settings())
    token = os.environ.get(TOKEN_ENV) or None
    local = is_loopback(host)
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        _fail(f"{TOKEN_ENV} is too short: use at least {MIN_TOKEN_LENGTH} random characters")
    try:
        editors = read_token_file(token_file) if token_file is not None else ()
    except TokenFileError as exc:
        _fail(str(exc))
    if not local and token is None and not editors:
        _fail(
            f"the desk would listen on {host}, beyond this machine, with no token: set {TOKEN_ENV} "
            "or give --token-file, so that only editors can make decisions"
        )
    hosts = _allowed_hosts(host, [*(allowed_host or []), *os.environ.get(HOSTS_ENV, "").split(",")])
    try:
        app = create_app(Path(reports), db, token, editors=editors, allowed_hosts=(*LOOPBACK_NAMES, *hosts))
    except LedgerError as exc:
        err.print(f"[bold red]copydesk:[/bold red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    try:
        # Bound here, not by uvicorn: a busy port is a one-line error, and --port 0 can be printed.
        sock = _bind(host, port)
    except OSError as exc:
        err.print(
            f"[bold red]copydesk:[/bold red] cannot listen on {escape(host)}:{port}: {exc.strerror or exc}"
        )
        raise typer.Exit(2) from None
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    if not Path(reports).is_dir():
        err.print(f"note: no reports in {escape(reports)} yet; run copydesk review to fill the desk.")
    if not local:
        err.print(
            f"[bold yellow]note:[/bold yellow] the desk listens on {escape(host)}, not only this machine: "
            "anyone who can reach it can read findings; decisions need a token. It answers to the host "
            f"names {escape(', '.join((*LOOPBACK_NAMES, *hosts)))}. Put it behind a TLS proxy."
        )
    elif token is None and not editors:
        err.print(
            f"note: no {TOKEN_ENV} and no --token-file: the desk is read-only "
            "(decisions with copydesk flags)."
        )
    typer.echo(f"copydesk review desk: http://{shown}:{bound}/  (Ctrl-C to stop)", err=False)
    config = uvicorn.Config(app, host=host, port=bound, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


HOSTS_ENV = "COPYDESK_DESK_HOSTS"


def _allowed_hosts(bound: str, extra: list[str]) -> list[str]:
    """The host names requests may name besides loopback: the bound host (not a wildcard
    address, which no browser sends) and the operator's."""
    names = [] if bound in ("0.0.0.0", "::", "") else [bound]
    return list(dict.fromkeys(n.strip().lower() for n in [*names, *extra] if n.strip()))


def _fail(message: str) -> NoReturn:
    err.print(f"[bold red]copydesk:[/bold red] {escape(message)}")
    raise typer.Exit(2)


def _bind(host: str, port: int) -> socket.socket:
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # restart right after Ctrl-C
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock
