"""Run the expectation suites with Great Expectations, once per suite and table over a
whole batch, and turn unexpected rows into findings."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd

from copydesk.checks.config import ConfigError, SuiteConfig, suites_for
from copydesk.checks.deferred_imports import collector_paused, defer_unused_gx_imports
from copydesk.checks.facts import KEY, TABLES
from copydesk.checks.fingerprints import assign_fingerprints, line_col
from copydesk.checks.records import Finding, ReviewedArticle
from copydesk.checks.rules import RULES
from copydesk.checks.rules.spec import ArticleView
from copydesk.checks.tables import build_tables


@dataclass(frozen=True)
class Violation:
    rule: str
    severity: str
    table: str  # the table the expectation ran on
    article_id: str
    item_id: str


# ``preload`` may run in a thread while the review starts; the lock makes a check that
# arrives meanwhile wait for that one import instead of starting a second context.
_GX_LOCK = threading.Lock()


def _gx():
    with _GX_LOCK:
        return _gx_once()


@lru_cache(maxsize=1)
def _gx_once():
    """Import Great Expectations once per process (it costs seconds) and quiet it."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    defer_unused_gx_imports()
    with collector_paused():
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        import copydesk.checks.expectations  # noqa: F401  (registers copydesk's expectations)

        logging.getLogger("great_expectations").setLevel(logging.ERROR)
        logging.getLogger("great_expectations.data_context.types.base").setLevel(logging.ERROR)
        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        datasource = context.data_sources.add_pandas("copydesk")
    return gx, context, datasource


def preload() -> None:
    """Import Great Expectations now, e.g. while other start-up work runs elsewhere."""
    _gx()


def _expectation(gx, name: str, kwargs: dict, where: str):
    from copydesk.checks.expectations import CUSTOM_EXPECTATIONS

    cls = CUSTOM_EXPECTATIONS.get(name)
    if cls is None:
        camel = "".join(part.capitalize() for part in name.split("_"))
        cls = getattr(gx.expectations, camel, None)
        if cls is None:
            # Built-in names keep their capitals: ExpectColumnPairValuesAToBeGreaterThanB.
            cls = next(
                (getattr(gx.expectations, n) for n in dir(gx.expectations) if n.lower() == camel.lower()),
                None,
            )
    if cls is None:
        raise ConfigError(f"{where}: no Great Expectations expectation named {name!r}")
    try:
        return cls(**kwargs)
    except Exception as exc:  # pydantic validation: a user's suite file is wrong
        raise ConfigError(f"{where}: bad arguments for {name}: {exc}") from None


def run_suites(
    suites: list[SuiteConfig], tables: dict[str, pd.DataFrame], scope: dict[str, set[str]] | None = None
) -> list[Violation]:
    """Validate each suite once over the batch. ``scope`` limits a suite (by name) to some
    article ids; a suite absent from it, or ``scope`` None, sees every row."""
    gx, context, datasource = _gx()
    from copydesk.checks.expectations import row_condition

    violations: list[Violation] = []
    for suite in suites:
        by_table: dict[str, list] = {}
        for cfg in suite.expectations:
            by_table.setdefault(cfg.table, []).append(cfg)
        for table, configs in by_table.items():
            frame = tables[table]
            if scope is not None and suite.name in scope:
                frame = frame[frame["article_id"].isin(scope[suite.name])]
            if frame.empty:
                continue
            gx_suite = gx.ExpectationSuite(name=f"{suite.name}.{table}")
            for cfg in configs:
                kwargs = dict(cfg.kwargs)
                if cfg.where:
                    kwargs["row_condition"] = row_condition(cfg.where)
                exp = _expectation(gx, cfg.expectation, kwargs, f"{suite.path}: {cfg.rule}")
                exp.meta = {"rule": cfg.rule}
                gx_suite.add_expectation(exp)
            asset_name = f"{suite.name}.{table}"
            try:
                asset = datasource.get_asset(asset_name)
            except LookupError:
                asset = datasource.add_dataframe_asset(asset_name)
            batch_def = next(
                iter(asset.batch_definitions), None
            ) or asset.add_batch_definition_whole_dataframe("all")
            batch = batch_def.get_batch(batch_parameters={"dataframe": frame.reset_index(drop=True)})
            result = batch.validate(
                gx_suite,
                result_format={"result_format": "COMPLETE", "unexpected_index_column_names": list(KEY)},
            )
            for res in result.results:
                cfg = _by_meta(configs, res)
                if res.exception_info and res.exception_info.get("raised_exception"):
                    msg = res.exception_info.get("exception_message")
                    raise ConfigError(
                        f"{suite.path}: {cfg.rule if cfg else '?'}: expectation failed to run: {msg}"
                    )
                if cfg is None or res.success:
                    continue
                for row in res.result.get("unexpected_index_list") or []:
                    violations.append(
                        Violation(cfg.rule, cfg.severity, cfg.table, row["article_id"], row["item_id"])
                    )
    return violations


