"""quote-unsourced: a quote of a past public statement without a citation."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, Fact, Rule

RULE = Rule(
    id="quote-unsourced",
    severity="warning",
    summary="A quote of a past public statement has no citation.",
    help="Cite where and when it was said: a footnote or a link to the interview, speech or post.",
    message="Quote {short} repeats a statement from {statement_year} without a citation: add where it was said.",
    explanation=(
        "A quote of a statement made in an earlier year (a speech, an interview, a post) with no "
        "footnote or link saying where it was made. Old words travel: without a source an editor cannot "
        "check the wording or the context."
    ),
    fires=(
        "---\n"
        "title: Example\n"
        "published: 2024-06-01\n"
        "---\n"
        "In a 2019 speech, Ingrid Falk said: “No town should have to ration water.”\n"
        "\n"
        "She repeated the promise last week.\n"
    ),
    passes=(
        "---\n"
        "title: Example\n"
        "published: 2024-06-01\n"
        "---\n"
        "In a 2019 speech, Ingrid Falk said: “No town should have to ration water.”[^1]\n"
        "\n"
        "[^1]: Falk, speech to the water forum, 12 March 2019.\n"
    ),
    suite="attribution",
    table="quotes",
    reads=("kind", "past_statement", "cited"),
    facts=(
        Fact(
            "past_statement",
            "the quote repeats a statement made in a year the text names",
            lambda q, view: q.statement_year is not None,
            decided_in="flows/extract/document.py: _statement_year",
        ),
        Fact(
            "cited",
            "a footnote or link is attached to the quote",
            lambda q, view: bool(q.sources),
            decided_in="flows/extract/document.py",
        ),
    ),
    checks=(
        Check(
            "expect_column_values_to_be_in_set",
            {"column": "cited", "value_set": [True]},
            where={"kind": "speech", "past_statement": True},
        ),
    ),
)
