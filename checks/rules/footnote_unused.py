"""footnote-unused: a footnote definition no marker cites."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, Fact, Rule

RULE = Rule(
    id="footnote-unused",
    severity="warning",
    summary="A footnote definition is never cited.",
    help="Cite it where it applies, or delete it.",
    message="Footnote [{label}] is never cited in the text: cite it or delete it.",
    explanation=(
        "A footnote that no marker in the text cites: a source left over from an earlier draft, or a "
        "marker that was deleted with its sentence."
    ),
    fires=("Ridership fell last year.\n\n[^1]: Transit Authority, annual report 2023.\n"),
    passes=("Ridership fell last year.[^1]\n\n[^1]: Transit Authority, annual report 2023.\n"),
    suite="footnotes",
    table="sources",
    reads=("kind", "cited"),
    facts=(
        Fact(
            "cited",
            "how many markers point at the source",
            lambda s, view: s.cited,
            decided_in="flows/extract/document.py",
        ),
    ),
    checks=(
        Check(
            "expect_column_values_to_be_between",
            {"column": "cited", "min_value": 1},
            where={"kind": "footnote"},
        ),
    ),
)