def _by_meta(configs, res):
    rule = (res.expectation_config.meta or {}).get("rule")
    return next((c for c in configs if c.rule == rule), None)


def review_findings(articles: list[ReviewedArticle], suites: list[SuiteConfig]) -> None:
    """Run the suites over the batch and attach findings to each article, in place.

    Rows are keyed by article id (the path from the project root, ``copydesk.checks.identity``),
    made unique within the batch: results come back as (article, item) pairs, and item ids
    (``f1``, ``q2``) repeat in every article, so two articles sharing a key would get each
    other's findings. (The CI gate reviews the base and head copies of a file, which share
    an id, in one batch.)"""
    readable = [a for a in articles if a.reviewed]
    keys = batch_keys(readable)
    scope: dict[str, set[str]] = {s.name: set() for s in suites}
    for art, key in zip(readable, keys, strict=True):
        for suite in suites_for(art.article.id, art.article.section, suites):
            scope[suite.name].add(key)
    # The tables' article_id column holds the keys: each article under its key.
    keyed = [
        replace(art, article=replace(art.article, id=key)) for art, key in zip(readable, keys, strict=True)
    ]
    violations = run_suites(suites, build_tables(keyed), scope)
    by_article: dict[str, list[Violation]] = {}
    for v in violations:
        by_article.setdefault(v.article_id, []).append(v)
    for art, key in zip(readable, keys, strict=True):
        view = ArticleView(art)
        art.findings = [f for v in by_article.get(key, []) if (f := _finding(art, v, view)) is not None]
        art.findings.sort(key=lambda f: (f.start, f.rule))
        assign_fingerprints(art.findings, art.article.id, art.text)


def batch_keys(articles: list[ReviewedArticle]) -> list[str]:
    """The article ids, when they are unique in the batch; else each prefixed with its
    position (``0:content/a.md``, ``1:content/a.md``), unique by construction."""
    ids = [art.article.id for art in articles]
    if len(set(ids)) == len(ids):
        return ids
    return [f"{n}:{aid}" for n, aid in enumerate(ids)]


def _finding(art: ReviewedArticle, v: Violation, view: ArticleView) -> Finding | None:
    fields = _fields(v, view)
    if fields is None:
        return None
    start, end = fields.pop("start"), fields.pop("end")
    match = fields.pop("match", None)
    try:
        message = RULES[v.rule].message.format(**fields)
    except (KeyError, IndexError, ValueError):
        message = RULES[v.rule].summary
    line, col = line_col(art.text, start)
    end_line, end_col = line_col(art.text, end)
    return Finding(
        v.rule,
        v.severity,
        v.item_id,
        start,
        end,
        line,
        col,
        message,
        end_line=end_line,
        end_column=end_col,
        match=match,
    )


def _fields(v: Violation, view: ArticleView) -> dict | None:
    """The fields the message is written from, with the span to flag: those of the flagged
    item of the table the expectation ran on, with the rule's own over them (the rule's
    only on the table it is written for: a user's suite may run it on another)."""
    rule = RULES[v.rule]
    own_table = v.table == rule.table
    if own_table and rule.describe is not None:
        return rule.describe(v.item_id, view)
    table = TABLES[v.table]
    item = next((i for i in table.items(view.art) if table.key(i) == v.item_id), None)
    if item is None:
        return None
    fields = table.describe(item, view)
    if fields is not None and own_table and rule.details is not None:
        fields.update(rule.details(item, view))
    return fields
