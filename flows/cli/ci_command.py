"""``copydesk ci`` and ``copydesk baseline``: the pull-request gate.

    copydesk ci [--base REF] [--fail-on LEVEL] [--sarif FILE] [--format FORMAT] [--statistics]
                [--quiet] [--exit-zero]
    copydesk baseline [PATH...] [--reset]

Both run the pipeline directly (``extract_batch`` + ``review_findings``), without Prefect:
a gate must answer in seconds, and a flow run would start a temporary Prefect server for
nothing. Heavy imports (spaCy, Great Expectations) happen only when there is something to
review, so ``copydesk ci`` on a change without articles returns at once.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from copydesk.checks.records import ReviewedArticle
from copydesk.checks.rule_policy import RulePolicy
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

BATCH = 32


def _write(line: str) -> None:
    # Plain writes, not rich: a console would wrap long lines and break workflow commands.
    sys.stdout.write(line + "\n")


def review_files(
    pairs: list[tuple[str, str]], suites_dir: Path | None, max_bytes: int, policy: RulePolicy | None = None
) -> list[ReviewedArticle]:
    """Review (file to read, path to report it under) pairs in one batch: one spaCy
    pass, one Great Expectations run per suite, then inline suppressions and the project's
    rule settings (``policy``: select, ignore, per-path severities). The reported
    path is repository-relative, so a base copy read from a temporary folder gets the
    same fingerprints as the working tree's file."""
    from copydesk.checks.config import load_suites
    from copydesk.flows.extract.pipeline import extract_batch
    from copydesk.flows.reviewing import check_articles

    articles: list[ReviewedArticle] = []
    for i in range(0, len(pairs), BATCH):
        articles.extend(extract_batch([read for read, _ in pairs[i : i + BATCH]], max_bytes))
    for art, (_, shown) in zip(articles, pairs, strict=True):
        # The repository path is the article's id (``copydesk.checks.identity``): the base copy read
        # from a temporary folder and the working tree's file share it, and so their
        # fingerprints (the runner tells the two copies apart within the batch).
        art.path = art.article.id = shown
    return check_articles(articles, load_suites(suites_dir), policy)


def _is_article(root: Path, rel: str, config) -> bool:
    from copydesk.flows.content.loader import ARTICLE_SUFFIXES

    path = root / rel
    return Path(rel).suffix.lower() in ARTICLE_SUFFIXES and path.is_file() and config.includes(path)


def _under(path: Path, paths: list[str] | None) -> bool:
    """Whether a changed file is one of ``paths`` or inside one of them (relative to the
    working directory, as typed); every file when no paths are given."""
    if not paths:
        return True
    full = path.resolve()
    return any(full == (p := Path(given).resolve()) or full.is_relative_to(p) for given in paths)


def ci(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Gate only changed articles under these files or folders (default: all)"),
    ] = None,
    base: Annotated[
        str | None,
        typer.Option(
            "--base", help="Compare with the merge base of this ref (default origin/main, else main)"
        ),
    ] = None,
    fail_on: FailOnOption = None,
    sarif: Annotated[
        str | None, typer.Option("--sarif", metavar="FILE", help="Also write SARIF 2.1.0 to this file")
    ] = None,
    fmt: FormatOption = None,
    statistics: StatisticsOption = False,
    quiet: QuietOption = False,
    exit_zero: ExitZeroOption = False,
    max_size: Annotated[float, typer.Option("--max-size", help="Largest file to review, in MiB")] = 5.0,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Ledger whose dismissals and acceptances stop blocking (default: $COPYDESK_DB_URL, "
            "else .copydesk/ledger.db at the repository root when it exists)",
        ),
    ] = None,
) -> None:
    """Fail when the changes since the base add findings: only new ones count."""
    from copydesk.checks.baseline import load_baseline
    from copydesk.checks.config import ConfigError
    from copydesk.checks.gate_decision import GateResult, compare
    from copydesk.checks.identity import project_root
    from copydesk.checks.project_config import load_project_config
    from copydesk.flows.gitdiff import (
        GitError,
        changed_files,
        export_base,
        merge_base,
        repo_root,
        resolve_base,
    )

    try:
        root = repo_root(Path.cwd())
        config = load_project_config(Path.cwd(), root, project_root())
        base_ref = resolve_base(root, base)
        commit = merge_base(root, base_ref)
        changed = [
            c
            for c in changed_files(root, commit)
            if _is_article(root, c.path, config) and _under(root / c.path, paths)
        ]
        baseline = load_baseline(config.baseline)
        decided = read_ledger_decisions(db, root)
    except (GitError, ConfigError) as exc:
        raise fail(str(exc)) from None
    result = GateResult(base_ref, commit, [c.path for c in changed], fail_on or config.fail_on or "error")
    existing = {e.path for e in baseline.entries if (root / e.path).is_file()}
    base_articles: list[ReviewedArticle] = []
    head_articles: list[ReviewedArticle] = []
    if changed:
        with tempfile.TemporaryDirectory(prefix="copydesk-base-") as tmp:
            exported = export_base(root, commit, changed, Path(tmp))
            pairs = [(str(p), rel) for rel, p in exported.items()]
            pairs += [(str(root / c.path), c.path) for c in changed]
            try:
                articles = review_files(pairs, config.suites, int(max_size * 1_048_576), config.policy)
            except ConfigError as exc:
                raise fail(f"suite configuration: {exc}") from None
        base_articles, head_articles = articles[: len(exported)], articles[len(exported) :]
    compare(base_articles, head_articles, baseline, _shown(config.baseline, root), existing, result, decided)
    from copydesk.reports.gate_summary import outcome, stale_line

    stale = stale_line(result)
    judged = outcome(result, exit_zero)
    emit(judged, chosen_format(fmt), root, statistics=statistics, quiet=quiet, notes=[stale] if stale else [])
    if sarif:
        _write_sarif(Path(sarif), result)
    if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(Path(summary), result)
    raise finish(judged, exit_zero)


