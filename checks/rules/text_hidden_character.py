"""text-hidden-character: characters a reader cannot see."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, Fact, Rule

RULE = Rule(
    id="text-hidden-character",
    severity="warning",
    summary="The text holds characters a reader cannot see: bidi controls or zero-width characters.",
    help=(
        "Delete them: a bidi control can show a figure reversed, a zero-width space splits a number or "
        "a name where no reader sees it. (Copied text often brings them.)"
    ),
    message="Hidden character {names}: delete it.",
    explanation=(
        "Bidi controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C) and zero-width characters "
        "(U+200B-200D, U+2060, U+FEFF after the start) in the reviewed text. Nobody sees them, but they "
        "change what is shown or read: a right-to-left override shows “052” as “250”, a zero-width "
        "space splits “250” into two numbers for a search or a screen reader. copydesk reads numbers "
        "with them removed and writes them out as <U+202E> in every report, page and terminal line."
    ),
    fires="The pier repairs will cost 250 million euros, the council\u200b said.\n",
    passes="The pier repairs will cost 250 million euros, the council said.\n",
    suite="text",
    table="hidden",
    reads=("visible",),
    facts=(
        # Extraction keeps only the runs nobody sees: every row is one.
        Fact(
            "visible",
            "a reader sees the characters (false on every row: only hidden ones are kept)",
            lambda h, view: False,
            decided_in="checks/hidden.py, found by flows/content/view.py",
        ),
    ),
    checks=(Check("expect_column_values_to_be_in_set", {"column": "visible", "value_set": [True]}),),
)
