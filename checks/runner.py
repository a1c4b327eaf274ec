"""Run the expectation suites with Great Expectations, once per suite and table over a
whole batch, and turn unexpected rows into findings."""

from __future__ import annotations

import html
import importlib
import importlib.util
import logging
import os
import sys
import threading
import types
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd

from checks.archive import ARCHIVE_RULES
from checks.archive.alignment import marked
from checks.config import ConfigError, SuiteConfig, suites_for
from checks.fingerprints import assign_fingerprints, line_col
from checks.hidden import describe
from checks.records import ArchiveMatch, Finding, ReviewedArticle
from checks.rules import RULES
from checks.tables import build_tables, same_quantity

KEY = ["article_id", "item_id"]


@dataclass(frozen=True)
class Violation:
    rule: str
    severity: str
    article_id: str
    item_id: str


# ``preload`` may run in a thread while the review starts; the lock makes a check that
# arrives meanwhile wait for that one import instead of starting a second context.
_GX_LOCK = threading.Lock()


def _gx():
    with _GX_LOCK:
        return _gx_once()


# Imported by Great Expectations for expectations that no copydesk suite uses (the KL
# divergence and Kolmogorov-Smirnov ones): scipy.stats alone is 0.7 s of the import's CPU.
DEFERRED_IMPORTS = ("scipy.stats",)


def _defer_import(name: str) -> None:
    """Put a module in ``sys.modules`` that is executed at its first attribute access
    (``importlib.util.LazyLoader``), so that importing it costs nothing until it is used.
    Bound on its parent package too: ``from scipy import stats`` then finds it there
    without touching it."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)


# Imported by Great Expectations with a plain ``import altair as alt`` for the charts of
# an expectation no copydesk suite uses (KL divergence): 0.4-0.5 s of CPU, a seventh of
# GX's import. ``LazyLoader`` cannot defer a plain import on Python 3.11 (the import
# statement reads the module's ``__spec__``, which loads it), hence ``_Deferred``.
DEFERRED_PLAIN_IMPORTS = ("altair",)


class _Deferred(types.ModuleType):
    """Stands in ``sys.modules`` for a module until one of its attributes is read: then the
    real module is imported (replacing this one there) and the attribute comes from it."""

    def __getattr__(self, attr: str):
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attr)


def _defer_plain_import(name: str) -> None:
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stub = _Deferred(name)
    stub.__spec__ = spec  # what ``import`` reads; no _initializing, so it is taken as loaded
    stub.__file__ = spec.origin
    sys.modules[name] = stub


@lru_cache(maxsize=1)
def _gx_once():
    """Import Great Expectations once per process (it costs seconds) and quiet it."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    for name in DEFERRED_IMPORTS:
        _defer_import(name)
    for name in DEFERRED_PLAIN_IMPORTS:
        _defer_plain_import(name)
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    import checks.expectations  # noqa: F401  (registers copydesk's expectations)

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    logging.getLogger("great_expectations.data_context.types.base").setLevel(logging.ERROR)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    datasource = context.data_sources.add_pandas("copydesk")
    return gx, context, datasource


def preload() -> None:
    """Import Great Expectations now, e.g. while other start-up work runs elsewhere."""
    _gx()


def _condition(where: dict):
    """{kind: speech, cited: false} -> Column("kind") == "speech" & Column("cited") == False."""
    from great_expectations.expectations.row_conditions import Column

    condition = None
    for column, value in where.items():
        part = Column(column) == value
        condition = part if condition is None else condition & part
    return condition


def _expectation(gx, name: str, kwargs: dict, where: str):
    from checks.expectations import CUSTOM_EXPECTATIONS

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
                    kwargs["row_condition"] = _condition(cfg.where)
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
                gx_suite, result_format={"result_format": "COMPLETE", "unexpected_index_column_names": KEY}
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
                    violations.append(Violation(cfg.rule, cfg.severity, row["article_id"], row["item_id"]))
    return violations


def _by_meta(configs, res):
    rule = (res.expectation_config.meta or {}).get("rule")
    return next((c for c in configs if c.rule == rule), None)


def review_findings(articles: list[ReviewedArticle], suites: list[SuiteConfig]) -> None:
    """Run the suites over the batch and attach findings to each article, in place.

    Rows are keyed by article id (the path from the project root, ``checks.identity``),
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
        art.findings = [f for v in by_article.get(key, []) if (f := _finding(art, v)) is not None]
        art.findings.sort(key=lambda f: (f.start, f.rule))
        assign_fingerprints(art.findings, art.article.id, art.text)


def batch_keys(articles: list[ReviewedArticle]) -> list[str]:
    """The article ids, when they are unique in the batch; else each prefixed with its
    position (``0:content/a.md``, ``1:content/a.md``), unique by construction."""
    ids = [art.article.id for art in articles]
    if len(set(ids)) == len(ids):
        return ids
    return [f"{n}:{aid}" for n, aid in enumerate(ids)]


def _finding(art: ReviewedArticle, v: Violation) -> Finding | None:
    item, fields = _item(art, v)
    if item is None:
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


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57].rstrip() + "…”"


def _archive_match(art: ReviewedArticle, v: Violation) -> ArchiveMatch | None:
    same_words = ARCHIVE_RULES[v.rule]
    return next(
        (
            m.match
            for m in art.archive_matches
            if m.quote_id == v.item_id and m.match.same_words == same_words
        ),
        None,
    )


def _item(art: ReviewedArticle, v: Violation):
    """The flagged item, and the fields its message is written from."""
    published = art.article.published or "unknown"
    if v.rule in ARCHIVE_RULES:
        match = _archive_match(art, v)
        quote = next((q for q in art.quotes if q.id == v.item_id), None)
        if match is None or quote is None:
            return None, {}
        here, there = marked(match.diff)
        return quote, {
            "start": quote.start,
            "end": quote.end,
            "short": _short(quote.text),
            "speaker": quote.speaker_name or quote.speaker,
            "other_speaker": match.speaker,
            "other_article": match.article_id,
            "other_published": match.published or "undated",
            "other_line": match.line,
            "here_marked": here,
            "there_marked": there,
            "match": match,
        }
    for q in art.quotes:
        if q.id == v.item_id:
            return q, {
                "start": q.start,
                "end": q.end,
                "short": _short(q.text),
                "speaker": q.speaker,
                "statement_year": q.statement_year,
            }
    for i, f in enumerate(art.figures):
        if f.id == v.item_id:
            other = same_quantity(art)[i]
            why = "a share above 100 percent" if f.share else "a fall of more than 100 percent"
            return f, {
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "why": why,
                "other_text": other.text if other else "",
            }
    for d in art.dates:
        if d.id == v.item_id:
            return d, {"start": d.start, "end": d.end, "text": d.text, "published": published}
    for s in art.sources:
        if s.id == v.item_id:
            return s, {"start": s.start, "end": s.end, "label": s.label or s.id, "text": s.text}
    for c in art.citations:
        if c.id == v.item_id:
            src = next((s for s in art.sources if s.id == c.source_id), None)
            start, end = (c.claim_start, c.end) if v.rule != "footnote-undefined" else (c.start, c.end)
            return c, {
                "start": start,
                "end": end,
                "label": c.label,
                "source_year": src.year if src else None,
                "claim_year": c.claim_year,
            }
    for a in art.vague:
        if a.id == v.item_id:
            return a, {"start": a.start, "end": a.end, "text": a.text}
    for h in art.hidden:
        if h.id == v.item_id:
            return h, {"start": h.start, "end": h.end, "names": describe(html.unescape(h.text))}
    return None, {}
