"""date-order: a range or sequence of dates that runs backwards."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, Rule


def _runs_forwards(kind: str) -> Check:
    return Check(
        "expect_column_pair_values_a_to_be_greater_than_b",
        {
            "column_A": "range_end",
            "column_B": "range_start",
            "or_equal": True,
            "ignore_row_if": "either_value_is_missing",
        },
        where={"kind": kind},
    )


RULE = Rule(
    id="date-order",
    severity="error",
    summary="A range or sequence runs backwards.",
    help="Swap or correct the dates so the range runs forwards.",
    message="“{text}” runs backwards: the start is after the end.",
    explanation=(
        "A range (“from 2019 to 2015”) or a sequence of events that must run forwards (“opens in June "
        "2031 once construction ends in 2033”) runs backwards."
    ),
    fires="The new pool opens in June 2031 once construction ends in 2033.\n",
    passes="The new pool opens in June 2034 once construction ends in 2033.\n",
    suite="dates",
    table="dates",
    reads=("kind", "range_start", "range_end"),
    checks=(_runs_forwards("range"), _runs_forwards("sequence")),
)
