"""date-future: a completed event dated after publication."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, CustomExpectation, Rule

NOT_AFTER_PUBLICATION = CustomExpectation(
    "expect_completed_events_not_after_publication",
    "ExpectColumnPairValuesAToBeGreaterThanB",
    "An event told in the past tense is not dated after publication (rule date-future).",
    fields={
        "column_A": "published",
        "column_B": "range_start",
        "or_equal": True,
        "ignore_row_if": "either_value_is_missing",
    },
    row_condition={"tense": "past"},
)


RULE = Rule(
    id="date-future",
    severity="error",
    summary="A completed event is dated after the publication date.",
    help="Fix the date or the tense: a past event cannot come after publication.",
    message="“{text}” is after the publication date ({published}) but told as past: fix the date or the tense.",
    explanation=(
        "An event told as done (past tense) is dated after the article's publication date (the front "
        "matter's `published`, or a `Published:` line). Forecasts and plans (“will open in 2031”) are "
        "not flagged. Without a publication date the rule cannot run, and the report says so."
    ),
    fires=(
        "---\n"
        "title: Example\n"
        "published: 2024-06-01\n"
        "---\n"
        "The new library opened in 2025 after a long delay.\n"
    ),
    passes=(
        "---\n"
        "title: Example\n"
        "published: 2024-06-01\n"
        "---\n"
        "The new library opened in 2023 after a long delay.\n"
    ),
    suite="dates",
    table="dates",
    reads=("tense", "published", "range_start"),
    checks=(Check(NOT_AFTER_PUBLICATION),),
)
