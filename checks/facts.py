"""The facts tables the rules read: one row per extracted item of a kind (quotes,
figures, …) over a whole batch, keyed (article_id, item_id).

Each table here has the columns several rules (or users' suites) share; a rule module
adds the columns only it reads (``Rule.facts``), and ``copydesk.checks.tables`` builds the frames
from both. Columns hold facts the extractors established; the judgement (is this
allowed?) is left to the expectations. Also here: the fields a finding's message is
written from, per kind of item, and every table's columns with the rules' added
(``table_columns``). No pandas: suite files are validated against these names without
loading it.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from copydesk.checks.hidden import describe as describe_hidden
from copydesk.checks.records import ReviewedArticle
from copydesk.checks.rules import RULES, Rule
from copydesk.checks.rules.spec import ArticleView, Fact, short

KEY = ("article_id", "item_id")


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str  # what a row is: "one row per …"
    items: Callable[[ReviewedArticle], Iterable[Any]]
    key: Callable[[Any], str]  # the item id of a row
    columns: tuple[Fact, ...]  # the shared columns; rules add their own
    # The message fields of one item, with its span ("start", "end"); None: the item is gone.
    describe: Callable[[Any, ArticleView], dict | None]


def _quote_fields(q, view: ArticleView) -> dict:
    return {
        "start": q.start,
        "end": q.end,
        "short": short(q.text),
        "speaker": q.speaker,
        "statement_year": q.statement_year,
    }


def _citation_fields(c, view: ArticleView) -> dict:
    src = view.source(c.source_id)
    return {
        "start": c.claim_start,  # the claim it is cited for, through the marker
        "end": c.end,
        "label": c.label,
        "source_year": src.year if src else None,
        "claim_year": c.claim_year,
    }


def _matched_quote_fields(m, view: ArticleView) -> dict | None:
    quote = next((q for q in view.art.quotes if q.id == m.quote_id), None)
    return _quote_fields(quote, view) if quote is not None else None


def _span_and_text(item, view: ArticleView) -> dict:
    return {"start": item.start, "end": item.end, "text": item.text}


def _date(value: str | None):
    import pandas as pd  # only when a table is built: validating a suite needs no pandas

    return pd.Timestamp(value) if value else pd.NaT


def _kind() -> Fact:
    return Fact("kind", "the item's kind (see its table)", lambda item, view: item.kind)


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table(
            "quotes",
            "one row per quotation; kind speech or term",
            lambda art: art.quotes,
            lambda q: q.id,
            (
                _kind(),
                Fact(
                    "speaker",
                    "who said it, as the text names them; empty when nobody is",
                    lambda q, view: q.speaker,
                    decided_in="flows/extract/quotes.py, running_speaker.py",
                ),
            ),
            _quote_fields,
        ),
        Table(
            "figures",
            "one row per figure; kind count, percent, money, quantity, fraction or multiple",
            lambda art: art.figures,
            lambda f: f.id,
            (
                _kind(),
                Fact("value", "the figure's number", lambda f, view: f.value),
                Fact("unit", "what it counts (people, litres), if anything", lambda f, view: f.unit),
            ),
            _span_and_text,
        ),
        Table(
            "dates",
            "one row per date mention; kind absolute, relative, range, sequence, decade or century",
            lambda art: art.dates,
            lambda d: d.id,
            (
                _kind(),
                Fact(
                    "tense",
                    "past, present, future or unknown: the tense of what happens then",
                    lambda d, view: d.tense,
                    decided_in="flows/extract/tense.py",
                ),
                Fact("range_start", "the first day it covers", lambda d, view: _date(d.range_start)),
                Fact("range_end", "the last day it covers", lambda d, view: _date(d.range_end)),
                Fact(
                    "published",
                    "the article's publication date",
                    lambda d, view: _date(view.art.article.published),
                ),
            ),
            lambda d, view: {**_span_and_text(d, view), "published": view.art.article.published or "unknown"},
        ),
        Table(
            "citations",
            "one row per footnote marker or link in the text; kind footnote or link",
            lambda art: art.citations,
            lambda c: c.id,
            (
                _kind(),
                Fact(
                    "source_id",
                    "the source it points at; empty when none is defined",
                    lambda c, view: c.source_id,
                ),
            ),
            _citation_fields,
        ),
        Table(
            "sources",
            "one row per source; kind footnote, link or inline",
            lambda art: art.sources,
            lambda s: s.id,
            (_kind(),),
            lambda s, view: {"start": s.start, "end": s.end, "label": s.label or s.id, "text": s.text},
        ),
        Table(
            "attributions",
            "one row per attribution to an unnamed authority (“critics say”)",
            lambda art: art.vague,
            lambda a: a.id,
            (),
            _span_and_text,
        ),
        Table(
            "hidden",
            "one row per run of characters a reader cannot see; kind bidi or zero-width",
            lambda art: art.hidden,
            lambda h: h.id,
            (_kind(),),
            lambda h, view: {"start": h.start, "end": h.end, "names": describe_hidden(html.unescape(h.text))},
        ),
        Table(
            "archive_matches",
            "one row per speech quote and quote of another reviewed article that repeats it",
            lambda art: art.archive_matches,
            lambda m: m.quote_id,
            (
                Fact("other_article", "the other article's id", lambda m, view: m.match.article_id),
                Fact("other_item", "the other quote's item id", lambda m, view: m.match.item),
                Fact(
                    "same_words",
                    "the two quotes have the same words (one may be an excerpt of the other)",
                    lambda m, view: m.match.same_words,
                    decided_in="checks/archive/alignment.py",
                ),
                Fact(
                    "same_speaker",
                    "the two speakers are one person, as far as their names tell",
                    lambda m, view: m.match.same_speaker,
                    decided_in="checks/archive/people.py",
                ),
            ),
            # The row's item is the quote. (The archive rules describe their findings
            # themselves, with the match that fired.)
            _matched_quote_fields,
        ),
    ]
}


@functools.cache
def table_columns() -> dict[str, tuple[Fact, ...]]:
    """Every table's columns: its shared ones, then those the rules add, in catalog order.
    A column name is one fact: two rules adding the same column is a mistake."""
    columns = {name: list(table.columns) for name, table in TABLES.items()}
    for rule in RULES.values():
        for fact in rule.facts:
            taken = [f.column for f in columns[rule.table]]
            if fact.column in taken:
                raise ValueError(f"rule {rule.id}: table {rule.table} already has a column {fact.column!r}")
            columns[rule.table].append(fact)
    return {name: tuple(facts) for name, facts in columns.items()}


def facts_read(rule: Rule) -> tuple[Fact, ...]:
    """The columns of its table a rule reads, as facts (name, meaning, where decided)."""
    columns = {f.column: f for f in table_columns().get(rule.table, ())}
    return tuple(columns[name] for name in rule.reads)


def rules_reading(table: str) -> frozenset[str]:
    """The ids of the rules that read a table: ``archive_matches`` for the rules whose
    findings depend on other articles."""
    return frozenset(r.id for r in RULES.values() if r.table == table)
