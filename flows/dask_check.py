"""Check a Dask scheduler address before a review starts, so that a typo or a cluster
that is down is a one-line usage error rather than a run that waits and then fails."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

CONNECT_TIMEOUT = 5.0


def parse_address(address: str) -> tuple[str, int]:
    """``tcp://HOST:PORT`` (or ``HOST:PORT``) -> (host, port); ValueError when it is not one."""
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp" or not parts.hostname or parts.port is None:
        raise ValueError(f"{address!r} is not a Dask scheduler address like tcp://HOST:PORT")
    return parts.hostname, parts.port


def unreachable(address: str) -> str | None:
    """Why the scheduler cannot be used, or None when it accepts connections."""
    try:
        host, port = parse_address(address)
    except ValueError as exc:
        return str(exc)
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT):
            return None
    except OSError as exc:
        return f"cannot reach the Dask scheduler at {address}: {exc.strerror or exc}"
