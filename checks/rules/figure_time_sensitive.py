"""figure-time-sensitive: a running tally without an “as of” date."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, Fact, Rule

RULE = Rule(
    id="figure-time-sensitive",
    severity="info",
    summary='A running tally in the present tense has no "as of" date.',
    help='Add an "as of" date so the figure stays true after publication.',
    message='Figure “{text}” is a running tally: add "as of <date>".',
    explanation=(
        "A running tally in the present tense (“so far”, “have joined”, “to date”) without an “as of” "
        "date. It is true the day it is written and wrong soon after; a date keeps it true in the "
        "archive."
    ),
    fires="So far, 640 households have joined the scheme, the council said.\n",
    passes="As of 1 May, 640 households have joined the scheme, the council said.\n",
    suite="sourcing",
    table="figures",
    reads=("running_tally",),
    facts=(
        Fact(
            "running_tally",
            "a tally in the present tense (“so far”, “to date”) with no “as of” date",
            lambda f, view: f.running_tally,
            decided_in="flows/extract/figures.py",
        ),
    ),
    checks=(Check("expect_column_values_to_be_in_set", {"column": "running_tally", "value_set": [False]}),),
)
