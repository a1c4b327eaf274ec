"""figure-unsourced: a figure in the article's own voice with no source."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, CustomExpectation, Fact, Rule

SOURCED = CustomExpectation(
    "expect_figures_to_be_sourced",
    "ExpectColumnValuesToBeBetween",
    "Every figure the article asserts has at least one source (rule figure-unsourced).",
    fields={"column": "source_count", "min_value": 1},
    row_condition={"claim": True},
)


RULE = Rule(
    id="figure-unsourced",
    severity="error",
    summary="A statistical figure in the article's own voice has no source.",
    help='Add a footnote or link after it, or say who counted ("according to …", "… said").',
    message="Figure “{text}” has no source: add a citation or say who counted.",
    explanation=(
        "A statistical figure (a count, an amount, a share, a rate) stated in the article's own voice "
        "with nothing that covers it: no footnote or link after it, no attribution whose scope reaches "
        "it, no data source named in the passage it belongs to. Figures that assert nothing (a plan, a "
        "condition, a question), years, days, clock times, ages and scores are not flagged."
    ),
    fires="About 900 people use the pier every day.\n",
    passes="About 900 people use the pier every day, according to the harbour authority.\n",
    suite="sourcing",
    table="figures",
    reads=("claim", "source_count"),
    facts=(
        Fact(
            "source_count",
            "how many sources cover the figure: citations after it, attributions and data "
            "sources whose scope reaches it",
            lambda f, view: len(f.sources),
            decided_in="flows/extract/scope.py",
        ),
        # A worked example, a plan's terms, the rest of a breakdown or a figure stated again
        # asserts nothing of its own: only the claims a reader would check need a source.
        Fact(
            "claim",
            "the article asserts the figure (not a plan, condition or question, nor the rest of a "
            "breakdown, nor a figure it stated before)",
            lambda f, view: f.mood is None and not f.parallel and not f.restated,
            decided_in="flows/extract/mood.py and scope.py",
        ),
    ),
    checks=(Check(SOURCED),),
)
