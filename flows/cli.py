"""The ``copydesk`` command line.

    copydesk review [PATH...] [--out DIR] [--fail-on LEVEL]   review articles, write reports
    copydesk extract FILE...                                  print extracted items as JSON Lines

Exit codes: 0 success; 1 findings at or above --fail-on; 2 usage error or tool failure.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated

import typer

from flows.cli_console import err, fail, internal_error, out, review_targets
from flows.fastexit import skip_teardown
from flows.prefect_api import bound_api_calls
from flows.quiet import quiet_environment
from flows.tempserver import TemporaryServer

quiet_environment()
bound_api_calls()

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="copydesk: flags unattributed quotes, unsourced figures and impossible dates in articles.",
    pretty_exceptions_enable=False,
)
LEVELS = {"error": 3, "warning": 2, "info": 1}


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
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Processes parsing in parallel (default: the number of cores)"),
    ] = None,
    runner: Annotated[
        str, typer.Option("--runner", help="local (this machine) or dask (a Dask cluster, see --address)")
    ] = "local",
    address: Annotated[
        str | None, typer.Option("--address", help="Dask scheduler for --runner dask: tcp://HOST:PORT")
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Parse every article, ignoring the extraction cache ($COPYDESK_CACHE_DIR)"
        ),
    ] = False,
) -> None:
    """Review articles and write JSON, HTML and Markdown reports."""
    from flows.tempserver import ServerError, temporary_server

    # A task or flow run that fails is said here in one line (the ledger, the disk, the
    # server); Prefect's own log of it is a traceback for Prefect's developers.
    for run_logger in ("FLOW_RUNS", "TASK_RUNS"):
        os.environ.setdefault(f"PREFECT_LOGGING_LOGGERS_PREFECT_{run_logger}_LEVEL", "CRITICAL")
    if fail_on is not None and fail_on not in LEVELS:
        raise fail(f"--fail-on must be one of {', '.join(LEVELS)}, not {fail_on!r}")
    targets = review_targets(paths, suites)
    placement = _placement(workers, runner, address)
    from flows.content.loader import unique_files

    files = unique_files(targets)
    if not files:
        raise fail(f"no article files (.md, .txt, .html) in {', '.join(targets)}")
    from flows.prefect_api import ServerUnreachable, api_failure, check_configured_server

    try:
        check_configured_server()
    except ServerUnreachable as exc:
        raise fail(str(exc)) from None
    # Spawned before the rest of the review is imported: the server boots meanwhile.
    with temporary_server() as server:
        from checks.config import ConfigError
        from checks.ledger import LedgerError

        try:
            articles = _run_review(
                targets,
                files,
                out_dir,
                suites,
                int(max_size * 1_048_576),
                not quiet,
                db,
                placement,
                not no_cache,
                server,
            )
        except LedgerError as exc:
            raise fail(f"ledger: {exc}") from None
        except ConfigError as exc:
            raise fail(f"suite configuration: {exc}") from None
        except ServerError as exc:
            raise fail(str(exc)) from None
        except OSError as exc:
            raise fail(f"cannot write reports to {out_dir}: {exc.strerror or exc}") from None
        except Exception as exc:  # the Prefect API failing mid-run is the server's, not a bug
            reason = api_failure(exc)
            if reason is None:
                raise
            raise fail(reason) from None
    if not quiet:
        from reports.terminal import print_summary

        print_summary(articles, out_dir, out)
    if fail_on is not None:
        threshold = LEVELS[fail_on]
        if any(LEVELS[f.severity] >= threshold and f.status == "open" for a in articles for f in a.findings):
            raise typer.Exit(1)


def _placement(workers: int | None, runner: str, address: str | None) -> dict:
    """The flow's workers/runner/address parameters, checked: exit 2 on a bad choice."""
    import os

    if workers is not None and workers < 1:
        raise fail(f"--workers must be at least 1, not {workers}")
    if runner not in ("local", "dask"):
        raise fail(f"--runner must be local or dask, not {runner!r}")
    if runner == "local":
        if address:
            raise fail("--address is for --runner dask")
        return {"workers": workers or len(os.sched_getaffinity(0)), "runner": "local", "address": None}
    from flows.dask_check import parse_address, unreachable
    from reports.desk.security import is_loopback

    if not address:
        raise fail("--runner dask needs --address tcp://HOST:PORT of a Dask scheduler")
    problem = unreachable(address)
    if problem:
        raise fail(problem)
    from prefect.settings import get_current_settings

    if not get_current_settings().api.url and not is_loopback(parse_address(address)[0]):
        raise fail(
            "--runner dask with a cluster on another machine needs PREFECT_API_URL: its workers "
            "report to the Prefect server, and this run's temporary one is only reachable from here"
        )
    return {"workers": workers or 1, "runner": "dask", "address": address}


def _run_review(
    targets: list[str],
    files: list[str],
    out_dir: str,
    suites: str | None,
    max_bytes: int,
    show: bool,
    db: str | None,
    placement: dict,
    use_cache: bool,
    server: TemporaryServer | None,
):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from checks.ledger import Ledger
    from flows.parallel import BATCH_SIZE
    from flows.progress import listening
    from flows.startup import started

    with started(
        files,
        workers=placement["workers"],
        runner=placement["runner"],
        max_bytes=max_bytes,
        batch_size=BATCH_SIZE,
        use_cache=use_cache,
        cache_dir=None,
        suites_dir=suites,
        server=server,
        # Opened while Prefect's server boots, and before the review: a bad URL or a
        # database that is down fails now, not after every article has been parsed.
        meanwhile=lambda: Ledger.open(db).close(),
    ):
        from flows.review import review_flow

        def run():
            # The folders as given, not the files found: a run's parameters travel with
            # every task it sends to a worker, and are stored by the Prefect server.
            return review_flow(
                targets,
                out_dir=out_dir,
                suites_dir=suites,
                batch_size=BATCH_SIZE,
                max_bytes=max_bytes,
                db_url=db,
                use_cache=use_cache,
                **placement,
            ).articles

        if not show:
            return run()
        with Progress(
            TextColumn("reviewing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress:
            bar = progress.add_task("review", total=len(files))
            with listening(lambda n: progress.advance(bar, n)):
                return run()


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
        raise fail("no article files given")
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
from flows.cli_schedule import schedule  # noqa: E402  (reviews on a schedule, through a Prefect server)

app.command("schedule")(schedule)


def main() -> None:
    """The ``copydesk`` command; its status is the command's, without the interpreter's
    teardown (``flows.fastexit``)."""
    status = [2]
    skip_teardown(lambda: status[0])
    status[0] = _run()
    sys.exit(status[0])


def _run() -> int:
    try:
        app()
    except SystemExit as exc:  # typer ends every command this way
        code = exc.code
        return code if isinstance(code, int) else 0 if code is None else 1
    except KeyboardInterrupt:
        err.print("copydesk: interrupted")
        return 130
    except Exception as exc:  # a bug in copydesk itself: say so, without a traceback
        internal_error(exc)
        if os.environ.get("COPYDESK_DEBUG"):
            raise
        return 2
    return 0
