"""Reaching a Prefect API that is not the review's own, every call bounded in time.

Works around: Prefect's client waiting 60 s per request and retrying five times on a
server that accepts connections and never answers.
Buys: a review against such a server fails within seconds, in one line naming it.

A server that accepted connections and never answered held a review for minutes with no
output: Prefect waits 60 s per request and retries five times. Here a review first asks
the server's ``/health`` (``HEALTH_TIMEOUT``), and Prefect's own calls get a shorter
timeout and fewer retries (``BOUNDS``; the environment may set others).
"""

from __future__ import annotations

import os

API_ENV = "PREFECT_API_URL"
HEALTH_TIMEOUT = 10.0  # seconds: a loaded machine's server answers /health in well under one
BOUNDS = {"PREFECT_API_REQUEST_TIMEOUT": "30", "PREFECT_CLIENT_MAX_RETRIES": "2"}


class ServerUnreachable(RuntimeError):
    """The Prefect server did not answer; the message names it."""


def bound_api_calls() -> None:
    """Before Prefect is imported: a timeout and few retries for each call it makes."""
    for key, value in BOUNDS.items():
        os.environ.setdefault(key, value)


def check_configured_server(timeout: float = HEALTH_TIMEOUT) -> None:
    """When ``PREFECT_API_URL`` names a server, make sure it answers; ``ServerUnreachable``
    otherwise. (Without it the review starts a temporary server of its own.)"""
    url = os.environ.get(API_ENV)
    if not url:
        return
    import httpx

    health = f"{url.rstrip('/')}/health"
    try:
        response = httpx.get(health, timeout=timeout)
    except httpx.TimeoutException:
        raise ServerUnreachable(
            f"the Prefect server at {API_ENV}={url} did not answer within {timeout:.0f} s"
        ) from None
    except httpx.HTTPError as exc:
        raise ServerUnreachable(f"cannot reach the Prefect server at {API_ENV}={url}: {exc}") from None
    if response.status_code != 200:
        raise ServerUnreachable(
            f"the Prefect server at {API_ENV}={url} answered {response.status_code} to /health"
        )


def api_failure(exc: BaseException) -> str | None:
    """One line naming the server, when ``exc`` (or what caused it) is a failure to reach
    the Prefect API during a run; None for anything else."""
    import httpx

    url = os.environ.get(API_ENV) or "the review's temporary server"
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, httpx.TimeoutException):
            return f"the Prefect server at {url} stopped answering (no reply within the request timeout)"
        if isinstance(current, httpx.TransportError):
            return f"lost the Prefect server at {url}: {current or type(current).__name__}"
        if isinstance(current, RuntimeError) and str(current).startswith("Failed to reach API at"):
            return f"cannot reach the Prefect server: {current}"
        current = current.__cause__ or current.__context__
    return None
