"""source-predates-claim: a source dated before the events it is cited for."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, Fact, Rule

RULE = Rule(
    id="source-predates-claim",
    severity="warning",
    summary="A cited source is dated before the event it is cited for.",
    help="Cite a source published after the event, or check the dates.",
    message=(
        "Source [{label}] ({source_year}) is older than the {claim_year} events it is cited for: cite a "
        "later source."
    ),
    explanation=(
        "A footnote or link is dated before the events of the sentence it is cited for: a 2021 document "
        "cannot report what happened in 2024. The citation is probably attached to the wrong sentence, "
        "or an older source stands in for the one that reports the event."
    ),
    fires=(
        "The council approved the harbour budget in March 2024.[^1]\n"
        "\n"
        "[^1]: City Council, harbour plan, 2021.\n"
    ),
    passes=(
        "The council approved the harbour budget in March 2024.[^1]\n"
        "\n"
        "[^1]: City Council, minutes of the March 2024 meeting, 2024.\n"
    ),
    suite="sourcing",
    table="citations",
    reads=("source_year", "claim_year"),
    facts=(
        Fact(
            "source_year",
            "the year of the source it points at",
            lambda c, view: src.year if (src := view.source(c.source_id)) else None,
            decided_in="flows/extract/sources.py: footnote_year",
        ),
        Fact(
            "claim_year",
            "the latest year of a completed event in the claim it is cited for",
            lambda c, view: c.claim_year,
            decided_in="flows/extract/document.py: _claims",
        ),
    ),
    checks=(
        Check(
            "expect_column_pair_values_a_to_be_greater_than_b",
            {
                "column_A": "source_year",
                "column_B": "claim_year",
                "or_equal": True,
                "ignore_row_if": "either_value_is_missing",
            },
        ),
    ),
)
