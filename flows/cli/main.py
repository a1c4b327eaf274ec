"""The ``copydesk`` command line.

    copydesk review [PATH...] [--out DIR] [--fail-on LEVEL]   review articles, write reports
    copydesk check FILE...                                    the same review, without Prefect
    copydesk extract FILE...                                  print extracted items as JSON Lines
    copydesk schema                                           the JSON Schema of extract's and review's JSON

Exit codes: 0 success; 1 open findings at or above --fail-on (default error), or a file
that could not be reviewed; 2 usage error or tool failure (``copydesk.flows.cli.output_options``).
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from typing import Annotated

import typer

from copydesk.flows.cli.console import err, fail, internal_error, review_targets
from copydesk.flows.cli.output_options import (
    ExitZeroOption,
    FailOnOption,
    FormatOption,
    QuietOption,
    StatisticsOption,
    chosen_format,
    emit,
    finish,
)
from copydesk.flows.runtime.fastexit import skip_teardown
from copydesk.flows.runtime.prefect_api import bound_api_calls
from copydesk.flows.runtime.quiet import quiet_environment
from copydesk.flows.runtime.tempserver import TemporaryServer

quiet_environment()
bound_api_calls()

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="copydesk: flags unattributed quotes, unsourced figures and impossible dates in articles.",
    pretty_exceptions_enable=False,
)


class Runner(StrEnum):
    LOCAL = "local"
    DASK = "dask"


def _version(value: bool) -> None:
    if value:
        from copydesk.reports.output import tool_version

        sys.stdout.write(f"copydesk {tool_version()[0]}\n")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", help="Print copydesk's version and exit", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """copydesk: flags unattributed quotes, unsourced figures and impossible dates in articles."""


@app.command()
def review(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Article files or folders (default: the settings' content, else content)"),
    ] = None,
    out_dir: Annotated[
        str | None,
        typer.Option("--out", metavar="DIR", help="Where reports are written (default: reports/out)"),
    ] = None,
    fail_on: FailOnOption = None,
    fmt: FormatOption = None,
    statistics: StatisticsOption = False,
    quiet: QuietOption = False,
    exit_zero: ExitZeroOption = False,
    suites: Annotated[
        str | None,
        typer.Option("--suites", metavar="DIR", help="Folder of suite files overriding the built-in ones"),
    ] = None,
    max_size: Annotated[float, typer.Option("--max-size", help="Largest file to review, in MiB")] = 5.0,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Ledger database URL (default: $COPYDESK_DB_URL or .copydesk/ledger.db)",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Processes parsing in parallel (default: the number of cores)"),
    ] = None,
    runner: Annotated[
        Runner, typer.Option("--runner", help="local (this machine) or dask (a Dask cluster, see --address)")
    ] = Runner.LOCAL,
    address: Annotated[
        str | None,
        typer.Option("--address", metavar="tcp://HOST:PORT", help="Dask scheduler for --runner dask"),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Parse every article, ignoring the extraction cache ($COPYDESK_CACHE_DIR)"
        ),
    ] = False,
) -> None:
    """Review articles through the Prefect flow, write JSON, HTML and Markdown reports, and
    print one line per open finding."""
    from copydesk.flows.cli.settings import default_targets, load_settings, reports_folder
    from copydesk.flows.runtime.tempserver import ServerError, temporary_server

    # A task or flow run that fails is said here in one line (the ledger, the disk, the
    # server); Prefect's own log of it is a traceback for Prefect's developers.
    for run_logger in ("FLOW_RUNS", "TASK_RUNS"):
        os.environ.setdefault(f"PREFECT_LOGGING_LOGGERS_PREFECT_{run_logger}_LEVEL", "CRITICAL")
    settings = load_settings()  # copydesk.toml or [tool.copydesk], found upwards
    fail_on = fail_on or settings.fail_on
    out_dir = reports_folder(out_dir, settings)
    targets = review_targets(default_targets(paths, settings), suites)
    placement = _placement(workers, runner.value, address)
    from copydesk.flows.content.loader import unique_files

    found = unique_files(targets)
    files = [f for f in found if settings.includes(f)]
    if not files:
        excluded = f" ({len(found)} left out by {settings.source})" if found else ""
        raise fail(f"no article files (.md, .txt, .html) in {', '.join(targets)}{excluded}")
    from copydesk.flows.runtime.prefect_api import ServerUnreachable, api_failure, check_configured_server

    try:
        check_configured_server()
    except ServerUnreachable as exc:
        raise fail(str(exc)) from None
    # Spawned before the rest of the review is imported: the server boots meanwhile.
    with temporary_server() as server:
        from copydesk.checks.config import ConfigError
        from copydesk.checks.ledger import LedgerError

        try:
            articles = _run_review(
                targets,
                files,
                out_dir,
                suites,
                int(max_size * 1_048_576),
                # a progress bar is for a person at a terminal: in a pipe or a log it
                # would leave only a stray line behind
                not quiet and err.is_terminal,
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
    from copydesk.checks.gate_decision import judge_review
    from copydesk.checks.identity import project_root
    from copydesk.reports.output import review_outcome

    findings, unreadable = judge_review(articles)
    outcome = review_outcome(
        "review",
        findings,
        unreadable,
        len(articles),
        str(fail_on or "error"),
        f"{out_dir}/index.html",
        exit_zero,
    )
    emit(outcome, chosen_format(fmt), project_root(), statistics=statistics, quiet=quiet)
    raise finish(outcome, exit_zero)


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
    from copydesk.flows.dask_check import parse_address, unreachable
    from copydesk.reports.desk.security import is_loopback

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

    from copydesk.checks.ledger import Ledger
    from copydesk.flows.batching import BATCH_SIZE
    from copydesk.flows.progress import listening
    from copydesk.flows.runtime.startup import started

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
        from copydesk.flows.review_flow import review_flow

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
    from copydesk.flows.content.loader import discover_files
    from copydesk.flows.extract.pipeline import extract_batch
    from copydesk.reports.contract import to_contract

    paths = list(discover_files(files))
    if not paths:
        raise fail("no article files given")
    batch = 32
    for i in range(0, len(paths), batch):
        for art in extract_batch(paths[i : i + batch], int(max_size * 1_048_576)):
            sys.stdout.write(json.dumps(to_contract(art, with_findings=False), ensure_ascii=False) + "\n")
    sys.stdout.flush()


# Subcommands that live in their own modules register themselves below this line.
from copydesk.flows.cli.schema_command import schema  # noqa: E402  (the JSON Schema of what extract and review write)

app.command("schema")(schema)
from copydesk.flows.cli.ci_command import register_ci_commands  # noqa: E402  (needs `app` above)

register_ci_commands(app)
from copydesk.flows.cli.check_command import check  # noqa: E402  (the review without Prefect: pre-commit, one-off use)

app.command("check")(check)
from copydesk.flows.cli.flags_command import flags_app  # noqa: E402  (the ledger's triage commands)

app.add_typer(flags_app, name="flags")
from copydesk.flows.cli.serve_command import serve  # noqa: E402  (the review desk)

app.command("serve")(serve)
from copydesk.flows.cli.schedule_command import schedule  # noqa: E402  (reviews on a schedule, through a Prefect server)

app.command("schedule")(schedule)
from copydesk.flows.cli.config_command import config  # noqa: E402  (the settings in force)

app.command("config")(config)
from copydesk.flows.cli.rules_command import register_rule_commands  # noqa: E402  (the rule catalog, explained)

register_rule_commands(app)


def main() -> None:
    """The ``copydesk`` command; its status is the command's, without the interpreter's
    teardown (``copydesk.flows.runtime.fastexit``)."""
    status = [2]
    skip_teardown(lambda: status[0])
    status[0] = _run()
    sys.exit(status[0])


def command():
    """The click command behind ``app``, with its help made to say what options take."""
    built = typer.main.get_command(app)
    _without_flag_types(built)
    return built


def _without_flag_types(command) -> None:
    """Typer's help prints ``<bool>`` beside every flag (``--quiet``, ``--help``), which
    takes no value: show nothing there, as for any flag in click's own help."""
    for param in command.get_params(command.context_class(command)):
        if getattr(param, "is_flag", False):
            param.metavar = ""
    for sub in getattr(command, "commands", {}).values():
        _without_flag_types(sub)


def _run() -> int:
    try:
        command()()
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
