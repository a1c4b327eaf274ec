"""figure-implausible: a share above 100 percent, a fall of more than 100 percent."""

from __future__ import annotations

from copydesk.checks.rules.spec import ArticleView, Check, Fact, Rule


def _why(f, view: ArticleView) -> dict:
    return {"why": "a share above 100 percent" if f.share else "a fall of more than 100 percent"}


RULE = Rule(
    id="figure-implausible",
    severity="warning",
    summary="Impossible arithmetic: a share above 100 percent, a fall of more than 100 percent.",
    help="Check the number: a share cannot exceed the whole, and nothing falls by more than all of it.",
    message="Figure “{text}” is impossible as written ({why}): check the number.",
    explanation=(
        "A figure that cannot be true as written: a share of a whole above 100 percent, a fall of more "
        "than 100 percent. It is usually a typo or a confusion between percent and percentage points."
    ),
    fires="Turnout reached 112 percent of registered voters, the election office said.\n",
    passes="Turnout reached 72 percent of registered voters, the election office said.\n",
    suite="sourcing",
    table="figures",
    reads=("kind", "value", "implausible_context"),
    facts=(
        Fact(
            "implausible_context",
            "the figure is a share of a whole (“N percent of”) or a fall",
            lambda f, view: f.share or f.decrease,
            decided_in="flows/extract/figures.py",
        ),
    ),
    checks=(
        Check(
            "expect_column_values_to_be_between",
            {"column": "value", "max_value": 100},
            where={"kind": "percent", "implausible_context": True},
        ),
    ),
    details=_why,
)
