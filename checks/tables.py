"""One pandas table per kind of item over a whole batch, keyed (article_id, item_id).

The tables and their shared columns are ``copydesk.checks.facts``; each rule module adds the
columns only it reads (``Rule.facts``). Columns hold facts the extractors established;
the judgement (is this allowed?) is left to the expectations.
"""

from __future__ import annotations

import pandas as pd

from copydesk.checks.facts import KEY, TABLES, table_columns
from copydesk.checks.records import ReviewedArticle
from copydesk.checks.rules.spec import ArticleView


def build_tables(articles: list[ReviewedArticle]) -> dict[str, pd.DataFrame]:
    columns = table_columns()
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for art in articles:
        view = ArticleView(art)
        for name, table in TABLES.items():
            for item in table.items(art):
                row = {"article_id": art.article.id, "item_id": table.key(item)}
                row.update((fact.column, fact.value(item, view)) for fact in columns[name])
                rows[name].append(row)
    return {name: _frame(rows[name], [f.column for f in columns[name]]) for name in TABLES}


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[*KEY, *columns])
    # Object dtype throughout: GX type expectations and pandas 3's string dtype disagree.
    return frame.astype({c: object for c in KEY})
