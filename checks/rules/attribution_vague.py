"""attribution-vague: a claim resting on an unnamed authority."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, Fact, Rule

RULE = Rule(
    id="attribution-vague",
    severity="warning",
    summary="A claim rests on an unnamed authority.",
    help="Name who believes or says it, or cut the attribution.",
    message="“{text}” rests on an unnamed authority: name who says it.",
    explanation=(
        "A claim or stance held by someone the article does not name: a quantifier (“some”, “many”), a "
        "party or nationality, an agent noun (“critics”, “experts”), anonymous sources, an unnamed poll "
        "or study. It is not flagged when the group's members or an organisation are named, or a named "
        "member of the group backs the claim in the same or the next sentence."
    ),
    fires="Critics say the plan will raise rents.\n",
    passes="Mia Berg, who chairs the tenants' union, says the plan will raise rents.\n",
    suite="attribution",
    table="attributions",
    reads=("named",),
    facts=(
        # Extraction keeps only the attributions that name nobody: every row is one.
        Fact(
            "named",
            "the authority is named (false on every row: extraction keeps only unnamed ones)",
            lambda a, view: False,
            decided_in="flows/extract/vague.py",
        ),
    ),
    checks=(Check("expect_column_values_to_be_in_set", {"column": "named", "value_set": [True]}),),
)
