"""``copydesk check FILE...``: the review of ``copydesk review`` (same extraction, suites,
rules, messages, suppressions and ledger decisions, same output and exit statuses) run
directly in this process, without Prefect and without a server, for pre-commit and
one-off use. It writes no reports unless ``--out`` asks, and only reads the ledger.

    copydesk check [FILE...] [--format FORMAT] [--fail-on LEVEL] [--exit-zero]
                   [--statistics] [--quiet] [--out DIR] [--force-exclude]

Its extraction cache is ``.copydesk/cache`` at the project root (``$COPYDESK_CACHE_DIR``
moves it), inside a ``.copydesk`` folder that ignores itself for git.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from copydesk.flows.cli.console import err, fail
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


def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Article files or folders (default: content)", show_default=False),
    ] = None,
    fail_on: FailOnOption = None,
    fmt: FormatOption = None,
    statistics: StatisticsOption = False,
    quiet: QuietOption = False,
    exit_zero: ExitZeroOption = False,
    out_dir: Annotated[
        str | None,
        typer.Option("--out", metavar="DIR", help="Also write the reports of copydesk review here"),
    ] = None,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude",
            help="Skip files named on the command line that are outside the settings' content globs "
            "(what the pre-commit hook passes: staged README or LICENSE files are not articles)",
        ),
    ] = False,
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
            help="Ledger whose dismissals and acceptances stop a finding counting (default: "
            "$COPYDESK_DB_URL, else .copydesk/ledger.db at the project root when it exists; only read)",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse and check every article, ignoring the cache")
    ] = False,
) -> None:
    """Review files without Prefect or a server (for pre-commit and one-off use) and print
    one line per open finding."""
    from copydesk.checks.config import ConfigError
    from copydesk.checks.identity import project_root
    from copydesk.checks.project_config import load_project_config
    from copydesk.flows.checker import take_early
    from copydesk.flows.cli.ci_command import read_ledger_decisions
    from copydesk.flows.cli.console import review_targets
    from copydesk.flows.reviewing import ReviewOptions, review_articles

    cwd = Path.cwd()
    root = project_root()
    try:
        config = load_project_config(cwd, root, root)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    targets = review_targets(paths, suites)
    files = _articles(targets, config, force_exclude)
    level = str(fail_on or config.fail_on or "error")
    if not files:
        if not quiet:
            err.print("copydesk check: no article files to check", soft_wrap=True)
        raise typer.Exit(0)
    options = ReviewOptions(
        suites_dir=Path(suites) if suites else config.suites,
        max_bytes=int(max_size * 1_048_576),
        use_cache=not no_cache,
        cache_dir=Path(os.environ.get("COPYDESK_CACHE_DIR") or root / ".copydesk" / "cache"),
        root=root,
        check_in_parallel=True,
        policy=config.policy,
    )
    decided: dict[str, str] = {}

    def read_ledger() -> None:  # while the checker runs the suites: SQLAlchemy's import is not free
        decided.update(read_ledger_decisions(db, root))

    checker = take_early()  # forked when the command started (copydesk.flows.cli.entry)
    try:
        result = review_articles(files, options, meanwhile=read_ledger, checker=checker)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    finally:
        if checker is not None:
            checker.close()
    if result.cache_write_failures and not quiet:
        err.print(
            f"copydesk: {result.cache_write_failures} cache entries could not be written to "
            f"{escape(str(options.cache_dir))}: those articles will be checked again next time",
            soft_wrap=True,
        )
    articles = list(result.articles)
    if out_dir is not None:
        from copydesk.reports.writer import write_reports

        try:
            write_reports(articles, out_dir)
        except OSError as exc:
            raise fail(f"cannot write reports to {out_dir}: {exc.strerror or exc}") from None
    from copydesk.checks.gate_decision import judge_review
    from copydesk.reports.output import review_outcome

    findings, unreadable = judge_review(articles, decided)
    outcome = review_outcome(
        "check",
        findings,
        unreadable,
        len(articles),
        level,
        f"{out_dir}/index.html" if out_dir else None,
        exit_zero,
    )
    emit(outcome, chosen_format(fmt), root, statistics=statistics, quiet=quiet)
    raise finish(outcome, exit_zero)


def _articles(targets: list[str], config, force_exclude: bool) -> list[str]:
    """The article files to check: files found in folders when the settings' content globs
    take them; files named on the command line always, unless ``--force-exclude`` (then
    only article files the globs take, as ruff's ``--force-exclude``)."""
    from copydesk.flows.content.loader import ARTICLE_SUFFIXES, unique_files

    named = [t for t in targets if not Path(t).is_dir()]
    if force_exclude:
        named = [
            t
            for t in named
            if Path(t).suffix.lower() in ARTICLE_SUFFIXES and config.includes(Path(t).absolute())
        ]
    walked = [
        f
        for f in unique_files([t for t in targets if Path(t).is_dir()])
        if config.includes(Path(f).absolute())
    ]
    return unique_files([*named, *walked])