def read_ledger_decisions(db: str | None, root: Path) -> dict[str, str]:
    """Fingerprints editors dismissed or accepted, with why. The gate only reads the
    ledger: without --db or $COPYDESK_DB_URL it uses the repository's own ledger if one
    exists and never creates one."""
    from copydesk.checks.config import ConfigError
    from copydesk.checks.ledger import Ledger, LedgerError

    url = db or os.environ.get("COPYDESK_DB_URL")
    if url is None:
        default = root / ".copydesk" / "ledger.db"
        if not default.is_file():
            return {}
        url = f"sqlite:///{default}"
    try:
        with Ledger.open(url) as ledger:
            flags = ledger.list(status="dismissed") + ledger.list(status="accepted")
    except LedgerError as exc:
        raise ConfigError(f"ledger: {exc}") from None
    return {
        f.fingerprint: f"{f.status} in the ledger"
        + (f" by {f.author}" if f.author else "")
        + (f": {f.reason}" if f.reason else "")
        for f in flags
    }


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _write_sarif(path: Path, result) -> None:
    from copydesk.reports.output import tool_version
    from copydesk.reports.sarif import sarif_log

    version, uri = tool_version()
    try:
        path.write_text(
            json.dumps(sarif_log(result.findings, version, uri), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
    except OSError as exc:
        raise fail(f"cannot write SARIF to {path}: {exc.strerror or exc}") from None


def _append_step_summary(path: Path, result) -> None:
    from copydesk.reports.gate_summary import step_summary

    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(step_summary(result))
    except OSError as exc:  # the job summary is a nicety; the annotations already went out
        err.print(
            f"copydesk: cannot write the job summary to {escape(str(path))}: {exc.strerror or exc}",
            soft_wrap=True,
        )


def baseline(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Article files or folders (default: the whole project)")
    ] = None,
    reset: Annotated[
        bool,
        typer.Option(
            "--reset", help="Accept every open finding in PATHS (otherwise the baseline only shrinks)"
        ),
    ] = False,
    max_size: Annotated[float, typer.Option("--max-size", help="Largest file to review, in MiB")] = 5.0,
) -> None:
    """Write the baseline of accepted findings that copydesk ci ignores."""
    from copydesk.checks.baseline import load_baseline, save_baseline, update_baseline
    from copydesk.checks.config import ConfigError
    from copydesk.checks.project_config import load_project_config
    from copydesk.flows.content.loader import ARTICLE_SUFFIXES, discover_files
    from copydesk.flows.gitdiff import GitError, repo_root

    cwd = Path.cwd()
    try:
        root: Path | None = repo_root(cwd)
    except GitError:
        root = None  # outside git the paths are relative to the settings' folder
    try:
        config = load_project_config(cwd, root or cwd, root)
        old = load_baseline(config.baseline)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    anchor = (root or config.root).resolve()
    targets = paths or [str(f) for f in config.content_folders()]
    missing = [p for p in targets if not Path(p).exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    files = [
        Path(p).resolve()
        for p in discover_files(targets)
        if Path(p).suffix.lower() in ARTICLE_SUFFIXES and config.includes(Path(p))
    ]
    outside = [str(p) for p in files if not p.is_relative_to(anchor)]
    if outside:
        raise fail(f"outside the repository {anchor}: {', '.join(outside[:3])}")
    if not files:
        raise fail(f"no article files to review in {', '.join(targets)}")
    try:
        articles = review_files(
            [(str(p), p.relative_to(anchor).as_posix()) for p in files],
            config.suites,
            int(max_size * 1_048_576),
            config.policy,
        )
    except ConfigError as exc:
        raise fail(f"suite configuration: {exc}") from None
    for art in articles:
        if not art.reviewed:
            err.print(
                f"copydesk: {escape(art.path)}: cannot review: {escape('; '.join(art.errors))}",
                soft_wrap=True,
            )
    exists = {e.path for e in old.entries if (anchor / e.path).is_file()}
    created = datetime.now(UTC).isoformat(timespec="seconds")
    change = update_baseline(old, articles, exists, created, reset=reset)
    try:
        save_baseline(config.baseline, change.baseline)
    except OSError as exc:
        raise fail(f"cannot write {config.baseline}: {exc.strerror or exc}") from None
    _write(
        f"{_shown(config.baseline, anchor)}: {len(change.baseline.entries)} entries "
        f"(kept {change.kept}, removed {change.removed}, added {change.added}) from {len(files)} articles"
    )
    if change.not_added:
        _write(
            f"{change.not_added} open findings are not in the baseline: it only shrinks "
            "(copydesk baseline --reset PATH accepts them)"
        )


def register_ci_commands(app: typer.Typer) -> None:
    app.command("ci")(ci)
    app.command("baseline")(baseline)
