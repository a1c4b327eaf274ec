"""``copydesk schedule``: review on a schedule, recorded by a Prefect server.

    copydesk schedule [PATH...] (--cron EXPR | --interval SECONDS) [--out DIR] [--name NAME]

Creates (or updates) the deployment ``copydesk-review/NAME`` on the server at
``PREFECT_API_URL`` and serves it from this process until interrupted: each scheduled
run is a flow run the server records, with the review summary and open findings as
artifacts. Runs start in the folder this command was started in, so paths, the reports
folder, the ledger and the extraction cache mean what they mean to ``copydesk review``
here, and a finding keeps its fingerprint between scheduled and manual runs.

A schedule needs a real server: Prefect's temporary one lives only as long as the process
that started it, so without ``PREFECT_API_URL``, or with a server that does not answer,
this exits 2 before creating anything.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.markup import escape

from copydesk.flows.cli.console import fail, out, review_targets

HEALTH_TIMEOUT = 5.0


def schedule(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Article files or folders (default: the settings' content, else content)"),
    ] = None,
    cron: Annotated[
        str | None, typer.Option("--cron", help="Cron expression, e.g. '0 2 * * *' for 02:00 daily")
    ] = None,
    interval: Annotated[
        float | None, typer.Option("--interval", help="Seconds between runs (instead of --cron)")
    ] = None,
    out_dir: Annotated[
        str | None, typer.Option("--out", help="Where reports are written (default: reports/out)")
    ] = None,
    name: Annotated[str, typer.Option("--name", help="Deployment name")] = "scheduled",
    suites: Annotated[
        str | None, typer.Option("--suites", help="Folder of suite files overriding the built-in ones")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Processes parsing in parallel (default: the number of cores)"),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Ledger database URL (default: $COPYDESK_DB_URL or .copydesk/ledger.db)"),
    ] = None,
    max_size: Annotated[float, typer.Option("--max-size", help="Largest file to review, in MiB")] = 5.0,
) -> None:
    """Serve a Prefect deployment that reviews PATHS on a schedule (needs PREFECT_API_URL)."""
    if (cron is None) == (interval is None):
        raise fail("give exactly one of --cron EXPR or --interval SECONDS")
    if interval is not None and interval <= 0:
        raise fail(f"--interval must be a positive number of seconds, not {interval:g}")
    if workers is not None and workers < 1:
        raise fail(f"--workers must be at least 1, not {workers}")
    from copydesk.flows.cli.settings import default_targets, load_settings, reports_folder

    # The settings are checked now (a bad file is exit 2 here, not a failed run at 02:00);
    # each run reads them again from the same folder, so an edit applies from the next run.
    settings = load_settings()
    out_dir = reports_folder(out_dir, settings)
    targets = review_targets(default_targets(paths, settings), suites)
    if cron is not None:
        problem = _bad_cron(cron)
        if problem:
            raise fail(f"--cron {cron!r}: {problem}")
    api = _api_url()

    from copydesk.flows.review_flow import review_flow

    parameters = {
        "paths": targets,
        "out_dir": out_dir,
        "suites_dir": suites,
        "max_bytes": int(max_size * 1_048_576),
        "db_url": db,
        "workers": workers or len(os.sched_getaffinity(0)),
    }
    when = f"cron {cron!r}" if cron is not None else f"every {interval:g} s"
    out.print(
        f"copydesk: serving deployment copydesk-review/{escape(name)} ({when}) on {escape(api)}; "
        f"reports go to {escape(out_dir)}. Ctrl-C stops."
    )
    review_flow.serve(
        name=name,
        cron=cron,
        interval=interval,
        parameters=parameters,
        # One run at a time: two runs writing the same reports and ledger would race.
        limit=1,
        print_starting_message=False,
        tags=["copydesk"],
    )


def _bad_cron(expression: str) -> str | None:
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    try:
        CronSchedule(cron=expression)
    except ValidationError as exc:
        return "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
    return None


def _api_url() -> str:
    """The configured Prefect API, checked to answer; exit 2 with the reason otherwise."""
    import httpx
    from prefect.settings import get_current_settings

    url = get_current_settings().api.url
    if not url:
        raise fail(
            "copydesk schedule needs a Prefect server, and PREFECT_API_URL is not set. Start one with "
            "`prefect server start`, then `export PREFECT_API_URL=http://127.0.0.1:4200/api` and try again."
        )
    try:
        response = httpx.get(f"{url.rstrip('/')}/health", timeout=HEALTH_TIMEOUT)
    except httpx.HTTPError as exc:
        raise fail(f"cannot reach the Prefect server at PREFECT_API_URL={url}: {exc}") from None
    if response.status_code != 200:
        raise fail(f"the Prefect server at PREFECT_API_URL={url} answered {response.status_code} to /health")
    return url
