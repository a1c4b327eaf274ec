"""source-mismatch: a citation that shares nothing with its claim.

Whether a citation matches its claim is decided in extraction, where the parse is
(``flows/extract/document.py``, ``_claims``: the source's title shares no content word
with the claim or the sentence before it, and names things said in other sentences); this
rule reads that fact, ``citations.mismatch``."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, Fact, Rule

RULE = Rule(
    id="source-mismatch",
    severity="warning",
    summary="The citation shares nothing with the claim it is attached to.",
    help="Move the marker to the statement the citation supports, or cite the right source.",
    message="Source [{label}] does not match this claim; it names things said elsewhere: move or replace it.",
    explanation=(
        "A citation whose title shares no content word with the claim it is attached to, but names "
        "things said elsewhere in the article: the marker has probably slipped to the wrong sentence."
    ),
    fires=(
        "Tomas Berg was named volunteer of the year by the fire brigade.\n"
        "\n"
        "The reservoir fell to 30 percent of capacity in August.[^1]\n"
        "\n"
        "[^1]: “Tomas Berg Named Volunteer of the Year”, Valley Post, 2023.\n"
    ),
    passes=(
        "Tomas Berg was named volunteer of the year by the fire brigade.\n"
        "\n"
        "The reservoir fell to 30 percent of capacity in August.[^1]\n"
        "\n"
        "[^1]: “Reservoir Falls to 30 Percent of Capacity”, Valley Post, 2024.\n"
    ),
    suite="sourcing",
    table="citations",
    reads=("mismatch",),
    facts=(
        Fact(
            "mismatch",
            "the source shares no content word with the claim but names things said elsewhere",
            lambda c, view: c.mismatch,
            decided_in="flows/extract/document.py: _claims",
        ),
    ),
    checks=(Check("expect_column_values_to_be_in_set", {"column": "mismatch", "value_set": [False]}),),
)
