"""``copydesk serve``: the review desk in a browser.

    copydesk serve [--host 127.0.0.1] [--port 8000] [--reports reports/out] [--db URL]

Loopback by default: the desk's forms need no password, so only this machine should reach
them. API writes need ``$COPYDESK_DESK_TOKEN`` wherever the desk listens.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from flows.cli_console import err


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
) -> None:
    """Serve the review desk: the queue of findings, articles, accept / dismiss / reopen."""
    import uvicorn

    from checks.ledger import LedgerError
    from flows.cli_settings import load_settings, reports_folder
    from reports.desk import create_app
    from reports.desk.security import TOKEN_ENV, is_loopback

    # The same settings as copydesk review here: the desk serves the folder it wrote.
    reports = reports_folder(reports, load_settings())
    token = os.environ.get(TOKEN_ENV) or None
    local = is_loopback(host)
    try:
        app = create_app(Path(reports), db, token, local_only=local)
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
        state = "is set" if token else "is NOT set: API writes are refused"
        err.print(
            f"[bold yellow]warning:[/bold yellow] the desk listens on {escape(host)}, not only this machine: "
            f"anyone who can reach it can read findings and use its forms. API writes need {TOKEN_ENV} "
            f"({state})."
        )
    typer.echo(f"copydesk review desk: http://{shown}:{bound}/  (Ctrl-C to stop)", err=False)
    config = uvicorn.Config(app, host=host, port=bound, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


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
